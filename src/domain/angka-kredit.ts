/**
 * Angka kredit for functional positions (SPEC §7.2): the conversion of a predikat into credit points
 * per period and per year, and what the next step (pangkat or jenjang) needs.
 *
 * Amounts are kept exactly as integers in 1/120,000 of a point (a month is 1/12 of a coefficient in
 * hundredths, an initial AK has up to 3 decimals), so 0.125 or 2.0833… never meet binary floating
 * point. Every sum adds these exact parts and is rounded once, half up to 2 decimals, when shown:
 * twelve monthly Baik at Ahli Pertama make 12.50, not 12 × 1.04.
 */
import { type GolonganPns, PANGKAT_PNS } from './golongan.js';
import { JENJANG_FUNGSIONAL, JENJANG_LABEL, type JenjangFungsional } from './jabatan.js';
import type { PredikatPegawai } from './predikat.js';

/** Predikat → percentage of the annual coefficient (SPEC §7.2). */
export const PERSEN_PREDIKAT: Readonly<Record<PredikatPegawai, number>> = {
  SANGAT_BAIK: 150,
  BAIK: 100,
  BUTUH_PERBAIKAN: 75,
  KURANG: 50,
  SANGAT_KURANG: 25,
};

/** Annual coefficient per jenjang, in hundredths (3.75 → 375). */
const KOEFISIEN_PERSERATUS: Readonly<Record<JenjangFungsional, number>> = {
  PEMULA: 375,
  TERAMPIL: 500,
  MAHIR: 1250,
  PENYELIA: 2500,
  AHLI_PERTAMA: 1250,
  AHLI_MUDA: 2500,
  AHLI_MADYA: 3750,
  AHLI_UTAMA: 5000,
};

export const koefisienTahunan = (jenjang: JenjangFungsional): number => KOEFISIEN_PERSERATUS[jenjang] / 100;

/**
 * Exact units per point of AK: percent (×100) × coefficient in hundredths (×100) × twelfths of a
 * year (×12); a thousandth of a point (an initial AK) is 120 of them.
 */
const PER_AK = 120_000;

/** `n / d` rounded half up (toward +∞, so a shown difference is the difference of shown figures). */
const bagiBulat = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/**
 * The exact AK of `bulan` months (1–12) rated `predikat`, in units of 1/120,000: months/12 × % ×
 * coefficient. Twelve months is the annual figure.
 */
function akTepat(jenjang: JenjangFungsional, predikat: PredikatPegawai, bulan: number): number {
  if (!Number.isInteger(bulan) || bulan < 0 || bulan > 12) {
    throw new RangeError(`bulan harus 0–12, bukan ${bulan}`);
  }
  // % (integer) × coefficient (hundredths) × months = AK × 12 × 100 × 100.
  return PERSEN_PREDIKAT[predikat] * KOEFISIEN_PERSERATUS[jenjang] * bulan;
}

/** A figure with up to 3 decimals (the initial AK) in exact units; toFixed absorbs the float error of the product. */
const tepatDari = (nilai: number): number => Math.round(Number((nilai * PER_AK).toFixed(3)));

/** Exact units → the figure shown: rounded once, half up to 2 decimals (the only place it becomes a float). */
const bulatkanAk = (tepat: number): number => bagiBulat(tepat, PER_AK / 100) / 100;

/** The rounded AK of `bulan` months, for a figure shown on its own. */
export function angkaKredit(jenjang: JenjangFungsional, predikat: PredikatPegawai, bulan = 12): number {
  return bulatkanAk(akTepat(jenjang, predikat, bulan));
}

const jumlah = (tepat: readonly number[]) => tepat.reduce((sum, n) => sum + n, 0);

/** Months a period code stands for: '2026-07' → 1, '2026-Q3' → 3, '2026-S2' → 6 (jadwal.ts codes). */
export function bulanKodePeriode(kode: string): number {
  const m = /^\d{4}-(Q|S)?\d{1,2}$/.exec(kode);
  if (!m) throw new RangeError(`Kode periode tidak dikenal: ${kode}`);
  return m[1] === 'Q' ? 3 : m[1] === 'S' ? 6 : 1;
}

/**
 * The months an SKP (dates 'YYYY-MM-DD') counts for: those whose first day it covers, as each month
 * belongs to the plan in force on its first day (SPEC §4.1). A plan from 15 November counts from
 * December; the one it replaced, ending 14 November, counts November. Capped at 12.
 */
export function bulanRentang(mulai: string, akhir: string): number {
  const [ty, tm, td] = mulai.split('-').map(Number) as [number, number, number];
  const [ay, am] = akhir.split('-').map(Number) as [number, number];
  const pertama = ty * 12 + tm - 1 + (td > 1 ? 1 : 0);
  return Math.min(12, Math.max(0, ay * 12 + am - 1 - pertama + 1));
}

