/** SQL for window exceptions (bukaan jendela) and the employee and unit they target. */
import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { bukaanJendela, pegawai, unor } from '../../db/schema/index.js';

/** An employee with the ids of their unit and every ancestor unit, from the materialised path. */
export async function findPegawaiUnit(db: DbOrTx, pegawaiId: number) {
  const [row] = await db
    .select({ instansiId: pegawai.instansiId, opdId: pegawai.opdId, path: unor.path })
    .from(pegawai)
    .leftJoin(unor, eq(unor.id, pegawai.unorId))
    .where(eq(pegawai.id, pegawaiId));
  if (!row) return null;
  const unorIds = (row.path ?? '').split('/').filter(Boolean).map(Number);
  return { instansiId: row.instansiId, opdId: row.opdId, unorIds };
}

export async function findUnor(db: DbOrTx, unorId: number) {
  const [row] = await db
    .select({ instansiId: unor.instansiId, opdId: unor.opdId })
    .from(unor)
    .where(eq(unor.id, unorId));
  return row ?? null;
}

/**
 * Exceptions that apply to an employee at `now`: opened for them or for a unit on their path, not
 * revoked and not yet ended. Optionally narrowed to one window of one period.
 */
export function bukaanBerlaku(
  db: DbOrTx,
  target: { instansiId: number; pegawaiId: number; unorIds: number[] },
  now: Date,
  periodeKode?: string,
) {
  const b = bukaanJendela;
  return db
    .select({ jenis: b.jenis, periodeKode: b.periodeKode, berakhir: b.berakhir })
    .from(b)
    .where(
      and(
        eq(b.instansiId, target.instansiId),
        ...(periodeKode ? [eq(b.periodeKode, periodeKode)] : []),
        isNull(b.dicabutAt),
        gt(b.berakhir, now),
        target.unorIds.length
          ? or(eq(b.pegawaiId, target.pegawaiId), inArray(b.unorId, target.unorIds))
          : eq(b.pegawaiId, target.pegawaiId),
      ),
    )
    .orderBy(b.berakhir);
}

export async function insertBukaan(tx: DbOrTx, values: typeof bukaanJendela.$inferInsert) {
  const [row] = await tx.insert(bukaanJendela).values(values).returning({ id: bukaanJendela.id });
  return row!.id;
}

/** Revokes an exception still in force at `at`; false when it was already revoked or had ended. */
export async function cabutBukaan(tx: DbOrTx, id: number, at: Date, olehId: number) {
  const updated = await tx
    .update(bukaanJendela)
    .set({ dicabutAt: at, dicabutOlehId: olehId })
    .where(and(eq(bukaanJendela.id, id), isNull(bukaanJendela.dicabutAt), gt(bukaanJendela.berakhir, at)))
    .returning({ id: bukaanJendela.id });
  return updated.length === 1;
}

const target = alias(pegawai, 'target');
const pembuat = alias(pegawai, 'pembuat');
/** The OPD an exception belongs to: its employee's, or its unit's. */
const opdOf = sql<number | null>`coalesce(${target.opdId}, ${unor.opdId})`;

function selectBukaan(db: DbOrTx) {
  return db
    .select({
      id: bukaanJendela.id,
      instansiId: bukaanJendela.instansiId,
      jenis: bukaanJendela.jenis,
      periodeKode: bukaanJendela.periodeKode,
      alasan: bukaanJendela.alasan,
      berakhir: bukaanJendela.berakhir,
      createdAt: bukaanJendela.createdAt,
      dicabutAt: bukaanJendela.dicabutAt,
      opdId: opdOf,
      pegawaiId: target.id,
      pegawaiNip: target.nip,
      pegawaiGelarDepan: target.gelarDepan,
      pegawaiNama: target.nama,
      pegawaiGelarBelakang: target.gelarBelakang,
      unorId: unor.id,
      unorNama: unor.nama,
      pembuatId: pembuat.id,
      pembuatGelarDepan: pembuat.gelarDepan,
      pembuatNama: pembuat.nama,
      pembuatGelarBelakang: pembuat.gelarBelakang,
    })
    .from(bukaanJendela)
    .leftJoin(target, eq(target.id, bukaanJendela.pegawaiId))
    .leftJoin(unor, eq(unor.id, bukaanJendela.unorId))
    .innerJoin(pembuat, eq(pembuat.id, bukaanJendela.dibuatOlehId));
}

export type BukaanRow = NonNullable<Awaited<ReturnType<typeof findBukaan>>>;

export async function findBukaan(db: DbOrTx, id: number) {
  const [row] = await selectBukaan(db).where(eq(bukaanJendela.id, id));
  return row ?? null;
}

/** Newest first, keyset by id; `opdIds` narrows an OPD admin to their OPDs' employees and units. */
export function listBukaan(
  db: DbOrTx,
  filter: {
    instansiId: number;
    opdIds: number[] | null;
    periodeKode: string | undefined;
    beforeId: number | null;
    limit: number;
  },
) {
  return selectBukaan(db)
    .where(
      and(
        eq(bukaanJendela.instansiId, filter.instansiId),
        ...(filter.periodeKode ? [eq(bukaanJendela.periodeKode, filter.periodeKode)] : []),
        ...(filter.beforeId === null ? [] : [lt(bukaanJendela.id, filter.beforeId)]),
        ...(filter.opdIds ? [filter.opdIds.length ? inArray(opdOf, filter.opdIds) : sql`false`] : []),
      ),
    )
    .orderBy(desc(bukaanJendela.id))
    .limit(filter.limit);
}
