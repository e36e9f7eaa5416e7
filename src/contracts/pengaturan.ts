import { z } from 'zod';
import { JENIS_PERIODE } from '../domain/jadwal.js';

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

export const Pengaturan = z.object({
  /** SKP deadline as MM-DD (default 01-31). */
  batasSkp: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Batas waktu SKP harus berformat BB-HH, mis. 01-31.'),
  /** true: open dibagi-habis problems block approving a leader's plan; false: they only warn. */
  cakupanMemblokir: z.boolean(),
  /** Evaluation period (SPEC §6.1). */
  periode: JenisPeriode,
  /** Window days (SPEC §5.1), counted in the instansi's time zone. */
  jendela: JendelaHari,
});
export const PengaturanOut = Pengaturan.extend({ version: z.number() });
export type PengaturanOut = z.infer<typeof PengaturanOut>;
/** The schedule fields may be left out: they keep their current values. */
export const PengaturanBody = Pengaturan.extend({
  periode: JenisPeriode.optional(),
  jendela: JendelaHari.optional(),
  version: z.number().int().positive(),
});
