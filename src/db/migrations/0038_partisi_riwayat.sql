-- Partitioned history (ADR 0025): attendance (`kehadiran`), progres harian (`log_harian`) and the
-- assessment thread (`realisasi_riwayat`) grow by millions of rows a year and are read a month or a
-- year at a time, so they become tables partitioned by RANGE of a year: the date of attendance and of
-- a daily entry, and for the thread the year of its realisasi's period (new column `tahun`, so a
-- December assessed in January stays with its year). One partition per year, plus a DEFAULT one that
-- takes any year no partition covers (a write never fails for want of a partition). A query that
-- filters the key reads only its years; an old year can be detached and archived whole.
-- drizzle-kit does not emit partitioned DDL: each table is renamed, recreated partitioned with the
-- same columns, keys, indexes and constraints (the keys of log_harian and the thread gain the
-- partition key, as PostgreSQL requires of a partitioned table's unique keys; no table references
-- these three), its rows are moved, and the old table dropped.

-- The partition key column of `tabel`, and whether it holds a year (the thread) rather than a date.
CREATE FUNCTION partisi_kunci(tabel text, OUT kunci text, OUT angka boolean) LANGUAGE sql STABLE AS $$
  SELECT a.attname::text, a.atttypid IN ('smallint'::regtype, 'integer'::regtype)
    FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
   WHERE p.partrelid = tabel::regclass
$$;--> statement-breakpoint

-- Creates the year partition of `tabel` (named tabel_YYYY) if it is missing. Rows of that year
-- already in the DEFAULT partition (tabel_lain) move into it first: PostgreSQL refuses to add a
-- partition while the default one holds rows of its range. True when it created the partition.
CREATE FUNCTION partisi_tahunan(tabel text, tahun integer) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  kunci text := (partisi_kunci(tabel)).kunci;
  nama text := tabel || '_' || tahun;
  -- A year column's bounds are the years; a date's are the first days of the years.
  angka boolean := (partisi_kunci(tabel)).angka;
  dari text := CASE WHEN angka THEN tahun::text ELSE make_date(tahun, 1, 1)::text END;
  sampai text := CASE WHEN angka THEN (tahun + 1)::text ELSE make_date(tahun + 1, 1, 1)::text END;
BEGIN
  IF to_regclass(nama) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', nama, tabel);
  EXECUTE format(
    'WITH pindah AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM pindah',
    tabel || '_lain', kunci, dari, kunci, sampai, nama);
  EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', tabel, nama, dari, sampai);
  RETURN true;
END
$$;--> statement-breakpoint

-- What the daily job runs: this year's and next year's partitions of every partitioned history
-- table, and a partition for any year whose rows landed in a DEFAULT partition (a date far in the
-- past or future). Returns the partitions it created.
CREATE FUNCTION partisi_tahunan_siapkan() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  tabel text;
  k record;
  tahun integer;
BEGIN
  -- Instances running it at once wait for each other instead of creating the same table twice.
  PERFORM pg_advisory_xact_lock(hashtext('partisi_tahunan'));
  FOREACH tabel IN ARRAY ARRAY['kehadiran', 'log_harian', 'realisasi_riwayat'] LOOP
    k := partisi_kunci(tabel);
    FOR tahun IN
      EXECUTE format(
        'SELECT y FROM generate_series(extract(year FROM current_date)::int, extract(year FROM current_date)::int + 1) y
          UNION SELECT DISTINCT %s FROM %I ORDER BY 1',
        CASE WHEN k.angka THEN format('%I::int', k.kunci) ELSE format('extract(year FROM %I)::int', k.kunci) END,
        tabel || '_lain')
    LOOP
      IF partisi_tahunan(tabel, tahun) THEN
        RETURN NEXT tabel || '_' || tahun;
      END IF;
    END LOOP;
  END LOOP;
END
$$;--> statement-breakpoint

