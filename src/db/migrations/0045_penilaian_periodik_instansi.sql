-- penilaian_periodik carries its plan's instansi (docs/deploy.md: every table keyed by instansi), so a
-- period of one instansi (the curves, the TPP, the tim penilai's list) is read through an index led by
-- instansi_id instead of every instansi's ratings of the period. drizzle-kit adds the column NOT NULL
-- at once, which fails on existing rows: it is added empty, filled from the plan in one statement, then
-- made NOT NULL; the index on (periode_kode, predikat) is replaced once the column is filled.
ALTER TABLE "penilaian_periodik" ADD COLUMN "instansi_id" integer;--> statement-breakpoint
UPDATE "penilaian_periodik" pp SET "instansi_id" = s."instansi_id" FROM "skp" s WHERE s."id" = pp."skp_id";--> statement-breakpoint
-- The previous release rates without it while nodes are rolled (docs/deploy.md): such a row takes its
-- plan's, so NOT NULL holds for both.
CREATE FUNCTION "instansi_dari_skp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT instansi_id INTO NEW.instansi_id FROM skp WHERE id = NEW.skp_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "penilaian_periodik_instansi" BEFORE INSERT ON "penilaian_periodik" FOR EACH ROW
  WHEN (NEW."instansi_id" IS NULL) EXECUTE FUNCTION "instansi_dari_skp"();--> statement-breakpoint
ALTER TABLE "penilaian_periodik" ALTER COLUMN "instansi_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "penilaian_periodik" ADD CONSTRAINT "penilaian_periodik_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP INDEX "penilaian_periodik_periode_idx";--> statement-breakpoint
CREATE INDEX "penilaian_periodik_instansi_periode_idx" ON "penilaian_periodik" USING btree ("instansi_id","periode_kode","predikat");
