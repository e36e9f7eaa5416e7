import { z } from 'zod';
import { STATUS_CAKUPAN } from '../domain/cascading.js';
import { ASPEK, JENIS_LAMPIRAN, JENIS_RHK, PENDEKATAN, PERSPEKTIF } from '../domain/skp.js';
import { STATUS_SKP } from '../domain/skp-workflow.js';
import { BATAS_INT, IsoDate, teks } from './common.js';

const Teks = (max: number) => teks().trim().max(max);

export const TargetInput = z.object({
  nilai: z.number().min(0).max(1e12).nullable(),
  nilaiMaks: z.number().min(0).max(1e12).nullable().default(null),
  satuan: Teks(60).nullable().default(null),
  teks: Teks(1000).nullable().default(null),
});

export const IkiInput = z.object({
  aspek: z.enum(ASPEK).nullable(),
  indikator: Teks(500).min(1, 'Indikator wajib diisi.'),
  target: TargetInput,
  perspektif: z.enum(PERSPEKTIF).nullable().default(null),
});

export const RhkInput = z.object({
  /** Keep the id of an existing RHK: subordinates' intervensi point at it. */
  id: z.number().int().positive().max(BATAS_INT).nullable().default(null),
  jenis: z.enum(JENIS_RHK),
  rencana: Teks(1000).min(1, 'Rencana hasil kerja wajib diisi.'),
  penugasanDari: Teks(300).nullable().default(null),
  /** JPT plans: the Perjanjian Kinerja item of the unit this RHK derives from. */
  pkSasaranId: z.number().int().positive().max(BATAS_INT).nullable().default(null),
  iki: z.array(IkiInput).max(10),
  /** Ids of the superior's RHKs this one intervenes. */
  intervensi: z.array(z.number().int().positive().max(BATAS_INT)).max(10).default([]),
});

export const CreateSkpBody = z.object({
  tahun: z.number().int().min(2020).max(2100),
  pendekatan: z.enum(PENDEKATAN),
});

export const UpdateIsiBody = z.object({
  version: z.number().int().positive().max(BATAS_INT),
  rhk: z.array(RhkInput).max(50),
});

export const VersionBody = z.object({ version: z.number().int().positive().max(BATAS_INT) });
export const KembalikanBody = VersionBody.extend({
  catatan: Teks(2000).min(3, 'Catatan pengembalian wajib diisi.'),
});

const Target = z.object({
  nilai: z.number().nullable(),
  nilaiMaks: z.number().nullable(),
  satuan: z.string().nullable(),
  teks: z.string().nullable(),
});

export const RhkOut = z.object({
  id: z.number(),
  jenis: z.enum(JENIS_RHK),
  rencana: z.string(),
  penugasanDari: z.string().nullable(),
  pkSasaranId: z.number().nullable(),
  perluDitinjau: z.boolean(),
  iki: z.array(
    z.object({
      id: z.number(),
      aspek: z.enum(ASPEK).nullable(),
      indikator: z.string(),
      target: Target,
      perspektif: z.enum(PERSPEKTIF).nullable(),
    }),
  ),
  intervensi: z.array(z.number()),
});

export const Temuan = z.object({ rhkIndex: z.number().nullable(), message: z.string() });

export const Identitas = z.object({
  nama: z.string(),
  nip: z.string(),
  pangkatGolongan: z.string().nullable(),
  jabatan: z.string().nullable(),
  unitKerja: z.string(),
});
export type Identitas = z.infer<typeof Identitas>;

