/** History of the monthly cycle: an employee's periods side by side, and an assessor's or a unit's team. */
import { z } from 'zod';
import { JENIS_PERIODE } from '../domain/jadwal.js';
import { CAPAIAN_RHK, PREDIKAT_PEGAWAI, RATING, SUMBER_PENILAIAN } from '../domain/predikat.js';
import { STATUS_REALISASI } from '../domain/realisasi-workflow.js';
import { JENIS_RHK } from '../domain/skp.js';
import { BATAS_INT, teks } from './common.js';
import { PeriodeOut } from './jadwal.js';

const Tahun = z.coerce.number().int().min(2020).max(2100);

export const RiwayatQuery = z.object({ tahun: Tahun });

export const RiwayatTimQuery = z.object({
  tahun: Tahun,
  /** For an admin or the tim penilai: the employees of this unit and the units below it. */
  unorId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  /** Offset of the page, as returned in nextCursor. */
  cursor: teks()
    .regex(/^\d{1,7}$/, 'Kursor halaman tidak valid.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const Orang = z.object({ id: z.number(), namaLengkap: z.string() });

const PegawaiOut = z.object({
  id: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  jabatanNama: z.string().nullable(),
});

/** One RHK in one period. */
export const SelRealisasi = z.object({
  periodeKode: z.string(),
  realisasiId: z.number(),
  status: z.enum(STATUS_REALISASI),
  nilai: z.number().nullable(),
  satuan: z.string().nullable(),
  teks: z.string().nullable(),
  capaian: z.enum(CAPAIAN_RHK).nullable(),
  /** Assessment rounds so far (0 before the first submission). */
  putaran: z.number(),
  jumlahUmpanBalik: z.number(),
  umpanBalikTerakhir: z.object({ teks: z.string(), oleh: Orang, at: z.string() }).nullable(),
});

export const RiwayatPegawaiOut = z.object({
  tahun: z.number(),
  jenisPeriode: z.enum(JENIS_PERIODE),
  pegawai: PegawaiOut,
  /** The instansi's periods of the year, in order: the columns. */
  periode: z.array(PeriodeOut),
  /** The rows: an RHK carried into a newer plan version is one row. */
  rhk: z.array(
    z.object({
      id: z.number(),
      jenis: z.enum(JENIS_RHK),
      rencana: z.string(),
      skpId: z.number(),
      skpVersi: z.number(),
      /** Only the periods with a realisasi. */
      sel: z.array(SelRealisasi),
    }),
  ),
  /** Only the periods already rated. */
  penilaian: z.array(
    z.object({
      periodeKode: z.string(),
      ratingHasilKerja: z.enum(RATING),
      ratingPerilaku: z.enum(RATING),
      predikat: z.enum(PREDIKAT_PEGAWAI),
      predikatLabel: z.string(),
      /** IMPOR_NASIONAL: taken from the national application's report (ADR 0015). */
      sumber: z.enum(SUMBER_PENILAIAN),
      catatan: z.string().nullable(),
      penilai: Orang,
      at: z.string(),
    }),
  ),
  /** The year's final annual predikat (after an objection), null while there is none. */
  tahunan: z
    .object({
      predikat: z.enum(PREDIKAT_PEGAWAI),
      predikatLabel: z.string(),
      sumber: z.enum(SUMBER_PENILAIAN),
    })
    .nullable(),
});
export type RiwayatPegawaiOut = z.infer<typeof RiwayatPegawaiOut>;

export const JumlahStatusRealisasi = z.object(
  Object.fromEntries(STATUS_REALISASI.map((s) => [s, z.number()])) as Record<
    (typeof STATUS_REALISASI)[number],
    z.ZodNumber
  >,
);

export const RiwayatTimOut = z.object({
  tahun: z.number(),
  jenisPeriode: z.enum(JENIS_PERIODE),
  periode: z.array(PeriodeOut),
  /** The unit shown, when asked by unit. */
  unor: z.object({ id: z.number(), nama: z.string() }).nullable(),
  items: z.array(
    z.object({
      pegawai: PegawaiOut,
      /** Only the periods with a realisasi or a predikat. */
      sel: z.array(
        z.object({
          periodeKode: z.string(),
          predikat: z.enum(PREDIKAT_PEGAWAI).nullable(),
          jumlah: JumlahStatusRealisasi,
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type RiwayatTimOut = z.infer<typeof RiwayatTimOut>;
