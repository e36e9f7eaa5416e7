/** SQL for the unor tree and positions. Subtree counts use the materialised path index. */
import { and, asc, eq, gt, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/client.js';
import { jabatanRefColumns, ringkasSelect, toRingkas } from '../../db/pegawai-ringkas.js';
import { jabatan, pegawai, unor } from '../../db/schema/index.js';
import type { JenisUnor } from '../../domain/jabatan.js';

export interface UnorRow {
  id: number;
  parentId: number | null;
  nama: string;
  jenis: JenisUnor;
  jumlahSubUnor: number;
  jumlahPegawai: number;
}

/** Children of a node (or the roots) with sub-unit and employee counts of each whole subtree. */
export async function unorChildren(db: DbOrTx, instansiId: number, where: SQL) {
  return rows<UnorRow>(
    db,
    sql`SELECT c.id, c.parent_id AS "parentId", c.nama, c.jenis,
               (SELECT count(*)::int FROM unor s WHERE s.parent_id = c.id) AS "jumlahSubUnor",
               (SELECT count(*)::int FROM pegawai p JOIN unor u ON u.id = p.unor_id
                 WHERE u.path LIKE c.path || '%' AND p.is_active) AS "jumlahPegawai"
          FROM unor c
         WHERE c.instansi_id = ${instansiId} AND ${where}
         ORDER BY c.urutan, c.nama`,
  );
}

export function childrenOf(parentId: number | null): SQL {
  return parentId === null ? sql`c.parent_id IS NULL` : sql`c.parent_id = ${parentId}`;
}

export function unorIn(ids: number[]): SQL {
  return sql`c.id = ANY(${sql.raw(`ARRAY[${ids.map(Number).join(',') || 'NULL'}]::int[]`)})`;
}

export async function findUnor(db: DbOrTx, id: number) {
  const [row] = await db.select().from(unor).where(eq(unor.id, id));
  return row ?? null;
}

export async function unorByIds(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select({ id: unor.id, nama: unor.nama }).from(unor).where(inArray(unor.id, ids));
}

export async function jabatanInUnor(db: DbOrTx, unorId: number) {
  return db
    .select({
      ...jabatanRefColumns,
      atasanJabatanId: jabatan.atasanJabatanId,
      isKepalaUnor: jabatan.isKepalaUnor,
      kepalaUnitMandiri: jabatan.kepalaUnitMandiri,
    })
    .from(jabatan)
    .innerJoin(unor, eq(unor.id, jabatan.unorId))
    .where(eq(jabatan.unorId, unorId))
    .orderBy(sql`${jabatan.isKepalaUnor} desc`, asc(jabatan.kelasJabatan), asc(jabatan.nama));
}

/** A position of the instansi with its unit's OPD, for the BKD's position attributes. */
export async function findJabatan(db: DbOrTx, instansiId: number, id: number) {
  const [row] = await db
    .select({
      id: jabatan.id,
      jenis: jabatan.jenis,
      opdId: unor.opdId,
      kepalaUnitMandiri: jabatan.kepalaUnitMandiri,
    })
    .from(jabatan)
    .innerJoin(unor, eq(unor.id, jabatan.unorId))
    .where(and(eq(jabatan.id, id), eq(jabatan.instansiId, instansiId)))
    .for('update', { of: jabatan });
  return row ?? null;
}

export async function setKepalaUnitMandiri(db: DbOrTx, id: number, value: boolean) {
  await db.update(jabatan).set({ kepalaUnitMandiri: value }).where(eq(jabatan.id, id));
}

/** Active holders of the positions, as list rows with their position id. */
export async function holdersOf(db: DbOrTx, jabatanIds: number[]) {
  if (jabatanIds.length === 0) return [];
  const found = await ringkasSelect(db)
    .where(and(inArray(pegawai.jabatanId, jabatanIds), eq(pegawai.isActive, true)))
    .orderBy(asc(pegawai.nama));
  return found.map((r) => ({ ...toRingkas(r), jabatanId: r.jabatanId }));
}

export async function searchJabatan(
  db: DbOrTx,
  scope: { instansiId: number; opdIds: number[] | null },
  filter: { q?: string | undefined; unorId?: number | undefined },
  afterId: number | null,
  limit: number,
) {
  const where: SQL[] = [eq(jabatan.instansiId, scope.instansiId)];
  if (scope.opdIds) where.push(inArray(unor.opdId, scope.opdIds.length ? scope.opdIds : [-1]));
  if (filter.unorId) where.push(eq(jabatan.unorId, filter.unorId));
  if (filter.q) where.push(ilike(jabatan.nama, `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (afterId) where.push(gt(jabatan.id, afterId));
  const found = await db
    .select(jabatanRefColumns)
    .from(jabatan)
    .innerJoin(unor, eq(unor.id, jabatan.unorId))
    .where(and(...where))
    .orderBy(asc(jabatan.id))
    .limit(limit + 1);
  const items = found.slice(0, limit);
  return { items, nextCursor: found.length > limit ? String(items.at(-1)!.id) : null };
}

export async function rootsOf(db: DbOrTx, instansiId: number) {
  return db
    .select({ id: unor.id })
    .from(unor)
    .where(and(eq(unor.instansiId, instansiId), isNull(unor.parentId)));
}

export async function instansiZone(db: DbOrTx, instansiId: number): Promise<string | null> {
  const found = await rows<{ zona: string }>(
    db,
    sql`SELECT zona_waktu AS zona FROM instansi WHERE id = ${instansiId}`,
  );
  return found[0]?.zona ?? null;
}
