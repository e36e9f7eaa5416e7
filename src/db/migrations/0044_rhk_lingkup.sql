-- rhk, iki and rhk_intervensi carry their plan's instansi and year (ADR 0030), so the instansi-wide
-- dibagi habis reads one instansi's year by index instead of every instansi's rows. Added nullable,
-- filled from the parent in one pass each, then NOT NULL.
ALTER TABLE "rhk" ADD COLUMN "instansi_id" integer;--> statement-breakpoint
ALTER TABLE "rhk" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "rhk" r SET "instansi_id" = s."instansi_id", "tahun" = s."tahun" FROM "skp" s WHERE s."id" = r."skp_id";--> statement-breakpoint
ALTER TABLE "iki" ADD COLUMN "instansi_id" integer;--> statement-breakpoint
ALTER TABLE "iki" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "iki" k SET "instansi_id" = r."instansi_id", "tahun" = r."tahun" FROM "rhk" r WHERE r."id" = k."rhk_id";--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ADD COLUMN "instansi_id" integer;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ADD COLUMN "tahun" smallint;--> statement-breakpoint
UPDATE "rhk_intervensi" v SET "instansi_id" = r."instansi_id", "tahun" = r."tahun" FROM "rhk" r WHERE r."id" = v."rhk_id";--> statement-breakpoint
-- The previous release inserts without them while nodes are rolled (docs/deploy.md): a row that
-- arrives without them takes its parent's, so NOT NULL holds for both releases.
CREATE FUNCTION "lingkup_dari_induk"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT instansi_id, tahun FROM %I WHERE id = ($1).%I', TG_ARGV[0], TG_ARGV[1])
     INTO NEW.instansi_id, NEW.tahun USING NEW;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "rhk_lingkup" BEFORE INSERT ON "rhk" FOR EACH ROW
  WHEN (NEW."instansi_id" IS NULL OR NEW."tahun" IS NULL) EXECUTE FUNCTION "lingkup_dari_induk"('skp', 'skp_id');--> statement-breakpoint
CREATE TRIGGER "iki_lingkup" BEFORE INSERT ON "iki" FOR EACH ROW
  WHEN (NEW."instansi_id" IS NULL OR NEW."tahun" IS NULL) EXECUTE FUNCTION "lingkup_dari_induk"('rhk', 'rhk_id');--> statement-breakpoint
CREATE TRIGGER "rhk_intervensi_lingkup" BEFORE INSERT ON "rhk_intervensi" FOR EACH ROW
  WHEN (NEW."instansi_id" IS NULL OR NEW."tahun" IS NULL) EXECUTE FUNCTION "lingkup_dari_induk"('rhk', 'rhk_id');--> statement-breakpoint
ALTER TABLE "rhk" ALTER COLUMN "instansi_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rhk" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "iki" ALTER COLUMN "instansi_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "iki" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ALTER COLUMN "instansi_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ALTER COLUMN "tahun" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "iki" ADD CONSTRAINT "iki_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ADD CONSTRAINT "rhk_intervensi_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iki_instansi_tahun_idx" ON "iki" USING btree ("instansi_id","tahun");--> statement-breakpoint
CREATE INDEX "rhk_instansi_tahun_idx" ON "rhk" USING btree ("instansi_id","tahun");--> statement-breakpoint
CREATE INDEX "rhk_intervensi_instansi_tahun_idx" ON "rhk_intervensi" USING btree ("instansi_id","tahun");
