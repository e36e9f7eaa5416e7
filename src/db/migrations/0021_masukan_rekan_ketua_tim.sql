CREATE TABLE "masukan_rekan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "masukan_rekan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"penulis_id" integer NOT NULL,
	"periode_kode" text NOT NULL,
	"kode" text NOT NULL,
	"teks" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pegawai" ADD COLUMN "atasan_override_jenis" text;--> statement-breakpoint
ALTER TABLE "masukan_rekan" ADD CONSTRAINT "masukan_rekan_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masukan_rekan" ADD CONSTRAINT "masukan_rekan_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "masukan_rekan" ADD CONSTRAINT "masukan_rekan_penulis_id_pegawai_id_fk" FOREIGN KEY ("penulis_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "masukan_rekan_pegawai_idx" ON "masukan_rekan" USING btree ("pegawai_id","periode_kode");--> statement-breakpoint
CREATE UNIQUE INDEX "masukan_rekan_uq" ON "masukan_rekan" USING btree ("penulis_id","pegawai_id","periode_kode","kode");--> statement-breakpoint
-- hand-written:
-- Overrides made before the kind existed were corrections; from now on the kind is set exactly when
-- the override is, so no writer can leave a stale "Ketua Tim Kerja" behind a cleared override.
UPDATE pegawai SET atasan_override_jenis = 'KOREKSI' WHERE atasan_override_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE pegawai ADD CONSTRAINT pegawai_override_jenis_ck
  CHECK ((atasan_override_id IS NULL) = (atasan_override_jenis IS NULL));