/*
 * What the next step needs, conversion model of PermenPANRB 1/2023 (Lampiran: angka kredit kumulatif
 * kenaikan pangkat per golongan ruang and kenaikan jenjang), as summarised by BKN in "Kebijakan
 * Teknis Peraturan BKN Nomor 3 Tahun 2023" (table "AK kebutuhan kenaikan pangkat/jabatan model
 * konversi"): Ahli Utama IV/d–IV/e 200 / –; Ahli Madya IV/a–IV/c 150 / 450; Ahli Muda III/c–III/d
 * 100 / 200; Ahli Pertama III/a–III/b 50 / 100; Penyelia III/c–III/d 100 / –; Mahir III/a–III/b
 * 50 / 100; Terampil II/b–II/d 20 / 60; Pemula II/a 15 / 15. The per-golongan table of the
 * keterampilan category in the regulation itself (II/a 15, II/b–II/d 20, III/a–III/b 50, III/c 100)
 * agrees.
 */
interface AturanJenjang {
  /** The golongan ruang of this jenjang, lowest first. */
  golongan: readonly GolonganPns[];
  kenaikanPangkat: number;
  /** null: the top of its category (Penyelia, Ahli Utama). */
  kenaikanJenjang: number | null;
}

export const KEBUTUHAN_AK: Readonly<Record<JenjangFungsional, AturanJenjang>> = {
  PEMULA: { golongan: ['II/a'], kenaikanPangkat: 15, kenaikanJenjang: 15 },
  TERAMPIL: { golongan: ['II/b', 'II/c', 'II/d'], kenaikanPangkat: 20, kenaikanJenjang: 60 },
  MAHIR: { golongan: ['III/a', 'III/b'], kenaikanPangkat: 50, kenaikanJenjang: 100 },
  PENYELIA: { golongan: ['III/c', 'III/d'], kenaikanPangkat: 100, kenaikanJenjang: null },
  AHLI_PERTAMA: { golongan: ['III/a', 'III/b'], kenaikanPangkat: 50, kenaikanJenjang: 100 },
  AHLI_MUDA: { golongan: ['III/c', 'III/d'], kenaikanPangkat: 100, kenaikanJenjang: 200 },
  AHLI_MADYA: { golongan: ['IV/a', 'IV/b', 'IV/c'], kenaikanPangkat: 150, kenaikanJenjang: 450 },
  AHLI_UTAMA: { golongan: ['IV/d', 'IV/e'], kenaikanPangkat: 200, kenaikanJenjang: null },
};

/** The next jenjang within the same category (keterampilan or keahlian); null at its top. */
function jenjangBerikut(jenjang: JenjangFungsional): JenjangFungsional | null {
  if (KEBUTUHAN_AK[jenjang].kenaikanJenjang === null) return null;
  return JENJANG_FUNGSIONAL[JENJANG_FUNGSIONAL.indexOf(jenjang) + 1] ?? null;
}

export type LangkahBerikut =
  | { jenis: 'PANGKAT'; ke: GolonganPns; label: string; kebutuhan: number }
  | { jenis: 'JENJANG'; ke: JenjangFungsional; label: string; kebutuhan: number };

/**
 * The next step for an employee of this jenjang and golongan: the next pangkat while the golongan is
 * below the top of the jenjang's range, else the next jenjang. A golongan outside the range (PPPK,
 * who have no pangkat, or data not yet adjusted) can only move up a jenjang. Null at the very top.
 */
export function langkahBerikut(jenjang: JenjangFungsional, golongan: string): LangkahBerikut | null {
  const aturan = KEBUTUHAN_AK[jenjang];
  const i = aturan.golongan.indexOf(golongan as GolonganPns);
  const pangkat = i >= 0 ? aturan.golongan[i + 1] : undefined;
  if (pangkat) {
    return {
      jenis: 'PANGKAT',
      ke: pangkat,
      label: `Kenaikan pangkat ke ${PANGKAT_PNS[pangkat]}, ${pangkat}`,
      kebutuhan: aturan.kenaikanPangkat,
    };
  }
  const berikut = jenjangBerikut(jenjang);
  if (!berikut || aturan.kenaikanJenjang === null) return null;
  return {
    jenis: 'JENJANG',
    ke: berikut,
    label: `Kenaikan jenjang ke ${JENJANG_LABEL[berikut]}`,
    kebutuhan: aturan.kenaikanJenjang,
  };
}

/**
 * One rated stretch of work: a periodic rating (its period's months) or a final annual evaluation
 * (its SKP's months). `bagian` names the SKP part of the year it belongs to (after a mid-year
 * mutation a year has several; SPEC §7.2 adds their parts, each month once).
 */
