import { z } from 'zod';
import {
  JENIS_ATASAN_OVERRIDE,
  JENIS_JABATAN,
  JENIS_PENUGASAN,
  JENJANG_FUNGSIONAL,
  PERAN,
} from '../domain/jabatan.js';
import { KUASA_ADMIN } from '../domain/kewenangan.js';
import { JENIS_ASN } from '../domain/nip.js';
import { Alasan, BATAS_INT, IsoDate, PageQuery, pageOf, teks } from './common.js';
import { MfaStatus } from './mfa.js';

export const JabatanRef = z.object({
  id: z.number(),
  nama: z.string(),
  jenis: z.enum(JENIS_JABATAN),
  jenjang: z.enum(JENJANG_FUNGSIONAL).nullable(),
  kelasJabatan: z.number().nullable(),
  unorId: z.number(),
  unorNama: z.string(),
});
export type JabatanRef = z.infer<typeof JabatanRef>;

export const PegawaiRingkas = z.object({
  id: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
  jenisJabatan: z.enum(JENIS_JABATAN).nullable(),
  unorNama: z.string().nullable(),
  opdNama: z.string().nullable(),
  isActive: z.boolean(),
});
export type PegawaiRingkas = z.infer<typeof PegawaiRingkas>;

/** A superior in the chain; `sebutan` names a team lead ("Ketua Tim Kerja"), null for a superior by position. */
export const AtasanRantai = PegawaiRingkas.extend({ sebutan: z.string().nullable() });
export type AtasanRantai = z.infer<typeof AtasanRantai>;

export const Penugasan = z.object({
  id: z.number(),
  jabatan: JabatanRef,
  jenis: z.enum(JENIS_PENUGASAN),
  tmtMulai: z.string(),
  tmtSelesai: z.string().nullable(),
  alasan: z.string().nullable(),
});

export const PegawaiDetail = z.object({
  id: z.number(),
  nip: z.string(),
  nipFormatted: z.string(),
  gelarDepan: z.string().nullable(),
  nama: z.string(),
  gelarBelakang: z.string().nullable(),
  namaLengkap: z.string(),
  jenisAsn: z.enum(JENIS_ASN),
  golongan: z.string(),
  pangkatGolongan: z.string(),
  isActive: z.boolean(),
  version: z.number(),
  jabatan: JabatanRef.nullable(),
  opd: z.object({ id: z.number(), nama: z.string() }).nullable(),
  roles: z.array(z.object({ peran: z.enum(PERAN), opdId: z.number().nullable() })),
  atasanOverride: z
    .object({ pegawai: PegawaiRingkas, alasan: z.string().nullable(), jenis: z.enum(JENIS_ATASAN_OVERRIDE) })
    .nullable(),
  /** Pejabat penilai first, then the atasan pejabat penilai, up to the top. */
  rantaiAtasan: z.array(AtasanRantai),
  bawahanLangsung: z.array(PegawaiRingkas),
  riwayatJabatan: z.array(Penugasan),
  penugasanAktif: z.array(Penugasan),
  /** What the viewer may do here; the server still decides on each request. */
  /** The admin powers the viewer holds over this employee (the ceiling of SPEC §11). */
  can: z.object({ manage: z.boolean(), kuasa: z.array(z.enum(KUASA_ADMIN)) }),
});
export type PegawaiDetail = z.infer<typeof PegawaiDetail>;

export const MeResponse = PegawaiDetail.extend({
  isPejabatPenilai: z.boolean(),
  isAtasanPejabatPenilai: z.boolean(),
  mustChangePassword: z.boolean(),
  mfa: MfaStatus,
});
export type MeResponse = z.infer<typeof MeResponse>;

export const SearchPegawaiQuery = PageQuery.extend({
  q: teks().trim().max(100).optional(),
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  unorId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export const SearchPegawaiResponse = pageOf(PegawaiRingkas).extend({
  /** How many employees match the filters; on the first page only (null after a cursor). */
  total: z.number().int().nullable(),
});

export const MutasiBody = z.object({
  jabatanId: z.number().int().positive().max(BATAS_INT),
  tmtMulai: IsoDate,
  alasan: Alasan,
  version: z.number().int().positive().max(BATAS_INT),
});

export const AtasanOverrideBody = z.object({
  /** null removes the override, so the superior is computed from positions again. */
  atasanId: z.number().int().positive().max(BATAS_INT).nullable(),
  /** KETUA_TIM: the team lead of an employee in a functional position, of the same OPD (SPEC §3). */
  jenis: z
    .enum(JENIS_ATASAN_OVERRIDE, { error: 'Jenis penetapan atasan harus KOREKSI atau KETUA_TIM.' })
    .default('KOREKSI'),
  alasan: Alasan,
  version: z.number().int().positive().max(BATAS_INT),
});

export const PenugasanPltBody = z.object({
  jabatanId: z.number().int().positive().max(BATAS_INT),
  jenis: z.enum(['PLT', 'PLH']),
  tmtMulai: IsoDate,
  tmtSelesai: IsoDate.nullable(),
  alasan: Alasan,
});

/** The employee's administrative roles, replaced as a whole (BKD only; a reason is always recorded). */
export const PeranBody = z.object({
  peran: z
    .array(z.object({ peran: z.enum(PERAN), opdId: z.number().int().positive().max(BATAS_INT).nullable() }))
    .max(20),
  alasan: Alasan,
  version: z.number().int().positive().max(BATAS_INT),
});