export const SkpDetail = z.object({
  id: z.number(),
  instansiNama: z.string(),
  pegawaiId: z.number(),
  pegawaiNama: z.string(),
  jabatanNama: z.string(),
  /** The unit of the plan's position (whose Perjanjian Kinerja a JPT plan derives from). */
  unorId: z.number(),
  tahun: z.number(),
  periodeMulai: z.string(),
  periodeAkhir: z.string(),
  pendekatan: z.enum(PENDEKATAN),
  /** A JPT position: approved and assessed by the head of region. */
  isJpt: z.boolean(),
  /** JPT layout (JPT and heads of independent units, SPEC §4.2): perspektif, no intervensi. */
  formatJpt: z.boolean(),
  status: z.enum(STATUS_SKP),
  versi: z.number(),
  version: z.number(),
  catatanPengembalian: z.string().nullable(),
  rhk: z.array(RhkOut),
  perilaku: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      panduan: z.array(z.string()),
      ekspektasi: z.string().nullable(),
    }),
  ),
  /** The direct superior and the state of their plan: who this plan waits on. */
  atasan: z
    .object({ pegawaiId: z.number(), namaLengkap: z.string(), statusSkp: z.enum(STATUS_SKP).nullable() })
    .nullable(),
  /** The superior's current plan, whose RHKs this one may intervene. */
  skpAtasan: z
    .object({
      id: z.number(),
      pegawaiNama: z.string(),
      status: z.enum(STATUS_SKP),
      rhk: z.array(z.object({ id: z.number(), rencana: z.string() })),
    })
    .nullable(),
  lampiran: z.array(
    z.object({ jenis: z.enum(JENIS_LAMPIRAN), label: z.string(), items: z.array(z.string()) }),
  ),
  /** Printed identity: frozen at approval, the current one before that. */
  identitas: z.object({ pegawai: Identitas, pejabatPenilai: Identitas.nullable() }),
  diajukanAt: z.string().nullable(),
  disetujuiAt: z.string().nullable(),
  /** The date the plan should be approved by (instansi setting) and whether it missed it. */
  batasWaktu: IsoDate,
  terlambat: z.boolean(),
  /** The late badge's words: the approval date against the deadline; null when on time. */
  keteranganTerlambat: z.string().nullable(),
  /** Open dibagi-habis problems of this plan; null when its owner has no direct subordinates. */
  cakupan: z.object({ masalah: z.number(), memblokir: z.boolean() }).nullable(),
  /** What blocks submission, and writing hints that never block. */
  temuan: z.array(Temuan),
  saran: z.array(Temuan),
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    /** Approve or return (the pejabat penilai, or for a JPT plan the head of region). */
    assess: z.boolean(),
    /** Write ekspektasi khusus and lampiran (the assessor, until approval). */
    ekspektasi: z.boolean(),
    newVersion: z.boolean(),
  }),
});
export type SkpDetail = z.infer<typeof SkpDetail>;

export const SkpListItem = z.object({
  id: z.number(),
  tahun: z.number(),
  jabatanNama: z.string(),
  status: z.enum(STATUS_SKP),
  versi: z.number(),
  periodeMulai: z.string(),
  periodeAkhir: z.string(),
});
export const SkpListResponse = z.object({ items: z.array(SkpListItem) });
export const SkpListQuery = z.object({ tahun: z.coerce.number().int().min(2020).max(2100).optional() });

export const FILTER_STATUS_BAWAHAN = [...STATUS_SKP, 'BELUM_ADA'] as const;
export const SkpBawahanQuery = z.object({
  tahun: z.coerce.number().int().min(2020).max(2100),
  /** BELUM_ADA: no plan for the year yet. */
  status: z.enum(FILTER_STATUS_BAWAHAN).optional(),
  terlambat: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Part of the name or NIP. */
  q: teks().trim().max(100).optional(),
});
export const SkpBawahanItem = z.object({
  pegawaiId: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
  skpId: z.number().nullable(),
  /** null: no plan yet for the year. */
  status: z.enum(STATUS_SKP).nullable(),
  diajukanAt: z.string().nullable(),
  terlambat: z.boolean(),
  /** The late badge's words: the approval date against the deadline; null when on time. */
  keteranganTerlambat: z.string().nullable(),
});
export const SkpBawahanResponse = z.object({ items: z.array(SkpBawahanItem), batasWaktu: IsoDate });

export const PengingatBody = z.object({
  tahun: z.number().int().min(2020).max(2100),
  pegawaiIds: z
    .array(z.number().int().positive().max(BATAS_INT))
    .min(1, 'Pilih minimal satu pegawai.')
    .max(500),
  pesan: Teks(500).optional(),
});
export const PengingatResponse = z.object({ terkirim: z.number() });

export const LampiranBody = VersionBody.extend({
  lampiran: z
    .array(z.object({ jenis: z.enum(JENIS_LAMPIRAN), items: z.array(Teks(1000).min(1)).max(20) }))
    .max(3),
});

