/**
 * Progres Harian as the national form has it (SPEC §12): the rules of one working day across all of
 * an employee's entries — no overlapping time ranges, at most the instansi's daily cap, only working
 * days unless the instansi allows holidays and weekends, only dates inside the plan. One entry's own
 * fields are checked by log-harian.ts; these rules need the day's other entries and the calendar.
 */
import { NAMA_BULAN, parseYearMonth } from './jadwal.js';
import { hariIso, type JamKerja, NAMA_HARI } from './kehadiran.js';

/** Per-instansi rules of the daily progress, a part of the settings. */
export interface AturanProgresHarian {
  /** The most minutes of activity in one day (practice: 7.5 h). */
  batasMenitHarian: number;
  /** Whether entries may fall on holidays and days without working hours (weekends). */
  bolehHariLibur: boolean;
}

export const ATURAN_PROGRES_HARIAN_BAWAAN: AturanProgresHarian = {
  batasMenitHarian: 450,
  bolehHariLibur: false,
};
/** Bounds of the cap the settings accept: an hour to a whole day. */
export const BATAS_MENIT_HARIAN_MIN = 60;
export const BATAS_MENIT_HARIAN_MAKS = 1440;

/** The form field a day rule points at, so the message shows there. */
export type KolomProgres = 'tanggal' | 'jamMulai' | 'jamSelesai';
export interface MasalahHari {
  kolom: KolomProgres;
  pesan: string;
}

export interface RentangJam {
  /** 'HH:MM', 24-hour, end after start (checked by checkLogHarian). */
  jamMulai: string;
  jamSelesai: string;
}

const menitDari = (jam: string) => Number(jam.slice(0, 2)) * 60 + Number(jam.slice(3, 5));

/** Minutes between start and end. */
export const durasiMenit = (r: RentangJam) => menitDari(r.jamSelesai) - menitDari(r.jamMulai);

/** Half-open ranges: one activity may end at 10:00 and the next start at 10:00. */
export const bertumpangTindih = (a: RentangJam, b: RentangJam) =>
  a.jamMulai < b.jamSelesai && b.jamMulai < a.jamSelesai;

/** "7 jam 30 menit", "8 jam", "45 menit". */
export function formatDurasi(menit: number): string {
  const jam = Math.floor(menit / 60);
  const sisa = menit % 60;
  if (jam === 0) return `${sisa} menit`;
  return sisa === 0 ? `${jam} jam` : `${jam} jam ${sisa} menit`;
}

/** "Selasa, 14 Juli 2026". */
export function namaTanggal(tanggal: string): string {
  const [tahun, bulan, hari] = tanggal.split('-').map(Number) as [number, number, number];
  return `${NAMA_HARI[hariIso(tanggal)]}, ${hari} ${NAMA_BULAN[bulan - 1]} ${tahun}`;
}

/**
 * Why a date is not a working day of the instansi, as the end of a sentence: its holiday, or a weekday
 * without working hours (the weekend); null on a working day.
 */
export function bukanHariKerja(
  tanggal: string,
  jamKerja: JamKerja,
  libur: ReadonlyMap<string, string>,
): string | null {
  const keterangan = libur.get(tanggal);
  if (keterangan !== undefined) return `adalah hari libur (${keterangan})`;
  return jamKerja[hariIso(tanggal)] ? null : 'bukan hari kerja';
}

export interface KonteksHari {
  /** The employee's other entries of the same date (without the one being changed). */
  lain: readonly (RentangJam & { kegiatan: string })[];
  aturan: AturanProgresHarian;
  /** From bukanHariKerja: null on a working day. */
  bukanHariKerja: string | null;
  /** The approved plan's dates, 'YYYY-MM-DD' inclusive (a plan cut by a mutation is shorter than the year). */
  skp: { mulai: string; akhir: string };
}

/** What the day's rules refuse for one entry (fields already valid); empty when it may be saved. */
export function periksaHari(entry: RentangJam & { tanggal: string }, k: KonteksHari): MasalahHari[] {
  const found: MasalahHari[] = [];
  const tanggal = namaTanggal(entry.tanggal);
  if (entry.tanggal < k.skp.mulai || entry.tanggal > k.skp.akhir) {
    found.push({
      kolom: 'tanggal',
      pesan: `Tanggal ${tanggal} di luar masa SKP (${namaTanggal(k.skp.mulai)} s.d. ${namaTanggal(k.skp.akhir)}).`,
    });
  }
  if (k.bukanHariKerja && !k.aturan.bolehHariLibur) {
    found.push({
      kolom: 'tanggal',
      pesan: `${tanggal} ${k.bukanHariKerja}; instansi tidak mengizinkan progres harian pada hari libur dan akhir pekan.`,
    });
  }
  const tabrakan = k.lain.find((l) => bertumpangTindih(entry, l));
  if (tabrakan) {
    found.push({
      kolom: 'jamMulai',
      pesan: `Jam ${entry.jamMulai}–${entry.jamSelesai} bertumpang tindih dengan kegiatan ${tabrakan.jamMulai}–${tabrakan.jamSelesai} "${tabrakan.kegiatan}" pada ${tanggal}.`,
    });
  }
  const total = k.lain.reduce((n, l) => n + durasiMenit(l), durasiMenit(entry));
  if (total > k.aturan.batasMenitHarian) {
    found.push({
      kolom: 'jamSelesai',
      pesan: `Jumlah jam kegiatan pada ${tanggal} menjadi ${formatDurasi(total)}, melebihi batas ${formatDurasi(k.aturan.batasMenitHarian)} per hari.`,
    });
  }
  return found;
}

/** Every date of a month ('YYYY-MM'), 'YYYY-MM-DD' in order. */
export function tanggalBulan(bulan: string): string[] {
  const { tahun, bulan: b } = parseYearMonth(bulan);
  const jumlah = new Date(Date.UTC(tahun, b, 0)).getUTCDate();
  return Array.from({ length: jumlah }, (_, i) => `${bulan}-${String(i + 1).padStart(2, '0')}`);
}

/** Every calendar day of a month with whether the instansi works and its holiday (the team grid). */
export function hariBulan(
  bulan: string,
  jamKerja: JamKerja,
  libur: ReadonlyMap<string, string>,
): { tanggal: string; hariKerja: boolean; libur: string | null }[] {
  return tanggalBulan(bulan).map((tanggal) => ({
    tanggal,
    hariKerja: bukanHariKerja(tanggal, jamKerja, libur) === null,
    libur: libur.get(tanggal) ?? null,
  }));
}
