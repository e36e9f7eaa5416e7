/** Queries of the audit archive (ADR 0029): segment ends, anchors, and the year partitions it drops. */
import { asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { auditArsip } from '../../db/schema/index.js';
import type { Anchor } from './audit-arsip.js';

/** Per instansi, the last place among its chained rows of the years up to `tahun`: where its segment ends. */
export async function segmentEnds(db: DbOrTx, tahun: number) {
  const found = await rows<{ instansiId: number; sampaiUrutan: number | string }>(
    db,
    sql`SELECT instansi_id AS "instansiId", max(urutan) AS "sampaiUrutan" FROM audit_log
         WHERE tahun <= ${tahun} AND urutan IS NOT NULL GROUP BY instansi_id ORDER BY instansi_id`,
  );
  return found.map((r) => ({ instansiId: r.instansiId, sampaiUrutan: Number(r.sampaiUrutan) }));
}

/** One instansi's anchors, oldest segment first. */
export async function anchorsOf(db: DbOrTx, instansiId: number): Promise<Anchor[]> {
  const found = await db
    .select()
    .from(auditArsip)
    .where(eq(auditArsip.instansiId, instansiId))
    .orderBy(asc(auditArsip.sampaiUrutan));
  return found.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function insertAnchor(db: DbOrTx, anchor: Omit<Anchor, 'id'>): Promise<Anchor> {
  const [saved] = await db
    .insert(auditArsip)
    .values({ ...anchor, at: new Date(anchor.at) })
    .returning();
  return { ...saved!, at: saved!.at.toISOString() };
}

/** The year partitions of audit_log up to `tahun` (audit_log_YYYY; never the DEFAULT one). */
export async function auditPartitionsUpTo(db: DbOrTx, tahun: number): Promise<string[]> {
  const found = await rows<{ nama: string }>(
    db,
    sql`SELECT c.relname AS nama FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_[0-9]{4}$'
           AND substr(c.relname, 11)::int <= ${tahun}
         ORDER BY 1`,
  );
  return found.map((r) => r.nama);
}

/**
 * Detaches a partition and counts its rows outside every archived segment: not chained, or placed
 * after its instansi's latest anchor. Detaching first locks it, so no late write slips in after the count.
 */
export async function detachAndCountOutside(db: DbOrTx, partisi: string): Promise<number> {
  await db.execute(sql`ALTER TABLE audit_log DETACH PARTITION ${sql.identifier(partisi)}`);
  const [row] = await rows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM ${sql.identifier(partisi)} a
         WHERE a.urutan IS NULL
            OR a.urutan > coalesce((SELECT max(sampai_urutan) FROM audit_arsip r WHERE r.instansi_id = a.instansi_id), 0)`,
  );
  return Number(row!.n);
}

export async function dropTable(db: DbOrTx, nama: string) {
  await db.execute(sql`DROP TABLE ${sql.identifier(nama)}`);
}
