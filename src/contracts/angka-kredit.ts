/** Angka kredit of functional employees (SPEC §7.2): one employee's years, the admin list, the initial AK. */
import { z } from 'zod';
import { GOLONGAN_PNS } from '../domain/golongan.js';
import { JENJANG_FUNGSIONAL } from '../domain/jabatan.js';
import { PREDIKAT_PEGAWAI } from '../domain/predikat.js';
import { BATAS_INT, PageQuery, pageOf, teks } from './common.js';
import { PegawaiRingkas } from './pegawai.js';

/** A year in a query string, with Indonesian messages. */
export const Tahun = z.coerce
  .number({ error: 'Tahun harus berupa angka.' })
  .int('Tahun harus bilangan bulat.')
  .min(2000, 'Tahun paling awal 2000.')
  .max(2100, 'Tahun paling akhir 2100.');

export const AngkaKreditQuery = z.object({ tahun: Tahun });

export const AngkaKreditListQuery = PageQuery.extend({
  tahun: Tahun,
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});

export const AngkaKreditAwalBody = z.object({
  nilai: z
    .number({ error: 'Angka kredit awal harus berupa angka.' })
    .min(0, 'Angka kredit awal tidak boleh negatif.')
    .max(10_000, 'Angka kredit awal paling tinggi 10.000.')
    .refine(
      (n) => Math.round(n * 1000) === n * 1000,
      'Angka kredit awal paling banyak 3 angka di belakang koma.',
    ),
  tahunMulai: Tahun,
  keterangan: teks().trim().max(1000).nullable().optional(),
  /** The version read; omitted when the employee has no initial AK yet. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

export const LangkahBerikut = z.object({
  jenis: z.enum(['PANGKAT', 'JENJANG']),
  /** Golongan ruang (PANGKAT) or jenjang (JENJANG). */
  ke: z.union([z.enum(GOLONGAN_PNS), z.enum(JENJANG_FUNGSIONAL)]),
  label: z.string(),
  kebutuhan: z.number(),
});

export const AkPeriodik = z.object({
  skpId: z.number(),
  periodeKode: z.string(),
  periodeLabel: z.string(),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  jenjang: z.enum(JENJANG_FUNGSIONAL),
  bulan: z.number(),
  angkaKredit: z.number(),
});

export const AkTahunan = z.object({
  skpId: z.number(),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  jenjang: z.enum(JENJANG_FUNGSIONAL),
  bulan: z.number(),
  angkaKredit: z.number(),
});

/** TAHUNAN: a final annual evaluation replaces the periodic sum of that year; KOSONG: nothing rated. */
export const SumberAk = z.enum(['TAHUNAN', 'PERIODIK', 'KOSONG']);

/** One SKP of the year with the months it counts for and its AK (from its final evaluation or its months). */
export const AkBagian = z.object({
  skpId: z.number(),
  jabatanNama: z.string(),
  periodeMulai: z.string(),
  periodeAkhir: z.string(),
  bulan: z.number(),
  angkaKredit: z.number(),
  sumber: SumberAk,
  evaluasiFinal: z.boolean(),
});

export const AkPerTahun = z.object({ tahun: z.number(), angkaKredit: z.number(), sumber: SumberAk });

export const AngkaKreditAwal = z.object({
  nilai: z.number(),
  tahunMulai: z.number(),
  keterangan: z.string().nullable(),
  version: z.number(),
});

export const AngkaKreditPegawaiOut = z.object({
  pegawai: PegawaiRingkas,
  golongan: z.string(),
  pangkatGolongan: z.string(),
  jenjang: z.enum(JENJANG_FUNGSIONAL),
  tahun: z.number(),
  periodik: z.array(AkPeriodik),
  jumlahPeriodik: z.number(),
  /** Final annual evaluations of the year (one per SKP); when present they make the year's figure. */
  tahunan: z.array(AkTahunan),
  /** The year's SKP parts (several after a mid-year mutation), each month in exactly one (SPEC §7.2). */
  bagian: z.array(AkBagian),
  akTahun: z.number(),
  sumber: SumberAk,
  /** The year's figure is provisional: `belumFinal` names the evaluations it waits for. */
  sementara: z.boolean(),
  belumFinal: z.array(z.string()),
  awal: AngkaKreditAwal.nullable(),
  /** Each year from the initial AK's tahunMulai (or the first rated year) up to `tahun`. */
  perTahun: z.array(AkPerTahun),
  kumulatif: z.number(),
  langkahBerikut: LangkahBerikut.nullable(),
  /** kumulatif − kebutuhan: negative is the shortfall, positive the surplus; null at the top. */
  selisih: z.number().nullable(),
});
export type AngkaKreditPegawaiOut = z.infer<typeof AngkaKreditPegawaiOut>;

export const AngkaKreditItem = z.object({
  pegawai: PegawaiRingkas,
  golongan: z.string(),
  jenjang: z.enum(JENJANG_FUNGSIONAL),
  akTahun: z.number(),
  sumber: SumberAk,
  sementara: z.boolean(),
  kumulatif: z.number(),
  kebutuhan: z.number().nullable(),
  selisih: z.number().nullable(),
});
export type AngkaKreditItem = z.infer<typeof AngkaKreditItem>;

export const AngkaKreditListOut = pageOf(AngkaKreditItem);
