CREATE INDEX "realisasi_skp_periode_idx" ON "realisasi" USING btree ("skp_id","periode_kode");--> statement-breakpoint
ALTER TABLE "dialog_penilaian" DROP COLUMN "anonim";