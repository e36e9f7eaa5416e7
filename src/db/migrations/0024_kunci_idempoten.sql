CREATE TABLE "kunci_idempoten" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kunci_idempoten_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"kunci" uuid NOT NULL,
	"rute" text NOT NULL,
	"sidik" text NOT NULL,
	"status" smallint,
	"respons" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kunci_idempoten" ADD CONSTRAINT "kunci_idempoten_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kunci_idempoten" ADD CONSTRAINT "kunci_idempoten_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kunci_idempoten_pegawai_kunci_uq" ON "kunci_idempoten" USING btree ("pegawai_id","kunci");--> statement-breakpoint
CREATE INDEX "kunci_idempoten_created_idx" ON "kunci_idempoten" USING btree ("created_at");