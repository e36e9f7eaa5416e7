/** Delegation of assessment (SPEC §3, §5.3): a pejabat penilai on leave hands over for a date range. */
import { z } from 'zod';
import { STATUS_DELEGASI } from '../domain/delegasi.js';
import { Alasan, BATAS_INT, IsoDate, PageQuery, pageOf, teks } from './common.js';

export const DelegasiBody = z.object({
  /** The pejabat penilai who is away; omitted means the caller (admins may name one in their scope). */
  pemberiId: z.number().int().positive().max(BATAS_INT).optional(),
  penerimaId: z.number({ error: 'Pilih penerima delegasi.' }).int().positive().max(BATAS_INT),
  /** Inclusive dates in the instansi's time zone. */
  mulai: IsoDate,
  selesai: IsoDate,
  alasan: Alasan,
});

export const CabutDelegasiBody = z.object({ alasan: Alasan.optional() });

export const DelegasiQuery = PageQuery.extend({
  /** SAYA: given or received by the caller; KELOLA: every delegation in an admin's scope. */
  lingkup: z.enum(['SAYA', 'KELOLA'], { error: 'Lingkup harus SAYA atau KELOLA.' }).default('SAYA'),
});

export const CalonPenerimaQuery = z.object({
  pemberiId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  q: teks().trim().max(100).default(''),
});

const OrangJabatan = z.object({
  id: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
});

export const DelegasiOut = z.object({
  id: z.number(),
  pemberi: OrangJabatan,
  penerima: OrangJabatan,
  mulai: z.string(),
  selesai: z.string(),
  alasan: z.string(),
  dibuatOleh: z.object({ id: z.number(), namaLengkap: z.string() }),
  createdAt: z.string(),
  dicabutAt: z.string().nullable(),
  status: z.enum(STATUS_DELEGASI),
  /** How the caller stands to it: the giver, the receiver, or neither (an admin). */
  arah: z.enum(['DIBERIKAN', 'DITERIMA']).nullable(),
  /** Whether the caller may revoke it now. */
  dapatDicabut: z.boolean(),
});
export type DelegasiOut = z.infer<typeof DelegasiOut>;
export const DelegasiPage = pageOf(DelegasiOut);
export type DelegasiPage = z.infer<typeof DelegasiPage>;

export const CalonPenerimaOut = z.object({ items: z.array(OrangJabatan) });
export type CalonPenerimaOut = z.infer<typeof CalonPenerimaOut>;
