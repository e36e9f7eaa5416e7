/**
 * Kurva distribusi (SPEC §6.4) and the organisation predikat → the unit leader's rating hasil kerja
 * (SPEC §6.3). The curve rules are data, so an instansi can set its own thresholds and rounding; the
 * judgement only warns: the leader may finalise a breaching distribution with a written justification.
 */
import { formatPersen } from './angka.js';
import { labelKodePeriode } from './evaluasi.js';
import {
  PREDIKAT_PEGAWAI,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatOrganisasi,
  type PredikatPegawai,
  type Rating,
} from './predikat.js';

/** A curve's period: a month ('2026-07'), quarter ('2026-Q3'), semester ('2026-S2') or year ('2026'). */
export const POLA_PERIODE_KURVA = /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|S[12]))?$/;

/** A year: the annual evaluation's curve, which has no calibration (that is on periodic assessments). */
export const periodeTahunan = (kode: string) => /^\d{4}$/.test(kode);

/** A curve period in words: 'Juli 2026', 'Triwulan III 2026', 'Tahun 2025 (penilaian tahunan)'. */
export const labelPeriodeKurva = (kode: string) =>
  periodeTahunan(kode) ? `Tahun ${kode} (penilaian tahunan)` : labelKodePeriode(kode);

/** Counts of the employees' predikat in a unit and period. */
export type Distribusi = Record<PredikatPegawai, number>;

/**
 * One condition of the curve. `TERBANYAK`: no other predikat has more employees (a tie still counts
 * as the largest). `MAKS`/`MIN`: the predikat together at most/at least `persen` % of N, rounded by
 * the rule set's `pembulatan`. `MIN_JUMLAH`: together at least `jumlah` employees.
 */
export type SyaratKurva =
  | { jenis: 'TERBANYAK'; predikat: PredikatPegawai }
  | { jenis: 'MAKS'; predikat: PredikatPegawai[]; persen: number }
  | { jenis: 'MIN'; predikat: PredikatPegawai[]; persen: number }
  | { jenis: 'MIN_JUMLAH'; predikat: PredikatPegawai[]; jumlah: number };

export const PEMBULATAN = ['BAWAH', 'ATAS', 'TERDEKAT'] as const;
export type Pembulatan = (typeof PEMBULATAN)[number];

export interface AturanKurva {
  syarat: Record<PredikatOrganisasi, SyaratKurva[]>;
  /** How p·N becomes a count: maxima rounded down and minima up by default (SPEC §6.4). */
  pembulatan: { maks: Pembulatan; min: Pembulatan };
  /** Units with fewer employees are flagged, not judged. */
  minimalPegawai: number;
}

/** SPEC §6.4 as written. */
export const ATURAN_KURVA_BAWAAN: AturanKurva = {
  syarat: {
    ISTIMEWA: [
      { jenis: 'TERBANYAK', predikat: 'SANGAT_BAIK' },
      { jenis: 'MAKS', predikat: ['SANGAT_BAIK'], persen: 70 },
    ],
    BAIK: [
      { jenis: 'TERBANYAK', predikat: 'BAIK' },
      { jenis: 'MAKS', predikat: ['BAIK'], persen: 70 },
      { jenis: 'MIN_JUMLAH', predikat: ['BUTUH_PERBAIKAN', 'KURANG'], jumlah: 1 },
    ],
    BUTUH_PERBAIKAN: [
      { jenis: 'MIN', predikat: ['BUTUH_PERBAIKAN'], persen: 60 },
      { jenis: 'MAKS', predikat: ['SANGAT_BAIK'], persen: 10 },
    ],
    KURANG: [
      { jenis: 'MIN', predikat: ['KURANG'], persen: 60 },
      { jenis: 'MIN', predikat: ['BUTUH_PERBAIKAN'], persen: 10 },
      { jenis: 'MAKS', predikat: ['SANGAT_BAIK'], persen: 10 },
    ],
    SANGAT_KURANG: [
      { jenis: 'MIN', predikat: ['SANGAT_KURANG'], persen: 60 },
      { jenis: 'MIN', predikat: ['KURANG', 'BUTUH_PERBAIKAN'], persen: 10 },
      { jenis: 'MAKS', predikat: ['SANGAT_BAIK'], persen: 0 },
    ],
  },
  pembulatan: { maks: 'BAWAH', min: 'ATAS' },
  minimalPegawai: 10,
};

