ALTER TABLE "jabatan" ADD COLUMN "kepala_unit_mandiri" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "skp" ADD COLUMN "format_jpt" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- hand-written: existing plans keep the layout they were created with (JPT positions only until now).
UPDATE "skp" SET "format_jpt" = "is_jpt";
