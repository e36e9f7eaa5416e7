/** SQL of the daily log: the entries of one realisasi, and the per-unit totals of many in one statement. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { logHarian } from '../../db/schema/index.js';
import type { LogHarian } from '../../domain/log-harian.js';

const entriColumns = {
  id: logHarian.id,
  tanggal: logHarian.tanggal,
  jamMulai: logHarian.jamMulai,
  jamSelesai: logHarian.jamSelesai,
  kegiatan: logHarian.kegiatan,
  kuantitas: logHarian.kuantitas,
  satuan: logHarian.satuan,
  buktiDukung: logHarian.buktiDukung,
};

export function logOf(db: DbOrTx, realisasiId: number) {
  return db
    .select(entriColumns)
    .from(logHarian)
    .where(eq(logHarian.realisasiId, realisasiId))
    .orderBy(asc(logHarian.tanggal), asc(logHarian.jamMulai), asc(logHarian.id));
}

export async function findLog(db: DbOrTx, realisasiId: number, logId: number) {
  const [row] = await db
    .select(entriColumns)
    .from(logHarian)
    .where(and(eq(logHarian.id, logId), eq(logHarian.realisasiId, realisasiId)));
  return row ?? null;
}

/**
 * Entries and quantity per realisasi and unit as written, each unit in order of its first entry
 * (the order nilaiDariLog needs); units are matched loosely by the domain rule, not here.
 */
export async function totalLog(db: DbOrTx, realisasiIds: number[]) {
  if (!realisasiIds.length) return [];
  const found = await db
    .select({
      realisasiId: logHarian.realisasiId,
      satuan: logHarian.satuan,
      jumlah: sql<number>`count(*)::int`,
      kuantitas: sql<number>`sum(${logHarian.kuantitas})::int`,
    })
    .from(logHarian)
    .where(inArray(logHarian.realisasiId, realisasiIds))
    .groupBy(logHarian.realisasiId, logHarian.satuan)
    .orderBy(asc(logHarian.realisasiId), sql`min(${logHarian.id})`);
  return found.map((r) => ({ ...r, jumlah: Number(r.jumlah), kuantitas: Number(r.kuantitas) }));
}

export async function insertLog(tx: DbOrTx, realisasiId: number, entry: LogHarian) {
  const [row] = await tx
    .insert(logHarian)
    .values({ realisasiId, ...entry })
    .returning({ id: logHarian.id });
  return row!.id;
}

export async function updateLog(tx: DbOrTx, realisasiId: number, logId: number, entry: LogHarian) {
  const updated = await tx
    .update(logHarian)
    .set(entry)
    .where(and(eq(logHarian.id, logId), eq(logHarian.realisasiId, realisasiId)))
    .returning({ id: logHarian.id });
  return updated.length === 1;
}

export async function deleteLog(tx: DbOrTx, realisasiId: number, logId: number) {
  const deleted = await tx
    .delete(logHarian)
    .where(and(eq(logHarian.id, logId), eq(logHarian.realisasiId, realisasiId)))
    .returning({ id: logHarian.id });
  return deleted.length === 1;
}
