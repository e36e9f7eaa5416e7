CREATE TABLE "pekerjaan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pekerjaan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pemilik_id" integer NOT NULL,
	"jenis" text NOT NULL,
	"judul" text NOT NULL,
	"status" text DEFAULT 'BERJALAN' NOT NULL,
	"kunci" text,
	"total" integer,
	"selesai" integer DEFAULT 0 NOT NULL,
	"pesan" text,
	"hasil_kunci" text,
	"hasil_nama" text,
	"tautan" text,
	"mulai_at" timestamp with time zone DEFAULT now() NOT NULL,
	"diperbarui_at" timestamp with time zone DEFAULT now() NOT NULL,
	"selesai_at" timestamp with time zone,
	CONSTRAINT "pekerjaan_status_cek" CHECK ("pekerjaan"."status" in ('BERJALAN', 'SELESAI', 'GAGAL'))
);
--> statement-breakpoint
ALTER TABLE "pekerjaan" ADD CONSTRAINT "pekerjaan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pekerjaan" ADD CONSTRAINT "pekerjaan_pemilik_id_pegawai_id_fk" FOREIGN KEY ("pemilik_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pekerjaan_pemilik_idx" ON "pekerjaan" USING btree ("pemilik_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "pekerjaan_kunci_berjalan_uq" ON "pekerjaan" USING btree ("instansi_id","kunci") WHERE status = 'BERJALAN' and kunci is not null;--> statement-breakpoint
CREATE INDEX "pekerjaan_berjalan_idx" ON "pekerjaan" USING btree ("diperbarui_at") WHERE status = 'BERJALAN';