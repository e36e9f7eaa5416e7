import { z } from 'zod';
import { BATAS_INT, teks } from './common.js';

export const PkQuery = z.object({
  unorId: z.coerce.number().int().positive().max(BATAS_INT),
  tahun: z.coerce.number().int().min(2020).max(2100),
});

export const PkSasaranInput = z.object({
  sasaran: teks().trim().min(1, 'Sasaran strategis wajib diisi.').max(1000),
  indikator: teks().trim().min(1, 'Indikator wajib diisi.').max(500),
  targetNilai: z.number().min(0).max(1e12).nullable(),
  targetSatuan: teks().trim().max(60).nullable().default(null),
  targetTeks: teks().trim().max(1000).nullable().default(null),
});

export const PkBody = z.object({
  unorId: z.number().int().positive().max(BATAS_INT),
  tahun: z.number().int().min(2020).max(2100),
  /** Omitted when creating; the version read when changing an existing agreement. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
  sasaran: z.array(PkSasaranInput).min(1, 'Perjanjian kinerja memuat minimal satu sasaran.').max(50),
});

export const PkOut = z.object({
  id: z.number(),
  unorId: z.number(),
  tahun: z.number(),
  version: z.number(),
  sasaran: z.array(
    z.object({
      id: z.number(),
      sasaran: z.string(),
      indikator: z.string(),
      targetNilai: z.number().nullable(),
      targetSatuan: z.string().nullable(),
      targetTeks: z.string().nullable(),
    }),
  ),
});
export type PkOut = z.infer<typeof PkOut>;

export const PkImporQuery = z.object({ mode: z.enum(['dry-run', 'commit']).default('dry-run') });

export const PkImporResponse = z.object({
  mode: z.enum(['dry-run', 'commit']),
  /** Data rows read (the header not counted). */
  jumlahBaris: z.number(),
  /** Each bad row with its reasons; `baris` counts the header as row 1, as the spreadsheet shows it. */
  kesalahan: z.array(z.object({ baris: z.number(), alasan: z.array(z.string()) })),
  /** Agreements (unit and year) and items written; null on a dry run. */
  diterapkan: z.object({ unit: z.number(), sasaran: z.number() }).nullable(),
});
export type PkImporResponse = z.infer<typeof PkImporResponse>;
