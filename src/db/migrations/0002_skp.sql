CREATE TABLE "iki" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "iki_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"rhk_id" integer NOT NULL,
	"urutan" smallint NOT NULL,
	"aspek" text,
	"indikator" text NOT NULL,
	"target_nilai" numeric(18, 4),
	"target_nilai_maks" numeric(18, 4),
	"target_satuan" text,
	"target_teks" text,
	"perspektif" text
);
--> statement-breakpoint
CREATE TABLE "perjanjian_kinerja" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "perjanjian_kinerja_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unor_id" integer NOT NULL,
	"tahun" smallint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pk_sasaran" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pk_sasaran_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pk_id" integer NOT NULL,
	"urutan" smallint NOT NULL,
	"sasaran" text NOT NULL,
	"indikator" text NOT NULL,
	"target_nilai" numeric(18, 4),
	"target_satuan" text,
	"target_teks" text
);
--> statement-breakpoint
CREATE TABLE "rhk" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rhk_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skp_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"urutan" smallint NOT NULL,
	"rencana" text NOT NULL,
	"penugasan_dari" text,
	"perlu_ditinjau" boolean DEFAULT false NOT NULL,
	"pk_sasaran_id" integer,
	"asal_rhk_id" integer
);
--> statement-breakpoint
CREATE TABLE "rhk_intervensi" (
	"rhk_id" integer NOT NULL,
	"atasan_rhk_id" integer NOT NULL,
	CONSTRAINT "rhk_intervensi_rhk_id_atasan_rhk_id_pk" PRIMARY KEY("rhk_id","atasan_rhk_id")
);
--> statement-breakpoint
CREATE TABLE "skp" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "skp_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"jabatan_id" integer NOT NULL,
	"tahun" smallint NOT NULL,
	"periode_mulai" date NOT NULL,
	"periode_akhir" date NOT NULL,
	"pendekatan" text NOT NULL,
	"is_jpt" boolean NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"versi" smallint DEFAULT 1 NOT NULL,
	"versi_sebelumnya_id" integer,
	"catatan_pengembalian" text,
	"pejabat_penilai_id" integer,
	"diajukan_at" timestamp with time zone,
	"disetujui_at" timestamp with time zone,
	"disetujui_oleh_id" integer,
	"identitas" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_perilaku" (
	"skp_id" integer NOT NULL,
	"kode" text NOT NULL,
	"ekspektasi" text NOT NULL,
	CONSTRAINT "skp_perilaku_skp_id_kode_pk" PRIMARY KEY("skp_id","kode")
);
--> statement-breakpoint
ALTER TABLE "iki" ADD CONSTRAINT "iki_rhk_id_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."rhk"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perjanjian_kinerja" ADD CONSTRAINT "perjanjian_kinerja_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perjanjian_kinerja" ADD CONSTRAINT "perjanjian_kinerja_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pk_sasaran" ADD CONSTRAINT "pk_sasaran_pk_id_perjanjian_kinerja_id_fk" FOREIGN KEY ("pk_id") REFERENCES "public"."perjanjian_kinerja"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_pk_sasaran_id_pk_sasaran_id_fk" FOREIGN KEY ("pk_sasaran_id") REFERENCES "public"."pk_sasaran"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk" ADD CONSTRAINT "rhk_asal_rhk_id_rhk_id_fk" FOREIGN KEY ("asal_rhk_id") REFERENCES "public"."rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ADD CONSTRAINT "rhk_intervensi_rhk_id_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."rhk"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rhk_intervensi" ADD CONSTRAINT "rhk_intervensi_atasan_rhk_id_rhk_id_fk" FOREIGN KEY ("atasan_rhk_id") REFERENCES "public"."rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_jabatan_id_jabatan_id_fk" FOREIGN KEY ("jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_versi_sebelumnya_id_skp_id_fk" FOREIGN KEY ("versi_sebelumnya_id") REFERENCES "public"."skp"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_pejabat_penilai_id_pegawai_id_fk" FOREIGN KEY ("pejabat_penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp" ADD CONSTRAINT "skp_disetujui_oleh_id_pegawai_id_fk" FOREIGN KEY ("disetujui_oleh_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_perilaku" ADD CONSTRAINT "skp_perilaku_skp_id_skp_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skp"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iki_rhk_idx" ON "iki" USING btree ("rhk_id","urutan");--> statement-breakpoint
CREATE UNIQUE INDEX "pk_unor_tahun_uq" ON "perjanjian_kinerja" USING btree ("unor_id","tahun");--> statement-breakpoint
CREATE INDEX "pk_sasaran_pk_idx" ON "pk_sasaran" USING btree ("pk_id","urutan");--> statement-breakpoint
CREATE INDEX "rhk_skp_idx" ON "rhk" USING btree ("skp_id","urutan");--> statement-breakpoint
CREATE INDEX "rhk_asal_idx" ON "rhk" USING btree ("asal_rhk_id");--> statement-breakpoint
CREATE INDEX "rhk_intervensi_atasan_idx" ON "rhk_intervensi" USING btree ("atasan_rhk_id");--> statement-breakpoint
CREATE INDEX "skp_pegawai_tahun_idx" ON "skp" USING btree ("pegawai_id","tahun","versi");--> statement-breakpoint
CREATE INDEX "skp_penilai_status_idx" ON "skp" USING btree ("pejabat_penilai_id","status");--> statement-breakpoint
CREATE INDEX "skp_instansi_tahun_status_idx" ON "skp" USING btree ("instansi_id","tahun","status");