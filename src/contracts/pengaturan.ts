import { z } from 'zod';

export const Pengaturan = z.object({
  /** SKP deadline as MM-DD (default 01-31). */
  batasSkp: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Batas waktu SKP harus berformat BB-HH, mis. 01-31.'),
  /** true: open dibagi-habis problems block approving a leader's plan; false: they only warn. */
  cakupanMemblokir: z.boolean(),
});
export const PengaturanOut = Pengaturan.extend({ version: z.number() });
export type PengaturanOut = z.infer<typeof PengaturanOut>;
export const PengaturanBody = Pengaturan.extend({ version: z.number().int().positive() });
