/** The national-format XLSX exports (SPEC §8): the year and, optionally, one OPD. */
import { z } from 'zod';
import { Tahun } from './angka-kredit.js';
import { BATAS_INT } from './common.js';

export const LaporanQuery = z.object({
  tahun: Tahun,
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export type LaporanQuery = z.infer<typeof LaporanQuery>;
