-- PPPK paruh waktu (SPEC §12): the direct assessor's quarterly evaluation and contract advice, derived
-- from the periodic results (ADR 0016); pegawai.jenis_asn is plain text, so 'PPPK_PW' needs no change there.
CREATE TABLE "evaluasi_triwulan_pppk" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evaluasi_triwulan_pppk_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"pegawai_id" integer NOT NULL,
	"tahun" integer NOT NULL,
	"triwulan" integer NOT NULL,
	"predikat" text,
	"predikat_saran" text,
	"alasan_perubahan" text,
	"rekomendasi" text,
	"catatan" text,
	"status" text DEFAULT 'DRAF' NOT NULL,
	"penilai_id" integer NOT NULL,
	"difinalkan_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluasi_triwulan_pppk_triwulan_ck" CHECK ("evaluasi_triwulan_pppk"."triwulan" BETWEEN 1 AND 4),
	CONSTRAINT "evaluasi_triwulan_pppk_status_ck" CHECK ("evaluasi_triwulan_pppk"."status" IN ('DRAF', 'FINAL')),
	CONSTRAINT "evaluasi_triwulan_pppk_rekomendasi_ck" CHECK ("evaluasi_triwulan_pppk"."rekomendasi" IN ('DIPERPANJANG', 'PERLU_PEMBINAAN', 'TIDAK_DIPERPANJANG')),
	CONSTRAINT "evaluasi_triwulan_pppk_final_ck" CHECK ("evaluasi_triwulan_pppk"."status" <> 'FINAL' OR ("evaluasi_triwulan_pppk"."predikat" IS NOT NULL AND "evaluasi_triwulan_pppk"."rekomendasi" IS NOT NULL AND "evaluasi_triwulan_pppk"."difinalkan_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "evaluasi_triwulan_pppk" ADD CONSTRAINT "evaluasi_triwulan_pppk_instansi_id_instansi_id_fk" FOREIGN KEY ("instansi_id") REFERENCES "public"."instansi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_triwulan_pppk" ADD CONSTRAINT "evaluasi_triwulan_pppk_pegawai_id_pegawai_id_fk" FOREIGN KEY ("pegawai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluasi_triwulan_pppk" ADD CONSTRAINT "evaluasi_triwulan_pppk_penilai_id_pegawai_id_fk" FOREIGN KEY ("penilai_id") REFERENCES "public"."pegawai"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluasi_triwulan_pppk_uq" ON "evaluasi_triwulan_pppk" USING btree ("pegawai_id","tahun","triwulan");