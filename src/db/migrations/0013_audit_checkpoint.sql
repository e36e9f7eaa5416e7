CREATE TABLE "audit_checkpoint" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoint_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"instansi_id" integer NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"entry_count" bigint NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_checkpoint_instansi_idx" ON "audit_checkpoint" USING btree ("instansi_id","id");
--> statement-breakpoint
-- hand-written: checkpoints are append-only like the audit log; the refusal names the table it guards.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% hanya dapat ditambah (append-only)', TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
