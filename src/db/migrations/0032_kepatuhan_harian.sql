-- Compliance per day of progres harian (issue 15, SPEC §12: configurable, default off). Every instansi
-- starts with the rule off; switching it on gives 23:59 of the next working day. log_harian.dicatat_at
-- (0028) is the entry's creation time the rule judges; the date index serves the month's counts.
-- Nothing here changes existing figures.
ALTER TABLE "pengaturan" ADD COLUMN "kepatuhan_aktif" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "kepatuhan_batas_jam" text DEFAULT '23:59' NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "kepatuhan_hari_kerja_ke" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "log_harian_tanggal_idx" ON "log_harian" USING btree ("tanggal");--> statement-breakpoint
ALTER TABLE "pengaturan" ADD CONSTRAINT "pengaturan_kepatuhan_hari_ck" CHECK ("pengaturan"."kepatuhan_hari_kerja_ke" BETWEEN 0 AND 10);