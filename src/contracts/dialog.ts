/** Dialog kinerja (SPEC §5.4): recorded conversations, follow-ups, the employee's B.1.8 rating. */
import { z } from 'zod';
import { JENIS_DIALOG, PERNYATAAN_B18, SKOR_MAKS, SKOR_MIN } from '../domain/dialog.js';
import { JENIS_RHK } from '../domain/skp.js';
import { STATUS_SKP } from '../domain/skp-workflow.js';
import { BATAS_INT, PageQuery, pageOf, teks } from './common.js';

const Teks = (max: number) => teks().trim().max(max, `Paling banyak ${max} karakter.`);

/** A real calendar date 'YYYY-MM-DD'. */
const Tanggal = teks()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH.')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'Tanggal tidak valid.');

const Ids = (max: number, nama: string) =>
  z
    .array(z.number().int().positive().max(BATAS_INT))
    .max(max, `Paling banyak ${max} ${nama}.`)
    .refine((l) => new Set(l).size === l.length, `Ada ${nama} yang dipilih lebih dari sekali.`)
    .default([]);

export const TindakLanjutInput = z.object({
  /** Set to keep an existing follow-up when editing (its done state stays). */
  id: z.number().int().positive().max(BATAS_INT).optional(),
  uraian: Teks(1000).min(3, 'Uraian tindak lanjut wajib diisi (minimal 3 karakter).'),
  /** The employee, the leader or one of the participants. */
  penanggungJawabId: z
    .number({ error: 'Penanggung jawab tindak lanjut wajib dipilih.' })
    .int()
    .positive()
    .max(BATAS_INT),
  tenggat: Tanggal,
});

const DialogFields = z.object({
  tanggal: Tanggal,
  jenis: z.enum(JENIS_DIALOG, {
    error: 'Jenis dialog harus PERENCANAAN, PEMANTAUAN, BIMBINGAN, KONSELING atau EVALUASI.',
  }),
  topik: Teks(4000).min(3, 'Topik dialog wajib diisi (minimal 3 karakter).'),
  kesepakatan: Teks(4000)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  /** Participants besides the employee and the leader. */
  pesertaIds: Ids(20, 'peserta'),
  /** RHKs of the employee's plans the conversation was about. */
  rhkIds: Ids(50, 'RHK'),
  tindakLanjut: z.array(TindakLanjutInput).max(30, 'Paling banyak 30 tindak lanjut.').default([]),
});

function periksaTindakLanjut(
  b: { tanggal: string; tindakLanjut: z.infer<typeof TindakLanjutInput>[] },
  ctx: z.RefinementCtx,
) {
  b.tindakLanjut.forEach((t, i) => {
    if (t.tenggat < b.tanggal)
      ctx.addIssue({
        code: 'custom',
        path: ['tindakLanjut', i, 'tenggat'],
        message: 'Tenggat tindak lanjut tidak boleh sebelum tanggal dialog.',
      });
  });
  const ids = b.tindakLanjut.flatMap((t) => (t.id === undefined ? [] : [t.id]));
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({
      code: 'custom',
      path: ['tindakLanjut'],
      message: 'Ada tindak lanjut yang dikirim lebih dari sekali.',
    });
}

export const DialogBody = DialogFields.superRefine(periksaTindakLanjut);

export const UbahDialogBody = DialogFields.extend({
  version: z.number().int().positive().max(BATAS_INT),
}).superRefine(periksaTindakLanjut);

export const VersionBody = z.object({ version: z.number().int().positive().max(BATAS_INT) });

export const PenilaianDialogBody = z.object({
  /** One score per B.1.8 statement, in order. */
  skor: z
    .array(
      z
        .number({ error: 'Setiap pernyataan harus diberi skor.' })
        .int()
        .min(SKOR_MIN, `Skor paling kecil ${SKOR_MIN}.`)
        .max(SKOR_MAKS, `Skor paling besar ${SKOR_MAKS}.`),
    )
    .length(PERNYATAAN_B18.length, `Beri skor untuk semua ${PERNYATAAN_B18.length} pernyataan.`),
  saran: Teks(2000)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
});

export const DialogListQuery = PageQuery;

export const RhkPilihanQuery = z.object({ tahun: z.coerce.number().int().min(2020).max(2100) });

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });

export const TindakLanjutOut = z.object({
  id: z.number(),
  uraian: z.string(),
  penanggungJawab: Orang,
  tenggat: z.string(),
  selesaiAt: z.string().nullable(),
  version: z.number(),
  /** Open and past its due date. */
  terlambat: z.boolean(),
  /** The actor answers for it or recorded the dialog, and it is still open. */
  dapatDiselesaikan: z.boolean(),
});

export const DialogOut = z.object({
  id: z.number(),
  tanggal: z.string(),
  jenis: z.enum(JENIS_DIALOG),
  jenisLabel: z.string(),
  topik: z.string(),
  kesepakatan: z.string().nullable(),
  pegawai: Orang.extend({ nip: z.string() }),
  pimpinan: Orang,
  peserta: z.array(Orang),
  rhk: z.array(
    z.object({ id: z.number(), jenis: z.enum(JENIS_RHK), rencana: z.string(), tahun: z.number() }),
  ),
  tindakLanjut: z.array(TindakLanjutOut),
  /** The employee's B.1.8 rating, once given. */
  penilaian: z
    .object({ skor: z.array(z.number()), rataRata: z.number(), saran: z.string().nullable(), at: z.string() })
    .nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The actor recorded it. */
  dapatDiubah: z.boolean(),
  /** The actor is the employee, it is a coaching session and not rated yet. */
  dapatDinilai: z.boolean(),
});
export type DialogOut = z.infer<typeof DialogOut>;

export const DialogPage = pageOf(DialogOut);
export type DialogPage = z.infer<typeof DialogPage>;

/** The RHKs a dialog may link to: those of the employee's plans of a year. */
export const RhkPilihanOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      jenis: z.enum(JENIS_RHK),
      rencana: z.string(),
      skpId: z.number(),
      skpVersi: z.number(),
      skpStatus: z.enum(STATUS_SKP),
    }),
  ),
});
export type RhkPilihanOut = z.infer<typeof RhkPilihanOut>;
