CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"opd_id" integer,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_gagal" (
	"nip" text PRIMARY KEY NOT NULL,
	"jumlah" integer NOT NULL,
	"pertama_at" timestamp with time zone NOT NULL,
	"terkunci_sampai" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sesi" (
	"id" text PRIMARY KEY NOT NULL,
	"pegawai_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "instansi" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "instansi_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kode" text NOT NULL,
	"nama" text NOT NULL,
	"jenis" text NOT NULL,
	"zona_waktu" text DEFAULT 'Asia/Makassar' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instansi_kode_unique" UNIQUE("kode")
);
--> statement-breakpoint
CREATE TABLE "jabatan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "jabatan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"unor_id" integer NOT NULL,
	"nama" text NOT NULL,
	"jenis" text NOT NULL,
	"jenjang" text,
	"kelas_jabatan" smallint,
	"atasan_jabatan_id" integer,
	"is_kepala_unor" boolean DEFAULT false NOT NULL,
	CONSTRAINT "jabatan_unor_nama_uq" UNIQUE("unor_id","nama")
);
--> statement-breakpoint
CREATE TABLE "unor" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unor_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"parent_id" integer,
	"opd_id" integer,
	"jenis" text NOT NULL,
	"kode" text,
	"nama" text NOT NULL,
	"path" text NOT NULL,
	"urutan" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pegawai" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pegawai_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"nip" text NOT NULL,
	"gelar_depan" text,
	"nama" text NOT NULL,
	"gelar_belakang" text,
	"jenis_asn" text NOT NULL,
	"golongan" text NOT NULL,
	"jabatan_id" integer,
	"unor_id" integer,
	"opd_id" integer,
	"atasan_override_id" integer,
	"atasan_override_alasan" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pegawai_nip_unique" UNIQUE("nip")
);
--> statement-breakpoint
CREATE TABLE "penugasan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "penugasan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pegawai_id" integer NOT NULL,
	"jabatan_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"tmt_mulai" date NOT NULL,
	"tmt_selesai" date,
	"alasan" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peran_pegawai" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "peran_pegawai_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"pegawai_id" integer NOT NULL,
	"peran" text NOT NULL,
	"opd_id" integer,
	CONSTRAINT "peran_pegawai_uq" UNIQUE NULLS NOT DISTINCT("pegawai_id","peran","opd_id")
);
--> statement-breakpoint
ALTER TABLE "sesi" ADD CONSTRAINT "sesi_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jabatan" ADD CONSTRAINT "jabatan_atasan_jabatan_id_jabatan_id_fk" FOREIGN KEY ("atasan_jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unor" ADD CONSTRAINT "unor_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unor" ADD CONSTRAINT "unor_parent_id_unor_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unor" ADD CONSTRAINT "unor_opd_id_unor_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_jabatan_id_jabatan_id_fk" FOREIGN KEY ("jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_unor_id_unor_id_fk" FOREIGN KEY ("unor_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_opd_id_unor_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pegawai" ADD CONSTRAINT "pegawai_atasan_override_id_pegawai_id_fk" FOREIGN KEY ("atasan_override_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penugasan" ADD CONSTRAINT "penugasan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penugasan" ADD CONSTRAINT "penugasan_jabatan_id_jabatan_id_fk" FOREIGN KEY ("jabatan_id") REFERENCES "public"."jabatan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penugasan" ADD CONSTRAINT "penugasan_created_by_pegawai_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peran_pegawai" ADD CONSTRAINT "peran_pegawai_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peran_pegawai" ADD CONSTRAINT "peran_pegawai_opd_id_unor_id_fk" FOREIGN KEY ("opd_id") REFERENCES "public"."unor"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_instansi_idx" ON "audit_log" USING btree ("instansi_id","id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_opd_idx" ON "audit_log" USING btree ("opd_id","id");--> statement-breakpoint
CREATE INDEX "sesi_pegawai_idx" ON "sesi" USING btree ("pegawai_id");--> statement-breakpoint
CREATE INDEX "sesi_expires_idx" ON "sesi" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "jabatan_unor_idx" ON "jabatan" USING btree ("unor_id");--> statement-breakpoint
CREATE INDEX "jabatan_atasan_idx" ON "jabatan" USING btree ("atasan_jabatan_id");--> statement-breakpoint
CREATE INDEX "unor_parent_idx" ON "unor" USING btree ("instansi_id","parent_id","urutan");--> statement-breakpoint
CREATE INDEX "unor_path_idx" ON "unor" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "unor_opd_idx" ON "unor" USING btree ("opd_id");--> statement-breakpoint
CREATE INDEX "unor_nama_idx" ON "unor" USING btree ("instansi_id",lower("nama"));--> statement-breakpoint
CREATE INDEX "pegawai_jabatan_idx" ON "pegawai" USING btree ("jabatan_id");--> statement-breakpoint
CREATE INDEX "pegawai_unor_idx" ON "pegawai" USING btree ("unor_id");--> statement-breakpoint
CREATE INDEX "pegawai_opd_nama_idx" ON "pegawai" USING btree ("opd_id","nama");--> statement-breakpoint
CREATE INDEX "pegawai_instansi_nama_idx" ON "pegawai" USING btree ("instansi_id","nama","id");--> statement-breakpoint
CREATE INDEX "pegawai_override_idx" ON "pegawai" USING btree ("atasan_override_id");--> statement-breakpoint
CREATE INDEX "pegawai_nama_trgm_idx" ON "pegawai" USING gin (lower("nama") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "pegawai_nip_pattern_idx" ON "pegawai" USING btree ("nip" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "penugasan_pegawai_idx" ON "penugasan" USING btree ("pegawai_id","tmt_mulai");--> statement-breakpoint
CREATE INDEX "penugasan_jabatan_idx" ON "penugasan" USING btree ("jabatan_id","jenis");