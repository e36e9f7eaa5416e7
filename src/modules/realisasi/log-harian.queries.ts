/**
 * SQL of the daily log: the entries of one realisasi, the per-unit totals of many in one statement, an
 * employee's entries of one day across RHKs (the day rules) under a per-employee lock.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { buktiDukung, logHarian, realisasi, skp } from '../../db/schema/index.js';
import type { LogHarian } from '../../domain/log-harian.js';

/** An entry as stored: the form's fields and the evidence file it points at. */
export type EntriSimpan = LogHarian & { buktiBerkasId: number | null };

const entriColumns = {
  id: logHarian.id,
  tanggal: logHarian.tanggal,
  jamMulai: logHarian.jamMulai,
  jamSelesai: logHarian.jamSelesai,
  kegiatan: logHarian.kegiatan,
  kuantitas: logHarian.kuantitas,
  satuan: logHarian.satuan,
  buktiDukung: logHarian.buktiDukung,
  buktiBerkasId: logHarian.buktiBerkasId,
};

export function logOf(db: DbOrTx, realisasiId: number) {
  return db
    .select({ ...entriColumns, namaBerkas: buktiDukung.namaBerkas })
    .from(logHarian)
    .leftJoin(buktiDukung, eq(buktiDukung.id, logHarian.buktiBerkasId))
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

/** `tahun`: the year of the realisasi's period (its key), not always the entry's own. */
export async function insertLog(
  tx: DbOrTx,
  realisasiId: number,
  tahun: number,
  entry: EntriSimpan,
  dicatatAt: Date,
) {
  const [row] = await tx
    .insert(logHarian)
    .values({ realisasiId, tahun, ...entry, dicatatAt })
    .returning({ id: logHarian.id });
  return row!.id;
}

export async function updateLog(tx: DbOrTx, realisasiId: number, logId: number, entry: EntriSimpan) {
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

/** The plan's first and last day ('YYYY-MM-DD'). */
export async function rentangSkp(db: DbOrTx, skpId: number) {
  const [row] = await db
    .select({ mulai: skp.periodeMulai, akhir: skp.periodeAkhir })
    .from(skp)
    .where(eq(skp.id, skpId));
  return row!;
}

/** Whether `berkasId` is a file of the realisasi's evidence. */
export async function berkasMilik(db: DbOrTx, realisasiId: number, berkasId: number) {
  const [row] = await db
    .select({ id: buktiDukung.id })
    .from(buktiDukung)
    .where(
      and(
        eq(buktiDukung.id, berkasId),
        eq(buktiDukung.realisasiId, realisasiId),
        eq(buktiDukung.jenis, 'BERKAS'),
      ),
    );
  return row !== undefined;
}

/**
 * Serialises the writes of one employee's days until the transaction ends, so two entries sent at
 * once (two RHKs, two devices) cannot both pass the overlap and cap checks.
 */
export async function kunciHariPegawai(tx: DbOrTx, pegawaiId: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727002, ${pegawaiId})`);
}

/** The employee's entries of one date across all RHKs, but `kecuali` (the entry being changed). */
export function entriHari(tx: DbOrTx, pegawaiId: number, tanggal: string, kecuali: number | null) {
  return tx
    .select({ jamMulai: logHarian.jamMulai, jamSelesai: logHarian.jamSelesai, kegiatan: logHarian.kegiatan })
    .from(logHarian)
    .innerJoin(realisasi, and(eq(realisasi.id, logHarian.realisasiId), eq(realisasi.tahun, logHarian.tahun)))
    .where(
      and(
        eq(realisasi.pegawaiId, pegawaiId),
        eq(logHarian.tanggal, tanggal),
        kecuali === null ? undefined : ne(logHarian.id, kecuali),
      ),
    )
    .orderBy(asc(logHarian.jamMulai));
}
