-- Monitoring recaps the scheduler keeps complete (issue 16): each period's curve breaches per OPD and the
-- year's SKP status per OPD, so a dashboard's first read only reads recaps; NULL unit_melanggar = not yet judged.
CREATE TABLE "rekap_skp_tahun" (
	"opd_id" integer NOT NULL,
	"tahun" integer NOT NULL,
	"instansi_id" integer NOT NULL,
	"draft" integer NOT NULL,
	"diajukan" integer NOT NULL,
	"disetujui" integer NOT NULL,
	"dikembalikan" integer NOT NULL,
	"belum_ada" integer NOT NULL,
	"dihitung_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rekap_skp_tahun_opd_id_tahun_pk" PRIMARY KEY("opd_id","tahun")
);
--> statement-breakpoint
ALTER TABLE "rekap_opd_periode" ADD COLUMN "unit_melanggar" integer;--> statement-breakpoint
ALTER TABLE "rekap_skp_tahun" ADD CONSTRAINT "rekap_skp_tahun_opd_id_unor_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekap_skp_tahun" ADD CONSTRAINT "rekap_skp_tahun_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rekap_skp_tahun_instansi_idx" ON "rekap_skp_tahun" USING btree ("instansi_id","tahun");