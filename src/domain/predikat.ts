/**
 * Ratings and the predikat kinerja pegawai (SPEC §6.2): the exact matrix as data, and the suggested
 * rating hasil kerja that the assessor sees (and may overrule) from the per-RHK verdicts of a period.
 */
import type { JenisRhk } from './skp.js';

export const RATING = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type Rating = (typeof RATING)[number];

export const RATING_LABEL: Record<Rating, string> = {
  DI_ATAS_EKSPEKTASI: 'Di Atas Ekspektasi',
  SESUAI_EKSPEKTASI: 'Sesuai Ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'Di Bawah Ekspektasi',
};

export const PREDIKAT_PEGAWAI = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const;
export type PredikatPegawai = (typeof PREDIKAT_PEGAWAI)[number];

export const PREDIKAT_PEGAWAI_LABEL: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** Predikat kinerja organisasi (SPEC §6.3), set per unit per period by the leader one level up. */
export const PREDIKAT_ORGANISASI = [
  'ISTIMEWA',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const;
export type PredikatOrganisasi = (typeof PREDIKAT_ORGANISASI)[number];

export const PREDIKAT_ORGANISASI_LABEL: Record<PredikatOrganisasi, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** SPEC §6.2, rows = rating hasil kerja, columns = rating perilaku kerja. */
export const MATRIKS_PREDIKAT: Readonly<Record<Rating, Readonly<Record<Rating, PredikatPegawai>>>> = {
  DI_ATAS_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'KURANG',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_ATAS_EKSPEKTASI: 'SANGAT_BAIK',
  },
  SESUAI_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'KURANG',
    SESUAI_EKSPEKTASI: 'BAIK',
    DI_ATAS_EKSPEKTASI: 'BAIK',
  },
  DI_BAWAH_EKSPEKTASI: {
    DI_BAWAH_EKSPEKTASI: 'SANGAT_KURANG',
    SESUAI_EKSPEKTASI: 'BUTUH_PERBAIKAN',
    DI_ATAS_EKSPEKTASI: 'BUTUH_PERBAIKAN',
  },
};

export function predikatKinerja(hasilKerja: Rating, perilaku: Rating): PredikatPegawai {
  return MATRIKS_PREDIKAT[hasilKerja][perilaku];
}

/** Where a periodic or annual evaluation comes from: rated here, or the national application's report. */
export const SUMBER_PENILAIAN = ['LOKAL', 'IMPOR_NASIONAL'] as const;
export type SumberPenilaian = (typeof SUMBER_PENILAIAN)[number];
/** How screens name a result's source (a local result is shown without one). */
export const SUMBER_PENILAIAN_LABEL: Record<SumberPenilaian, string> = {
  LOKAL: 'penilaian di aplikasi ini',
  IMPOR_NASIONAL: 'impor aplikasi nasional',
};

/**
 * The rating pair stored with a predikat that came without ratings (the national report has only
 * the predikat): the matrix cell that gives it, on the diagonal where one does, else with
 * perilaku at Sesuai Ekspektasi. predikatKinerja(...ratingKanonik(p)) === p.
 */
export const RATING_KANONIK: Readonly<Record<PredikatPegawai, readonly [Rating, Rating]>> = {
  SANGAT_BAIK: ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI'],
  BAIK: ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  BUTUH_PERBAIKAN: ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI'],
  KURANG: ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
  SANGAT_KURANG: ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'],
};

/**
 * A predikat as a person or another application writes it ("Sangat Baik", "BUTUH PERBAIKAN",
 * "Kurang/Misconduct", "sangat_baik"); null when it is none of the five.
 */
export function bacaPredikat(teks: string): PredikatPegawai | null {
  const n = teks
    .toLowerCase()
    .replace(/\/\s*misconduct/, '')
    .replace(/[^a-z]/g, '');
  return PREDIKAT_PEGAWAI.find((p) => p.toLowerCase().replace(/_/g, '') === n) ?? null;
}

export const CAPAIAN_RHK = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type CapaianRhk = (typeof CAPAIAN_RHK)[number];

/**
 * The assessor's judgement of one RHK's realisasi in the period against its IKI targets and the
 * leader's expectation. It is not the workflow status: an accepted (DITERIMA) realisasi can still be
 * below expectation. In a quarterly or semester period it is the judgement over the months' realisasi.
 */
export interface VerdictRhk {
  jenis: JenisRhk;
  capaian: CapaianRhk;
}

/**
 * "Most" results (SPEC §6.2): strictly more than this share of all RHKs. SPEC leaves the number
 * open; more than half is the practice choice, so an even split is not "most".
 */
export const AMBANG_SEBAGIAN_BESAR = 0.5;

/**
 * "Only a small part" of UTAMA results below expectation still allows Sesuai: at most this share of
 * the UTAMA RHKs. SPEC leaves the number open; a quarter is the practice choice.
 */
export const AMBANG_SEBAGIAN_KECIL_UTAMA = 0.25;

export interface SaranRating {
  rating: Rating;
  alasan: string;
}

/**
 * The suggested rating hasil kerja. A result above expectation also meets it, so Sesuai counts
 * DI_ATAS and SESUAI together. The criteria leave gaps (e.g. most results above but many UTAMA below);
 * whatever fails both Di Atas and Sesuai is suggested as Di Bawah, with the reason that failed.
 * `null` when the period has no verdicts to judge.
 */
export function sarankanRatingHasilKerja(verdicts: readonly VerdictRhk[]): SaranRating | null {
  const total = verdicts.length;
  if (total === 0) return null;
  const count = (p: (v: VerdictRhk) => boolean) => verdicts.filter(p).length;
  const atas = count((v) => v.capaian === 'DI_ATAS');
  const memenuhi = count((v) => v.capaian !== 'DI_BAWAH');
  const bawah = total - memenuhi;
  const utama = count((v) => v.jenis === 'UTAMA');
  const utamaBawah = count((v) => v.jenis === 'UTAMA' && v.capaian === 'DI_BAWAH');
  const isSebagianBesar = (n: number) => n > total * AMBANG_SEBAGIAN_BESAR;

  if (isSebagianBesar(atas) && utamaBawah === 0) {
    return {
      rating: 'DI_ATAS_EKSPEKTASI',
      alasan: `${atas} dari ${total} hasil kerja di atas ekspektasi dan tidak ada RHK Utama di bawah ekspektasi.`,
    };
  }
  if (isSebagianBesar(bawah)) {
    return {
      rating: 'DI_BAWAH_EKSPEKTASI',
      alasan: `Sebagian besar hasil kerja di bawah ekspektasi (${bawah} dari ${total}).`,
    };
  }
  if (!isSebagianBesar(memenuhi)) {
    return {
      rating: 'DI_BAWAH_EKSPEKTASI',
      alasan: `Hanya ${memenuhi} dari ${total} hasil kerja yang memenuhi ekspektasi, belum sebagian besar.`,
    };
  }
  if (utamaBawah > utama * AMBANG_SEBAGIAN_KECIL_UTAMA) {
    return {
      rating: 'DI_BAWAH_EKSPEKTASI',
      alasan: `${utamaBawah} dari ${utama} RHK Utama di bawah ekspektasi, lebih dari sebagian kecil.`,
    };
  }
  return {
    rating: 'SESUAI_EKSPEKTASI',
    alasan:
      utamaBawah === 0
        ? `${memenuhi} dari ${total} hasil kerja memenuhi ekspektasi.`
        : `${memenuhi} dari ${total} hasil kerja memenuhi ekspektasi; ${utamaBawah} dari ${utama} RHK Utama di bawah ekspektasi.`,
  };
}
