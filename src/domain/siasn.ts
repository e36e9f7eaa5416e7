/**
 * The bridge to the national system (SIASN web service, SPEC §12) as pure rules: the code mapping the
 * BKD keeps (the national numeric codes are not public), the two bodies built from an evaluation's
 * facts with exactly the fields SPEC §12 lists, and what a response means for the outbox message
 * (sent, failed for good, or tried again after an exponentially growing wait).
 */
import { GOLONGAN_PNS, type GolonganPns } from './golongan.js';
import type { JenisPeriode } from './jadwal.js';
import type { JenisAsn } from './nip.js';
import { PREDIKAT_PEGAWAI, type PredikatPegawai, RATING, type Rating } from './predikat.js';

export const JENIS_PESAN_SIASN = ['KINERJA_PERIODIK', 'SKP22'] as const;
export type JenisPesanSiasn = (typeof JENIS_PESAN_SIASN)[number];

/** The endpoint of each message kind, relative to the base URL. */
export const ENDPOINT_SIASN: Record<JenisPesanSiasn, string> = {
  KINERJA_PERIODIK: '/kinerjaperiodik/save',
  SKP22: '/skp22/save',
};

export const STATUS_PESAN_SIASN = ['MENUNGGU', 'MENGIRIM', 'TERKIRIM', 'GAGAL', 'DIGANTI'] as const;
export type StatusPesanSiasn = (typeof STATUS_PESAN_SIASN)[number];

export const STATUS_PESAN_SIASN_LABEL: Record<StatusPesanSiasn, string> = {
  MENUNGGU: 'Menunggu',
  MENGIRIM: 'Sedang dikirim',
  TERKIRIM: 'Terkirim',
  GAGAL: 'Gagal',
  DIGANTI: 'Diganti versi baru',
};

/**
 * The national codes, as data: ratings → hasilKinerjaNilai / perilakuKerjaNilai, the predikat (the
 * quadrant of the §6.2 matrix) → kuadranKinerjaNilai and koefisienId, the period kind → periodikId.
 */
export interface PemetaanSiasn {
  hasilKinerja: Record<Rating, string>;
  perilakuKerja: Record<Rating, string>;
  kuadran: Record<PredikatPegawai, string>;
  koefisien: Record<PredikatPegawai, string>;
  periodik: Record<JenisPeriode, string>;
}

/** The mapping's empty cells, named as the settings page names them; empty means complete. */
export function kekuranganPemetaan(
  p: Partial<Record<keyof PemetaanSiasn, Record<string, string>>>,
): string[] {
  const kosong = (bagian: keyof PemetaanSiasn, kunci: readonly string[]) =>
    kunci.filter((k) => !p[bagian]?.[k]?.trim()).map((k) => `${bagian}.${k}`);
  return [
    ...kosong('hasilKinerja', RATING),
    ...kosong('perilakuKerja', RATING),
    ...kosong('kuadran', PREDIKAT_PEGAWAI),
    ...kosong('koefisien', PREDIKAT_PEGAWAI),
    ...kosong('periodik', ['BULANAN', 'TRIWULANAN', 'SEMESTERAN']),
  ];
}

const ANGKA_ROMAWI: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * The BKN golongan code (I/a → "11" … IV/e → "45"), the form SIASN's own records carry; a PPPK
 * golongan (I–XVII) has no such code and is sent as written.
 */
export function kodeGolonganBkn(golongan: string): string {
  if (!(GOLONGAN_PNS as string[]).includes(golongan)) return golongan;
  const [romawi, ruang] = (golongan as GolonganPns).split('/') as [string, string];
  return `${ANGKA_ROMAWI[romawi]}${'abcde'.indexOf(ruang) + 1}`;
}

/** Who the assessor is, as both bodies send it. */
export interface PenilaiSiasn {
  nama: string;
  nip: string;
  golongan: string;
  jabatan: string;
  unorNama: string;
  /**
   * Null: the assessor is not an employee of the instansi (e.g. a regional head). Every JenisAsn is
   * "ASN", PPPK paruh waktu included (UU 20/2023 makes them ASN).
   */
  jenisAsn: JenisAsn | null;
}

/** The facts of one evaluation, captured in the transaction that made it final. */
export interface FaktaSiasn {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
  tahun: number;
  penilai: PenilaiSiasn;
  /** Periodic only: the period kind and its first and last month ("2026-07"). */
  periode?: { jenis: JenisPeriode; mulai: string; akhir: string };
}

function penilaiFields(p: PenilaiSiasn) {
  return {
    penilaiNama: p.nama,
    penilaiNipNrp: p.nip,
    penilaiGolongan: kodeGolonganBkn(p.golongan),
    penilaiJabatan: p.jabatan,
    penilaiUnorNama: p.unorNama,
    statusPenilai: p.jenisAsn === null ? 'NON ASN' : 'ASN',
  };
}

/** A period code ("2026-07", "2026-Q3", "2026-S2") as the periodic body needs it. */
export function periodeDariKode(kode: string): NonNullable<FaktaSiasn['periode']> {
  const [tahun, bagian] = kode.split('-') as [string, string];
  const panjang = bagian.startsWith('Q') ? 3 : bagian.startsWith('S') ? 6 : 1;
  const ke = Number(panjang === 1 ? bagian : bagian.slice(1));
  const bulan = (b: number) => `${tahun}-${String(b).padStart(2, '0')}`;
  return {
    jenis: panjang === 3 ? 'TRIWULANAN' : panjang === 6 ? 'SEMESTERAN' : 'BULANAN',
    mulai: bulan((ke - 1) * panjang + 1),
    akhir: bulan(ke * panjang),
  };
}

