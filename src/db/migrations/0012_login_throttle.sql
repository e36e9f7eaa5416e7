CREATE TABLE "login_throttle" (
	"nip" text NOT NULL,
	"address" text NOT NULL,
	"failures" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_nip_address_pk" PRIMARY KEY("nip","address")
);
--> statement-breakpoint
DROP TABLE "login_gagal" CASCADE;--> statement-breakpoint
CREATE INDEX "login_throttle_last_at_idx" ON "login_throttle" USING btree ("last_at");