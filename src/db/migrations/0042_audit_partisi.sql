-- The audit log partitioned by year (ADR 0029): `tahun`, the year of `at` in Asia/Jakarta, set by
-- the writer and never changed. One partition per year plus the DEFAULT `audit_log_lain`, kept by
-- the yearly job like the other history tables (ADR 0025). The primary key becomes (id, tahun) and
-- the place's unique key (instansi_id, urutan, tahun): a partitioned table's unique keys must hold
-- its key, so a place is unique only within a year; the chainers' advisory lock still gives each
-- place once, and the verifier reports a place given twice. `audit_arsip` holds the signed anchor
-- of each archived segment of a chain; the live chain goes on from the latest one.

-- Statement triggers of a partitioned table are not cloned to its partitions (row triggers are): a
-- TRUNCATE naming one partition would skip the parent's refusal, so each partition gets its own.
CREATE FUNCTION partisi_salin_pemicu(tabel text, partisi text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT tgname, tgfoid::regproc::text AS fungsi, CASE WHEN tgtype & 2 <> 0 THEN 'BEFORE' ELSE 'AFTER' END AS saat
      FROM pg_trigger
     WHERE tgrelid = tabel::regclass AND tgparentid = 0 AND NOT tgisinternal AND tgtype & 32 <> 0
  LOOP
    EXECUTE format('CREATE TRIGGER %I %s TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION %s()',
                   t.tgname, t.saat, partisi, t.fungsi);
  END LOOP;
END
$$;--> statement-breakpoint

-- As in migration 0038, plus: rows leave the DEFAULT partition with its own triggers off for the
-- move only (an append-only table's row trigger refuses the DELETE; the rows keep their content and
-- hashes), and the new partition gets the table's TRUNCATE triggers. Rows that reference the moving
-- rows (for realisasi, migration 0043: its evidence, entries, thread and feedback) would go with them
-- (ON DELETE CASCADE): they are kept aside first and put back once the rows are in their year, those
-- referenced by other kept rows first (evidence before the entries that point at it).
CREATE OR REPLACE FUNCTION partisi_tahunan(tabel text, tahun integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  kunci text := (partisi_kunci(tabel)).kunci;
  nama text := tabel || '_' || tahun;
  -- A year column's bounds are the years; a date's are the first days of the years.
  angka boolean := (partisi_kunci(tabel)).angka;
  dari text := CASE WHEN angka THEN tahun::text ELSE make_date(tahun, 1, 1)::text END;
  sampai text := CASE WHEN angka THEN (tahun + 1)::text ELSE make_date(tahun + 1, 1, 1)::text END;
  anak record;
  disimpan text[] := '{}';
  salinan text;
BEGIN
  IF to_regclass(nama) IS NOT NULL THEN
    RETURN false;
  END IF;
  FOR anak IN
    SELECT c.conrelid::regclass::text AS tabel,
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
              FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS kolom,
           (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
              FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS rujukan
      FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conparentid = 0 AND c.confrelid = tabel::regclass
     ORDER BY (SELECT count(*) FROM pg_constraint d
                WHERE d.contype = 'f' AND d.conparentid = 0 AND d.conrelid = c.conrelid AND d.confrelid <> c.conrelid
                  AND d.confrelid IN (SELECT e.conrelid FROM pg_constraint e
                                       WHERE e.contype = 'f' AND e.conparentid = 0 AND e.confrelid = tabel::regclass)),
              1
  LOOP
    salinan := 'partisi_simpan_' || (cardinality(disimpan) + 1);
    EXECUTE format(
      'CREATE TEMP TABLE %I AS SELECT * FROM %s WHERE (%s) IN (SELECT %s FROM %I WHERE %I >= %L AND %I < %L)',
      salinan, anak.tabel, anak.kolom, anak.rujukan, tabel || '_lain', kunci, dari, kunci, sampai);
    disimpan := disimpan || anak.tabel;
  END LOOP;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', nama, tabel);
  -- As in migration 0042: the DEFAULT partition's own triggers are off for the move only (an
  -- append-only table refuses the DELETE), and the new partition gets the TRUNCATE triggers.
  EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', tabel || '_lain');
  EXECUTE format(
    'WITH pindah AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM pindah',
    tabel || '_lain', kunci, dari, kunci, sampai, nama);
  EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', tabel || '_lain');
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', tabel, nama, dari, sampai);
  PERFORM partisi_salin_pemicu(tabel, nama);
  FOR i IN 1 .. cardinality(disimpan) LOOP
    EXECUTE format('INSERT INTO %s OVERRIDING SYSTEM VALUE SELECT * FROM %I', disimpan[i], 'partisi_simpan_' || i);
    EXECUTE format('DROP TABLE %I', 'partisi_simpan_' || i);
  END LOOP;
  RETURN true;
END
$$;--> statement-breakpoint

-- The chaining step's one update (ADR 0019); the partition key is among the columns it keeps.
CREATE OR REPLACE FUNCTION audit_log_hanya_rantai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.urutan IS NULL AND OLD.prev_hash IS NULL
     AND NEW.hash IS NOT NULL AND NEW.urutan IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND (NEW.id, NEW.tahun, NEW.instansi_id, NEW.opd_id, NEW.at, NEW.actor_id, NEW.action, NEW.entity,
          NEW.entity_id, NEW.before, NEW.after, NEW.reason, NEW.request_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.tahun, OLD.instansi_id, OLD.opd_id, OLD.at, OLD.actor_id, OLD.action, OLD.entity,
          OLD.entity_id, OLD.before, OLD.after, OLD.reason, OLD.request_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log hanya dapat ditambah (append-only)';
END
$$;--> statement-breakpoint

ALTER TABLE "audit_log" RENAME TO "audit_log_lama";--> statement-breakpoint
ALTER TABLE "audit_log_lama" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log_lama" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
DROP INDEX "audit_instansi_idx";--> statement-breakpoint
DROP INDEX "audit_urutan_idx";--> statement-breakpoint
DROP INDEX "audit_menunggu_idx";--> statement-breakpoint
DROP INDEX "audit_entity_idx";--> statement-breakpoint
DROP INDEX "audit_actor_idx";--> statement-breakpoint
DROP INDEX "audit_opd_idx";--> statement-breakpoint
CREATE TABLE "audit_log" (
  "id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
  "instansi_id" integer NOT NULL,
  "opd_id" integer,
  "at" timestamp (3) with time zone NOT NULL,
  "actor_id" integer,
  "action" text NOT NULL,
  "entity" text NOT NULL,
  "entity_id" text NOT NULL,
  "before" jsonb,
  "after" jsonb,
  "reason" text,
  "request_id" text,
  "prev_hash" text,
  "hash" text,
  "urutan" bigint,
  "tahun" integer NOT NULL,
  CONSTRAINT "audit_log_id_tahun_pk" PRIMARY KEY ("id", "tahun")
) PARTITION BY RANGE ("tahun");--> statement-breakpoint
CREATE INDEX "audit_instansi_idx" ON "audit_log" ("instansi_id", "id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_urutan_idx" ON "audit_log" ("instansi_id", "urutan", "tahun");--> statement-breakpoint
CREATE INDEX "audit_menunggu_idx" ON "audit_log" ("instansi_id", "id") WHERE "urutan" IS NULL;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" ("entity", "entity_id", "id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" ("actor_id", "id");--> statement-breakpoint
CREATE INDEX "audit_opd_idx" ON "audit_log" ("opd_id", "id");--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_hanya_rantai();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();--> statement-breakpoint
CREATE TABLE "audit_log_lain" PARTITION OF "audit_log" DEFAULT;--> statement-breakpoint
SELECT partisi_salin_pemicu('audit_log', 'audit_log_lain');--> statement-breakpoint
-- The same statement computes the column in the writer (domain/audit.ts, tahunAudit).
SELECT partisi_tahunan('audit_log', y)
  FROM generate_series(
         least((SELECT min(extract(year FROM "at" AT TIME ZONE 'Asia/Jakarta'))::int FROM "audit_log_lama"),
               extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
INSERT INTO "audit_log" ("id", "instansi_id", "opd_id", "at", "actor_id", "action", "entity", "entity_id", "before", "after", "reason", "request_id", "prev_hash", "hash", "urutan", "tahun")
  OVERRIDING SYSTEM VALUE
SELECT "id", "instansi_id", "opd_id", "at", "actor_id", "action", "entity", "entity_id", "before", "after", "reason", "request_id", "prev_hash", "hash", "urutan",
       extract(year FROM "at" AT TIME ZONE 'Asia/Jakarta')::int
  FROM "audit_log_lama";--> statement-breakpoint
SELECT setval('audit_log_id_seq', coalesce((SELECT max("id") FROM "audit_log"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "audit_log_lama";--> statement-breakpoint

CREATE TABLE "audit_arsip" (
  "id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_arsip_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
  "instansi_id" integer NOT NULL,
  "tahun" integer NOT NULL,
  "sampai_urutan" bigint NOT NULL,
  "sampai_id" bigint NOT NULL,
  "hash" text NOT NULL,
  "jumlah" bigint NOT NULL,
  "sha256" text NOT NULL,
  "at" timestamp (3) with time zone NOT NULL,
  "signature" text NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "audit_arsip_instansi_idx" ON "audit_arsip" USING btree ("instansi_id", "sampai_urutan");--> statement-breakpoint
-- Anchors are append-only like the log and its checkpoints.
CREATE TRIGGER "audit_arsip_no_update" BEFORE UPDATE OR DELETE ON "audit_arsip"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();--> statement-breakpoint
CREATE TRIGGER "audit_arsip_no_truncate" BEFORE TRUNCATE ON "audit_arsip"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
