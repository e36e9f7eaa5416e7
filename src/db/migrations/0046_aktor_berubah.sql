-- ADR 0032: each node keeps a session's actor for a short while; every change to what the actor
-- holds (the session, the employee's name, unit, flags, roles) tells every node on channel
-- aktor_berubah which employees to forget. One notification per statement (transition tables), so a
-- bulk import sends one; "*" (forget everyone) when the list would not fit a payload. A session's
-- sliding renewal (expires_at only) tells nobody: a node that sees its copy expire reads it again.
CREATE FUNCTION "beri_tahu_aktor"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  isi text;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  isi := array_to_string(ids, ',');
  IF length(isi) > 7000 THEN
    isi := '*';
  END IF;
  PERFORM pg_notify('aktor_berubah', isi);
END $$;--> statement-breakpoint
CREATE FUNCTION "aktor_berubah_lama"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM beri_tahu_aktor((SELECT array_agg(DISTINCT pegawai_id) FROM lama));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "aktor_berubah_baru"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM beri_tahu_aktor((SELECT array_agg(DISTINCT pegawai_id) FROM baru));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "aktor_berubah_kedua"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM beri_tahu_aktor((SELECT array_agg(pegawai_id) FROM (SELECT pegawai_id FROM lama UNION SELECT pegawai_id FROM baru) k));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "aktor_berubah_sesi"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM beri_tahu_aktor((
    SELECT array_agg(DISTINCT x) FROM baru b JOIN lama l ON l.id = b.id, unnest(ARRAY[l.pegawai_id, b.pegawai_id]) x
     WHERE (l.pegawai_id, l.csrf_token, l.wajib_daftar_mfa) IS DISTINCT FROM (b.pegawai_id, b.csrf_token, b.wajib_daftar_mfa)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "aktor_berubah_pegawai"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM beri_tahu_aktor((
    SELECT array_agg(DISTINCT b.id) FROM baru b JOIN lama l ON l.id = b.id
     WHERE (l.nip, l.gelar_depan, l.nama, l.gelar_belakang, l.instansi_id, l.opd_id, l.must_change_password, l.is_active)
           IS DISTINCT FROM (b.nip, b.gelar_depan, b.nama, b.gelar_belakang, b.instansi_id, b.opd_id, b.must_change_password, b.is_active)));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sesi_aktor_hapus" AFTER DELETE ON "sesi" REFERENCING OLD TABLE AS lama
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_lama();--> statement-breakpoint
CREATE TRIGGER "sesi_aktor_ubah" AFTER UPDATE ON "sesi" REFERENCING OLD TABLE AS lama NEW TABLE AS baru
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_sesi();--> statement-breakpoint
CREATE TRIGGER "pegawai_aktor_ubah" AFTER UPDATE ON "pegawai" REFERENCING OLD TABLE AS lama NEW TABLE AS baru
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_pegawai();--> statement-breakpoint
CREATE TRIGGER "peran_aktor_tambah" AFTER INSERT ON "peran_pegawai" REFERENCING NEW TABLE AS baru
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_baru();--> statement-breakpoint
CREATE TRIGGER "peran_aktor_hapus" AFTER DELETE ON "peran_pegawai" REFERENCING OLD TABLE AS lama
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_lama();--> statement-breakpoint
CREATE TRIGGER "peran_aktor_ubah" AFTER UPDATE ON "peran_pegawai" REFERENCING OLD TABLE AS lama NEW TABLE AS baru
  FOR EACH STATEMENT EXECUTE FUNCTION aktor_berubah_kedua();
