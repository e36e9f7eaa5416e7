CREATE TABLE "sso_instansi" (
	"instansi_id" integer PRIMARY KEY NOT NULL,
	"aktif" boolean DEFAULT false NOT NULL,
	"penerbit" text NOT NULL,
	"client_id" text NOT NULL,
	"rahasia_klien_tersegel" text,
	"klaim_nip" text NOT NULL,
	"kata_sandi_nonaktif" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mfa_tantangan" ADD COLUMN "sso_instansi_id" integer;--> statement-breakpoint
ALTER TABLE "mfa_tantangan" ADD COLUMN "sso_id_token" text;--> statement-breakpoint
ALTER TABLE "sesi" ADD COLUMN "sso_instansi_id" integer;--> statement-breakpoint
ALTER TABLE "sesi" ADD COLUMN "sso_id_token" text;--> statement-breakpoint
ALTER TABLE "sso_instansi" ADD CONSTRAINT "sso_instansi_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_tantangan" ADD CONSTRAINT "mfa_tantangan_sso_instansi_id_instansi_id_fk" FOREIGN KEY ("sso_instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sesi" ADD CONSTRAINT "sesi_sso_instansi_id_instansi_id_fk" FOREIGN KEY ("sso_instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;