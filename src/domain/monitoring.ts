/**
 * Monitoring pengisian and kepatuhan pelaporan (SPEC §8): what "late" means for an employee's month,
 * the e-Lapkin share, the OPD ranking and which periods are still changing.
 */
import {
  type JadwalConfig,
  jendelaPeriode,
  type Periode,
  periodeOf,
  periodeSebelumnya,
  semuaPeriode,
} from './jadwal.js';
import { batasPenilaian } from './tenggat.js';

/** Why an employee is on the late list of a period (one employee may have several). */
export const STATUS_TERLAMBAT = [
  'BELUM_MELAPOR',
  'MELAPOR_TERLAMBAT',
  'BELUM_DINILAI',
  'BELUM_DIPERBAIKI',
] as const;
export type StatusTerlambat = (typeof STATUS_TERLAMBAT)[number];

export const STATUS_TERLAMBAT_LABEL: Record<StatusTerlambat, string> = {
  BELUM_MELAPOR: 'Belum melapor',
  MELAPOR_TERLAMBAT: 'Melapor terlambat',
  BELUM_DINILAI: 'Menunggu penilaian melewati batas',
  BELUM_DIPERBAIKI: 'Belum diperbaiki melewati batas',
};

/**
 * The regular deadlines of a period (admin exceptions do not make a report on time): input, the
 * assessment of a first submission and of a correction, and the correction itself.
 */
export interface BatasPeriode {
  input: Date;
  penilaian: Date;
  penilaianUlang: Date;
  perbaikan: Date;
}

export function batasPeriode(periode: Periode, cfg: JadwalConfig): BatasPeriode {
  return {
    input: jendelaPeriode('INPUT', periode, cfg).akhir,
    penilaian: batasPenilaian('DIAJUKAN', periode, cfg),
    penilaianUlang: batasPenilaian('DIPERBAIKI', periode, cfg),
    perbaikan: jendelaPeriode('PERBAIKAN', periode, cfg).akhir,
  };
}

/** One employee's month as the late list sees it. */
export interface FaktaBulan {
  /** RHKs of the plan, and how many were submitted (any status past Draf). */
  rhk: number;
  diajukan: number;
  /** The last of the items' first submissions. */
  terakhirDiajukan: Date | null;
  /** Items waiting for a first assessment, for a re-assessment, and sent back. */
  menunggu: number;
  menungguUlang: number;
  perluPerbaikan: number;
}

/** The reasons an employee's month is late at `now`; empty when nothing is overdue. */
export function statusTerlambat(f: FaktaBulan, batas: BatasPeriode, now: Date): StatusTerlambat[] {
  const out: StatusTerlambat[] = [];
  const lengkap = f.rhk > 0 && f.diajukan >= f.rhk;
  if (!lengkap && now > batas.input) out.push('BELUM_MELAPOR');
  if (lengkap && f.terakhirDiajukan !== null && f.terakhirDiajukan > batas.input)
    out.push('MELAPOR_TERLAMBAT');
  if ((f.menunggu > 0 && now > batas.penilaian) || (f.menungguUlang > 0 && now > batas.penilaianUlang))
    out.push('BELUM_DINILAI');
  if (f.perluPerbaikan > 0 && now > batas.perbaikan) out.push('BELUM_DIPERBAIKI');
  return out;
}

/** A share in percent with one decimal; null when there is nobody to count. */
export function persen(bagian: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((bagian / total) * 1000) / 10;
}

/** The recap figures of an OPD (or a sum of them) for one period. */
export interface AngkaPengisian {
  skpDisetujui: number;
  melapor: number;
  tepatWaktu: number;
}

/**
 * Employees late for the period: those who reported after the input window, and once it has closed
 * also those who have not reported at all.
 */
export function jumlahTerlambat(a: AngkaPengisian, inputDitutup: boolean): number {
  return inputDitutup ? a.skpDisetujui - a.tepatWaktu : a.melapor - a.tepatWaktu;
}

/** Kepatuhan pelaporan (e-Lapkin): the share of employees with an approved plan who reported on time. */
export const kepatuhan = (a: AngkaPengisian) => persen(a.tepatWaktu, a.skpDisetujui);

/**
 * Ranks by compliance, best first; OPDs without figures last; equal shares share a rank
 * (1, 2, 2, 4), ties in name order.
 */
export function peringkat<T extends { nama: string; kepatuhan: number | null }>(
  items: readonly T[],
): (T & { peringkat: number | null })[] {
  const sorted = [...items].sort(
    (a, b) =>
      (b.kepatuhan ?? Number.NEGATIVE_INFINITY) - (a.kepatuhan ?? Number.NEGATIVE_INFINITY) ||
      a.nama.localeCompare(b.nama, 'id'),
  );
  return sorted.map((item) => {
    if (item.kepatuhan === null) return { ...item, peringkat: null };
    const first = sorted.findIndex((x) => x.kepatuhan === item.kepatuhan);
    return { ...item, peringkat: first + 1 };
  });
}

/**
 * The periods whose figures still change at `tanggal` (the instansi's local date): the current one
 * and the two before it (input, assessment and correction of a period run in the month after it).
 */
export function periodeBerjalan(tanggal: string, cfg: Pick<JadwalConfig, 'periode'>): Periode[] {
  const kini = periodeOf(tanggal.slice(0, 7), cfg);
  const lalu = periodeSebelumnya(kini, cfg);
  return [periodeSebelumnya(lalu, cfg), lalu, kini];
}

/** The periods of a year that have begun by `tanggal` (later ones have nothing to show). */
export function periodeTahun(tahun: number, tanggal: string, cfg: Pick<JadwalConfig, 'periode'>): Periode[] {
  return semuaPeriode(tahun, cfg).filter((p) => `${p.mulai}-01` <= tanggal);
}
