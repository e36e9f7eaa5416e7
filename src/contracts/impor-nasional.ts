import { z } from 'zod';
import { STATUS_EVALUASI } from '../domain/evaluasi.js';
import { JENIS_LAPORAN_NASIONAL } from '../domain/laporan.js';
import { teks } from './common.js';
import { ImporKesalahan } from './impor.js';

const PREDIKAT = z.enum(['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG']);

export const ImporNasionalQuery = z.object({
  mode: z.enum(['dry-run', 'commit']).default('dry-run'),
  /** The year of the report's months. */
  tahun: z.coerce.number().int().min(2000).max(2100),
  /**
   * The conflicts the BKD settles for the national predikat, as listed by the dry run (`kunci`,
   * comma-separated: NIP:YYYY-MM for a month, NIP:YYYY for the year); every other conflict keeps
   * the local evaluation.
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

/** One result of a row: a month (`periode` YYYY-MM) or the annual column (`periode` YYYY). */
const Bulan = z.object({ baris: z.number(), nip: z.string(), nama: z.string(), periode: z.string() });

export const KonflikNasional = Bulan.extend({
  /** What the commit's `ambilNasional` names: NIP:YYYY-MM, or NIP:YYYY for the annual result. */
  kunci: z.string(),
  /** After an objection's decision, for the annual result. */
  predikatLokal: PREDIKAT,
  predikatNasional: PREDIKAT,
  /** A month is always FINAL; an annual evaluation may still be a draft (it has no result yet). */
  statusLokal: z.enum(STATUS_EVALUASI),
  /** An annual evaluation under objection: kept, it cannot be chosen. */
  keberatan: z.boolean(),
  penilaiLokal: z.string(),
  dinilaiAt: z.string(),
});

export const ImporNasionalResponse = z.object({
  mode: z.enum(['dry-run', 'commit']),
  /** Which of the national application's downloads the file is, from its title lines or columns. */
  jenisBerkas: z.enum(JENIS_LAPORAN_NASIONAL),
  tahun: z.number(),
  jumlahBaris: z.number(),
  /** Unreadable NIP or predikat, a repeated NIP: the commit is refused while any remain. */
  kesalahan: z.array(ImporKesalahan),
  /** NIPs not among the instansi's active employees: their rows are skipped. */
  tidakDikenal: z.array(z.object({ baris: z.number(), nip: z.string(), nama: z.string().nullable() })),
  /** Months (and annual results) without an approved plan of that employee covering them: skipped. */
  tanpaSkp: z.array(Bulan),
  /** Results that already have a local evaluation: kept unless named in `ambilNasional`. */
  konflik: z.array(KonflikNasional),
  /** Results (months and years) that will be (or were) written: new, or replacing an earlier import. */
  baru: z.number(),
  /** Of `baru`, the annual results (the Tahunan / Predikat Kinerja column). */
  baruTahunan: z.number(),
  gantiImpor: z.number(),
  tidakBerubah: z.number(),
  diterapkan: z
    .object({ dibuat: z.number(), diganti: z.number(), lokalDipertahankan: z.number() })
    .nullable(),
});
export type ImporNasionalResponse = z.infer<typeof ImporNasionalResponse>;
