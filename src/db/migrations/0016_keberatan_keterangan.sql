ALTER TABLE "pengaturan" ADD COLUMN "keterangan_keberatan_hari" smallint DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "keberatan" ADD COLUMN "dasar_putusan" jsonb;