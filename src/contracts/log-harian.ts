/**
 * Progres harian of a realisasi (SPEC §5.2, §12: the national form's fields). Shapes and lengths here;
 * what makes an entry valid for its period (dates, times, quantity, link) is the rule in
 * domain/log-harian.ts, what makes it fit its day (overlap, cap, working day, plan) domain/progres-harian.ts.
 */
import { z } from 'zod';
import { BATAS_INT, teks } from './common.js';

const Teks = (label: string, max: number) =>
  teks({ error: `${label} harus berupa teks.` })
    .trim()
    .max(max, `${label} paling banyak ${max} karakter.`);

export const LogHarianInput = z.object({
  /** 'YYYY-MM-DD' within the realisasi's period. */
  tanggal: Teks('Tanggal', 10),
  /** 'HH:MM', 24-hour; the end after the start. */
  jamMulai: Teks('Jam mulai', 5),
  jamSelesai: Teks('Jam selesai', 5),
  kegiatan: Teks('Uraian kegiatan', 1000),
  kuantitas: z.number({ error: 'Kuantitas harus berupa angka.' }),
  satuan: Teks('Satuan', 60),
  buktiDukung: Teks('Tautan bukti dukung', 2000)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  /** A file already uploaded as evidence of the same realisasi (optional). */
  buktiBerkasId: z.number().int().positive().max(BATAS_INT).nullable().default(null),
});

/** A new entry; `version` of the realisasi when it already exists (optimistic lock, as for its PUT). */
export const TambahLogBody = LogHarianInput.extend({
  version: z.number().int().positive().max(BATAS_INT).optional(),
});

/** A changed entry, with the version of its realisasi. */
export const UbahLogBody = LogHarianInput.extend({ version: z.number().int().positive().max(BATAS_INT) });

export const LogParams = z.object({
  id: z.coerce.number().int().positive().max(BATAS_INT),
  logId: z.coerce.number().int().positive().max(BATAS_INT),
});

export const HapusLogQuery = z.object({ version: z.coerce.number().int().positive().max(BATAS_INT) });

/** What the log adds up to: entries, and the sum per unit with the one that is the realisasi's value. */
export const LogRingkasan = z.object({
  jumlahEntri: z.number(),
  perSatuan: z.array(z.object({ satuan: z.string(), kuantitas: z.number(), dihitung: z.boolean() })),
});
export type LogRingkasan = z.infer<typeof LogRingkasan>;

export const LogHarianEntri = z.object({
  id: z.number(),
  tanggal: z.string(),
  jamMulai: z.string(),
  jamSelesai: z.string(),
  kegiatan: z.string(),
  kuantitas: z.number(),
  satuan: z.string(),
  buktiDukung: z.string().nullable(),
  buktiBerkasId: z.number().nullable(),
  /** The file's name when the entry points at one (downloaded through the realisasi's evidence). */
  namaBerkas: z.string().nullable(),
});
export type LogHarianEntri = z.infer<typeof LogHarianEntri>;

export const LogHarianOut = z.object({
  realisasiId: z.number(),
  /** The realisasi's version, for the next write (each change to the log bumps it). */
  version: z.number(),
  /** The realisasi's rencana aksi: the Rencana Aksi every entry of this log belongs to. */
  rencanaAksi: z.string().nullable(),
  /** The realisasi's value and unit as the log leaves them. */
  nilai: z.number().nullable(),
  satuan: z.string().nullable(),
  /** By date and start time. */
  entri: z.array(LogHarianEntri),
  ringkasan: LogRingkasan,
});
export type LogHarianOut = z.infer<typeof LogHarianOut>;
