-- STORAGE=postgres (ADR 0023): uploaded files in the database for installations with several nodes and one
-- backup. A key names its current upload; the bytes are 1 MiB chunks, so no file is one value in memory.
CREATE TABLE "berkas" (
	"kunci" text PRIMARY KEY NOT NULL,
	"unggahan" uuid NOT NULL,
	"ukuran" bigint NOT NULL,
	"jumlah_potongan" integer NOT NULL,
	"diperbarui" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "berkas_potongan" (
	"unggahan" uuid NOT NULL,
	"urutan" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "berkas_potongan_unggahan_urutan_pk" PRIMARY KEY("unggahan","urutan")
);
--> statement-breakpoint
-- PDFs, images and ZIPs are already compressed: TOAST would spend CPU trying again.
ALTER TABLE "berkas_potongan" ALTER COLUMN "data" SET STORAGE EXTERNAL;
