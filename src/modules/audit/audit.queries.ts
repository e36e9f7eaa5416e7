import { and, asc, desc, eq, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog, pegawai } from '../../db/schema/index.js';

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

/** Newest first, keyset-paginated on id. */
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
    })
    .from(auditLog)
    .leftJoin(pegawai, eq(pegawai.id, auditLog.actorId))
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

export async function instansiWithAudit(db: DbOrTx): Promise<number[]> {
  const found = await db.selectDistinct({ id: auditLog.instansiId }).from(auditLog);
  return found.map((r) => r.id);
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
