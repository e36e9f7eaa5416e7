/** Annual evaluation per SKP (SPEC §6.5), objections (§6.6) and the tim penilai's view of employees below expectation. */
import { z } from 'zod';
import {
  JENIS_REKOMENDASI,
  KEPUTUSAN_KEBERATAN,
  STATUS_EVALUASI,
  STATUS_KEBERATAN,
} from '../domain/evaluasi.js';
import { PREDIKAT_ORGANISASI, PREDIKAT_PEGAWAI, RATING, SUMBER_PENILAIAN } from '../domain/predikat.js';
import { BATAS_INT, pageOf, teks } from './common.js';

const Tahun = z.coerce.number().int().min(2020).max(2100);
const Teks = (nama: string, maks = 2000) =>
  teks().trim().min(3, `${nama} wajib diisi (minimal 3 karakter).`).max(maks, `${nama} terlalu panjang.`);
const Versi = z.number().int().positive().max(BATAS_INT);
const Cursor = teks()
  .regex(/^\d{1,10}$/, 'Kursor halaman tidak valid.')
  .optional();

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });
const Hasil = z.object({
  ratingHasilKerja: z.enum(RATING),
  ratingPerilaku: z.enum(RATING),
  predikat: z.enum(PREDIKAT_PEGAWAI),
});
const Saran = z.object({ rating: z.enum(RATING), periode: z.array(z.string()) });

export const EvaluasiTahunQuery = z.object({ tahun: Tahun });

/** One SKP of the year with the state of its evaluation, for the employee's and the assessor's lists. */
export const EvaluasiSkpItem = z.object({
  skpId: z.number(),
  tahun: z.number(),
  periodeMulai: z.string(),
  periodeAkhir: z.string(),
  jabatanNama: z.string(),
  pegawai: Orang.extend({ nip: z.string() }),
  pejabatPenilai: Orang.nullable(),
  evaluasi: z
    .object({
      id: z.number(),
      status: z.enum(STATUS_EVALUASI),
      predikat: z.enum(PREDIKAT_PEGAWAI),
      /** IMPOR_NASIONAL: the national application's annual result, FINAL without signatures here. */
      sumber: z.enum(SUMBER_PENILAIAN),
    })
    .nullable(),
  keberatanStatus: z.enum(STATUS_KEBERATAN).nullable(),
});
export type EvaluasiSkpItem = z.infer<typeof EvaluasiSkpItem>;
export const EvaluasiSkpList = z.object({ items: z.array(EvaluasiSkpItem) });
export type EvaluasiSkpList = z.infer<typeof EvaluasiSkpList>;

export const KeteranganOut = z.object({
  id: z.number(),
  pihak: Orang,
  permintaan: z.string(),
  dimintaAt: z.string(),
  jawaban: z.string().nullable(),
  dijawabAt: z.string().nullable(),
  version: z.number(),
});

const DIJAWAB = z.object({ keadaan: z.literal('DIJAWAB'), keteranganId: z.number() });
const LEWAT_BATAS = z.object({
  keadaan: z.literal('LEWAT_BATAS'),
  keteranganId: z.number(),
  batas: z.string(),
});
/** One side's statement (SPEC §6.6): not asked, awaited until `batas`, answered, or its deadline passed. */
const KeadaanKeterangan = z.discriminatedUnion('keadaan', [
  z.object({ keadaan: z.literal('BELUM_DIMINTA') }),
  z.object({ keadaan: z.literal('MENUNGGU'), keteranganId: z.number(), batas: z.string() }),
  DIJAWAB,
  LEWAT_BATAS,
]);
const DasarPihak = z.discriminatedUnion('keadaan', [DIJAWAB, LEWAT_BATAS]);

