-- The annual predikat of the national application's report is stored as the plan's annual evaluation,
-- marked with its source (ADR 0015), so the one reader of the year's result (db/predikat-akhir.ts) and
-- angka kredit see it unchanged. Existing rows are local; an imported one is always FINAL.
ALTER TABLE "evaluasi_tahunan" ADD COLUMN "sumber" text DEFAULT 'LOKAL' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_sumber_ck" CHECK ("evaluasi_tahunan"."sumber" = 'LOKAL' OR ("evaluasi_tahunan"."sumber" = 'IMPOR_NASIONAL' AND "evaluasi_tahunan"."status" = 'FINAL'));