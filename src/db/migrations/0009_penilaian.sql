CREATE TABLE "dokumen_terbit" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dokumen_terbit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kode" text NOT NULL,
	"instansi_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"identitas" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"dicetak_oleh_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluasi_tahunan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluasi_tahunan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"tahun" integer NOT NULL,
	"pejabat_penilai_id" integer NOT NULL,
	"atasan_penilai_id" integer,
	"rating_hasil_kerja" text NOT NULL,
	"rating_perilaku" text NOT NULL,
	"predikat" text NOT NULL,
	"saran" jsonb,
	"capaian_organisasi" text,
	"catatan" text,
	"rekomendasi" text,
	"status" text DEFAULT 'DRAF' NOT NULL,
	"ditandatangani_penilai_at" timestamp with time zone,
	"ditandatangani_pegawai_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluasi_tahunan_status_ck" CHECK ("evaluasi_tahunan"."status" IN ('DRAF', 'DITANDATANGANI_PENILAI', 'FINAL'))
);
--> statement-breakpoint
CREATE TABLE "keberatan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "keberatan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"evaluasi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"pemutus_id" integer NOT NULL,
	"alasan" text NOT NULL,
	"status" text DEFAULT 'DIAJUKAN' NOT NULL,
	"diajukan_at" timestamp with time zone NOT NULL,
	"keputusan" text,
	"rating_hasil_kerja_baru" text,
	"rating_perilaku_baru" text,
	"predikat_baru" text,
	"pertimbangan" text,
	"diputus_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "keberatan_keterangan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "keberatan_keterangan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"keberatan_id" integer NOT NULL,
	"pihak_id" integer NOT NULL,
	"permintaan" text NOT NULL,
	"diminta_at" timestamp with time zone NOT NULL,
	"jawaban" text,
	"dijawab_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penetapan_predikat" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penetapan_predikat_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unor_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"predikat_organisasi" text NOT NULL,
	"distribusi" jsonb NOT NULL,
	"pelanggaran" jsonb NOT NULL,
	"justifikasi" text,
	"ditetapkan_oleh_id" integer NOT NULL,
	"ditetapkan_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "predikat_organisasi" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "predikat_organisasi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unor_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"predikat" text NOT NULL,
	"dasar" jsonb NOT NULL,
	"catatan" text,
	"ditetapkan_oleh_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rekomendasi_tim_penilai" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rekomendasi_tim_penilai_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"jenis" text NOT NULL,
	"uraian" text NOT NULL,
	"oleh_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "kurva" jsonb;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "pemetaan_predikat_organisasi" jsonb;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "keberatan_hari" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "batas_evaluasi_tahunan" text DEFAULT '03-31' NOT NULL;--> statement-breakpoint
ALTER TABLE "dokumen_terbit" ADD CONSTRAINT "dokumen_terbit_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dokumen_terbit" ADD CONSTRAINT "dokumen_terbit_dicetak_oleh_id_pegawai_id_fk" FOREIGN KEY ("dicetak_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_pejabat_penilai_id_pegawai_id_fk" FOREIGN KEY ("pejabat_penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_tahunan" ADD CONSTRAINT "evaluasi_tahunan_atasan_penilai_id_pegawai_id_fk" FOREIGN KEY ("atasan_penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_evaluasi_id_evaluasi_tahunan_id_fk" FOREIGN KEY ("evaluasi_id") REFERENCES "public"."evaluasi_tahunan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan" ADD CONSTRAINT "keberatan_pemutus_id_pegawai_id_fk" FOREIGN KEY ("pemutus_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan_keterangan" ADD CONSTRAINT "keberatan_keterangan_keberatan_id_keberatan_id_fk" FOREIGN KEY ("keberatan_id") REFERENCES "public"."keberatan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "keberatan_keterangan" ADD CONSTRAINT "keberatan_keterangan_pihak_id_pegawai_id_fk" FOREIGN KEY ("pihak_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penetapan_predikat" ADD CONSTRAINT "penetapan_predikat_ditetapkan_oleh_id_pegawai_id_fk" FOREIGN KEY ("ditetapkan_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predikat_organisasi" ADD CONSTRAINT "predikat_organisasi_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predikat_organisasi" ADD CONSTRAINT "predikat_organisasi_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predikat_organisasi" ADD CONSTRAINT "predikat_organisasi_ditetapkan_oleh_id_pegawai_id_fk" FOREIGN KEY ("ditetapkan_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekomendasi_tim_penilai" ADD CONSTRAINT "rekomendasi_tim_penilai_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekomendasi_tim_penilai" ADD CONSTRAINT "rekomendasi_tim_penilai_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekomendasi_tim_penilai" ADD CONSTRAINT "rekomendasi_tim_penilai_oleh_id_pegawai_id_fk" FOREIGN KEY ("oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dokumen_terbit_kode_uq" ON "dokumen_terbit" USING btree ("kode");--> statement-breakpoint
CREATE INDEX "dokumen_terbit_sha_idx" ON "dokumen_terbit" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluasi_tahunan_skp_uq" ON "evaluasi_tahunan" USING btree ("skp_id");--> statement-breakpoint
CREATE INDEX "evaluasi_tahunan_pegawai_idx" ON "evaluasi_tahunan" USING btree ("pegawai_id","tahun");--> statement-breakpoint
CREATE INDEX "evaluasi_tahunan_penilai_idx" ON "evaluasi_tahunan" USING btree ("pejabat_penilai_id","tahun");--> statement-breakpoint
CREATE INDEX "evaluasi_tahunan_instansi_idx" ON "evaluasi_tahunan" USING btree ("instansi_id","tahun","predikat");--> statement-breakpoint
CREATE UNIQUE INDEX "keberatan_evaluasi_uq" ON "keberatan" USING btree ("evaluasi_id");--> statement-breakpoint
CREATE INDEX "keberatan_pemutus_idx" ON "keberatan" USING btree ("pemutus_id","status");--> statement-breakpoint
CREATE INDEX "keberatan_pegawai_idx" ON "keberatan" USING btree ("pegawai_id");--> statement-breakpoint
CREATE INDEX "keberatan_keterangan_idx" ON "keberatan_keterangan" USING btree ("keberatan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "penetapan_predikat_uq" ON "penetapan_predikat" USING btree ("unor_id","periode_kode");--> statement-breakpoint
CREATE INDEX "penetapan_predikat_instansi_idx" ON "penetapan_predikat" USING btree ("instansi_id","periode_kode");--> statement-breakpoint
CREATE UNIQUE INDEX "predikat_organisasi_uq" ON "predikat_organisasi" USING btree ("unor_id","periode_kode");--> statement-breakpoint
CREATE INDEX "predikat_organisasi_instansi_idx" ON "predikat_organisasi" USING btree ("instansi_id","periode_kode");--> statement-breakpoint
CREATE INDEX "rekomendasi_pegawai_idx" ON "rekomendasi_tim_penilai" USING btree ("pegawai_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rekomendasi_instansi_idx" ON "rekomendasi_tim_penilai" USING btree ("instansi_id","periode_kode");