export const KeberatanOut = z.object({
  id: z.number(),
  evaluasiId: z.number(),
  skpId: z.number(),
  pegawai: Orang,
  pemutus: Orang,
  alasan: z.string(),
  status: z.enum(STATUS_KEBERATAN),
  diajukanAt: z.string(),
  keputusan: z.enum(KEPUTUSAN_KEBERATAN).nullable(),
  ratingHasilKerjaBaru: z.enum(RATING).nullable(),
  ratingPerilakuBaru: z.enum(RATING).nullable(),
  predikatBaru: z.enum(PREDIKAT_PEGAWAI).nullable(),
  pertimbangan: z.string().nullable(),
  diputusAt: z.string().nullable(),
  keterangan: z.array(KeteranganOut),
  /** Each side's statement as it stands today. */
  kelengkapan: z.object({ PEGAWAI: KeadaanKeterangan, PENILAI: KeadaanKeterangan }),
  /** Why the atasan cannot decide yet (the statements missing); null once he can or has decided. */
  belumDapatDiputus: z.string().nullable(),
  /** What the decision relied on: each side's statement, or the deadline that passed without it. */
  dasarPutusan: z.object({ PEGAWAI: DasarPihak, PENILAI: DasarPihak }).nullable(),
  version: z.number(),
});
export type KeberatanOut = z.infer<typeof KeberatanOut>;

export const EvaluasiOut = z.object({
  id: z.number(),
  status: z.enum(STATUS_EVALUASI),
  sumber: z.enum(SUMBER_PENILAIAN),
  ratingHasilKerja: z.enum(RATING),
  ratingPerilaku: z.enum(RATING),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  capaianOrganisasi: z.enum(PREDIKAT_ORGANISASI).nullable(),
  catatan: z.string().nullable(),
  rekomendasi: z.string().nullable(),
  ditandatanganiPenilaiAt: z.string().nullable(),
  ditandatanganiPegawaiAt: z.string().nullable(),
  version: z.number(),
});

/** Everything the evaluation page shows about one SKP, and what the actor may do with it. */
export const EvaluasiView = z.object({
  skp: EvaluasiSkpItem.omit({ evaluasi: true, keberatanStatus: true }),
  periodik: z.array(
    Hasil.extend({ periodeKode: z.string(), skpId: z.number(), sumber: z.enum(SUMBER_PENILAIAN) }),
  ),
  saran: z.object({ ratingHasilKerja: Saran.nullable(), ratingPerilaku: Saran.nullable() }),
  /** For a unit head: the rating hasil kerja his unit's organisation predikat gives (SPEC §6.3); it is applied on save. */
  kepalaUnit: z.object({ rating: z.enum(RATING), alasan: z.string() }).nullable(),
  /**
   * The employee's earlier plans of the year (a mid-year mutation), each with its evaluation and its
   * predikat after any objection: the assessor of the last plan decides with them beside it (SPEC §4.1).
   */
  skpSebelumnya: z.array(EvaluasiSkpItem),
  /** The unit's annual organisation predikat, when set. */
  predikatOrganisasi: z.enum(PREDIKAT_ORGANISASI).nullable(),
  evaluasi: EvaluasiOut.nullable(),
  keberatan: KeberatanOut.nullable(),
  /** What the evaluation reports: the decision's ratings after a changed objection, else the assessor's. */
  hasilAkhir: Hasil.nullable(),
  /** The instansi's deadline for the annual evaluation of this year (pengaturan.batas_evaluasi_tahunan). */
  batasEvaluasi: z.string(),
  /** Last day to object (instansi's zone), once FINAL. */
  batasKeberatan: z.string().nullable(),
  boleh: z.object({
    ubah: z.boolean(),
    tandaTangan: z.boolean(),
    keberatan: z.boolean(),
    /** The actor decides this open objection (asks statements; decides once `belumDapatDiputus` is null). */
    putus: z.boolean(),
  }),
});
export type EvaluasiView = z.infer<typeof EvaluasiView>;

export const SimpanEvaluasiBody = z.object({
  /** Absent for the first save. */
  version: Versi.optional(),
  ratingHasilKerja: z.enum(RATING, { error: 'Pilih rating hasil kerja.' }),
  ratingPerilaku: z.enum(RATING, { error: 'Pilih rating perilaku kerja.' }),
  catatan: teks().trim().max(2000, 'Catatan terlalu panjang.').nullable().default(null),
  rekomendasi: teks().trim().max(2000, 'Rekomendasi terlalu panjang.').nullable().default(null),
});

