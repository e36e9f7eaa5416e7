CREATE TABLE "skp_lampiran" (
	"skp_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"urutan" smallint NOT NULL,
	"teks" text NOT NULL,
	CONSTRAINT "skp_lampiran_skp_id_jenis_urutan_pk" PRIMARY KEY("skp_id","jenis","urutan")
);
--> statement-breakpoint
CREATE TABLE "notifikasi" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifikasi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pegawai_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"judul" text NOT NULL,
	"pesan" text NOT NULL,
	"tautan" text,
	"dari_id" integer,
	"dibaca_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pengaturan" (
	"instansi_id" integer PRIMARY KEY NOT NULL,
	"batas_skp" text DEFAULT '01-31' NOT NULL,
	"cakupan_memblokir" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "skp_lampiran" ADD CONSTRAINT "skp_lampiran_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifikasi" ADD CONSTRAINT "notifikasi_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifikasi" ADD CONSTRAINT "notifikasi_dari_id_pegawai_id_fk" FOREIGN KEY ("dari_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD CONSTRAINT "pengaturan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifikasi_pegawai_idx" ON "notifikasi" USING btree ("pegawai_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifikasi_belum_dibaca_idx" ON "notifikasi" USING btree ("pegawai_id") WHERE "notifikasi"."dibaca_at" IS NULL;