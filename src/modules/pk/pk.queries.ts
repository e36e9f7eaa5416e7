/** SQL for Perjanjian Kinerja per unit and year. */
import { and, asc, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { perjanjianKinerja, pkSasaran, unor } from '../../db/schema/index.js';

export async function findPk(db: DbOrTx, unorId: number, tahun: number) {
  const [pk] = await db
    .select()
    .from(perjanjianKinerja)
    .where(and(eq(perjanjianKinerja.unorId, unorId), eq(perjanjianKinerja.tahun, tahun)));
  if (!pk) return null;
  const sasaran = await db
    .select({
      id: pkSasaran.id,
      sasaran: pkSasaran.sasaran,
      indikator: pkSasaran.indikator,
      targetNilai: pkSasaran.targetNilai,
      targetSatuan: pkSasaran.targetSatuan,
      targetTeks: pkSasaran.targetTeks,
    })
    .from(pkSasaran)
    .where(eq(pkSasaran.pkId, pk.id))
    .orderBy(asc(pkSasaran.urutan));
  return {
    id: pk.id,
    unorId: pk.unorId,
    tahun: pk.tahun,
    version: pk.version,
    instansiId: pk.instansiId,
    sasaran,
  };
}

export async function findUnorScope(db: DbOrTx, unorId: number) {
  const [row] = await db
    .select({ instansiId: unor.instansiId, opdId: unor.opdId })
    .from(unor)
    .where(eq(unor.id, unorId));
  return row ?? null;
}

export async function insertPk(tx: DbOrTx, instansiId: number, unorId: number, tahun: number) {
  const [row] = await tx
    .insert(perjanjianKinerja)
    .values({ instansiId, unorId, tahun })
    .returning({ id: perjanjianKinerja.id });
  return row!.id;
}

export async function bumpPk(tx: DbOrTx, id: number, version: number) {
  const updated = await tx
    .update(perjanjianKinerja)
    .set({ version: sql`${perjanjianKinerja.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(perjanjianKinerja.id, id), eq(perjanjianKinerja.version, version)))
    .returning({ id: perjanjianKinerja.id });
  return updated.length === 1;
}

export async function replaceSasaran(
  tx: DbOrTx,
  pkId: number,
  items: {
    sasaran: string;
    indikator: string;
    targetNilai: number | null;
    targetSatuan: string | null;
    targetTeks: string | null;
  }[],
) {
  // Items an RHK already derives from keep their row; the rest are replaced.
  await tx.execute(
    sql`DELETE FROM pk_sasaran s WHERE s.pk_id = ${pkId} AND NOT EXISTS (SELECT 1 FROM rhk r WHERE r.pk_sasaran_id = s.id)`,
  );
  const kept = await tx
    .select({ id: pkSasaran.id, sasaran: pkSasaran.sasaran, indikator: pkSasaran.indikator })
    .from(pkSasaran)
    .where(eq(pkSasaran.pkId, pkId));
  const key = (i: { sasaran: string; indikator: string }) => `${i.sasaran}\u0000${i.indikator}`;
  const keptKeys = new Map(kept.map((k) => [key(k), k.id]));
  for (const [urutan, item] of items.entries()) {
    const existing = keptKeys.get(key(item));
    if (existing)
      await tx
        .update(pkSasaran)
        .set({ ...item, urutan })
        .where(eq(pkSasaran.id, existing));
    else await tx.insert(pkSasaran).values({ pkId, urutan, ...item });
  }
}

/** Whether a PK item belongs to the agreement of that unit and year. */
export async function sasaranBelongsTo(db: DbOrTx, sasaranIds: number[], unorId: number, tahun: number) {
  if (sasaranIds.length === 0) return true;
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM pk_sasaran s JOIN perjanjian_kinerja p ON p.id = s.pk_id
         WHERE p.unor_id = ${unorId} AND p.tahun = ${tahun}
           AND s.id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(sasaranIds)}::json))`,
  );
  return row!.n === new Set(sasaranIds).size;
}

export interface UnorImpor {
  id: number;
  kode: string | null;
  nama: string;
  opdId: number | null;
}

/** Units of the instansi named in an import file, by code or by name (case-insensitive). */
export function unorByKodeOrNama(db: DbOrTx, instansiId: number, kode: string[], nama: string[]) {
  return rows<UnorImpor>(
    db,
    sql`SELECT id, kode, nama, opd_id AS "opdId" FROM unor
         WHERE instansi_id = ${instansiId}
           AND (kode IN (SELECT value FROM json_array_elements_text(${JSON.stringify(kode)}::json))
             OR lower(nama) IN (SELECT value FROM json_array_elements_text(${JSON.stringify(nama)}::json)))`,
  );
}
