CREATE TABLE "angka_kredit_awal" (
	"pegawai_id" integer PRIMARY KEY NOT NULL,
	"nilai" numeric(10, 3) NOT NULL,
	"tahun_mulai" integer NOT NULL,
	"keterangan" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "token_api" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "token_api_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"nama" text NOT NULL,
	"prefiks" text NOT NULL,
	"hash" text NOT NULL,
	"cakupan" text[] NOT NULL,
	"kedaluwarsa_at" timestamp with time zone NOT NULL,
	"dicabut_at" timestamp with time zone,
	"dibuat_oleh_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"terakhir_dipakai_at" timestamp with time zone,
	CONSTRAINT "token_api_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "hari_libur" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hari_libur_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"tanggal" date NOT NULL,
	"keterangan" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hari_libur_uq" UNIQUE("instansi_id","tanggal")
);
--> statement-breakpoint
CREATE TABLE "kehadiran" (
	"pegawai_id" integer NOT NULL,
	"tanggal" date NOT NULL,
	"instansi_id" integer NOT NULL,
	"jam_masuk" time,
	"jam_pulang" time,
	"status" text NOT NULL,
	"keterangan" text,
	"sumber" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kehadiran_pegawai_id_tanggal_pk" PRIMARY KEY("pegawai_id","tanggal"),
	CONSTRAINT "kehadiran_status_ck" CHECK ("kehadiran"."status" IN ('HADIR', 'DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN', 'TANPA_KETERANGAN'))
);
--> statement-breakpoint
CREATE TABLE "rekap_opd_periode" (
	"opd_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"instansi_id" integer NOT NULL,
	"jumlah_pegawai" integer NOT NULL,
	"skp_disetujui" integer NOT NULL,
	"melapor" integer NOT NULL,
	"tepat_waktu" integer NOT NULL,
	"dinilai" integer NOT NULL,
	"perlu_perbaikan" integer NOT NULL,
	"diperbaiki" integer NOT NULL,
	"sangat_baik" integer NOT NULL,
	"baik" integer NOT NULL,
	"butuh_perbaikan" integer NOT NULL,
	"kurang" integer NOT NULL,
	"sangat_kurang" integer NOT NULL,
	"dihitung_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rekap_opd_periode_opd_id_periode_kode_pk" PRIMARY KEY("opd_id","periode_kode")
);
--> statement-breakpoint
CREATE TABLE "tpp_baris" (
	"tpp_bulan_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"opd_id" integer,
	"kelas_jabatan" smallint,
	"dasar" bigint NOT NULL,
	"produktivitas" bigint NOT NULL,
	"disiplin" bigint NOT NULL,
	"jumlah" bigint NOT NULL,
	"ditahan" text,
	"rincian" jsonb NOT NULL,
	CONSTRAINT "tpp_baris_tpp_bulan_id_pegawai_id_pk" PRIMARY KEY("tpp_bulan_id","pegawai_id")
);
--> statement-breakpoint
CREATE TABLE "tpp_bulan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tpp_bulan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"bulan" text NOT NULL,
	"status" text DEFAULT 'DRAF' NOT NULL,
	"parameter" jsonb NOT NULL,
	"dasar_hukum" text,
	"hari_kerja" smallint NOT NULL,
	"jumlah_pegawai" integer NOT NULL,
	"total" bigint NOT NULL,
	"dihitung_oleh_id" integer NOT NULL,
	"dihitung_at" timestamp with time zone NOT NULL,
	"disetujui_oleh_id" integer,
	"disetujui_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tpp_bulan_status_ck" CHECK ("tpp_bulan"."status" IN ('DRAF', 'DISETUJUI'))
);
--> statement-breakpoint
CREATE TABLE "tpp_parameter" (
	"instansi_id" integer PRIMARY KEY NOT NULL,
	"parameter" jsonb NOT NULL,
	"dasar_hukum" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "jam_kerja" jsonb;--> statement-breakpoint
ALTER TABLE "angka_kredit_awal" ADD CONSTRAINT "angka_kredit_awal_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_api" ADD CONSTRAINT "token_api_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "token_api" ADD CONSTRAINT "token_api_dibuat_oleh_id_pegawai_id_fk" FOREIGN KEY ("dibuat_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hari_libur" ADD CONSTRAINT "hari_libur_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kehadiran" ADD CONSTRAINT "kehadiran_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kehadiran" ADD CONSTRAINT "kehadiran_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekap_opd_periode" ADD CONSTRAINT "rekap_opd_periode_opd_id_unor_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rekap_opd_periode" ADD CONSTRAINT "rekap_opd_periode_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_baris" ADD CONSTRAINT "tpp_baris_tpp_bulan_id_tpp_bulan_id_fk" FOREIGN KEY ("tpp_bulan_id") REFERENCES "public"."tpp_bulan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_baris" ADD CONSTRAINT "tpp_baris_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bulan" ADD CONSTRAINT "tpp_bulan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bulan" ADD CONSTRAINT "tpp_bulan_dihitung_oleh_id_pegawai_id_fk" FOREIGN KEY ("dihitung_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bulan" ADD CONSTRAINT "tpp_bulan_disetujui_oleh_id_pegawai_id_fk" FOREIGN KEY ("disetujui_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_parameter" ADD CONSTRAINT "tpp_parameter_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "token_api_instansi_idx" ON "token_api" USING btree ("instansi_id","created_at");--> statement-breakpoint
CREATE INDEX "kehadiran_instansi_tanggal_idx" ON "kehadiran" USING btree ("instansi_id","tanggal");--> statement-breakpoint
CREATE INDEX "rekap_opd_periode_instansi_idx" ON "rekap_opd_periode" USING btree ("instansi_id","periode_kode");--> statement-breakpoint
CREATE INDEX "tpp_baris_opd_idx" ON "tpp_baris" USING btree ("tpp_bulan_id","opd_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_bulan_uq" ON "tpp_bulan" USING btree ("instansi_id","bulan");