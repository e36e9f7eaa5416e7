CREATE TABLE "pengaturan_siasn" (
	"instansi_id" integer PRIMARY KEY NOT NULL,
	"aktif" boolean DEFAULT false NOT NULL,
	"base_url" text DEFAULT '' NOT NULL,
	"token_url" text DEFAULT '' NOT NULL,
	"client_id" text DEFAULT '' NOT NULL,
	"client_secret_segel" text,
	"sso_token_url" text DEFAULT '' NOT NULL,
	"sso_client_id" text DEFAULT '' NOT NULL,
	"sso_username" text DEFAULT '' NOT NULL,
	"sso_password_segel" text,
	"pemetaan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "siasn_percobaan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "siasn_percobaan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pesan_id" integer NOT NULL,
	"ke" smallint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"http_status" smallint,
	"body" jsonb,
	"jawaban" text,
	"hasil" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "siasn_pesan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "siasn_pesan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"sumber_id" integer NOT NULL,
	"sumber_versi" integer NOT NULL,
	"kunci" text NOT NULL,
	"pegawai_id" integer NOT NULL,
	"nip" text NOT NULL,
	"periode_label" text NOT NULL,
	"fakta" jsonb NOT NULL,
	"status" text DEFAULT 'MENUNGGU' NOT NULL,
	"percobaan" smallint DEFAULT 0 NOT NULL,
	"berikutnya_at" timestamp with time zone NOT NULL,
	"klaim_sampai" timestamp with time zone,
	"pns_id" text,
	"id_nasional" text,
	"alasan" text,
	"jawaban_terakhir" text,
	"dibuat_at" timestamp with time zone NOT NULL,
	"terkirim_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pengaturan_siasn" ADD CONSTRAINT "pengaturan_siasn_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_percobaan" ADD CONSTRAINT "siasn_percobaan_pesan_id_siasn_pesan_id_fk" FOREIGN KEY ("pesan_id") REFERENCES "public"."siasn_pesan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_pesan" ADD CONSTRAINT "siasn_pesan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siasn_pesan" ADD CONSTRAINT "siasn_pesan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "siasn_percobaan_pesan_idx" ON "siasn_percobaan" USING btree ("pesan_id","ke");--> statement-breakpoint
CREATE UNIQUE INDEX "siasn_pesan_kunci_uq" ON "siasn_pesan" USING btree ("instansi_id","kunci");--> statement-breakpoint
CREATE INDEX "siasn_pesan_antre_idx" ON "siasn_pesan" USING btree ("berikutnya_at") WHERE "siasn_pesan"."status" IN ('MENUNGGU', 'MENGIRIM');--> statement-breakpoint
CREATE INDEX "siasn_pesan_daftar_idx" ON "siasn_pesan" USING btree ("instansi_id","status","id");--> statement-breakpoint
CREATE INDEX "siasn_pesan_sumber_idx" ON "siasn_pesan" USING btree ("jenis","sumber_id");