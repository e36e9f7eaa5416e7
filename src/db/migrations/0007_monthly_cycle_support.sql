CREATE TABLE "delegasi_penilai" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "delegasi_penilai_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pemberi_id" integer NOT NULL,
	"penerima_id" integer NOT NULL,
	"mulai" date NOT NULL,
	"selesai" date NOT NULL,
	"alasan" text NOT NULL,
	"dibuat_oleh_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dicabut_at" timestamp with time zone,
	CONSTRAINT "delegasi_rentang_ck" CHECK ("delegasi_penilai"."mulai" <= "delegasi_penilai"."selesai"),
	CONSTRAINT "delegasi_orang_ck" CHECK ("delegasi_penilai"."pemberi_id" <> "delegasi_penilai"."penerima_id")
);
--> statement-breakpoint
CREATE TABLE "dialog_kinerja" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dialog_kinerja_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"pimpinan_id" integer NOT NULL,
	"tanggal" date NOT NULL,
	"jenis" text NOT NULL,
	"topik" text NOT NULL,
	"kesepakatan" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialog_penilaian" (
	"dialog_id" integer PRIMARY KEY NOT NULL,
	"skor" smallint[] NOT NULL,
	"saran" text,
	"anonim" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialog_peserta" (
	"dialog_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	CONSTRAINT "dialog_peserta_dialog_id_pegawai_id_pk" PRIMARY KEY("dialog_id","pegawai_id")
);
--> statement-breakpoint
CREATE TABLE "dialog_rhk" (
	"dialog_id" integer NOT NULL,
	"rhk_id" integer NOT NULL,
	CONSTRAINT "dialog_rhk_dialog_id_rhk_id_pk" PRIMARY KEY("dialog_id","rhk_id")
);
--> statement-breakpoint
CREATE TABLE "dialog_tindak_lanjut" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dialog_tindak_lanjut_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dialog_id" integer NOT NULL,
	"uraian" text NOT NULL,
	"penanggung_jawab_id" integer NOT NULL,
	"tenggat" date NOT NULL,
	"selesai_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifikasi" ADD COLUMN "kunci" text;--> statement-breakpoint
ALTER TABLE "delegasi_penilai" ADD CONSTRAINT "delegasi_penilai_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegasi_penilai" ADD CONSTRAINT "delegasi_penilai_pemberi_id_pegawai_id_fk" FOREIGN KEY ("pemberi_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegasi_penilai" ADD CONSTRAINT "delegasi_penilai_penerima_id_pegawai_id_fk" FOREIGN KEY ("penerima_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegasi_penilai" ADD CONSTRAINT "delegasi_penilai_dibuat_oleh_id_pegawai_id_fk" FOREIGN KEY ("dibuat_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_kinerja" ADD CONSTRAINT "dialog_kinerja_pimpinan_id_pegawai_id_fk" FOREIGN KEY ("pimpinan_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_penilaian" ADD CONSTRAINT "dialog_penilaian_dialog_id_dialog_kinerja_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialog_kinerja"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_peserta" ADD CONSTRAINT "dialog_peserta_dialog_id_dialog_kinerja_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialog_kinerja"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_peserta" ADD CONSTRAINT "dialog_peserta_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_rhk" ADD CONSTRAINT "dialog_rhk_dialog_id_dialog_kinerja_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialog_kinerja"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_rhk" ADD CONSTRAINT "dialog_rhk_rhk_id_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_tindak_lanjut" ADD CONSTRAINT "dialog_tindak_lanjut_dialog_id_dialog_kinerja_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialog_kinerja"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_tindak_lanjut" ADD CONSTRAINT "dialog_tindak_lanjut_penanggung_jawab_id_pegawai_id_fk" FOREIGN KEY ("penanggung_jawab_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegasi_pemberi_idx" ON "delegasi_penilai" USING btree ("pemberi_id","selesai");--> statement-breakpoint
CREATE INDEX "delegasi_penerima_idx" ON "delegasi_penilai" USING btree ("penerima_id","selesai");--> statement-breakpoint
CREATE INDEX "dialog_pegawai_idx" ON "dialog_kinerja" USING btree ("pegawai_id","tanggal" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dialog_pimpinan_idx" ON "dialog_kinerja" USING btree ("pimpinan_id","tanggal" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dialog_peserta_pegawai_idx" ON "dialog_peserta" USING btree ("pegawai_id");--> statement-breakpoint
CREATE INDEX "dialog_rhk_rhk_idx" ON "dialog_rhk" USING btree ("rhk_id");--> statement-breakpoint
CREATE INDEX "dialog_tl_dialog_idx" ON "dialog_tindak_lanjut" USING btree ("dialog_id");--> statement-breakpoint
CREATE INDEX "dialog_tl_terbuka_idx" ON "dialog_tindak_lanjut" USING btree ("penanggung_jawab_id","tenggat") WHERE "dialog_tindak_lanjut"."selesai_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notifikasi_kunci_uq" ON "notifikasi" USING btree ("pegawai_id","kunci") WHERE "notifikasi"."kunci" IS NOT NULL;