/**
 * What waits for the user (SPEC §5): realisasi to report or correct, subordinates' realisasi to assess
 * (incl. delegated and escalated), dialog follow-ups; each with its deadline counted down by the
 * server. And the admins' list of assessors whose items escalated.
 */
import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';
import { Tenggat } from './jadwal.js';
import { PeriodeKode } from './realisasi.js';

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });
const Periode = z.object({ kode: z.string(), label: z.string() });

export { Tenggat } from './jadwal.js';

const Dasar = { tenggat: Tenggat, tautan: z.string() };

export const ItemKotakMasuk = z.discriminatedUnion('jenis', [
  z.object({
    jenis: z.literal('LAPOR'),
    periode: Periode,
    jumlahRhk: z.number(),
    /** RHKs of the approved plan without a submitted realisasi (none yet, or a draft). */
    belumDiajukan: z.number(),
    ...Dasar,
  }),
  z.object({
    jenis: z.literal('PERBAIKI'),
    periode: Periode,
    realisasi: z.array(z.object({ id: z.number(), rhkRencana: z.string(), arahan: z.string().nullable() })),
    ...Dasar,
  }),
  z.object({
    jenis: z.literal('NILAI'),
    periode: Periode,
    pegawai: z.object({
      id: z.number(),
      nip: z.string(),
      namaLengkap: z.string(),
      jabatanNama: z.string().nullable(),
    }),
    /** LANGSUNG: my subordinate; DELEGASI: for `atasNama` (a.n.); ESKALASI: missed by `atasNama`. */
    peran: z.enum(['LANGSUNG', 'DELEGASI', 'ESKALASI']),
    atasNama: Orang.nullable(),
    menunggu: z.number(),
    diajukanTerlama: z.string().nullable(),
    ...Dasar,
  }),
  z.object({
    jenis: z.literal('TINDAK_LANJUT'),
    id: z.number(),
    uraian: z.string(),
    dialog: z.object({
      id: z.number(),
      tanggal: z.string(),
      jenis: z.string(),
      topik: z.string(),
      pegawai: Orang,
    }),
    ...Dasar,
  }),
]);
export type ItemKotakMasuk = z.infer<typeof ItemKotakMasuk>;

export const KotakMasukOut = z.object({
  /** The server's now, so a countdown does not trust the browser's clock. */
  sekarang: z.string(),
  /** WIB, WITA or WIT. */
  zona: z.string(),
  /** Most urgent first (overdue, then the nearest deadline). */
  items: z.array(ItemKotakMasuk),
  jumlah: z.object({ LAPOR: z.number(), PERBAIKI: z.number(), NILAI: z.number(), TINDAK_LANJUT: z.number() }),
});
export type KotakMasukOut = z.infer<typeof KotakMasukOut>;

export const EskalasiQuery = PageQuery.extend({ periode: PeriodeKode });

const OrangJabatan = Orang.extend({ nip: z.string(), jabatanNama: z.string().nullable() });

export const EskalasiItem = z.object({
  /** The pejabat penilai who missed the deadline. */
  penilai: OrangJabatan,
  /** Whom the items escalated to; null when the assessor has no superior. */
  atasan: OrangJabatan.nullable(),
  jumlahPegawai: z.number(),
  jumlahRealisasi: z.number(),
  /** The oldest submission still waiting. */
  diajukanTerlama: z.string().nullable(),
});
export const EskalasiPage = pageOf(EskalasiItem).extend({
  periode: Periode,
  /** The regular end of the period's assessment window. */
  batasPenilaian: z.string(),
});
export type EskalasiPage = z.infer<typeof EskalasiPage>;
