/** SQL of progres harian across RHKs: employees' entries and the assessor's comments over a date range. */
import { and, asc, between, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { komentarProgresHarian, logHarian, pegawai, realisasi, rhk } from '../../db/schema/index.js';

/** The times of every entry of these employees in [dari, sampai] (the team's month at a glance). */
export function waktuEntri(db: DbOrTx, pegawaiIds: number[], dari: string, sampai: string) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  return db
    .select({
      pegawaiId: realisasi.pegawaiId,
      tanggal: logHarian.tanggal,
      jamMulai: logHarian.jamMulai,
      jamSelesai: logHarian.jamSelesai,
    })
    .from(logHarian)
    .innerJoin(realisasi, and(eq(realisasi.id, logHarian.realisasiId), eq(realisasi.tahun, logHarian.tahun)))
    .where(and(inArray(realisasi.pegawaiId, pegawaiIds), between(logHarian.tanggal, dari, sampai)));
}

/** One employee's entries in [dari, sampai] across RHKs, with the Rencana Aksi each belongs to. */
export function entriPegawai(db: DbOrTx, pegawaiId: number, dari: string, sampai: string) {
  return db
    .select({
      id: logHarian.id,
      realisasiId: logHarian.realisasiId,
      rencanaAksi: sql<string>`coalesce(nullif(trim(${realisasi.rencanaAksi}), ''), ${rhk.rencana})`,
      tanggal: logHarian.tanggal,
      jamMulai: logHarian.jamMulai,
      jamSelesai: logHarian.jamSelesai,
      kegiatan: logHarian.kegiatan,
      kuantitas: logHarian.kuantitas,
      satuan: logHarian.satuan,
      buktiDukung: logHarian.buktiDukung,
    })
    .from(logHarian)
    .innerJoin(realisasi, and(eq(realisasi.id, logHarian.realisasiId), eq(realisasi.tahun, logHarian.tahun)))
    .innerJoin(rhk, eq(rhk.id, realisasi.rhkId))
    .where(and(eq(realisasi.pegawaiId, pegawaiId), between(logHarian.tanggal, dari, sampai)))
    .orderBy(asc(logHarian.tanggal), asc(logHarian.jamMulai), asc(logHarian.id));
}

/** Comments per employee and date in [dari, sampai]. */
export function jumlahKomentar(db: DbOrTx, pegawaiIds: number[], dari: string, sampai: string) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  const k = komentarProgresHarian;
  return db
    .select({ pegawaiId: k.pegawaiId, tanggal: k.tanggal, n: count() })
    .from(k)
    .where(and(inArray(k.pegawaiId, pegawaiIds), between(k.tanggal, dari, sampai)))
    .groupBy(k.pegawaiId, k.tanggal);
}

/** One employee's comments in [dari, sampai] with their authors, oldest first. */
export function komentarPegawai(db: DbOrTx, pegawaiId: number, dari: string, sampai: string) {
  const k = komentarProgresHarian;
  return db
    .select({
      id: k.id,
      tanggal: k.tanggal,
      teks: k.teks,
      at: k.at,
      gelarDepan: pegawai.gelarDepan,
      nama: pegawai.nama,
      gelarBelakang: pegawai.gelarBelakang,
    })
    .from(k)
    .innerJoin(pegawai, eq(pegawai.id, k.olehId))
    .where(and(eq(k.pegawaiId, pegawaiId), between(k.tanggal, dari, sampai)))
    .orderBy(asc(k.tanggal), asc(k.id));
}

export async function insertKomentar(tx: DbOrTx, row: typeof komentarProgresHarian.$inferInsert) {
  const [r] = await tx.insert(komentarProgresHarian).values(row).returning({ id: komentarProgresHarian.id });
  return r!.id;
}
