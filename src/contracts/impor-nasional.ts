import { z } from 'zod';
import { teks } from './common.js';
import { ImporKesalahan } from './impor.js';

const PREDIKAT = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);

export const ImporNasionalQuery = z.object({
  mode: z.enum(['dry-run', 'commit']).default('dry-run'),
  /** The year of the report's months. */
  tahun: z.coerce.number().int().min(2000).max(2100),
  /**
   * The conflicts the BKD settles for the national predikat, as listed by the dry run (`kunci`,
   * comma-separated); every other conflict keeps the local evaluation.
   */
  ambilNasional: teks()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
});

const Bulan = z.object({ baris: z.number(), nip: z.string(), nama: z.string(), periode: z.string() });

export const KonflikNasional = Bulan.extend({
  /** What the commit's `ambilNasional` names: NIP:YYYY-MM. */
  kunci: z.string(),
  predikatLokal: PREDIKAT,
  predikatNasional: PREDIKAT,
  penilaiLokal: z.string(),
  dinilaiAt: z.string(),
});

export const ImporNasionalResponse = z.object({
  mode: z.enum(['dry-run', 'commit']),
  tahun: z.number(),
  jumlahBaris: z.number(),
  /** Unreadable NIP or predikat, a repeated NIP: the commit is refused while any remain. */
  kesalahan: z.array(ImporKesalahan),
  /** NIPs not among the instansi's active employees: their rows are skipped. */
  tidakDikenal: z.array(z.object({ baris: z.number(), nip: z.string(), nama: z.string().nullable() })),
  /** Months without an approved plan of that employee covering them: skipped. */
  tanpaSkp: z.array(Bulan),
  /** Months that already have a local evaluation: kept unless named in `ambilNasional`. */
  konflik: z.array(KonflikNasional),
  /** Months that will be (or were) written: new, or replacing an earlier national import. */
  baru: z.number(),
  gantiImpor: z.number(),
  tidakBerubah: z.number(),
  diterapkan: z
    .object({ dibuat: z.number(), diganti: z.number(), lokalDipertahankan: z.number() })
    .nullable(),
});
export type ImporNasionalResponse = z.infer<typeof ImporNasionalResponse>;
