/** Bulk entry of a period's realisasi from the spreadsheet template (dry run, then all or nothing). */
import { z } from 'zod';
import { ImporQuery } from './impor.js';
import { PeriodeKode } from './realisasi.js';

export const ImporRealisasiQuery = ImporQuery.extend({ periode: PeriodeKode });

export const ImporRealisasiResponse = z.object({
  mode: z.enum(['dry-run', 'commit']),
  /** Data rows read (the header not counted). */
  jumlahBaris: z.number(),
  /** Each bad row with its reasons; `baris` counts the header as row 1, as the spreadsheet shows it. */
  kesalahan: z.array(z.object({ baris: z.number(), alasan: z.array(z.string()) })),
  /** Rows that change a realisasi: saved as drafts on commit. The others are left as they are. */
  berubah: z.number(),
  /** Realisasi written, and rows the same as stored; null on a dry run. */
  diterapkan: z.object({ disimpan: z.number(), tidakBerubah: z.number() }).nullable(),
});
export type ImporRealisasiResponse = z.infer<typeof ImporRealisasiResponse>;
