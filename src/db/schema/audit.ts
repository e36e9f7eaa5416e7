/** Append-only, hash-chained audit log (one chain per instansi), and the signed checkpoints of its heads. */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
    /**
     * The place in the instansi's chain (1, 2, …) and the hashes, set by the chaining step after the
     * row is committed (ADR 0019); null while the row waits for it. Writers take no lock.
     */
    urutan: bigint({ mode: 'number' }),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index('audit_instansi_idx').on(t.instansiId, t.id),
    uniqueIndex('audit_urutan_idx').on(t.instansiId, t.urutan),
    index('audit_menunggu_idx').on(t.instansiId, t.id).where(sql`${t.urutan} IS NULL`),
    index('audit_entity_idx').on(t.entity, t.entityId, t.id),
    index('audit_actor_idx').on(t.actorId, t.id),
    index('audit_opd_idx').on(t.opdId, t.id),
  ],
);

/**
 * The head of one instansi's chain at a moment, signed with AUDIT_HMAC_KEY (ADR 0007). Kept outside
 * audit_log so that removing the newest audit rows leaves a signed record of what was there.
 */
export const auditCheckpoint = pgTable(
  'audit_checkpoint',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    lastId: bigint({ mode: 'number' }).notNull(),
    lastHash: text().notNull(),
    entryCount: bigint({ mode: 'number' }).notNull(),
    /** HMAC-SHA256 (hex) of the fields above. */
    signature: text().notNull(),
  },
  (t) => [index('audit_checkpoint_instansi_idx').on(t.instansiId, t.id)],
);