export interface PenilaianAk {
  tahun: number;
  jenjang: JenjangFungsional;
  predikat: PredikatPegawai;
  bulan: number;
  bagian: number;
}

/**
 * TAHUNAN: every part of the year from its final annual evaluation; PERIODIK: at least one part from
 * its periodic ratings (the running estimate: provisional); KOSONG: nothing rated.
 */
export type SumberAk = 'TAHUNAN' | 'PERIODIK' | 'KOSONG';

const tepatOf = (p: PenilaianAk) => akTepat(p.jenjang, p.predikat, p.bulan);

/** The sum of rated stretches (a year's periods, say), rounded once. */
export const akJumlah = (penilaian: readonly PenilaianAk[]): number =>
  bulatkanAk(jumlah(penilaian.map(tepatOf)));

/**
 * An SKP part's AK, exact: its final annual evaluation when there is one (it replaces the periodic
 * figures of that part, which were only the running estimate), else the sum of its periodic ones.
 */
function bagianTepat(periodik: readonly PenilaianAk[], tahunan: readonly PenilaianAk[]) {
  const dari = tahunan.length > 0 ? tahunan : periodik;
  return {
    tepat: jumlah(dari.map(tepatOf)),
    sumber: (tahunan.length > 0 ? 'TAHUNAN' : periodik.length > 0 ? 'PERIODIK' : 'KOSONG') as SumberAk,
  };
}

/** The year's parts in order of first appearance, each with its exact AK and source. */
export function bagianTahun(periodik: readonly PenilaianAk[], tahunan: readonly PenilaianAk[]) {
  const keys = [...new Set([...periodik, ...tahunan].map((p) => p.bagian))];
  return keys.map((bagian) => {
    const { tepat, sumber } = bagianTepat(
      periodik.filter((p) => p.bagian === bagian),
      tahunan.filter((p) => p.bagian === bagian),
    );
    return { bagian, tepat, angkaKredit: bulatkanAk(tepat), sumber };
  });
}

/** A year's AK, exact: the sum of its SKP parts (never one part standing for the year). */
function setahunTepat(periodik: readonly PenilaianAk[], tahunan: readonly PenilaianAk[]) {
  const bagian = bagianTahun(periodik, tahunan);
  const sumber: SumberAk =
    bagian.length === 0 ? 'KOSONG' : bagian.every((b) => b.sumber === 'TAHUNAN') ? 'TAHUNAN' : 'PERIODIK';
  return { tepat: jumlah(bagian.map((b) => b.tepat)), sumber };
}

/** A year's AK as shown (see setahunTepat). */
export function akSetahun(
  periodik: readonly PenilaianAk[],
  tahunan: readonly PenilaianAk[],
): { angkaKredit: number; sumber: SumberAk } {
  const { tepat, sumber } = setahunTepat(periodik, tahunan);
  return { angkaKredit: bulatkanAk(tepat), sumber };
}

/**
 * The cumulative AK up to `sampai`: the initial AK plus every year from its tahunMulai (without an
 * initial AK, from the first rated year). After a kenaikan jenjang the BKD sets a new initial AK
 * and year, which is how the count restarts within the new jenjang. The total and its distance to
 * `kebutuhan` (the next step's need) add the exact years, not the rounded ones.
 */
export function akKumulatif(input: {
  awal: { nilai: number; tahunMulai: number } | null;
  periodik: readonly PenilaianAk[];
  tahunan: readonly PenilaianAk[];
  sampai: number;
  kebutuhan?: number | null;
}): {
  perTahun: { tahun: number; angkaKredit: number; sumber: SumberAk }[];
  kumulatif: number;
  selisih: number | null;
} {
  const tahunData = [...input.periodik, ...input.tahunan].map((p) => p.tahun);
  const mulai = input.awal?.tahunMulai ?? Math.min(...tahunData, input.sampai);
  const perTahun = [];
  let total = input.awal ? tepatDari(input.awal.nilai) : 0;
  for (let tahun = mulai; tahun <= input.sampai; tahun++) {
    const diTahun = (list: readonly PenilaianAk[]) => list.filter((p) => p.tahun === tahun);
    const { tepat, sumber } = setahunTepat(diTahun(input.periodik), diTahun(input.tahunan));
    total += tepat;
    perTahun.push({ tahun, angkaKredit: bulatkanAk(tepat), sumber });
  }
  const kebutuhan = input.kebutuhan ?? null;
  return {
    perTahun,
    kumulatif: bulatkanAk(total),
    selisih: kebutuhan === null ? null : bulatkanAk(total - tepatDari(kebutuhan)),
  };
}
