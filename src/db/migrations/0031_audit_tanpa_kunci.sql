-- Audit without a global lock (ADR 0019): writers append rows without hashes; a chaining step gives
-- each its place (`urutan`) and hashes after commit. Rows already chained get their place in id order,
-- which is the order their hashes were built in, so every existing chain and checkpoint stays valid.
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "urutan" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" DISABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
UPDATE "audit_log" a SET "urutan" = n.urutan
  FROM (SELECT id, row_number() OVER (PARTITION BY instansi_id ORDER BY id) AS urutan FROM "audit_log") n
 WHERE a.id = n.id;--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER "audit_log_no_update";--> statement-breakpoint
-- Still append-only: the one change allowed is the chaining step's, once per row: place and hashes
-- set where they were empty, every other column as it was. Removing a row stays refused.
CREATE FUNCTION audit_log_hanya_rantai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL AND OLD.urutan IS NULL AND OLD.prev_hash IS NULL
     AND NEW.hash IS NOT NULL AND NEW.urutan IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND (NEW.id, NEW.instansi_id, NEW.opd_id, NEW.at, NEW.actor_id, NEW.action, NEW.entity, NEW.entity_id,
          NEW.before, NEW.after, NEW.reason, NEW.request_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.instansi_id, OLD.opd_id, OLD.at, OLD.actor_id, OLD.action, OLD.entity, OLD.entity_id,
          OLD.before, OLD.after, OLD.reason, OLD.request_id)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log hanya dapat ditambah (append-only)';
END
$$;--> statement-breakpoint
DROP TRIGGER "audit_log_no_update" ON "audit_log";--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_hanya_rantai();--> statement-breakpoint
CREATE UNIQUE INDEX "audit_urutan_idx" ON "audit_log" USING btree ("instansi_id","urutan");--> statement-breakpoint
CREATE INDEX "audit_menunggu_idx" ON "audit_log" USING btree ("instansi_id","id") WHERE "audit_log"."urutan" IS NULL;
