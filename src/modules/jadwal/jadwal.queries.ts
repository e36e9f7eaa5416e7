/** SQL for window exceptions (bukaan jendela) and the employee and unit they target. */
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, rows } from '../../db/client.js';
import { bukaanJendela, pegawai, unor } from '../../db/schema/index.js';
import { bukaanUntuk } from '../../db/siklus-bulanan.js';
import type { JenisJendela } from '../../domain/jadwal.js';

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
 * An employee's instansi and OPD with the exceptions that apply to them at `now` (opened for them or
 * for a unit on their path, not revoked, not yet ended), in one statement: every realisasi write asks.
 */
export async function pegawaiDenganBukaan(db: DbOrTx, pegawaiId: number, now: Date) {
  const [row] = await rows<{
    instansiId: number;
    opdId: number | null;
    bukaan: { jenis: JenisJendela; periodeKode: string; berakhir: string }[];
  }>(
    db,
    sql`SELECT p.instansi_id AS "instansiId", p.opd_id AS "opdId",
               coalesce((SELECT json_agg(json_build_object('jenis', bj.jenis, 'periodeKode', bj.periode_kode,
                                                           'berakhir', bj.berakhir) ORDER BY bj.berakhir)
                           FROM bukaan_jendela bj
                          WHERE bj.instansi_id = p.instansi_id AND bj.berakhir > ${now.toISOString()}::timestamptz
                            AND ${bukaanUntuk('bj', sql`p.id`)}), '[]'::json) AS bukaan
          FROM pegawai p WHERE p.id = ${pegawaiId}`,
  );
  if (!row) return null;
  return {
    instansiId: row.instansiId,
    opdId: row.opdId,
    bukaan: row.bukaan.map((b) => ({ ...b, berakhir: new Date(b.berakhir) })),
  };
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
