import { z } from 'zod';
import { STATUS_CAKUPAN } from '../domain/cascading.js';
import { ASPEK, JENIS_RHK, PENDEKATAN, PERSPEKTIF } from '../domain/skp.js';
import { STATUS_SKP } from '../domain/skp-workflow.js';

const Teks = (max: number) => z.string().trim().max(max);

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
  id: z.number().int().positive().nullable().default(null),
  jenis: z.enum(JENIS_RHK),
  rencana: Teks(1000).min(1, 'Rencana hasil kerja wajib diisi.'),
  penugasanDari: Teks(300).nullable().default(null),
  /** JPT plans: the Perjanjian Kinerja item of the unit this RHK derives from. */
  pkSasaranId: z.number().int().positive().nullable().default(null),
  iki: z.array(IkiInput).max(10),
  /** Ids of the superior's RHKs this one intervenes. */
  intervensi: z.array(z.number().int().positive()).max(10).default([]),
});

export const CreateSkpBody = z.object({
  tahun: z.number().int().min(2020).max(2100),
  pendekatan: z.enum(PENDEKATAN),
});

export const UpdateIsiBody = z.object({
  version: z.number().int().positive(),
  rhk: z.array(RhkInput).max(50),
});

export const VersionBody = z.object({ version: z.number().int().positive() });
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

export const SkpDetail = z.object({
  id: z.number(),
  pegawaiId: z.number(),
  pegawaiNama: z.string(),
  jabatanNama: z.string(),
  tahun: z.number(),
  periodeMulai: z.string(),
  periodeAkhir: z.string(),
  pendekatan: z.enum(PENDEKATAN),
  isJpt: z.boolean(),
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
  /** The superior's current plan, whose RHKs this one may intervene. */
  skpAtasan: z
    .object({
      id: z.number(),
      pegawaiNama: z.string(),
      status: z.enum(STATUS_SKP),
      rhk: z.array(z.object({ id: z.number(), rencana: z.string() })),
    })
    .nullable(),
  /** What blocks submission, and writing hints that never block. */
  temuan: z.array(Temuan),
  saran: z.array(Temuan),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), assess: z.boolean() }),
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

export const SkpBawahanQuery = z.object({ tahun: z.coerce.number().int().min(2020).max(2100) });
export const SkpBawahanItem = z.object({
  pegawaiId: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
  skpId: z.number().nullable(),
  /** null: no plan yet for the year. */
  status: z.enum(STATUS_SKP).nullable(),
  diajukanAt: z.string().nullable(),
});
export const SkpBawahanResponse = z.object({ items: z.array(SkpBawahanItem) });

export const PerilakuBody = VersionBody.extend({
  ekspektasi: z
    .array(z.object({ kode: z.string().max(40), ekspektasi: Teks(1000).min(1, 'Ekspektasi wajib diisi.') }))
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
