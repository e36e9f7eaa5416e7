/** Printed documents (SPEC §8): the public verification of a print, and the document requests. */
import { z } from 'zod';
import { teks } from './common.js';

/** A year ('2026') or one of the instansi's periods ('2026-07', '2026-Q3', '2026-S2'). */
export const PeriodeAtauTahun = teks()
  .trim()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|S[12]))?$/,
    'Periode harus berformat TTTT (tahun), TTTT-BB (mis. 2026-07), TTTT-Q1…Q4 atau TTTT-S1/S2.',
  );
export const PeriodeAtauTahunQuery = z.object({ periode: PeriodeAtauTahun });

export const KodeParams = z.object({ kode: teks().trim().min(1).max(40) });

export const JENIS_DOKUMEN = [
  'SKP',
  'EVALUASI_PERIODIK',
  'EVALUASI_TAHUNAN',
  'DOKUMEN_EVALUASI',
  'PENETAPAN_PREDIKAT',
] as const;
export type JenisDokumen = (typeof JENIS_DOKUMEN)[number];

/** What a verifier may see: the document's identity and fingerprint, never its performance content. */
export const VerifikasiOut = z.object({
  /** Grouped for reading, e.g. ABCDE-23456. */
  kode: z.string(),
  jenis: z.enum(JENIS_DOKUMEN),
  judul: z.string(),
  instansi: z.string(),
  /** The employee's name, or the unit's for a unit document. */
  nama: z.string(),
  /** Partly hidden; null for a unit document. */
  nip: z.string().nullable(),
  unitKerja: z.string().nullable(),
  periode: z.string(),
  dicetakAt: z.string(),
  /** The printing date in the instansi's zone, e.g. '25 November 2026'. */
  tanggalCetak: z.string(),
  dicetakOleh: z.string().nullable(),
  sha256: z.string(),
});
export type VerifikasiOut = z.infer<typeof VerifikasiOut>;

export const VerifikasiBerkasOut = z.object({
  cocok: z.boolean(),
  /** SHA-256 of the uploaded file. */
  sha256: z.string(),
  pesan: z.string(),
});
export type VerifikasiBerkasOut = z.infer<typeof VerifikasiBerkasOut>;
