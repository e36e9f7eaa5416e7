CREATE TABLE "bukaan_jendela" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bukaan_jendela_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"periode_kode" text NOT NULL,
	"pegawai_id" integer,
	"unor_id" integer,
	"alasan" text NOT NULL,
	"berakhir" timestamp with time zone NOT NULL,
	"dibuat_oleh_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dicabut_at" timestamp with time zone,
	"dicabut_oleh_id" integer,
	CONSTRAINT "bukaan_jendela_jenis_ck" CHECK ("bukaan_jendela"."jenis" IN ('INPUT', 'PENILAIAN', 'PERBAIKAN')),
	CONSTRAINT "bukaan_jendela_sasaran_ck" CHECK (("bukaan_jendela"."pegawai_id" IS NULL) <> ("bukaan_jendela"."unor_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "periode" text DEFAULT 'BULANAN' NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "input_mulai" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "input_akhir" smallint DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "penilaian_mulai" smallint DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "penilaian_akhir" smallint DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "perbaikan_mulai" smallint DEFAULT 19 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "perbaikan_akhir" smallint DEFAULT 25 NOT NULL;--> statement-breakpoint
ALTER TABLE "bukaan_jendela" ADD CONSTRAINT "bukaan_jendela_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukaan_jendela" ADD CONSTRAINT "bukaan_jendela_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukaan_jendela" ADD CONSTRAINT "bukaan_jendela_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukaan_jendela" ADD CONSTRAINT "bukaan_jendela_dibuat_oleh_id_pegawai_id_fk" FOREIGN KEY ("dibuat_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bukaan_jendela" ADD CONSTRAINT "bukaan_jendela_dicabut_oleh_id_pegawai_id_fk" FOREIGN KEY ("dicabut_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bukaan_jendela_periode_idx" ON "bukaan_jendela" USING btree ("instansi_id","periode_kode","jenis");--> statement-breakpoint
CREATE INDEX "bukaan_jendela_pegawai_idx" ON "bukaan_jendela" USING btree ("pegawai_id") WHERE "bukaan_jendela"."pegawai_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "bukaan_jendela_unor_idx" ON "bukaan_jendela" USING btree ("unor_id") WHERE "bukaan_jendela"."unor_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "bukaan_jendela_instansi_idx" ON "bukaan_jendela" USING btree ("instansi_id","id" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "pengaturan" ADD CONSTRAINT "pengaturan_periode_ck" CHECK ("pengaturan"."periode" IN ('BULANAN', 'TRIWULANAN', 'SEMESTERAN'));--> statement-breakpoint
ALTER TABLE "pengaturan" ADD CONSTRAINT "pengaturan_jendela_ck" CHECK (1 <= "pengaturan"."input_mulai" AND "pengaturan"."input_mulai" <= "pengaturan"."input_akhir" AND "pengaturan"."input_akhir" < "pengaturan"."penilaian_mulai" AND "pengaturan"."penilaian_mulai" <= "pengaturan"."penilaian_akhir" AND "pengaturan"."penilaian_akhir" < "pengaturan"."perbaikan_mulai" AND "pengaturan"."perbaikan_mulai" <= "pengaturan"."perbaikan_akhir" AND "pengaturan"."perbaikan_akhir" <= 31);