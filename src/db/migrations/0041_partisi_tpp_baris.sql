-- TPP lines (`tpp_baris`, ADR 0027) grow by one line per employee and month and are read a month at
-- a time, so they become a table partitioned by RANGE of a new column `tahun`, the year of the
-- line's month (`tpp_bulan.bulan`), like the history tables of migration 0038: one partition per
-- year from the oldest computed month to next year, and the DEFAULT partition `tpp_baris_lain`.
-- The key gains `tahun`, as PostgreSQL requires of a partitioned table's keys (no table references
-- tpp_baris). drizzle-kit does not emit partitioned DDL: the table is renamed, recreated partitioned
-- with the same columns, key, index and foreign keys, its rows are moved, and the old table dropped.
-- The yearly job finds the new table in the catalog (migration 0039).
ALTER TABLE "tpp_baris" RENAME TO "tpp_baris_lama";--> statement-breakpoint
ALTER TABLE "tpp_baris_lama" DROP CONSTRAINT "tpp_baris_tpp_bulan_id_pegawai_id_pk";--> statement-breakpoint
ALTER TABLE "tpp_baris_lama" DROP CONSTRAINT "tpp_baris_tpp_bulan_id_tpp_bulan_id_fk";--> statement-breakpoint
ALTER TABLE "tpp_baris_lama" DROP CONSTRAINT "tpp_baris_pegawai_id_pegawai_id_fk";--> statement-breakpoint
DROP INDEX "tpp_baris_opd_idx";--> statement-breakpoint
CREATE TABLE "tpp_baris" (
  "tpp_bulan_id" integer NOT NULL,
  "pegawai_id" integer NOT NULL,
  "tahun" smallint NOT NULL,
  "opd_id" integer,
  "kelas_jabatan" smallint,
  "dasar" bigint NOT NULL,
  "produktivitas" bigint NOT NULL,
  "disiplin" bigint NOT NULL,
  "jumlah" bigint NOT NULL,
  "ditahan" text,
  "rincian" jsonb NOT NULL,
  CONSTRAINT "tpp_baris_tpp_bulan_id_pegawai_id_tahun_pk" PRIMARY KEY ("tpp_bulan_id", "pegawai_id", "tahun"),
  CONSTRAINT "tpp_baris_tpp_bulan_id_tpp_bulan_id_fk" FOREIGN KEY ("tpp_bulan_id") REFERENCES "public"."tpp_bulan"("id") ON DELETE cascade,
  CONSTRAINT "tpp_baris_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id")
) PARTITION BY RANGE ("tahun");--> statement-breakpoint
CREATE INDEX "tpp_baris_opd_idx" ON "tpp_baris" ("tpp_bulan_id", "opd_id");--> statement-breakpoint
CREATE TABLE "tpp_baris_lain" PARTITION OF "tpp_baris" DEFAULT;--> statement-breakpoint
-- The month is 'YYYY-MM'.
SELECT partisi_tahunan('tpp_baris', y)
  FROM generate_series(
         least((SELECT min(left("bulan", 4)::int) FROM "tpp_bulan"), extract(year FROM current_date)::int),
         extract(year FROM current_date)::int + 1) y;--> statement-breakpoint
INSERT INTO "tpp_baris"
  ("tpp_bulan_id", "pegawai_id", "tahun", "opd_id", "kelas_jabatan", "dasar", "produktivitas", "disiplin", "jumlah", "ditahan", "rincian")
SELECT b."tpp_bulan_id", b."pegawai_id", left(m."bulan", 4)::smallint, b."opd_id", b."kelas_jabatan", b."dasar",
       b."produktivitas", b."disiplin", b."jumlah", b."ditahan", b."rincian"
  FROM "tpp_baris_lama" b JOIN "tpp_bulan" m ON m."id" = b."tpp_bulan_id";--> statement-breakpoint
DROP TABLE "tpp_baris_lama";
