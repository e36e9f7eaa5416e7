/**
 * The annual evaluation (SPEC §6.5) and the objection to it (§6.6): the suggestion from the periodic
 * ratings, the signature workflow that ends in a locked FINAL record, the objection window, and the
 * atasan's final decision. The only code that changes the status of either.
 */
import { formatYearMonth, labelPeriode, periodeOf, type YearMonth } from './jadwal.js';
import { type PredikatPegawai, predikatKinerja, type Rating } from './predikat.js';
import { labelTanggal } from './tenggat.js';

export const STATUS_EVALUASI = ['DRAF', 'DITANDATANGANI_PENILAI', 'FINAL'] as const;
export type StatusEvaluasi = (typeof STATUS_EVALUASI)[number];

export const STATUS_EVALUASI_LABEL: Record<StatusEvaluasi, string> = {
  DRAF: 'Draf',
  DITANDATANGANI_PENILAI: 'Ditandatangani Pejabat Penilai',
  FINAL: 'Final',
};

/**
 * What keeps a year's result provisional, in words: the last SKP's annual evaluation is missing
 * (`status` null) or not FINAL yet; null once it is FINAL (db/predikat-akhir gives the status).
 */
export function kekuranganTahunan(tahun: number, status: StatusEvaluasi | null): string | null {
  if (status === 'FINAL') return null;
  const evaluasi = `Evaluasi kinerja tahunan ${tahun}`;
  if (status === null) return `${evaluasi} belum dibuat`;
  return status === 'DRAF' ? `${evaluasi} masih draf` : `${evaluasi} menunggu tanda tangan pegawai`;
}

export interface RatingPeriodik {
  periodeKode: string;
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
}

/** A suggested rating and the periods (sorted) in which the employee got it. */
export interface SaranTahunan {
  rating: Rating;
  periode: string[];
}

/**
 * The most frequent rating; a tie goes to the rating given later (the one whose last period is the
 * latest), so the employee's most recent standing decides. `null` without periodic ratings.
 */
function terbanyak(
  periodik: readonly RatingPeriodik[],
  pilih: (p: RatingPeriodik) => Rating,
): SaranTahunan | null {
  const urut = [...periodik].sort((a, b) => a.periodeKode.localeCompare(b.periodeKode));
  const per = new Map<Rating, string[]>();
  for (const p of urut) per.set(pilih(p), [...(per.get(pilih(p)) ?? []), p.periodeKode]);
  let best: SaranTahunan | null = null;
  for (const [rating, periode] of per) {
    const lebihBanyak = best === null || periode.length > best.periode.length;
    const samaTapiLebihAkhir =
      best !== null && periode.length === best.periode.length && periode.at(-1)! > best.periode.at(-1)!;
    if (lebihBanyak || samaTapiLebihAkhir) best = { rating, periode };
  }
  return best;
}

/**
 * The annual suggestion (SPEC §6.5) for hasil kerja and perilaku, each with the periods it comes from;
 * also the quarterly one of PPPK paruh waktu over the quarter's periods (pppk-paruh-waktu.ts).
 */
export function sarankanTahunan(periodik: readonly RatingPeriodik[]): {
  ratingHasilKerja: SaranTahunan | null;
  ratingPerilaku: SaranTahunan | null;
} {
  return {
    ratingHasilKerja: terbanyak(periodik, (p) => p.ratingHasilKerja),
    ratingPerilaku: terbanyak(periodik, (p) => p.ratingPerilaku),
  };
}

/** 'Juli 2026', 'Triwulan III 2026', 'Semester II 2026' from a period code; other text as it is. */
export function labelKodePeriode(kode: string): string {
  const m = /^(\d{4})-(Q|S)?(\d{1,2})$/.exec(kode);
  if (!m) return kode;
  if (!m[2]) return labelPeriode(periodeOf(kode as YearMonth, { periode: 'BULANAN' }));
  const triwulan = m[2] === 'Q';
  const akhir = formatYearMonth(Number(m[1]), Number(m[3]) * (triwulan ? 3 : 6));
  return labelPeriode(periodeOf(akhir, { periode: triwulan ? 'TRIWULANAN' : 'SEMESTERAN' }));
}

export type AksiEvaluasi = 'UBAH' | 'TANDA_TANGAN_PENILAI' | 'TANDA_TANGAN_PEGAWAI';

/**
 * The next status after an action, or null when the action is not allowed: the assessor edits a
 * draft and signs it, then the employee signs and the record is FINAL, locked for good.
 */
export function transisiEvaluasi(status: StatusEvaluasi, aksi: AksiEvaluasi): StatusEvaluasi | null {
  if (aksi === 'UBAH') return status === 'DRAF' ? 'DRAF' : null;
  if (aksi === 'TANDA_TANGAN_PENILAI') return status === 'DRAF' ? 'DITANDATANGANI_PENILAI' : null;
  return status === 'DITANDATANGANI_PENILAI' ? 'FINAL' : null;
}

