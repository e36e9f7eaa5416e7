-- Progres harian as the national form has it (issue 15, SPEC §12). Existing log_harian rows already
-- carry a date and valid start and end times (the old form required them), so nothing is backfilled:
-- they keep counting in their realisasi's sum. The day rules (no overlap, the daily cap, working days,
-- the plan's dates) judge writes from now on; a legacy entry that breaks one stays valid as recorded,
-- counts when a new entry of its day is checked, and may be edited without being judged again as long
-- as its date and times stay. dicatat_at stays NULL for them (when they were typed is unknown).
-- Every instansi takes the defaults: 450 minutes (7.5 h) a day, holidays and weekends not allowed.
CREATE TABLE "komentar_progres_harian" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "komentar_progres_harian_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"tanggal" date NOT NULL,
	"teks" text NOT NULL,
	"oleh_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "progres_batas_menit" smallint DEFAULT 450 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "progres_boleh_hari_libur" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "log_harian" ADD COLUMN "bukti_berkas_id" integer;--> statement-breakpoint
ALTER TABLE "log_harian" ADD COLUMN "dicatat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "komentar_progres_harian" ADD CONSTRAINT "komentar_progres_harian_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "komentar_progres_harian" ADD CONSTRAINT "komentar_progres_harian_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "komentar_progres_harian" ADD CONSTRAINT "komentar_progres_harian_oleh_id_pegawai_id_fk" FOREIGN KEY ("oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "komentar_progres_harian_idx" ON "komentar_progres_harian" USING btree ("pegawai_id","tanggal");--> statement-breakpoint
ALTER TABLE "log_harian" ADD CONSTRAINT "log_harian_bukti_berkas_id_bukti_dukung_id_fk" FOREIGN KEY ("bukti_berkas_id") REFERENCES "public"."bukti_dukung"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD CONSTRAINT "pengaturan_progres_batas_ck" CHECK ("pengaturan"."progres_batas_menit" BETWEEN 60 AND 1440);