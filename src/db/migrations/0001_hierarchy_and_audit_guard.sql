-- The direct superior (pejabat penilai) of an employee on a date (SPEC §3): the admin override if
-- set, otherwise the holder of the nearest occupied superior position, where a definitive holder
-- comes before an acting Plt/Plh; vacant positions are skipped upward; nobody is their own superior.
CREATE FUNCTION atasan_langsung(p_id integer, p_tanggal date) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
-- plpgsql, not sql: its statement plans are cached per connection, and this runs on every request.
DECLARE
  v_override integer;
  v_jid integer;
  v_holder integer;
  v_depth integer := 0;
BEGIN
  SELECT p.atasan_override_id, j.atasan_jabatan_id INTO v_override, v_jid
    FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id
   WHERE p.id = p_id;
  IF v_override IS NOT NULL THEN
    RETURN v_override;
  END IF;
  WHILE v_jid IS NOT NULL AND v_depth < 30 LOOP
    SELECT p2.id INTO v_holder FROM pegawai p2
     WHERE p2.jabatan_id = v_jid AND p2.is_active AND p2.id <> p_id
     ORDER BY p2.id LIMIT 1;
    IF v_holder IS NOT NULL THEN
      RETURN v_holder;
    END IF;
    SELECT t.pegawai_id INTO v_holder FROM penugasan t JOIN pegawai p3 ON p3.id = t.pegawai_id AND p3.is_active
     WHERE t.jabatan_id = v_jid AND t.jenis IN ('PLT', 'PLH') AND t.tmt_mulai <= p_tanggal
       AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal) AND t.pegawai_id <> p_id
     ORDER BY t.pegawai_id LIMIT 1;
    IF v_holder IS NOT NULL THEN
      RETURN v_holder;
    END IF;
    SELECT j.atasan_jabatan_id INTO v_jid FROM jabatan j WHERE j.id = v_jid;
    v_depth := v_depth + 1;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The direct subordinates of an employee: candidates are those holding positions under one of the
-- employee's positions (definitive or acting), reached through vacant positions, plus those whose
-- superior is overridden to them; atasan_langsung() then decides, so both functions always agree.
CREATE FUNCTION bawahan_langsung(p_id integer, p_tanggal date) RETURNS SETOF integer
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  WITH RECURSIVE mine(jid) AS (
    SELECT jabatan_id FROM pegawai WHERE id = p_id AND jabatan_id IS NOT NULL
    UNION
    SELECT t.jabatan_id FROM penugasan t
     WHERE t.pegawai_id = p_id AND t.jenis IN ('PLT', 'PLH') AND t.tmt_mulai <= p_tanggal
       AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal)
  ), reach(jid, d) AS (
    SELECT j.id, 1 FROM jabatan j JOIN mine m ON j.atasan_jabatan_id = m.jid
    UNION ALL
    SELECT j.id, r.d + 1 FROM reach r JOIN jabatan j ON j.atasan_jabatan_id = r.jid
     WHERE r.d < 10
       AND NOT EXISTS (SELECT 1 FROM pegawai h WHERE h.jabatan_id = r.jid AND h.is_active)
       AND NOT EXISTS (SELECT 1 FROM penugasan t WHERE t.jabatan_id = r.jid AND t.jenis IN ('PLT', 'PLH')
                        AND t.tmt_mulai <= p_tanggal AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= p_tanggal))
  ), candidates(id) AS (
    SELECT p.id FROM pegawai p JOIN reach r ON p.jabatan_id = r.jid WHERE p.is_active
    UNION
    SELECT p.id FROM pegawai p WHERE p.atasan_override_id = p_id AND p.is_active
  )
  SELECT c.id FROM candidates c WHERE c.id <> p_id AND atasan_langsung(c.id, p_tanggal) = p_id;
END
$$;
--> statement-breakpoint
-- The audit log is append-only: rows can be added, never changed or removed.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log hanya dapat ditambah (append-only)';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