/** Adds days to a 'YYYY-MM-DD' date. */
function tambahHari(tanggal: string, hari: number): string {
  return new Date(Date.parse(`${tanggal}T00:00:00Z`) + hari * 86_400_000).toISOString().slice(0, 10);
}

/** The last day (in the instansi's zone) an objection may be filed: `hari` days after the FINAL date. */
export function batasKeberatan(tanggalFinal: string, hari: number): string {
  return tambahHari(tanggalFinal, hari);
}

export type PenolakanKeberatan = 'BELUM_FINAL' | 'SUDAH_DIAJUKAN' | 'LEWAT_BATAS';

/** Why an objection cannot be filed today, or null when it can. */
export function cekKeberatan(e: {
  status: StatusEvaluasi;
  tanggalFinal: string | null;
  hariIni: string;
  keberatanHari: number;
  adaKeberatan: boolean;
}): PenolakanKeberatan | null {
  if (e.status !== 'FINAL' || e.tanggalFinal === null) return 'BELUM_FINAL';
  if (e.adaKeberatan) return 'SUDAH_DIAJUKAN';
  return e.hariIni > batasKeberatan(e.tanggalFinal, e.keberatanHari) ? 'LEWAT_BATAS' : null;
}

export const STATUS_KEBERATAN = ['DIAJUKAN', 'DIPERIKSA', 'DIPUTUS'] as const;
export type StatusKeberatan = (typeof STATUS_KEBERATAN)[number];

export const STATUS_KEBERATAN_LABEL: Record<StatusKeberatan, string> = {
  DIAJUKAN: 'Diajukan',
  DIPERIKSA: 'Diperiksa',
  DIPUTUS: 'Diputus',
};

export const KEPUTUSAN_KEBERATAN = ['DIKUATKAN', 'DIUBAH'] as const;
export type KeputusanKeberatan = (typeof KEPUTUSAN_KEBERATAN)[number];

export type AksiKeberatan = 'MINTA_KETERANGAN' | 'JAWAB_KETERANGAN' | 'PUTUS';

/** The two sides the atasan asks before deciding (SPEC §6.6). */
export const PIHAK_KETERANGAN = ['PEGAWAI', 'PENILAI'] as const;
export type PihakKeterangan = (typeof PIHAK_KETERANGAN)[number];

export const PIHAK_KETERANGAN_LABEL: Record<PihakKeterangan, string> = {
  PEGAWAI: 'pegawai',
  PENILAI: 'pejabat penilai',
};

/**
 * Calendar days a side has to give a statement once asked, when the instansi has not set its own
 * (pengaturan.keterangan_keberatan_hari): a week, about five working days.
 */
export const KETERANGAN_KEBERATAN_HARI_BAWAAN = 7;

/** A statement asked during an objection, with the local date it was asked. */
export interface PermintaanKeterangan {
  id: number;
  pihak: PihakKeterangan;
  tanggalDiminta: string;
  dijawab: boolean;
}

/** Where one side's statement stands: answered or its deadline passed lets the atasan decide. */
export type KeadaanKeterangan =
  | { keadaan: 'BELUM_DIMINTA' }
  | { keadaan: 'MENUNGGU'; keteranganId: number; batas: string }
  | { keadaan: 'DIJAWAB'; keteranganId: number }
  | { keadaan: 'LEWAT_BATAS'; keteranganId: number; batas: string };

export type KelengkapanKeterangan = Record<PihakKeterangan, KeadaanKeterangan>;

/** What a decision relied on: each side's answered statement, or the deadline that passed without one. */
export type DasarPutusan = Record<
  PihakKeterangan,
  Extract<KeadaanKeterangan, { keadaan: 'DIJAWAB' | 'LEWAT_BATAS' }>
>;

/**
 * Each side's statement today: an answer to any request counts; otherwise the first request starts
 * the side's `hari` days (a repeated request does not extend them), its last day included.
 */
export function kelengkapanKeterangan(
  permintaan: readonly PermintaanKeterangan[],
  hariIni: string,
  hari: number,
): KelengkapanKeterangan {
  const keadaan = (pihak: PihakKeterangan): KeadaanKeterangan => {
    const milik = permintaan
      .filter((p) => p.pihak === pihak)
      .sort((a, b) => a.tanggalDiminta.localeCompare(b.tanggalDiminta) || a.id - b.id);
    const dijawab = milik.find((p) => p.dijawab);
    if (dijawab) return { keadaan: 'DIJAWAB', keteranganId: dijawab.id };
    const pertama = milik[0];
    if (!pertama) return { keadaan: 'BELUM_DIMINTA' };
    const batas = tambahHari(pertama.tanggalDiminta, hari);
    return { keadaan: hariIni > batas ? 'LEWAT_BATAS' : 'MENUNGGU', keteranganId: pertama.id, batas };
  };
  return { PEGAWAI: keadaan('PEGAWAI'), PENILAI: keadaan('PENILAI') };
}