/** Matriks Peran Hasil: the leader's RHKs × direct subordinates. */
export const MatriksResponse = z.object({
  skpId: z.number(),
  kolom: z.array(z.object({ rhkId: z.number(), jenis: z.enum(JENIS_RHK), rencana: z.string() })),
  baris: z.array(
    z.object({
      pegawaiId: z.number(),
      namaLengkap: z.string(),
      jabatanNama: z.string().nullable(),
      skpId: z.number().nullable(),
      status: z.enum(STATUS_SKP).nullable(),
      /** Whether the viewer (the leader) may add a role-result to this subordinate's plan (a draft, returned or missing). */
      dapatDiisi: z.boolean(),
      sel: z.array(
        z.object({
          atasanRhkId: z.number(),
          rhk: z.array(z.object({ id: z.number(), rencana: z.string(), perluDitinjau: z.boolean() })),
        }),
      ),
    }),
  ),
  /** Subordinates' RHKs still linked to RHKs of someone else (after a mutation): to relink. */
  tautanYatim: z.array(
    z.object({
      pegawaiId: z.number(),
      namaLengkap: z.string(),
      rhkId: z.number(),
      rencana: z.string(),
      atasanRhkId: z.number(),
      atasanRencana: z.string(),
      atasanNama: z.string(),
    }),
  ),
});
export type MatriksResponse = z.infer<typeof MatriksResponse>;

export const MatriksSelBody = z.object({
  pegawaiId: z.number().int().positive().max(BATAS_INT),
  atasanRhkId: z.number().int().positive().max(BATAS_INT),
  rencana: Teks(1000).min(1, 'Rencana hasil kerja wajib diisi.'),
});

export const JalurParams = z.object({
  id: z.coerce.number().int().positive().max(BATAS_INT),
  rhkId: z.coerce.number().int().positive().max(BATAS_INT),
});
/** From one RHK up to the Perjanjian Kinerja: the employee's contribution to the organisation. */
export const JalurResponse = z.object({
  langkah: z.array(
    z.object({
      rhkId: z.number(),
      rencana: z.string(),
      pegawaiNama: z.string(),
      jabatanNama: z.string(),
      tahun: z.number(),
    }),
  ),
  pk: z
    .object({ sasaran: z.string(), indikator: z.string(), unorNama: z.string(), tahun: z.number() })
    .nullable(),
});

export const PerilakuBody = VersionBody.extend({
  ekspektasi: z
    .array(z.object({ kode: teks().max(40), ekspektasi: Teks(1000).min(1, 'Ekspektasi wajib diisi.') }))
    .max(7),
});

export const CakupanResponse = z.object({
  iki: z.array(
    z.object({
      rhkId: z.number(),
      rencana: z.string(),
      ikiId: z.number(),
      indikator: z.string(),
      target: Target,
      status: z.enum(STATUS_CAKUPAN),
      jumlah: z.number().nullable(),
    }),
  ),
  /** Subordinates' UTAMA RHKs that intervene none of this plan's RHKs. */
  tanpaInduk: z.array(z.object({ rhkId: z.number(), rencana: z.string(), pegawaiNama: z.string() })),
  /** Direct subordinates whose plan for the year is missing or not yet approved. */
  belumDisetujui: z.array(
    z.object({ pegawaiId: z.number(), namaLengkap: z.string(), status: z.enum(STATUS_SKP).nullable() }),
  ),
  masalah: z.number(),
  persenLengkap: z.number(),
});

export const CakupanRingkasan = z.object({
  pegawai: z.number(),
  skpDisetujui: z.number(),
  tanpaSkpDisetujui: z.number(),
  iki: z.number(),
  lengkap: z.number(),
  kurang: z.number(),
  lebih: z.number(),
  bedaSatuan: z.number(),
  tanpaBawahan: z.number(),
  rhkTanpaInduk: z.number(),
  /** Employees whose superior has no submitted or approved plan to intervene yet. */
  menungguAtasan: z.number(),
  persenLengkap: z.number(),
});
export type CakupanRingkasan = z.infer<typeof CakupanRingkasan>;

export const CakupanInstansiQuery = z.object({
  tahun: z.coerce.number().int().min(2020).max(2100),
  /** A unit: its subtree, broken down by its child units; omitted: the whole instansi by OPD. */
  unorId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export const CakupanInstansiResponse = z.object({
  unor: z.object({ id: z.number(), nama: z.string() }).nullable(),
  ringkasan: CakupanRingkasan,
  unit: z.array(CakupanRingkasan.extend({ unorId: z.number(), nama: z.string() })),
  /** Who waits for whose plan (first 100). */
  menunggu: z.array(
    z.object({
      pegawaiId: z.number(),
      namaLengkap: z.string(),
      atasanId: z.number(),
      atasanNama: z.string(),
      atasanStatus: z.enum(STATUS_SKP).nullable(),
    }),
  ),
});
export type CakupanInstansiResponse = z.infer<typeof CakupanInstansiResponse>;