/** Organisation predikat → rating hasil kerja of the unit's leader (SPEC §6.3). */
export type PemetaanPredikatOrganisasi = Record<PredikatOrganisasi, Rating>;

export const PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN: PemetaanPredikatOrganisasi = {
  ISTIMEWA: 'DI_ATAS_EKSPEKTASI',
  BAIK: 'SESUAI_EKSPEKTASI',
  BUTUH_PERBAIKAN: 'DI_BAWAH_EKSPEKTASI',
  KURANG: 'DI_BAWAH_EKSPEKTASI',
  SANGAT_KURANG: 'DI_BAWAH_EKSPEKTASI',
};

/** p % of n as a count. p·n is an integer when p is, so dividing by 100 never rounds a whole count away. */
export function batasJumlah(persen: number, n: number, cara: Pembulatan): number {
  const x = (persen * n) / 100;
  if (cara === 'BAWAH') return Math.floor(x);
  if (cara === 'ATAS') return Math.ceil(x);
  return Math.round(x);
}

export function distribusiKosong(): Distribusi {
  return { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
}

export function jumlahPegawai(d: Distribusi): number {
  return PREDIKAT_PEGAWAI.reduce((n, p) => n + d[p], 0);
}

const namaKelompok = (predikat: PredikatPegawai[]) =>
  predikat.map((p) => PREDIKAT_PEGAWAI_LABEL[p]).join(' + ');

/** The expected band of one predikat, in counts and % of N, for the chart (single-predikat conditions only). */
export interface HarapanPredikat {
  predikat: PredikatPegawai;
  min: number;
  maks: number;
}

export interface HasilKurva {
  n: number;
  /** N below the rule set's minimum: flagged, not judged (no breaches). */
  unitKecil: boolean;
  /** Each breach in words, as shown to the leader and stored with the penetapan. */
  pelanggaran: string[];
  /** The conditions in words, so the leader sees what is expected. */
  ketentuan: string[];
  harapan: HarapanPredikat[];
}

function teksSyarat(s: SyaratKurva, n: number, aturan: AturanKurva): string {
  switch (s.jenis) {
    case 'TERBANYAK':
      return `${PREDIKAT_PEGAWAI_LABEL[s.predikat]} menjadi kelompok terbanyak.`;
    case 'MAKS': {
      if (s.persen === 0) return `Tidak ada pegawai berpredikat ${namaKelompok(s.predikat)}.`;
      const maks = batasJumlah(s.persen, n, aturan.pembulatan.maks);
      return `${namaKelompok(s.predikat)} paling banyak ${s.persen} % (${maks} dari ${n} pegawai).`;
    }
    case 'MIN': {
      const min = batasJumlah(s.persen, n, aturan.pembulatan.min);
      return `${namaKelompok(s.predikat)} paling sedikit ${s.persen} % (${min} dari ${n} pegawai).`;
    }
    case 'MIN_JUMLAH':
      return `Paling sedikit ${s.jumlah} pegawai berpredikat ${s.predikat.map((p) => PREDIKAT_PEGAWAI_LABEL[p]).join(' atau ')}.`;
  }
}

function pelanggaranSyarat(d: Distribusi, n: number, s: SyaratKurva, aturan: AturanKurva): string | null {
  const persenDari = (x: number) => (n === 0 ? 0 : (x * 100) / n);
  if (s.jenis === 'TERBANYAK') {
    const lebih = PREDIKAT_PEGAWAI.filter((p) => p !== s.predikat && d[p] > d[s.predikat]);
    if (!lebih.length) return null;
    const daftar = lebih.map((p) => `${PREDIKAT_PEGAWAI_LABEL[p]} ${d[p]} pegawai`).join(', ');
    return `${PREDIKAT_PEGAWAI_LABEL[s.predikat]} (${d[s.predikat]} pegawai) bukan kelompok terbanyak: ${daftar}.`;
  }
  const jumlah = s.predikat.reduce((x, p) => x + d[p], 0);
  const kelompok = namaKelompok(s.predikat);
  const fakta = `${kelompok} ${jumlah} dari ${n} pegawai (${formatPersen(persenDari(jumlah))})`;
  if (s.jenis === 'MAKS') {
    const maks = batasJumlah(s.persen, n, aturan.pembulatan.maks);
    if (jumlah <= maks) return null;
    return s.persen === 0
      ? `Ada ${jumlah} pegawai berpredikat ${kelompok}, padahal tidak boleh ada.`
      : `${fakta}, melebihi batas ${s.persen} % (paling banyak ${maks} pegawai).`;
  }
  const min = s.jenis === 'MIN' ? batasJumlah(s.persen, n, aturan.pembulatan.min) : s.jumlah;
  if (jumlah >= min) return null;
  return s.jenis === 'MIN'
    ? `${fakta}, kurang dari ${s.persen} % (paling sedikit ${min} pegawai).`
    : `${fakta}, padahal paling sedikit ${min} pegawai.`;
}

/** The band per predikat the chart draws: from the single-predikat MAKS/MIN conditions, else 0–N. */
function harapanOf(syarat: SyaratKurva[], n: number, aturan: AturanKurva): HarapanPredikat[] {
  return PREDIKAT_PEGAWAI.map((predikat) => {
    let min = 0;
    let maks = n;
    for (const s of syarat) {
      if (s.jenis === 'TERBANYAK' || s.predikat.length !== 1 || s.predikat[0] !== predikat) continue;
      if (s.jenis === 'MAKS') maks = Math.min(maks, batasJumlah(s.persen, n, aturan.pembulatan.maks));
      else if (s.jenis === 'MIN') min = Math.max(min, batasJumlah(s.persen, n, aturan.pembulatan.min));
      else min = Math.max(min, s.jumlah);
    }
    return { predikat, min, maks };
  });
}

/** Judges a unit's distribution against the curve of its organisation predikat. */
export function nilaiKurva(
  distribusi: Distribusi,
  predikatOrganisasi: PredikatOrganisasi,
  aturan: AturanKurva = ATURAN_KURVA_BAWAAN,
): HasilKurva {
  const n = jumlahPegawai(distribusi);
  const syarat = aturan.syarat[predikatOrganisasi];
  const unitKecil = n < aturan.minimalPegawai;
  return {
    n,
    unitKecil,
    pelanggaran: unitKecil ? [] : syarat.flatMap((s) => pelanggaranSyarat(distribusi, n, s, aturan) ?? []),
    ketentuan: syarat.map((s) => teksSyarat(s, n, aturan)),
    harapan: harapanOf(syarat, n, aturan),
  };
}

/** The flag shown instead of a judgement for a small unit. */
export function teksUnitKecil(n: number, aturan: AturanKurva = ATURAN_KURVA_BAWAAN): string {
  return `Unit dengan ${n} pegawai (kurang dari ${aturan.minimalPegawai}) ditandai, tidak dinilai terhadap kurva.`;
}

/** The leader's rating hasil kerja from the unit's organisation predikat (SPEC §6.3). */
export function ratingDariPredikatOrganisasi(
  predikat: PredikatOrganisasi,
  pemetaan: PemetaanPredikatOrganisasi = PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
): Rating {
  return pemetaan[predikat];
}