export type PenolakanTransisiKeberatan = 'SUDAH_DIPUTUS' | 'BELUM_DIMINTA' | 'KETERANGAN_BELUM_LENGKAP';

export type TransisiKeberatan =
  | { ok: true; status: StatusKeberatan; dasar?: DasarPutusan }
  | { ok: false; tolak: PenolakanTransisiKeberatan };

/** The basis a decision would record, or null while a side's statement is still missing. */
function dasarDari({ PEGAWAI, PENILAI }: KelengkapanKeterangan): DasarPutusan | null {
  if (PEGAWAI.keadaan !== 'DIJAWAB' && PEGAWAI.keadaan !== 'LEWAT_BATAS') return null;
  if (PENILAI.keadaan !== 'DIJAWAB' && PENILAI.keadaan !== 'LEWAT_BATAS') return null;
  return { PEGAWAI, PENILAI };
}

/**
 * The next status, or why the action is refused: statements are asked and answered until the
 * decision, which needs both sides' statements (or their deadlines passed), names them, and is final.
 */
export function transisiKeberatan(
  status: StatusKeberatan,
  aksi: AksiKeberatan,
  keterangan: KelengkapanKeterangan,
): TransisiKeberatan {
  if (status === 'DIPUTUS') return { ok: false, tolak: 'SUDAH_DIPUTUS' };
  if (aksi === 'MINTA_KETERANGAN') return { ok: true, status: 'DIPERIKSA' };
  if (aksi === 'JAWAB_KETERANGAN')
    return status === 'DIPERIKSA' ? { ok: true, status } : { ok: false, tolak: 'BELUM_DIMINTA' };
  const dasar = dasarDari(keterangan);
  return dasar ? { ok: true, status: 'DIPUTUS', dasar } : { ok: false, tolak: 'KETERANGAN_BELUM_LENGKAP' };
}

/** Why the atasan cannot decide yet, naming each side's missing statement; null once he can. */
export function alasanBelumDapatDiputus(keterangan: KelengkapanKeterangan): string | null {
  const kurang = PIHAK_KETERANGAN.flatMap((p) => {
    const k = keterangan[p];
    const siapa = `keterangan ${PIHAK_KETERANGAN_LABEL[p]}`;
    if (k.keadaan === 'BELUM_DIMINTA') return [`${siapa} belum diminta`];
    if (k.keadaan === 'MENUNGGU') return [`${siapa} belum diberikan (batas ${labelTanggal(k.batas)})`];
    return [];
  });
  if (kurang.length === 0) return null;
  return `Keberatan belum dapat diputus: ${kurang.join('; ')}. Atasan pejabat penilai meminta keterangan pegawai dan pejabat penilai lebih dahulu; putusan dapat diambil setelah keduanya memberikan keterangan atau batas waktunya lewat.`;
}

/** How the decision names one side's statement it relied on. */
export function labelDasarPihak(pihak: PihakKeterangan, k: DasarPutusan[PihakKeterangan]): string {
  const siapa = `Keterangan ${PIHAK_KETERANGAN_LABEL[pihak]}`;
  return k.keadaan === 'DIJAWAB'
    ? `${siapa}: diberikan`
    : `${siapa}: tidak diberikan sampai batas ${labelTanggal(k.batas)}`;
}

export interface Hasil {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
}

/**
 * What the evaluation reports in the end: a changed decision replaces the assessor's ratings (the
 * original stays on record), otherwise the assessor's ratings stand.
 */
export function hasilAkhir(
  evaluasi: { ratingHasilKerja: Rating; ratingPerilaku: Rating },
  putusan: {
    keputusan: KeputusanKeberatan;
    ratingHasilKerja: Rating | null;
    ratingPerilaku: Rating | null;
  } | null,
): Hasil {
  const pakai =
    putusan?.keputusan === 'DIUBAH' && putusan.ratingHasilKerja && putusan.ratingPerilaku
      ? { ratingHasilKerja: putusan.ratingHasilKerja, ratingPerilaku: putusan.ratingPerilaku }
      : { ratingHasilKerja: evaluasi.ratingHasilKerja, ratingPerilaku: evaluasi.ratingPerilaku };
  return { ...pakai, predikat: predikatKinerja(pakai.ratingHasilKerja, pakai.ratingPerilaku) };
}

/** Predikat below expectation, the tim penilai's concern (SPEC §6.2). */
export const PREDIKAT_DI_BAWAH_EKSPEKTASI: readonly PredikatPegawai[] = [
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
];

export const JENIS_REKOMENDASI = ['PEMBINAAN', 'PELATIHAN', 'KONSELING', 'LAINNYA'] as const;
export type JenisRekomendasi = (typeof JENIS_REKOMENDASI)[number];

export const JENIS_REKOMENDASI_LABEL: Record<JenisRekomendasi, string> = {
  PEMBINAAN: 'Pembinaan',
  PELATIHAN: 'Pelatihan',
  KONSELING: 'Konseling',
  LAINNYA: 'Lainnya',
};
