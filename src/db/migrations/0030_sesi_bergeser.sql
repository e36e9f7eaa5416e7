-- Sliding sessions (ADR 0018): `expires_at` becomes the idle end that use moves forward, and
-- `berakhir_mutlak_at` the absolute end. A session open at upgrade keeps its fixed end as both.
ALTER TABLE "sesi" ADD COLUMN "berakhir_mutlak_at" timestamp with time zone;--> statement-breakpoint
UPDATE "sesi" SET "berakhir_mutlak_at" = "expires_at";--> statement-breakpoint
ALTER TABLE "sesi" ALTER COLUMN "berakhir_mutlak_at" SET NOT NULL;
