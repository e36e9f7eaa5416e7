ALTER TABLE "tpp_bulan" ADD COLUMN "belum_diimpor" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tpp_bulan" ADD COLUMN "alasan_persetujuan" text;