import { z } from 'zod';
import { JENIS_PERIODE } from '../domain/jadwal.js';
import { HARI_KERJA_KE_MAKS, POLA_JAM } from '../domain/kepatuhan-harian.js';
import { PEMBULATAN } from '../domain/kurva.js';
import { PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { BATAS_MENIT_HARIAN_MAKS, BATAS_MENIT_HARIAN_MIN } from '../domain/progres-harian.js';
import { BATAS_INT, teks } from './common.js';
import { KebijakanMfa } from './mfa.js';

const Hari = z
  .number({ error: 'Hari harus berupa angka 1–31.' })
  .int('Hari harus bilangan bulat.')
  .min(1, 'Hari paling awal tanggal 1.')
  .max(31, 'Hari paling akhir tanggal 31.');

/** First and last day of a window in the month after the period (clamped to that month's length). */
export const RentangHari = z.object({ mulai: Hari, akhir: Hari }).refine((r) => r.mulai <= r.akhir, {
  message: 'Hari mulai tidak boleh setelah hari akhir.',
  path: ['akhir'],
});

/** The three windows of SPEC §5.1, in this order and without overlap. */
export const JendelaHari = z
  .object({ input: RentangHari, penilaian: RentangHari, perbaikan: RentangHari })
  .superRefine((j, ctx) => {
    if (j.input.akhir >= j.penilaian.mulai)
      ctx.addIssue({
        code: 'custom',
        path: ['penilaian', 'mulai'],
        message: 'Jendela penilaian harus dimulai setelah jendela pengisian realisasi berakhir.',
      });
    if (j.penilaian.akhir >= j.perbaikan.mulai)
      ctx.addIssue({
        code: 'custom',
        path: ['perbaikan', 'mulai'],
        message: 'Jendela perbaikan harus dimulai setelah jendela penilaian berakhir.',
      });
  });
export type JendelaHari = z.infer<typeof JendelaHari>;

export const JenisPeriode = z.enum(JENIS_PERIODE, {
  error: 'Periode penilaian harus BULANAN, TRIWULANAN atau SEMESTERAN.',
});

const PredikatPegawai = z.enum(PREDIKAT_PEGAWAI, {
  error: 'Predikat pegawai pada syarat kurva tidak valid.',
});
const KelompokPredikat = z
  .array(PredikatPegawai)
  .min(1, 'Syarat kurva menyebut paling sedikit satu predikat.')
  .max(5)
  .refine((l) => new Set(l).size === l.length, 'Predikat dalam satu syarat tidak boleh berulang.');
/** Whole percentages keep p·N an integer, so the rounding never drifts (domain/kurva.ts). */
const PersenKurva = z
  .number({ error: 'Persentase kurva harus berupa angka.' })
  .int('Persentase kurva harus bilangan bulat.')
  .min(0, 'Persentase kurva paling rendah 0.')
  .max(100, 'Persentase kurva paling tinggi 100.');
const SyaratKurva = z.discriminatedUnion('jenis', [
  z.object({ jenis: z.literal('TERBANYAK'), predikat: PredikatPegawai }),
  z.object({ jenis: z.literal('MAKS'), predikat: KelompokPredikat, persen: PersenKurva }),
  z.object({ jenis: z.literal('MIN'), predikat: KelompokPredikat, persen: PersenKurva }),
  z.object({
    jenis: z.literal('MIN_JUMLAH'),
    predikat: KelompokPredikat,
    jumlah: z.number().int('Jumlah minimal harus bilangan bulat.').min(1).max(1000),
  }),
]);
const DaftarSyarat = z.array(SyaratKurva).max(10, 'Paling banyak 10 syarat per predikat organisasi.');
const Pembulatan = z.enum(PEMBULATAN, { error: 'Pembulatan harus BAWAH, ATAS atau TERDEKAT.' });

/** Curve rules (SPEC §6.4) per organisation predikat; null = SPEC's defaults. */
export const AturanKurva = z.object({
  syarat: z.object({
    ISTIMEWA: DaftarSyarat,
    BAIK: DaftarSyarat,
    BUTUH_PERBAIKAN: DaftarSyarat,
    KURANG: DaftarSyarat,
    SANGAT_KURANG: DaftarSyarat,
  }),
  pembulatan: z.object({ maks: Pembulatan, min: Pembulatan }),
  minimalPegawai: z
    .number({ error: 'Jumlah pegawai minimal harus berupa angka.' })
    .int('Jumlah pegawai minimal harus bilangan bulat.')
    .min(1, 'Jumlah pegawai minimal paling sedikit 1.')
    .max(1000),
});

const RatingPemetaan = z.enum(RATING, { error: 'Rating pada pemetaan predikat organisasi tidak valid.' });
/** Organisation predikat → the unit leader's rating hasil kerja (SPEC §6.3); null = the default. */
export const PemetaanPredikatOrganisasi = z.object({
  ISTIMEWA: RatingPemetaan,
  BAIK: RatingPemetaan,
  BUTUH_PERBAIKAN: RatingPemetaan,
  KURANG: RatingPemetaan,
  SANGAT_KURANG: RatingPemetaan,
});

/** The day rules of progres harian (SPEC §12; domain/progres-harian.ts). */
export const AturanProgresHarian = z.object({
  /** The most minutes of activity per day (default 450 = 7.5 h). */
  batasMenitHarian: z
    .number({ error: 'Batas jam progres harian harus berupa angka menit.' })
    .int('Batas jam progres harian harus menit bulat.')
    .min(BATAS_MENIT_HARIAN_MIN, 'Batas jam progres harian paling sedikit 1 jam (60 menit).')
    .max(BATAS_MENIT_HARIAN_MAKS, 'Batas jam progres harian paling banyak 24 jam (1440 menit).'),
  /** Whether entries may fall on holidays and days without working hours (default false). */
  bolehHariLibur: z.boolean(),
});

/** Compliance per day of progres harian (SPEC §12; domain/kepatuhan-harian.ts): off by default. */
export const AturanKepatuhanHarian = z.object({
  aktif: z.boolean({ error: 'Status aturan kepatuhan harus aktif atau tidak.' }),
  /** 'HH:MM' local: the last minute an entry counts as on time. */
  batasJam: teks().regex(POLA_JAM, 'Batas jam pengisian harus berformat JJ:MM, mis. 23:59.'),
  /** 0 = the activity's own day, 1 = the next working day … */
  hariKerjaKe: z
    .number({ error: 'Batas hari pengisian harus berupa angka hari kerja.' })
    .int('Batas hari pengisian harus bilangan bulat.')
    .min(0, 'Batas hari pengisian paling cepat 0 (hari yang sama).')
    .max(HARI_KERJA_KE_MAKS, `Batas hari pengisian paling lama ${HARI_KERJA_KE_MAKS} hari kerja berikutnya.`),
});

export const Pengaturan = z.object({
  /** SKP deadline as MM-DD (default 01-31). */
  batasSkp: teks().regex(
    /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    'Batas waktu SKP harus berformat BB-HH, mis. 01-31.',
  ),
  /** true: open dibagi-habis problems block approving a leader's plan; false: they only warn. */
  cakupanMemblokir: z.boolean(),
  /** Evaluation period (SPEC §6.1). */
  periode: JenisPeriode,
  /** Window days (SPEC §5.1), counted in the instansi's time zone. */
  jendela: JendelaHari,
  kurva: AturanKurva.nullable(),
  pemetaanPredikatOrganisasi: PemetaanPredikatOrganisasi.nullable(),
  /** Days after an annual evaluation is final during which the employee may object (SPEC §6.6). */
  keberatanHari: z
    .number({ error: 'Jangka waktu keberatan harus berupa angka hari.' })
    .int('Jangka waktu keberatan harus bilangan bulat.')
    .min(1, 'Jangka waktu keberatan paling sedikit 1 hari.')
    .max(90, 'Jangka waktu keberatan paling lama 90 hari.'),
  /** Days each side has to give a statement the atasan asks for during an objection (SPEC §6.6). */
  keteranganKeberatanHari: z
    .number({ error: 'Jangka waktu keterangan keberatan harus berupa angka hari.' })
    .int('Jangka waktu keterangan keberatan harus bilangan bulat.')
    .min(1, 'Jangka waktu keterangan keberatan paling sedikit 1 hari.')
    .max(30, 'Jangka waktu keterangan keberatan paling lama 30 hari.'),
  /** Deadline of the annual evaluation in the next year, MM-DD (SPEC §6.5). */
  batasEvaluasiTahunan: teks().regex(
    /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
    'Batas evaluasi tahunan harus berformat BB-HH, mis. 03-31.',
  ),
  /** Who must enter an authenticator code after the password (issue 12; SPEC §12). */
  kebijakanMfa: KebijakanMfa,
  /** The place printed beside the signature dates on documents; null = the region in the instansi's name. */
  tempatTandaTangan: teks()
    .trim()
    .min(2, 'Tempat penandatanganan paling sedikit 2 huruf, mis. Gorontalo.')
    .max(60, 'Tempat penandatanganan paling banyak 60 karakter.')
    .nullable(),
  progresHarian: AturanProgresHarian,
  kepatuhanHarian: AturanKepatuhanHarian,
});
export const PengaturanOut = Pengaturan.extend({ version: z.number() });
export type PengaturanOut = z.infer<typeof PengaturanOut>;
/** The schedule and curve fields may be left out: they keep their current values (null resets to SPEC). */
export const PengaturanBody = Pengaturan.extend({
  periode: JenisPeriode.optional(),
  jendela: JendelaHari.optional(),
  kurva: AturanKurva.nullable().optional(),
  pemetaanPredikatOrganisasi: PemetaanPredikatOrganisasi.nullable().optional(),
  keberatanHari: Pengaturan.shape.keberatanHari.optional(),
  keteranganKeberatanHari: Pengaturan.shape.keteranganKeberatanHari.optional(),
  batasEvaluasiTahunan: Pengaturan.shape.batasEvaluasiTahunan.optional(),
  kebijakanMfa: KebijakanMfa.optional(),
  tempatTandaTangan: Pengaturan.shape.tempatTandaTangan.optional(),
  progresHarian: AturanProgresHarian.optional(),
  kepatuhanHarian: AturanKepatuhanHarian.optional(),
  version: z.number().int().positive().max(BATAS_INT),
});
