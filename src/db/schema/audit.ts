/**
 * Append-only, hash-chained audit log (one chain per instansi), the signed checkpoints of its heads and
 * the signed anchors of its archived segments.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).generatedAlwaysAsIdentity(),
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
    /**
     * The partition key (ADR 0029): the year of `at` in Asia/Jakarta, set by the writer and never
     * changed (a row moving partition would be deleted from one, which the trigger refuses).
     */
    tahun: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.tahun] }),
    index('audit_instansi_idx').on(t.instansiId, t.id),
    // Unique only within a year (a partitioned table's unique keys include its key): the chainers'
    // lock gives each place once, and the verifier reports a place given twice.
    uniqueIndex('audit_urutan_idx').on(t.instansiId, t.urutan, t.tahun),
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

/**
 * An archived segment of one instansi's chain (ADR 0029): its places up to `sampaiUrutan`, dumped to a
 * file whose SHA-256 is kept here, signed with AUDIT_HMAC_KEY. The live chain goes on from here.
 */
export const auditArsip = pgTable(
  'audit_arsip',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer().notNull(),
    /** The year archived: the segment covers every row of the years up to it. */
    tahun: integer().notNull(),
    /** The last place of the segment, its row and hash: the next place's prev_hash. */
    sampaiUrutan: bigint({ mode: 'number' }).notNull(),
    sampaiId: bigint({ mode: 'number' }).notNull(),
    hash: text().notNull(),
    /** Rows in the segment (places after the previous anchor up to this one). */
    jumlah: bigint({ mode: 'number' }).notNull(),
    /** SHA-256 (hex) of the dump file. */
    sha256: text().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    /** HMAC-SHA256 (hex) of the fields above. */
    signature: text().notNull(),
  },
  (t) => [uniqueIndex('audit_arsip_instansi_idx').on(t.instansiId, t.sampaiUrutan)],
);
