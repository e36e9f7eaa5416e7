import { z } from 'zod';

export const ImporQuery = z.object({ mode: z.enum(['dry-run', 'commit']).default('dry-run') });

export const ImporKesalahan = z.object({
  /** Spreadsheet row number, counting the header as row 1, so users find the row. */
  baris: z.number(),
  nip: z.string().nullable(),
  alasan: z.array(z.string()),
});

export const ImporResponse = z.object({
  mode: z.enum(['dry-run', 'commit']),
  jumlahBaris: z.number(),
  barisValid: z.number(),
  kesalahan: z.array(ImporKesalahan),
  peringatan: z.array(z.object({ baris: z.number(), nip: z.string().nullable(), pesan: z.string() })),
  diterapkan: z
    .object({ dibuat: z.number(), diperbarui: z.number(), jabatanBaru: z.number(), tidakBerubah: z.number() })
    .nullable(),
});
export type ImporResponse = z.infer<typeof ImporResponse>;
