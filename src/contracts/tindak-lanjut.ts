/** Follow-up lists of the annual results (SPEC §7.3) for the BKD and the tim penilai. */
import { z } from 'zod';
import { PREDIKAT_PEGAWAI } from '../domain/predikat.js';
import { DAFTAR_TINDAK_LANJUT } from '../domain/tindak-lanjut.js';
import { Tahun } from './angka-kredit.js';
import { BATAS_INT, PageQuery, pageOf } from './common.js';

export const TindakLanjutQuery = z.object({ tahun: Tahun, daftar: z.enum(DAFTAR_TINDAK_LANJUT) });
export type TindakLanjutQuery = z.infer<typeof TindakLanjutQuery>;

export const TindakLanjutPageQuery = TindakLanjutQuery.extend(PageQuery.shape);
export type TindakLanjutPageQuery = z.infer<typeof TindakLanjutPageQuery>;

export const TindakLanjutItem = z.object({
  pegawaiId: z.number().int().max(BATAS_INT),
  nip: z.string(),
  nama: z.string(),
  /** Final predikat after objections; null: no FINAL evaluation that year. */
  predikatSebelumnya: z.enum(PREDIKAT_PEGAWAI).nullable(),
  predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
});
export type TindakLanjutItem = z.infer<typeof TindakLanjutItem>;

export const TindakLanjutOut = pageOf(TindakLanjutItem).extend({
  jumlah: z.object(
    Object.fromEntries(DAFTAR_TINDAK_LANJUT.map((d) => [d, z.number().int()])) as {
      [K in (typeof DAFTAR_TINDAK_LANJUT)[number]]: z.ZodNumber;
    },
  ),
});
export type TindakLanjutOut = z.infer<typeof TindakLanjutOut>;
