/**
 * Attendance (SPEC §7.1): import from an attendance system (file or API), the holiday calendar, the
 * working hours per weekday and an employee's month.
 */
import { z } from 'zod';
import { isYearMonth } from '../domain/jadwal.js';
import { HARI_ISO, periksaJamKerja, STATUS_APEL, STATUS_KEHADIRAN } from '../domain/kehadiran.js';
import { BATAS_INT, IsoDate, perKunci, teks } from './common.js';

/** One day of one employee as an attendance system sends it; the service checks every field. */
export const BarisKehadiranMasuk = z.object({
  nip: teks().max(40),
  /** YYYY-MM-DD (DD/MM/YYYY is accepted too). */
  tanggal: teks().max(20),
  /** HH:MM or HH:MM:SS. */
  jamMasuk: teks().max(10).nullable().optional(),
  jamPulang: teks().max(10).nullable().optional(),
  /** Any accepted status word: Hadir/H, DL/Dinas Luar, C/Cuti, S/Sakit, I/Izin, TK/Alpa/Tanpa Keterangan. */
  status: teks().max(40),
  keterangan: teks().max(500).nullable().optional(),
  /**
   * Optional: the day's required ceremony (apel/upacara): Hadir/H/Ya or Tidak Hadir/TH/Tidak; empty
   * when there was none. A missed one on a day present is a TPP deduction.
   */
  apel: teks().max(40).nullable().optional(),
});
export type BarisKehadiranMasuk = z.infer<typeof BarisKehadiranMasuk>;

export const ModeImpor = z.enum(['dry-run', 'commit']);

export const HasilImporKehadiran = z.object({
  mode: ModeImpor,
  jumlahBaris: z.number(),
  barisValid: z.number(),
  /** Row numbers count the header as row 1 for a file, and from 1 for an API list. */
  kesalahan: z.array(
    z.object({ baris: z.number(), nip: z.string().nullable(), alasan: z.array(z.string()) }),
  ),
  /** Null on a dry run. */
  disimpan: z.object({ baru: z.number(), diganti: z.number() }).nullable(),
  /** Valid rows per status. */
  perStatus: perKunci(STATUS_KEHADIRAN, z.number()).optional(),
});
export type HasilImporKehadiran = z.infer<typeof HasilImporKehadiran>;

export const ImporKehadiranQuery = z.object({ mode: ModeImpor.default('dry-run') });

export const Tahun = z.coerce
  .number({ error: 'Tahun harus berupa angka.' })
  .int()
  .min(2000, 'Tahun paling awal 2000.')
  .max(2100, 'Tahun paling akhir 2100.');

export const LiburQuery = z.object({ tahun: Tahun });

export const HariLiburOut = z.object({ id: z.number(), tanggal: IsoDate, keterangan: z.string() });
export const DaftarLiburOut = z.object({ tahun: z.number(), items: z.array(HariLiburOut) });

export const HariLiburBody = z.object({
  tanggal: IsoDate,
  keterangan: teks()
    .trim()
    .min(3, 'Keterangan hari libur wajib diisi (minimal 3 karakter).')
    .max(200, 'Keterangan hari libur paling panjang 200 karakter.'),
});

const Jam = teks().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam harus berformat JJ:MM (mis. 07:30).');
export const JamKerjaHari = z.object({ masuk: Jam, pulang: Jam });

export const JamKerja = z.partialRecord(z.enum(HARI_ISO), JamKerjaHari).superRefine((jk, ctx) => {
  for (const message of periksaJamKerja(jk)) ctx.addIssue({ code: 'custom', message });
});

export const JamKerjaOut = z.object({
  jamKerja: JamKerja,
  /** True while the instansi uses the default hours (nothing saved yet). */
  bawaan: z.boolean(),
  version: z.number(),
});
export const JamKerjaBody = z.object({
  jamKerja: JamKerja,
  version: z.number().int().positive().max(BATAS_INT),
});

export const BulanQuery = z.object({
  bulan: teks().refine(isYearMonth, 'Bulan harus berformat TTTT-BB (mis. 2026-03).'),
});

export const HariKehadiranOut = z.object({
  tanggal: IsoDate,
  jadwal: JamKerjaHari.nullable(),
  libur: z.string().nullable(),
  status: z.enum(STATUS_KEHADIRAN).nullable(),
  /** HH:MM, null when there is no record. */
  jamMasuk: z.string().nullable(),
  jamPulang: z.string().nullable(),
  keterangan: z.string().nullable(),
  /** The day's ceremony as imported; null when none was recorded. */
  apel: z.enum(STATUS_APEL).nullable(),
  menitTerlambat: z.number().nullable(),
  menitPulangCepat: z.number().nullable(),
});

export const KehadiranBulanOut = z.object({
  pegawai: z.object({ id: z.number(), nip: z.string(), nama: z.string() }),
  bulan: z.string(),
  hari: z.array(HariKehadiranOut),
  ringkasan: z.object({
    hariKerja: z.number(),
    /** Working days up to today without any record. */
    tanpaCatatan: z.number(),
    terlambat: z.number(),
    pulangCepat: z.number(),
    /** Working days present on which a required ceremony was missed (the TPP deduction counts these). */
    apelTerlewat: z.number(),
    perStatus: perKunci(STATUS_KEHADIRAN, z.number()),
  }),
});
export type KehadiranBulanOut = z.infer<typeof KehadiranBulanOut>;
