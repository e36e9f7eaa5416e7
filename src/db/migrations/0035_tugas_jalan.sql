-- A periodic job that must run once per scheduled time (the reminders) claims (nama, slot) here
-- first; with several app nodes the second claim of the same slot finds the row and skips.
CREATE TABLE "tugas_jalan" (
	"nama" text NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"node" text NOT NULL,
	"mulai_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tugas_jalan_nama_slot_pk" PRIMARY KEY("nama","slot")
);
