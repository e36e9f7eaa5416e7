/** PPPK paruh waktu (SPEC §12): the quarterly evaluation of one employee and the report per unit. */
import { z } from 'zod';
import { REKOMENDASI_KONTRAK, STATUS_EVALUASI_TRIWULAN } from '../domain/pppk-paruh-waktu.js';
import { PREDIKAT_PEGAWAI, RATING } from '../domain/predikat.js';
import { Tahun } from './angka-kredit.js';
import { BATAS_INT, PageQuery, pageOf, teks } from './common.js';

const Triwulan = z.coerce
  .number({ error: 'Triwulan harus berupa angka.' })
  .int()
  .min(1, 'Triwulan 1 sampai 4.')
  .max(4, 'Triwulan 1 sampai 4.');

export const TriwulanQuery = z.object({ tahun: Tahun, triwulan: Triwulan });
export type TriwulanQuery = z.infer<typeof TriwulanQuery>;

export const EvaluasiTriwulanParams = TriwulanQuery.extend({
  id: z.coerce.number().int().positive().max(BATAS_INT),
});

export const LaporanTriwulanQuery = PageQuery.extend({
  tahun: Tahun,
  triwulan: Triwulan,
  opdId: z.coerce.number().int().positive().max(BATAS_INT),
});
export type LaporanTriwulanQuery = z.infer<typeof LaporanTriwulanQuery>;

export const PeriodeTriwulan = z.object({
  kode: z.string(),
  label: z.string(),
  predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
});

/** One employee's quarter as the report and the assessor's list show it. */
export const BarisTriwulan = z.object({
  pegawaiId: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
  opdNama: z.string().nullable(),
  periode: z.array(PeriodeTriwulan),
  /** The recorded quarterly predikat (draft or final); null before the assessor records one. */
  predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
  rekomendasi: z.enum(REKOMENDASI_KONTRAK).nullable(),
  status: z.enum(['BELUM', ...STATUS_EVALUASI_TRIWULAN]),
  /** What keeps the quarter from being final, in words ("Februari 2026 belum dinilai"). */
  kekurangan: z.array(z.string()),
});
export type BarisTriwulan = z.infer<typeof BarisTriwulan>;

export const DaftarTriwulanResponse = z.object({
  label: z.string(),
  items: z.array(BarisTriwulan),
});

export const LaporanTriwulanResponse = pageOf(BarisTriwulan).extend({ label: z.string() });

export const EvaluasiTriwulanView = z.object({
  label: z.string(),
  tahun: z.number(),
  triwulan: z.number(),
  baris: BarisTriwulan,
  saran: z
    .object({
      ratingHasilKerja: z.enum(RATING),
      ratingPerilaku: z.enum(RATING),
      predikat: z.enum(PREDIKAT_PEGAWAI),
    })
    .nullable(),
  triwulanSelesai: z.boolean(),
  evaluasi: z
    .object({
      status: z.enum(STATUS_EVALUASI_TRIWULAN),
      predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
      predikatSaran: z.enum(PREDIKAT_PEGAWAI).nullable(),
      alasanPerubahan: z.string().nullable(),
      rekomendasi: z.enum(REKOMENDASI_KONTRAK).nullable(),
      catatan: z.string().nullable(),
      difinalkanAt: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  /** Why it cannot be made final now; empty when it can. */
  penolakanFinal: z.array(z.string()),
  /** The viewer is the employee's direct assessor (the server decides again on each write). */
  bolehMengisi: z.boolean(),
});
export type EvaluasiTriwulanView = z.infer<typeof EvaluasiTriwulanView>;

export const SimpanTriwulanBody = z.object({
  predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
  alasanPerubahan: teks().trim().max(1000).nullable(),
  rekomendasi: z.enum(REKOMENDASI_KONTRAK).nullable(),
  catatan: teks().trim().max(2000).nullable(),
  /** Absent for the first save; the record's version afterwards. */
  version: z.number().int().positive().max(BATAS_INT).optional(),
});
export type SimpanTriwulanBody = z.infer<typeof SimpanTriwulanBody>;

export const FinalTriwulanBody = z.object({ version: z.number().int().positive().max(BATAS_INT) });
