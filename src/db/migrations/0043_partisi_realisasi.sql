-- Partitioned realisasi (ADR 0028): `realisasi` becomes partitioned by RANGE of `tahun`, the year of
-- its period ('2026-07', '2026-Q3', '2026-S2'), like its thread (ADR 0025), with one partition per
-- year plus the DEFAULT `realisasi_lain`, so the yearly job (0039) keeps its partitions. PostgreSQL
-- requires the primary and unique keys of a partitioned table to hold the partition key, and a
-- foreign key to one to name all of them: the key becomes (id, tahun), the unique key of an RHK's
-- period gains tahun, and the four tables that reference a realisasi carry its year (the thread
-- already has it) with their foreign keys on (realisasi_id, tahun), still ON DELETE CASCADE.
-- drizzle-kit does not emit partitioned DDL: the table is renamed, recreated partitioned with the
-- same columns, keys, indexes and constraints, its rows moved (ids kept), and the old table dropped.
-- partisi_tahunan (migration 0042) keeps the rows that reference the rows it moves out of DEFAULT,
-- so a realisasi year leaving DEFAULT keeps its evidence, entries, thread and feedback.

ALTER TABLE "bukti_dukung" DROP CONSTRAINT "bukti_dukung_realisasi_id_realisasi_id_fk";--> statement-breakpoint
ALTER TABLE "log_harian" DROP CONSTRAINT "log_harian_realisasi_id_realisasi_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_riwayat" DROP CONSTRAINT "realisasi_riwayat_realisasi_id_realisasi_id_fk";--> statement-breakpoint
ALTER TABLE "umpan_balik" DROP CONSTRAINT "umpan_balik_realisasi_id_realisasi_id_fk";--> statement-breakpoint

-- The children take their realisasi's year; feedback on behaviour (no realisasi) that of its period.
ALTER TABLE "bukti_dukung" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "bukti_dukung" b SET "tahun" = left(r."periode_kode", 4)::smallint
  FROM "realisasi" r WHERE r."id" = b."realisasi_id";--> statement-breakpoint
ALTER TABLE "bukti_dukung" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "log_harian" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "log_harian" l SET "tahun" = left(r."periode_kode", 4)::smallint
  FROM "realisasi" r WHERE r."id" = l."realisasi_id";--> statement-breakpoint
ALTER TABLE "log_harian" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "umpan_balik" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "umpan_balik" u
   SET "tahun" = left(coalesce((SELECT r."periode_kode" FROM "realisasi" r WHERE r."id" = u."realisasi_id"), u."periode_kode"), 4)::smallint;--> statement-breakpoint
ALTER TABLE "umpan_balik" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint

