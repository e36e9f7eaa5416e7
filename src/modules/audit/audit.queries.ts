import { and, asc, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, rows } from '../../db/client.js';
import { auditCheckpoint, auditLog, jabatan, pegawai, realisasi, skp } from '../../db/schema/index.js';
import type { ChainHead, Checkpoint } from './audit-checkpoint.js';

export async function lastHash(db: DbOrTx, instansiId: number): Promise<string | null> {
  const [row] = await db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(eq(auditLog.instansiId, instansiId))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.hash ?? null;
}

export interface AuditFilter {
  instansiId: number;
  /** null: the whole instansi; otherwise only entries of these OPDs. */
  opdIds: number[] | null;
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  beforeId: number | null;
  limit: number;
}

/** The data an entry is about, as the log can name it: an employee, an SKP or realisasi with its owner, a position. */
const sasaranPegawai = alias(pegawai, 'sasaran_pegawai');
const pemilik = alias(pegawai, 'pemilik');
const sasaranId = sql<
  number | null
>`CASE WHEN ${auditLog.entityId} ~ '^[0-9]{1,9}$' THEN ${auditLog.entityId}::int END`;
const untuk = (entity: string) => sql`${auditLog.entity} = ${entity}`;

/**
 * Newest first, keyset-paginated on id. The names of the page's data come in the same statement (a
 * primary-key lookup per row of the page), never a query per row.
 */
export async function listAudit(db: DbOrTx, f: AuditFilter) {
  const where: SQL[] = [eq(auditLog.instansiId, f.instansiId)];
  if (f.opdIds) where.push(inArray(auditLog.opdId, [...f.opdIds, -1]));
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.beforeId !== null) where.push(lt(auditLog.id, f.beforeId));
  const limit = f.limit;
  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorNama: pegawai.nama,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      reason: auditLog.reason,
      requestId: auditLog.requestId,
      // The employee the data is about: the entry's own, or the owner of the SKP or realisasi.
      sasaranGelarDepan: sql<string | null>`coalesce(${sasaranPegawai.gelarDepan}, ${pemilik.gelarDepan})`,
      sasaranNama: sql<string | null>`coalesce(${sasaranPegawai.nama}, ${pemilik.nama})`,
      sasaranGelarBelakang: sql<
        string | null
      >`coalesce(${sasaranPegawai.gelarBelakang}, ${pemilik.gelarBelakang})`,
      sasaranNip: sql<string | null>`coalesce(${sasaranPegawai.nip}, ${pemilik.nip})`,
      skpTahun: skp.tahun,
      realisasiPeriode: realisasi.periodeKode,
      jabatanNama: jabatan.nama,
    })
    .from(auditLog)
    .leftJoin(pegawai, eq(pegawai.id, auditLog.actorId))
    .leftJoin(sasaranPegawai, and(untuk('pegawai'), eq(sasaranPegawai.id, sasaranId)))
    .leftJoin(skp, and(untuk('skp'), eq(skp.id, sasaranId)))
    .leftJoin(realisasi, and(untuk('realisasi'), eq(realisasi.id, sasaranId)))
    .leftJoin(pemilik, eq(pemilik.id, sql`coalesce(${skp.pegawaiId}, ${realisasi.pegawaiId})`))
    .leftJoin(jabatan, and(untuk('jabatan'), eq(jabatan.id, sasaranId)))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const items = found.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, nextCursor: found.length > limit ? String(items.at(-1)!.id) : null };
}

/** The chain of one instansi in id order, a page at a time (for the verify command). */
export function chainPage(db: DbOrTx, instansiId: number, afterId: number, size: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.instansiId, instansiId), gt(auditLog.id, afterId)))
    .orderBy(asc(auditLog.id))
    .limit(size);
}

/** Every instansi with a chain or a checkpoint: a chain whose rows were all removed still has to be reported. */
export async function instansiWithAudit(db: DbOrTx): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT instansi_id AS id FROM audit_log UNION SELECT instansi_id FROM audit_checkpoint ORDER BY id`,
  );
  return found.map((r) => r.id);
}

/**
 * The head of every instansi's chain, with the count of its entries, read in one statement so that
 * the three agree while audit rows are being written.
 */
export async function chainHeads(db: DbOrTx): Promise<ChainHead[]> {
  const found = await rows<{
    instansiId: number;
    lastId: number | string;
    lastHash: string;
    entryCount: number | string;
  }>(
    db,
    sql`SELECT i.id AS "instansiId", h.id AS "lastId", h.hash AS "lastHash",
               (SELECT count(*) FROM audit_log c WHERE c.instansi_id = i.id AND c.id <= h.id) AS "entryCount"
          FROM instansi i
          CROSS JOIN LATERAL (SELECT id, hash FROM audit_log a WHERE a.instansi_id = i.id ORDER BY id DESC LIMIT 1) h
         ORDER BY i.id`,
  );
  // int8 arrives as a string or a bigint depending on the driver.
  return found.map((r) => ({ ...r, lastId: Number(r.lastId), entryCount: Number(r.entryCount) }));
}

export async function insertCheckpoints(
  db: DbOrTx,
  entries: (typeof auditCheckpoint.$inferInsert)[],
): Promise<Checkpoint[]> {
  if (entries.length === 0) return [];
  const saved = await db.insert(auditCheckpoint).values(entries).returning();
  return saved.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function checkpointsOf(db: DbOrTx, instansiId: number): Promise<Checkpoint[]> {
  const found = await db
    .select()
    .from(auditCheckpoint)
    .where(eq(auditCheckpoint.instansiId, instansiId))
    .orderBy(asc(auditCheckpoint.id));
  return found.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** Rows in chain order; chunked so one statement stays well under the parameter limit. */
export async function insertAudit(db: DbOrTx, entries: (typeof auditLog.$inferInsert)[]) {
  for (let i = 0; i < entries.length; i += 2000) {
    await db.insert(auditLog).values(entries.slice(i, i + 2000));
  }
}

/** Serialises writers of one instansi's chain until the transaction ends. */
export async function lockChain(db: DbOrTx, instansiId: number) {
  await db.execute(sql`select pg_advisory_xact_lock(727001, ${instansiId})`);
}
