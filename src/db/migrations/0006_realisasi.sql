CREATE TABLE "bukti_dukung" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bukti_dukung_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"realisasi_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"deskripsi" text NOT NULL,
	"url" text,
	"berkas_kunci" text,
	"nama_berkas" text,
	"mime" text,
	"ukuran" integer,
	"sha256" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "log_harian" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "log_harian_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"realisasi_id" integer NOT NULL,
	"tanggal" date NOT NULL,
	"jam_mulai" text NOT NULL,
	"jam_selesai" text NOT NULL,
	"kegiatan" text NOT NULL,
	"kuantitas" integer NOT NULL,
	"satuan" text NOT NULL,
	"bukti_dukung" text
);
--> statement-breakpoint
CREATE TABLE "penilaian_periodik" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penilaian_periodik_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skp_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"rating_hasil_kerja" text NOT NULL,
	"rating_perilaku" text NOT NULL,
	"predikat" text NOT NULL,
	"catatan" text,
	"penilai_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realisasi" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "realisasi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"skp_id" integer NOT NULL,
	"rhk_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"rencana_aksi" text,
	"target_aksi" text,
	"nilai" numeric(18, 4),
	"satuan" text,
	"teks" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"capaian" text,
	"arahan" text,
	"pejabat_penilai_id" integer,
	"diajukan_at" timestamp with time zone,
	"dinilai_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realisasi_riwayat" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "realisasi_riwayat_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"realisasi_id" integer NOT NULL,
	"putaran" smallint NOT NULL,
	"aksi" text NOT NULL,
	"oleh_id" integer NOT NULL,
	"catatan" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "umpan_balik" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "umpan_balik_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skp_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"realisasi_id" integer,
	"kode" text,
	"teks" text NOT NULL,
	"oleh_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bukti_dukung" ADD CONSTRAINT "bukti_dukung_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_harian" ADD CONSTRAINT "log_harian_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penilaian_periodik" ADD CONSTRAINT "penilaian_periodik_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penilaian_periodik" ADD CONSTRAINT "penilaian_periodik_penilai_id_pegawai_id_fk" FOREIGN KEY ("penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_rhk_id_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi" ADD CONSTRAINT "realisasi_pejabat_penilai_id_pegawai_id_fk" FOREIGN KEY ("pejabat_penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi_riwayat" ADD CONSTRAINT "realisasi_riwayat_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisasi_riwayat" ADD CONSTRAINT "realisasi_riwayat_oleh_id_pegawai_id_fk" FOREIGN KEY ("oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_realisasi_id_realisasi_id_fk" FOREIGN KEY ("realisasi_id") REFERENCES "public"."realisasi"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "umpan_balik" ADD CONSTRAINT "umpan_balik_oleh_id_pegawai_id_fk" FOREIGN KEY ("oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bukti_realisasi_idx" ON "bukti_dukung" USING btree ("realisasi_id");--> statement-breakpoint
CREATE INDEX "bukti_sha256_idx" ON "bukti_dukung" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "log_harian_realisasi_idx" ON "log_harian" USING btree ("realisasi_id","tanggal");--> statement-breakpoint
CREATE UNIQUE INDEX "penilaian_periodik_uq" ON "penilaian_periodik" USING btree ("skp_id","periode_kode");--> statement-breakpoint
CREATE UNIQUE INDEX "realisasi_rhk_periode_uq" ON "realisasi" USING btree ("rhk_id","periode_kode");--> statement-breakpoint
CREATE INDEX "realisasi_pegawai_periode_idx" ON "realisasi" USING btree ("pegawai_id","periode_kode");--> statement-breakpoint
CREATE INDEX "realisasi_penilai_periode_idx" ON "realisasi" USING btree ("pejabat_penilai_id","periode_kode","status");--> statement-breakpoint
CREATE INDEX "realisasi_instansi_periode_idx" ON "realisasi" USING btree ("instansi_id","periode_kode","status");--> statement-breakpoint
CREATE INDEX "realisasi_riwayat_idx" ON "realisasi_riwayat" USING btree ("realisasi_id","id");--> statement-breakpoint
CREATE INDEX "umpan_balik_skp_periode_idx" ON "umpan_balik" USING btree ("skp_id","periode_kode");