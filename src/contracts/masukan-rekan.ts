/** Peer input on behaviour (SPEC §5.3): what a colleague writes, and the author's own page. */
import { z } from 'zod';
import { MASUKAN_REKAN_MAKS } from '../domain/masukan-rekan.js';
import { BATAS_INT, teks } from './common.js';
import { KODE_BERAKHLAK, PeriodeKode } from './realisasi.js';

export const MasukanRekanBody = z.object({
  pegawaiId: z.number({ error: 'Pilih rekan kerja.' }).int().positive().max(BATAS_INT),
  periode: PeriodeKode,
  kode: z.enum(KODE_BERAKHLAK, { error: 'Pilih salah satu nilai BerAKHLAK.' }),
  teks: teks()
    .trim()
    .min(3, 'Masukan wajib diisi (minimal 3 karakter).')
    .max(MASUKAN_REKAN_MAKS, `Masukan paling banyak ${MASUKAN_REKAN_MAKS} karakter.`),
});

export const HapusMasukanRekanQuery = z.object({
  version: z.coerce.number().int().positive().max(BATAS_INT),
});

const Rekan = z.object({
  id: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
});

/** The author's page for one period: his colleagues today and what he wrote about them. */
export const MasukanRekanSayaOut = z.object({
  periode: z.object({ kode: z.string(), label: z.string() }),
  /** Whether input may be written or withdrawn now, and why not. */
  terbuka: z.boolean(),
  pesan: z.string().nullable(),
  /** Active employees with the same pejabat penilai as the caller today. */
  rekan: z.array(Rekan),
  items: z.array(
    z.object({
      id: z.number(),
      pegawai: z.object({ id: z.number(), namaLengkap: z.string() }),
      kode: z.enum(KODE_BERAKHLAK),
      teks: z.string(),
      version: z.number(),
      at: z.string(),
    }),
  ),
});
export type MasukanRekanSayaOut = z.infer<typeof MasukanRekanSayaOut>;
