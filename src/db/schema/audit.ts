/** Append-only, hash-chained audit log (one chain per instansi). */
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer().notNull(),
    /** The OPD the change belongs to, so an OPD admin can read its own part. */
    opdId: integer(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: integer(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    requestId: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_instansi_idx').on(t.instansiId, t.id),
    index('audit_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_opd_idx').on(t.opdId, t.id),
  ],
);