ALTER TABLE "kehadiran" RENAME TO "kehadiran_lama";--> statement-breakpoint
ALTER TABLE "kehadiran_lama" DROP CONSTRAINT "kehadiran_pegawai_id_tanggal_pk";--> statement-breakpoint
ALTER TABLE "kehadiran_lama" DROP CONSTRAINT "kehadiran_instansi_id_instansi_id_fk";--> statement-breakpoint
ALTER TABLE "kehadiran_lama" DROP CONSTRAINT "kehadiran_pegawai_id_pegawai_id_fk";--> statement-breakpoint
ALTER TABLE "kehadiran_lama" DROP CONSTRAINT "kehadiran_apel_ck";--> statement-breakpoint
ALTER TABLE "kehadiran_lama" DROP CONSTRAINT "kehadiran_status_ck";--> statement-breakpoint
DROP INDEX "kehadiran_instansi_tanggal_idx";--> statement-breakpoint
CREATE TABLE "kehadiran" (
  "pegawai_id" integer NOT NULL,
  "tanggal" date NOT NULL,
  "instansi_id" integer NOT NULL,
  "jam_masuk" time,
  "jam_pulang" time,
  "status" text NOT NULL,
  "keterangan" text,
  "sumber" text NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "apel" text,
  CONSTRAINT "kehadiran_pegawai_id_tanggal_pk" PRIMARY KEY ("pegawai_id", "tanggal"),
  CONSTRAINT "kehadiran_status_ck" CHECK ("status" IN ('HADIR', 'DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN', 'TANPA_KETERANGAN')),
  CONSTRAINT "kehadiran_apel_ck" CHECK ("apel" IN ('HADIR', 'TIDAK_HADIR')),
  CONSTRAINT "kehadiran_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id"),
  CONSTRAINT "kehadiran_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id")
) PARTITION BY RANGE ("tanggal");--> statement-breakpoint
CREATE INDEX "kehadiran_instansi_tanggal_idx" ON "kehadiran" ("instansi_id", "tanggal");--> statement-breakpoint
CREATE TABLE "kehadiran_lain" PARTITION OF "kehadiran" DEFAULT;--> statement-breakpoint
SELECT partisi_tahunan('kehadiran', y)
  FROM generate_series(
         least((SELECT min(extract(year FROM "tanggal"))::int FROM "kehadiran_lama"), extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
INSERT INTO "kehadiran" ("pegawai_id", "tanggal", "instansi_id", "jam_masuk", "jam_pulang", "status", "keterangan", "sumber", "updated_at", "apel")
SELECT "pegawai_id", "tanggal", "instansi_id", "jam_masuk", "jam_pulang", "status", "keterangan", "sumber", "updated_at", "apel"
  FROM "kehadiran_lama";--> statement-breakpoint
DROP TABLE "kehadiran_lama";--> statement-breakpoint

ALTER TABLE "log_harian" RENAME TO "log_harian_lama";--> statement-breakpoint
ALTER TABLE "log_harian_lama" DROP CONSTRAINT "log_harian_pkey";--> statement-breakpoint
ALTER TABLE "log_harian_lama" DROP CONSTRAINT "log_harian_bukti_berkas_id_bukti_dukung_id_fk";--> statement-breakpoint
ALTER TABLE "log_harian_lama" DROP CONSTRAINT "log_harian_realisasi_id_realisasi_id_fk";--> statement-breakpoint
ALTER TABLE "log_harian_lama" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
DROP INDEX "log_harian_realisasi_idx";--> statement-breakpoint
DROP INDEX "log_harian_tanggal_idx";--> statement-breakpoint
CREATE TABLE "log_harian" (
  "id" integer GENERATED ALWAYS AS IDENTITY (sequence name "log_harian_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
  "realisasi_id" integer NOT NULL,
  "tanggal" date NOT NULL,
  "jam_mulai" text NOT NULL,
  "jam_selesai" text NOT NULL,
  "kegiatan" text NOT NULL,
  "kuantitas" integer NOT NULL,
  "satuan" text NOT NULL,
  "bukti_dukung" text,
  "bukti_berkas_id" integer,
  "dicatat_at" timestamp with time zone,
  CONSTRAINT "log_harian_id_tanggal_pk" PRIMARY KEY ("id", "tanggal"),
  CONSTRAINT "log_harian_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade,
  CONSTRAINT "log_harian_bukti_berkas_id_bukti_dukung_id_fk" FOREIGN KEY ("bukti_berkas_id") REFERENCES "public"."bukti_dukung"("id") ON DELETE set null
) PARTITION BY RANGE ("tanggal");--> statement-breakpoint
CREATE INDEX "log_harian_realisasi_idx" ON "log_harian" ("realisasi_id", "tanggal");--> statement-breakpoint
CREATE INDEX "log_harian_tanggal_idx" ON "log_harian" ("tanggal");--> statement-breakpoint
CREATE TABLE "log_harian_lain" PARTITION OF "log_harian" DEFAULT;--> statement-breakpoint
SELECT partisi_tahunan('log_harian', y)
  FROM generate_series(
         least((SELECT min(extract(year FROM "tanggal"))::int FROM "log_harian_lama"), extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
INSERT INTO "log_harian"
  ("id", "realisasi_id", "tanggal", "jam_mulai", "jam_selesai", "kegiatan", "kuantitas", "satuan", "bukti_dukung", "bukti_berkas_id", "dicatat_at")
  OVERRIDING SYSTEM VALUE
SELECT "id", "realisasi_id", "tanggal", "jam_mulai", "jam_selesai", "kegiatan", "kuantitas", "satuan", "bukti_dukung", "bukti_berkas_id", "dicatat_at"
  FROM "log_harian_lama";--> statement-breakpoint
SELECT setval('log_harian_id_seq', coalesce((SELECT max("id") FROM "log_harian"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "log_harian_lama";--> statement-breakpoint

ALTER TABLE "realisasi_riwayat" RENAME TO "realisasi_riwayat_lama";--> statement-breakpoint
ALTER TABLE "realisasi_riwayat_lama" DROP CONSTRAINT "realisasi_riwayat_pkey";--> statement-breakpoint
ALTER TABLE "realisasi_riwayat_lama" DROP CONSTRAINT "realisasi_riwayat_realisasi_id_realisasi_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_riwayat_lama" DROP CONSTRAINT "realisasi_riwayat_oleh_id_pegawai_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_riwayat_lama" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
DROP INDEX "realisasi_riwayat_idx";--> statement-breakpoint
CREATE TABLE "realisasi_riwayat" (
  "id" integer GENERATED ALWAYS AS IDENTITY (sequence name "realisasi_riwayat_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
  "realisasi_id" integer NOT NULL,
  "tahun" smallint NOT NULL,
  "putaran" smallint NOT NULL,
  "aksi" text NOT NULL,
  "oleh_id" integer NOT NULL,
  "catatan" text,
  "at" timestamp with time zone NOT NULL,
  CONSTRAINT "realisasi_riwayat_id_tahun_pk" PRIMARY KEY ("id", "tahun"),
  CONSTRAINT "realisasi_riwayat_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade,
  CONSTRAINT "realisasi_riwayat_oleh_id_pegawai_id_fk" FOREIGN KEY ("oleh_id") REFERENCES "public"."pegawai"("id")
) PARTITION BY RANGE ("tahun");--> statement-breakpoint
CREATE INDEX "realisasi_riwayat_idx" ON "realisasi_riwayat" ("realisasi_id", "id");--> statement-breakpoint
CREATE TABLE "realisasi_riwayat_lain" PARTITION OF "realisasi_riwayat" DEFAULT;--> statement-breakpoint
SELECT partisi_tahunan('realisasi_riwayat', y)
  FROM generate_series(
         least((SELECT min(left("periode_kode", 4)::int) FROM "realisasi"), extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
-- The period code starts with its year ('2026-07', '2026-Q3', '2026-S2').
INSERT INTO "realisasi_riwayat" ("id", "realisasi_id", "tahun", "putaran", "aksi", "oleh_id", "catatan", "at")
  OVERRIDING SYSTEM VALUE
SELECT h."id", h."realisasi_id", left(r."periode_kode", 4)::smallint, h."putaran", h."aksi", h."oleh_id", h."catatan", h."at"
  FROM "realisasi_riwayat_lama" h JOIN "realisasi" r ON r."id" = h."realisasi_id";--> statement-breakpoint
SELECT setval('realisasi_riwayat_id_seq', coalesce((SELECT max("id") FROM "realisasi_riwayat"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "realisasi_riwayat_lama";