ALTER TABLE "realisasi" RENAME TO "realisasi_lama";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_pkey";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_instansi_id_instansi_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_skp_id_skp_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_rhk_id_rhk_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_pegawai_id_pegawai_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_lama" DROP CONSTRAINT "realisasi_pejabat_penilai_id_pegawai_id_fk";--> statement-breakpoint
ALTER TABLE "realisasi_lama" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
DROP INDEX "realisasi_rhk_periode_uq";--> statement-breakpoint
DROP INDEX "realisasi_pegawai_periode_idx";--> statement-breakpoint
DROP INDEX "realisasi_skp_periode_idx";--> statement-breakpoint
DROP INDEX "realisasi_penilai_periode_idx";--> statement-breakpoint
DROP INDEX "realisasi_instansi_periode_idx";--> statement-breakpoint
CREATE TABLE "realisasi" (
  "id" integer GENERATED ALWAYS AS IDENTITY (sequence name "realisasi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
  "instansi_id" integer NOT NULL,
  "skp_id" integer NOT NULL,
  "rhk_id" integer NOT NULL,
  "pegawai_id" integer NOT NULL,
  "periode_kode" text NOT NULL,
  "tahun" smallint NOT NULL,
  "rencana_aksi" text,
  "target_aksi" text,
  "nilai" numeric(18, 4),
  "satuan" text,
  "teks" text,
  "status" text DEFAULT 'DRAFT' NOT NULL,
  "capaian" text,
  "arahan" text,
  "pejabat_penilai_id" integer,
  "diajukan_at" timestamp with time zone,
  "dinilai_at" timestamp with time zone,
  "version" integer DEFAULT 1 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "realisasi_id_tahun_pk" PRIMARY KEY ("id", "tahun"),
  CONSTRAINT "realisasi_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id"),
  CONSTRAINT "realisasi_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id"),
  CONSTRAINT "realisasi_rhk_id_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."rhk"("id"),
  CONSTRAINT "realisasi_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id"),
  CONSTRAINT "realisasi_pejabat_penilai_id_pegawai_id_fk" FOREIGN KEY ("pejabat_penilai_id") REFERENCES "public"."pegawai"("id")
) PARTITION BY RANGE ("tahun");--> statement-breakpoint
CREATE UNIQUE INDEX "realisasi_rhk_periode_uq" ON "realisasi" ("rhk_id", "periode_kode", "tahun");--> statement-breakpoint
CREATE INDEX "realisasi_pegawai_periode_idx" ON "realisasi" ("pegawai_id", "periode_kode");--> statement-breakpoint
CREATE INDEX "realisasi_skp_periode_idx" ON "realisasi" ("skp_id", "periode_kode");--> statement-breakpoint
CREATE INDEX "realisasi_penilai_periode_idx" ON "realisasi" ("pejabat_penilai_id", "periode_kode", "status");--> statement-breakpoint
CREATE INDEX "realisasi_instansi_periode_idx" ON "realisasi" ("instansi_id", "periode_kode", "status");--> statement-breakpoint
CREATE TABLE "realisasi_lain" PARTITION OF "realisasi" DEFAULT;--> statement-breakpoint
SELECT partisi_tahunan('realisasi', y)
  FROM generate_series(
         least((SELECT min(left("periode_kode", 4)::int) FROM "realisasi_lama"), extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
INSERT INTO "realisasi"
  ("id", "instansi_id", "skp_id", "rhk_id", "pegawai_id", "periode_kode", "tahun", "rencana_aksi", "target_aksi", "nilai",
   "satuan", "teks", "status", "capaian", "arahan", "pejabat_penilai_id", "diajukan_at", "dinilai_at", "version",
   "created_at", "updated_at")
  OVERRIDING SYSTEM VALUE
SELECT "id", "instansi_id", "skp_id", "rhk_id", "pegawai_id", "periode_kode", left("periode_kode", 4)::smallint, "rencana_aksi",
       "target_aksi", "nilai", "satuan", "teks", "status", "capaian", "arahan", "pejabat_penilai_id", "diajukan_at",
       "dinilai_at", "version", "created_at", "updated_at"
  FROM "realisasi_lama";--> statement-breakpoint
SELECT setval('realisasi_id_seq', coalesce((SELECT max("id") FROM "realisasi"), 0) + 1, false);--> statement-breakpoint
DROP TABLE "realisasi_lama";--> statement-breakpoint

ALTER TABLE "bukti_dukung" ADD CONSTRAINT "bukti_dukung_realisasi_id_tahun_realisasi_id_tahun_fk" FOREIGN KEY ("realisasi_id", "tahun") REFERENCES "public"."realisasi"("id", "tahun") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "log_harian" ADD CONSTRAINT "log_harian_realisasi_id_tahun_realisasi_id_tahun_fk" FOREIGN KEY ("realisasi_id", "tahun") REFERENCES "public"."realisasi"("id", "tahun") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "realisasi_riwayat" ADD CONSTRAINT "realisasi_riwayat_realisasi_id_tahun_realisasi_id_tahun_fk" FOREIGN KEY ("realisasi_id", "tahun") REFERENCES "public"."realisasi"("id", "tahun") ON DELETE cascade;--> statement-breakpoint
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_realisasi_id_tahun_realisasi_id_tahun_fk" FOREIGN KEY ("realisasi_id", "tahun") REFERENCES "public"."realisasi"("id", "tahun") ON DELETE cascade;
