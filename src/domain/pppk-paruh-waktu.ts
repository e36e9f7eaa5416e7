/**
 * PPPK paruh waktu (SPEC §12, KepmenPANRB 16/2025): one-year contracts extended on quarterly
 * evaluations. The quarter is not a period of the monthly cycle (that stays the instansi's
 * setting): its evaluation is derived from the periodic results that fall in it (ADR 0016), and a
 * missing one is named, never counted as a value.
 */
import { type RatingPeriodik, sarankanTahunan } from './evaluasi.js';
import {
  formatYearMonth,
  type JenisPeriode,
  labelPeriode,
  type Periode,
  periodeOf,
  semuaPeriode,
} from './jadwal.js';
import { type PredikatPegawai, predikatKinerja } from './predikat.js';

export const TRIWULAN = [1, 2, 3, 4] as const;
export type Triwulan = (typeof TRIWULAN)[number];

/** The assessor's advice on the contract, for the extension decision (wording of the KepmenPANRB's spirit). */
export const REKOMENDASI_KONTRAK = ['DIPERPANJANG', 'PERLU_PEMBINAAN', 'TIDAK_DIPERPANJANG'] as const;
export type RekomendasiKontrak = (typeof REKOMENDASI_KONTRAK)[number];

export const REKOMENDASI_KONTRAK_LABEL: Record<RekomendasiKontrak, string> = {
  DIPERPANJANG: 'Diperpanjang',
  PERLU_PEMBINAAN: 'Diperpanjang dengan pembinaan',
  TIDAK_DIPERPANJANG: 'Tidak diperpanjang',
};

export const STATUS_EVALUASI_TRIWULAN = ['DRAF', 'FINAL'] as const;
export type StatusEvaluasiTriwulan = (typeof STATUS_EVALUASI_TRIWULAN)[number];

/** The report's status of an employee's quarter: no record yet, a draft, or final. */
export const STATUS_TRIWULAN_LABEL: Record<StatusEvaluasiTriwulan | 'BELUM', string> = {
  BELUM: 'Belum dievaluasi',
  DRAF: 'Draf',
  FINAL: 'Final',
};

/** 'Triwulan III 2026'. */
export function labelTriwulan(tahun: number, triwulan: Triwulan): string {
  return labelPeriode(periodeOf(formatYearMonth(tahun, triwulan * 3), { periode: 'TRIWULANAN' }));
}

/**
 * The periods of the instansi's cycle that make up the quarter: its three months, or the quarter
 * itself; a semester cannot be split, so null (the evaluation says why).
 */
export function periodeTriwulan(tahun: number, triwulan: Triwulan, jenis: JenisPeriode): Periode[] | null {
  if (jenis === 'SEMESTERAN') return null;
  const akhir = triwulan * 3;
  return semuaPeriode(tahun, { periode: jenis }).filter(
    (p) => p.mulai >= formatYearMonth(tahun, akhir - 2) && p.akhir <= formatYearMonth(tahun, akhir),
  );
}

/** Whether the quarter's last month is over on `hariIni` (YYYY-MM-DD, the instansi's zone). */
export function triwulanSelesai(tahun: number, triwulan: Triwulan, hariIni: string): boolean {
  return hariIni.slice(0, 7) > formatYearMonth(tahun, triwulan * 3);
}

export interface HasilPeriodik extends RatingPeriodik {
  predikat: PredikatPegawai;
}

export interface RincianTriwulan {
  /** Each period of the quarter with its predikat, null when not rated. */
  periode: { kode: string; label: string; predikat: PredikatPegawai | null }[];
  /** What keeps the quarter from being evaluated, in words; empty when complete. */
  kekurangan: string[];
  /** The suggestion (most frequent ratings, as for the annual one) once nothing is missing. */
  saran: {
    ratingHasilKerja: RatingPeriodik['ratingHasilKerja'];
    ratingPerilaku: RatingPeriodik['ratingPerilaku'];
    predikat: PredikatPegawai;
  } | null;
}

/**
 * The quarter of one employee from his periodic results (any period codes; those outside the
 * quarter are ignored): each period's predikat, what is missing, and the suggested predikat.
 */
export function rincianTriwulan(
  tahun: number,
  triwulan: Triwulan,
  jenis: JenisPeriode,
  hasil: readonly HasilPeriodik[],
): RincianTriwulan {
  const periode = periodeTriwulan(tahun, triwulan, jenis);
  if (periode === null) {
    return {
      periode: [],
      kekurangan: [
        `Periode penilaian instansi semesteran: ${labelTriwulan(tahun, triwulan)} tidak dapat dipisahkan dari hasil semester.`,
      ],
      saran: null,
    };
  }
  const perKode = new Map(hasil.map((h) => [h.periodeKode, h]));
  const baris = periode.map((p) => ({
    kode: p.kode,
    label: labelPeriode(p),
    predikat: perKode.get(p.kode)?.predikat ?? null,
  }));
  const kekurangan = baris.filter((b) => b.predikat === null).map((b) => `${b.label} belum dinilai`);
  const ada = periode.flatMap((p) => perKode.get(p.kode) ?? []);
  const s = sarankanTahunan(ada);
  const saran =
    kekurangan.length === 0 && s.ratingHasilKerja && s.ratingPerilaku
      ? {
          ratingHasilKerja: s.ratingHasilKerja.rating,
          ratingPerilaku: s.ratingPerilaku.rating,
          predikat: predikatKinerja(s.ratingHasilKerja.rating, s.ratingPerilaku.rating),
        }
      : null;
  return { periode: baris, kekurangan, saran };
}

export interface IsianTriwulan {
  predikat: PredikatPegawai | null;
  alasanPerubahan: string | null;
  rekomendasi: RekomendasiKontrak | null;
}

/**
 * Why the assessor's record is not consistent, for a draft as for the final one: a predikat other
 * than the suggestion needs a reason.
 */
export function salahIsian(rincian: RincianTriwulan, isian: IsianTriwulan): string[] {
  const berbeda =
    isian.predikat !== null && rincian.saran !== null && isian.predikat !== rincian.saran.predikat;
  return berbeda && !isian.alasanPerubahan?.trim()
    ? ['Predikat berbeda dari saran: tuliskan alasan perubahannya.']
    : [];
}

/** Why the quarter's evaluation cannot be made final today; empty when it can. */
export function penolakanFinal(
  tahun: number,
  triwulan: Triwulan,
  hariIni: string,
  rincian: RincianTriwulan,
  isian: IsianTriwulan,
): string[] {
  const alasan: string[] = [];
  if (!triwulanSelesai(tahun, triwulan, hariIni)) {
    alasan.push(`${labelTriwulan(tahun, triwulan)} belum berakhir.`);
  }
  alasan.push(...rincian.kekurangan);
  if (isian.predikat === null) alasan.push('Predikat triwulan belum diisi.');
  if (isian.rekomendasi === null) alasan.push('Rekomendasi kontrak belum diisi.');
  alasan.push(...salahIsian(rincian, isian));
  return alasan;
}
