-- The leftovers of interrupted uploads (STORAGE=postgres, ADR 0023): chunks now say when they were
-- written, so the daily sweep removes those of uploads no key names once they are a day old.
ALTER TABLE "berkas_potongan" ADD COLUMN "dibuat" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "berkas_unggahan_uq" ON "berkas" USING btree ("unggahan");