CREATE TABLE "mfa_kode_pemulihan" (
	"pegawai_id" integer NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "mfa_kode_pemulihan_pegawai_id_hash_pk" PRIMARY KEY("pegawai_id","hash")
);
--> statement-breakpoint
CREATE TABLE "mfa_pegawai" (
	"pegawai_id" integer PRIMARY KEY NOT NULL,
	"rahasia" text,
	"aktif_at" timestamp with time zone,
	"rahasia_baru" text,
	"langkah_terakhir" bigint
);
--> statement-breakpoint
CREATE TABLE "mfa_tantangan" (
	"id" text PRIMARY KEY NOT NULL,
	"pegawai_id" integer NOT NULL,
	"kedaluwarsa_at" timestamp with time zone NOT NULL,
	"percobaan" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sesi" ADD COLUMN "wajib_daftar_mfa" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pengaturan" ADD COLUMN "kebijakan_mfa" jsonb;--> statement-breakpoint
ALTER TABLE "mfa_kode_pemulihan" ADD CONSTRAINT "mfa_kode_pemulihan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_pegawai" ADD CONSTRAINT "mfa_pegawai_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_tantangan" ADD CONSTRAINT "mfa_tantangan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mfa_tantangan_pegawai_idx" ON "mfa_tantangan" USING btree ("pegawai_id");