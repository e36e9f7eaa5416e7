/**
 * The national-format exports (SPEC §8): "Laporan SKP" and "Laporan Penilaian SKP" column by column,
 * as the BKN's e-Kinerja spreadsheets list them; NIP is always text.
 */
import { bulanKodePeriode } from './angka-kredit.js';
import { NAMA_BULAN } from './jadwal.js';
import { PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from './predikat.js';

export const KOLOM_LAPORAN_SKP = [
  'NIP',
  'Nama',
  'Jabatan',
  'Unor',
  'Unor Induk',
  'Status SKP',
  'Plt/Plh',
  'Periode Akhir',
] as const;

export const KOLOM_LAPORAN_PENILAIAN_SKP = ['NIP', 'Nama', ...NAMA_BULAN, 'Tahunan'] as const;

/** The national application's downloads the results import reads (ADR 0015). */
export const JENIS_LAPORAN_NASIONAL = ['LAPORAN_PENILAIAN_SKP', 'LAPORAN_SKP'] as const;
export type JenisLaporanNasional = (typeof JENIS_LAPORAN_NASIONAL)[number];
export const JENIS_LAPORAN_NASIONAL_LABEL: Record<JenisLaporanNasional, string> = {
  LAPORAN_PENILAIAN_SKP: 'Laporan Penilaian SKP',
  LAPORAN_SKP: 'Laporan SKP',
};

/** An empty cell of the national sheets. */
export const KOSONG = '-';

/** The months (1–12) a period code covers: '2026-07' → [7], '2026-Q3' → [7, 8, 9], '2026-S1' → [1…6]. */
export function bulanPeriode(kode: string): number[] {
  const panjang = bulanKodePeriode(kode);
  const ke = Number(kode.slice(panjang === 1 ? 5 : 6));
  return Array.from({ length: panjang }, (_, i) => (ke - 1) * panjang + i + 1);
}

/**
 * Twelve month cells from the year's periodic predikat: each month shows the predikat of the period
 * covering it (a quarter's fills its three months), "-" where nothing was rated.
 */
export function kolomBulanan(
  periodik: readonly { periodeKode: string; predikat: PredikatPegawai }[],
): string[] {
  const bulan: string[] = Array.from({ length: 12 }, () => KOSONG);
  for (const p of periodik) {
    for (const b of bulanPeriode(p.periodeKode)) bulan[b - 1] = PREDIKAT_PEGAWAI_LABEL[p.predikat];
  }
  return bulan;
}