const ymParts = (ym: string) => {
  const [tahun, bulan] = ym.split('-').map(Number) as [number, number];
  return { tahun, bulan };
};

/**
 * The body of one message: exactly the SPEC §12 fields of its endpoint, plus `id` (the national
 * record's id) only when an earlier version of the same evaluation was accepted, so the national
 * system updates that record instead of adding a second one.
 */
export function bodySiasn(
  jenis: JenisPesanSiasn,
  fakta: FaktaSiasn,
  pemetaan: PemetaanSiasn,
  pnsId: string,
  idNasional: string | null,
): Record<string, string | number> {
  const nilai = {
    hasilKinerjaNilai: pemetaan.hasilKinerja[fakta.ratingHasilKerja],
    perilakuKerjaNilai: pemetaan.perilakuKerja[fakta.ratingPerilaku],
    kuadranKinerjaNilai: pemetaan.kuadran[fakta.predikat],
  };
  const id: Record<string, string> = idNasional === null ? {} : { id: idNasional };
  if (jenis === 'SKP22')
    return { ...id, ...nilai, ...penilaiFields(fakta.penilai), pnsDinilaiOrang: pnsId, tahun: fakta.tahun };
  const periode = fakta.periode!;
  const mulai = ymParts(periode.mulai);
  const akhir = ymParts(periode.akhir);
  return {
    ...id,
    bulanMulaiPenilaian: mulai.bulan,
    bulanSelesaiPenilaian: akhir.bulan,
    tahunMulaiPenilaian: mulai.tahun,
    tahunSelesaiPenilaian: akhir.tahun,
    ...nilai,
    koefisienId: pemetaan.koefisien[fakta.predikat],
    periodikId: pemetaan.periodik[periode.jenis],
    pnsDinilaiId: pnsId,
    ...penilaiFields(fakta.penilai),
    tahun: fakta.tahun,
  };
}

/** Attempts before a message that keeps meeting busy or unavailable answers is marked failed. */
export const PERCOBAAN_MAKS = 8;
/** The first wait after a retryable answer, and the longest. */
export const TUNDA_AWAL_DETIK = 60;
export const TUNDA_MAKS_DETIK = 6 * 3600;

/** Seconds to wait after the `percobaan`-th attempt: 1, 2, 4 … minutes, capped; a longer Retry-After wins. */
export function tundaanDetik(percobaan: number, retryAfterDetik?: number | null): number {
  const eksponensial = Math.min(TUNDA_AWAL_DETIK * 2 ** Math.max(0, percobaan - 1), TUNDA_MAKS_DETIK);
  return Math.max(eksponensial, Math.min(retryAfterDetik ?? 0, TUNDA_MAKS_DETIK));
}

export const HASIL_PERCOBAAN_SIASN = ['TERKIRIM', 'GAGAL', 'ULANGI'] as const;
export type HasilPercobaanSiasn = (typeof HASIL_PERCOBAAN_SIASN)[number];
export const HASIL_PERCOBAAN_SIASN_LABEL: Record<HasilPercobaanSiasn, string> = {
  TERKIRIM: 'Diterima',
  GAGAL: 'Ditolak',
  ULANGI: 'Dicoba lagi nanti',
};

export type PutusanKirim =
  | { hasil: 'TERKIRIM' }
  | { hasil: 'GAGAL'; alasan: string }
  | { hasil: 'ULANGI'; tundaDetik: number; alasan: string };

/**
 * What an answer means for the message after its `percobaan`-th attempt. `status` null: no answer
 * (network error or time-out). A 2xx whose body says `success: false` is the national system's
 * refusal of the data, like another 4xx: failed, not retried. 401 (after the client refreshed its
 * tokens once), 429 and 5xx are tried again later, until PERCOBAAN_MAKS.
 */
export function putusanKirim(
  percobaan: number,
  status: number | null,
  sukses: boolean | null,
  retryAfterDetik?: number | null,
): PutusanKirim {
  if (status !== null && status >= 200 && status < 300) {
    return sukses === false
      ? { hasil: 'GAGAL', alasan: 'Ditolak SIASN (validasi data).' }
      : { hasil: 'TERKIRIM' };
  }
  const sementara = status === null || status === 401 || status === 429 || status >= 500;
  if (!sementara) return { hasil: 'GAGAL', alasan: `Ditolak SIASN (HTTP ${status}).` };
  const sebab =
    status === null
      ? 'SIASN tidak menjawab'
      : status === 401
        ? 'Token SIASN ditolak'
        : status === 429
          ? 'SIASN membatasi permintaan'
          : `SIASN sedang bermasalah (HTTP ${status})`;
  if (percobaan >= PERCOBAAN_MAKS)
    return { hasil: 'GAGAL', alasan: `${sebab}; berhenti setelah ${percobaan} percobaan.` };
  return { hasil: 'ULANGI', tundaDetik: tundaanDetik(percobaan, retryAfterDetik), alasan: `${sebab}.` };
}

/** The idempotency key of a message: one per evaluation and version. */
export const kunciPesanSiasn = (jenis: JenisPesanSiasn, sumberId: number, versi: number) =>
  `${jenis}:${sumberId}:v${versi}`;
