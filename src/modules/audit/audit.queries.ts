import { and, asc, desc, eq, gt, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, rows } from '../../db/client.js';
import { auditCheckpoint, auditLog, jabatan, pegawai, realisasi, skp } from '../../db/schema/index.js';
import type { ChainHead, Checkpoint } from './audit-checkpoint.js';

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

/**
 * The chained rows of one instansi in chain order from a place, a page at a time (verify, archive).
 * Keyset on (place, id): a place given twice (it is unique only within a year) is read, not skipped
 * at a page's edge. `after.id` null: strictly after the place.
 */
export function chainPage(
  db: DbOrTx,
  instansiId: number,
  after: { urutan: number; id: number | null },
  size: number,
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.instansiId, instansiId),
        after.id === null
          ? gt(auditLog.urutan, after.urutan)
          : sql`(${auditLog.urutan}, ${auditLog.id}) > (${after.urutan}, ${after.id})`,
      ),
    )
    .orderBy(asc(auditLog.urutan), asc(auditLog.id))
    .limit(size);
}

/** Rows of the instansi not chained yet. */
export async function countUnchained(db: DbOrTx, instansiId: number): Promise<number> {
  const [row] = await rows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM audit_log WHERE instansi_id = ${instansiId} AND urutan IS NULL`,
  );
  return Number(row!.n);
}

/** The instansi with rows waiting to be chained (the partial index holds only those). */
export async function instansiUnchained(db: DbOrTx): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT DISTINCT instansi_id AS id FROM audit_log WHERE urutan IS NULL ORDER BY id`,
  );
  return found.map((r) => r.id);
}

/**
 * Where the next place of one instansi's chain follows: its last chained row, or the latest archive
 * anchor when every row up to it left with its year (ADR 0029).
 */
export async function chainHead(db: DbOrTx, instansiId: number) {
  const [row] = await rows<{ urutan: number | string; hash: string }>(
    db,
    sql`SELECT urutan, hash FROM (
          (SELECT urutan, hash FROM audit_log WHERE instansi_id = ${instansiId} AND urutan IS NOT NULL
            ORDER BY urutan DESC LIMIT 1)
          UNION ALL
          (SELECT sampai_urutan, hash FROM audit_arsip WHERE instansi_id = ${instansiId}
            ORDER BY sampai_urutan DESC LIMIT 1)) h
        ORDER BY urutan DESC LIMIT 1`,
  );
  return row ? { urutan: Number(row.urutan), hash: row.hash } : null;
}

/** Rows of one instansi waiting to be chained, in the order they were written (id). */
export function unchainedPage(db: DbOrTx, instansiId: number, size: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.instansiId, instansiId), isNull(auditLog.urutan)))
    .orderBy(asc(auditLog.id))
    .limit(size);
}

/**
 * Sets place and hashes of chained rows (the one update the table's trigger allows). It names the
 * rows' years, so it reads only their partitions; the partition key itself is never changed.
 */
export async function setChained(
  db: DbOrTx,
  links: readonly { id: number; tahun: number; urutan: number; prevHash: string; hash: string }[],
) {
  if (links.length === 0) return;
  const values = sql.join(
    links.map(
      (l) =>
        sql`(${l.id}::bigint, ${l.tahun}::int, ${l.urutan}::bigint, ${l.prevHash}::text, ${l.hash}::text)`,
    ),
    sql`, `,
  );
  const tahun = sql.join(
    [...new Set(links.map((l) => l.tahun))].map((t) => sql`${t}::int`),
    sql`, `,
  );
  await db.execute(
    sql`UPDATE audit_log a SET urutan = v.urutan, prev_hash = v.prev_hash, hash = v.hash
          FROM (VALUES ${values}) AS v(id, tahun, urutan, prev_hash, hash)
         WHERE a.id = v.id AND a.tahun = v.tahun AND a.tahun IN (${tahun})`,
  );
}

/** Every instansi with a chain, a checkpoint or an archive: a chain whose rows were all removed still has to be reported. */
export async function instansiWithAudit(db: DbOrTx): Promise<number[]> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT instansi_id AS id FROM audit_log UNION SELECT instansi_id FROM audit_checkpoint
        UNION SELECT instansi_id FROM audit_arsip ORDER BY id`,
  );
  return found.map((r) => r.id);
}

/** The head of every instansi's chain: its last chained row, whose place is the count of entries. */
export async function chainHeads(db: DbOrTx): Promise<ChainHead[]> {
  const found = await rows<{
    instansiId: number;
    lastId: number | string;
    lastHash: string;
    entryCount: number | string;
  }>(
    db,
    sql`SELECT i.id AS "instansiId", h.id AS "lastId", h.hash AS "lastHash", h.urutan AS "entryCount"
          FROM instansi i
          CROSS JOIN LATERAL (SELECT id, hash, urutan FROM audit_log a
                               WHERE a.instansi_id = i.id AND a.urutan IS NOT NULL
                               ORDER BY urutan DESC LIMIT 1) h
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

/** New rows, unchained; chunked so one statement stays well under the parameter limit. */
export async function insertAudit(db: DbOrTx, entries: (typeof auditLog.$inferInsert)[]) {
  for (let i = 0; i < entries.length; i += 2000) {
    await db.insert(auditLog).values(entries.slice(i, i + 2000));
  }
}

/** Serialises the chaining of one instansi's rows until the transaction ends (writers never take it). */
export async function lockChain(db: DbOrTx, instansiId: number) {
  await db.execute(sql`select pg_advisory_xact_lock(727001, ${instansiId})`);
}