export const VersionBody = z.object({ version: Versi });

export const AjukanKeberatanBody = z.object({ alasan: Teks('Alasan keberatan') });

export const MintaKeteranganBody = z.object({
  pihak: z.enum(['PEGAWAI', 'PENILAI'], { error: 'Pilih pihak yang dimintai keterangan.' }),
  permintaan: Teks('Permintaan keterangan'),
  version: Versi,
});

export const KeteranganParams = z.object({
  id: z.coerce.number().int().positive().max(BATAS_INT),
  keteranganId: z.coerce.number().int().positive().max(BATAS_INT),
});
export const JawabKeteranganBody = z.object({ jawaban: Teks('Jawaban'), version: Versi });

export const PutusanBody = z
  .object({
    keputusan: z.enum(KEPUTUSAN_KEBERATAN, { error: 'Pilih keputusan: dikuatkan atau diubah.' }),
    ratingHasilKerja: z.enum(RATING).optional(),
    ratingPerilaku: z.enum(RATING).optional(),
    pertimbangan: Teks('Pertimbangan'),
    version: Versi,
  })
  .refine((b) => b.keputusan === 'DIKUATKAN' || (b.ratingHasilKerja && b.ratingPerilaku), {
    message: 'Keputusan mengubah penilaian memerlukan rating hasil kerja dan rating perilaku yang baru.',
    path: ['ratingHasilKerja'],
  });

export const KeberatanListQuery = z.object({
  /** PEMUTUS: objections I decide; PEGAWAI: my own; PIHAK: where a statement is asked of me. */
  sebagai: z.enum(['PEMUTUS', 'PEGAWAI', 'PIHAK']).default('PEMUTUS'),
  cursor: Cursor,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const KeberatanItem = z.object({
  id: z.number(),
  skpId: z.number(),
  tahun: z.number(),
  pegawai: Orang.extend({ nip: z.string() }),
  pemutus: Orang,
  status: z.enum(STATUS_KEBERATAN),
  diajukanAt: z.string(),
  keputusan: z.enum(KEPUTUSAN_KEBERATAN).nullable(),
  keteranganTerbuka: z.number(),
});
export const KeberatanPage = pageOf(KeberatanItem);
export type KeberatanPage = z.infer<typeof KeberatanPage>;

export const DiBawahEkspektasiQuery = z.object({
  tahun: Tahun,
  /** A period of the year ('2026-07'); absent: the annual evaluations. */
  periode: teks()
    .regex(/^\d{4}-(\d{2}|Q[1-4]|S[12])$/, 'Periode harus berformat TTTT-BB, TTTT-Qn atau TTTT-Sn.')
    .optional(),
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  cursor: Cursor,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const RekomendasiOut = z.object({
  id: z.number(),
  periodeKode: z.string(),
  jenis: z.string(),
  uraian: z.string(),
  oleh: Orang,
  at: z.string(),
});

export const DiBawahEkspektasiItem = z.object({
  /** Key of the row: the periodic or annual evaluation id. */
  id: z.number(),
  periodeKode: z.string(),
  pegawai: Orang.extend({ nip: z.string(), jabatanNama: z.string().nullable() }),
  unorNama: z.string().nullable(),
  opdNama: z.string().nullable(),
  penilai: Orang.nullable(),
  predikat: z.enum(PREDIKAT_PEGAWAI),
  rekomendasi: z.array(RekomendasiOut),
});
export const DiBawahEkspektasiPage = pageOf(DiBawahEkspektasiItem);
export type DiBawahEkspektasiPage = z.infer<typeof DiBawahEkspektasiPage>;

export const RekomendasiBody = z.object({
  pegawaiId: z.number().int().positive().max(BATAS_INT),
  periodeKode: teks().regex(/^\d{4}(-(\d{2}|Q[1-4]|S[12]))?$/, 'Periode tidak valid.'),
  jenis: z.enum(JENIS_REKOMENDASI, { error: 'Pilih jenis rekomendasi.' }),
  uraian: Teks('Uraian rekomendasi'),
});
