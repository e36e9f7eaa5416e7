/**
 * Progres harian across RHKs (SPEC §12): the assessor's month of the team at a glance, one employee's
 * days with every entry, and the assessor's comment on one day.
 */
import { z } from 'zod';
import { BATAS_INT, IsoDate, teks } from './common.js';

/** A calendar date: the format, and a day the month has (no 30 February). */
const Tanggal = IsoDate.refine((t) => {
  const d = new Date(`${t}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === t;
}, 'Tanggal tidak valid.');

export const PegawaiBulanParams = z.object({ id: z.coerce.number().int().positive().max(BATAS_INT) });

export const KomentarParams = z.object({
  id: z.coerce.number().int().positive().max(BATAS_INT),
  tanggal: Tanggal,
});

export const KomentarBody = z.object({
  teks: teks({ error: 'Komentar harus berupa teks.' })
    .trim()
    .min(1, 'Komentar wajib diisi.')
    .max(1000, 'Komentar paling banyak 1000 karakter.'),
});

/** A calendar day of the month: whether the instansi works that day, and its holiday if any. */
const HariKalender = z.object({
  tanggal: z.string(),
  hariKerja: z.boolean(),
  libur: z.string().nullable(),
});

/** One employee's day in short: minutes recorded, entries, comments. */
const RingkasHari = z.object({
  tanggal: z.string(),
  menit: z.number(),
  entri: z.number(),
  komentar: z.number(),
});

export const TimProgresOut = z.object({
  bulan: z.string(),
  label: z.string(),
  batasMenitHarian: z.number(),
  hari: z.array(HariKalender),
  pegawai: z.array(
    z.object({
      pegawaiId: z.number(),
      nip: z.string(),
      namaLengkap: z.string(),
      jabatanNama: z.string().nullable(),
      /** Only days with entries or comments, by date. */
      hari: z.array(RingkasHari),
    }),
  ),
});
export type TimProgresOut = z.infer<typeof TimProgresOut>;

export const KomentarOut = z.object({
  id: z.number(),
  tanggal: z.string(),
  teks: z.string(),
  olehNama: z.string(),
  at: z.string(),
});

export const ProgresPegawaiOut = z.object({
  pegawaiId: z.number(),
  bulan: z.string(),
  label: z.string(),
  /** Whether the reader may comment on a day (the employee's pejabat penilai or his delegate). */
  dapatKomentar: z.boolean(),
  hari: z.array(
    z.object({
      tanggal: z.string(),
      menit: z.number(),
      entri: z.array(
        z.object({
          id: z.number(),
          realisasiId: z.number(),
          /** The Rencana Aksi: the realisasi's, else its RHK's text. */
          rencanaAksi: z.string(),
          jamMulai: z.string(),
          jamSelesai: z.string(),
          kegiatan: z.string(),
          kuantitas: z.number(),
          satuan: z.string(),
          buktiDukung: z.string().nullable(),
        }),
      ),
      komentar: z.array(KomentarOut),
    }),
  ),
});
export type ProgresPegawaiOut = z.infer<typeof ProgresPegawaiOut>;
