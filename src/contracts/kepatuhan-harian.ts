/**
 * Compliance per day of progres harian (SPEC §12, issue 15): the month per OPD, per employee of a
 * scope, and one employee's calendar. While the instansi's rule is off every answer says so
 * (`aktif: false`) and carries no figures.
 */
import { z } from 'zod';
import { isYearMonth } from '../domain/jadwal.js';
import { STATUS_KEPATUHAN } from '../domain/kepatuhan-harian.js';
import { BATAS_INT, PageQuery, teks } from './common.js';
import { AturanKepatuhanHarian } from './pengaturan.js';

const Bulan = teks().refine(isYearMonth, 'Bulan harus berformat TTTT-BB (mis. 2026-03).');
export const KepatuhanQuery = z.object({ bulan: Bulan.optional() });
/** A page of the employees by name: an OPD of a large instansi has thousands. */
export const KepatuhanPegawaiQuery = KepatuhanQuery.extend({
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
}).extend(PageQuery.shape);
export type KepatuhanPegawaiQuery = z.infer<typeof KepatuhanPegawaiQuery>;
export const KepatuhanPegawaiParams = z.object({ id: z.coerce.number().int().positive().max(BATAS_INT) });

/** Employee-days by status; the share is of the judged days (on time, late, missing), null when none. */
export const JumlahKepatuhan = z.object({
  tepatWaktu: z.number().int(),
  terlambat: z.number().int(),
  tidakAda: z.number().int(),
  belumJatuhTempo: z.number().int(),
  dikecualikan: z.number().int(),
  persenPatuh: z.number().nullable(),
});

/** What every answer carries: the month, the rule and whether it is on, whose days are shown. */
const Kepala = {
  bulan: z.string(),
  label: z.string(),
  aktif: z.boolean(),
  aturan: AturanKepatuhanHarian,
  /** The rule in words, with the instansi's zone. */
  ketentuan: z.string(),
};

export const KepatuhanOpdOut = z.object({
  ...Kepala,
  cakupan: z.enum(['INSTANSI', 'OPD', 'TIM']),
  /** Null while the rule is off. */
  total: JumlahKepatuhan.extend({ jumlahPegawai: z.number().int() }).nullable(),
  items: z.array(
    JumlahKepatuhan.extend({
      opdId: z.number().int().nullable(),
      opdNama: z.string(),
      jumlahPegawai: z.number().int(),
    }),
  ),
});
export type KepatuhanOpdOut = z.infer<typeof KepatuhanOpdOut>;

export const KepatuhanPegawaiListOut = z.object({
  ...Kepala,
  items: z.array(
    JumlahKepatuhan.extend({
      pegawaiId: z.number().int(),
      nip: z.string(),
      namaLengkap: z.string(),
      jabatanNama: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type KepatuhanPegawaiListOut = z.infer<typeof KepatuhanPegawaiListOut>;

export const HariKepatuhanOut = z.object({
  tanggal: z.string(),
  status: z.enum(STATUS_KEPATUHAN),
  /** The status in words (never colour alone). */
  label: z.string(),
  /** The deadline as people read it; null off working days. */
  tenggat: z.string().nullable(),
  /** When the day's first entry reached the server; null when none or unknown. */
  pertamaDicatat: z.string().nullable(),
  /** The holiday, or the attendance status that excuses the day. */
  keterangan: z.string().nullable(),
});

export const KalenderKepatuhanOut = z.object({
  ...Kepala,
  pegawai: z.object({ id: z.number().int(), nip: z.string(), namaLengkap: z.string() }),
  jumlah: JumlahKepatuhan.nullable(),
  /** Every day of the month; empty while the rule is off. */
  hari: z.array(HariKepatuhanOut),
});
export type KalenderKepatuhanOut = z.infer<typeof KalenderKepatuhanOut>;
