/** Per-instansi settings that SPEC marks configurable; one row per instansi, defaults from SPEC. */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { KETERANGAN_KEBERATAN_HARI_BAWAAN } from '../../domain/evaluasi.js';
import type { JenisPeriode } from '../../domain/jadwal.js';
import type { JamKerja } from '../../domain/kehadiran.js';
import type { AturanKurva, PemetaanPredikatOrganisasi } from '../../domain/kurva.js';
import type { KebijakanMfa } from '../../domain/mfa.js';
import { instansi } from './org.js';

export const pengaturan = pgTable(
  'pengaturan',
  {
    instansiId: integer()
      .primaryKey()
      .references(() => instansi.id),
    /** SKP deadline of the year as MM-DD (SPEC §4.6: end of January). */
    batasSkp: text().notNull().default('01-31'),
    /** Whether open dibagi-habis problems block approving a leader's SKP (otherwise they warn). */
    cakupanMemblokir: boolean().notNull().default(false),
    /** Evaluation period (SPEC §6.1): BULANAN, TRIWULANAN or SEMESTERAN. */
    periode: text().$type<JenisPeriode>().notNull().default('BULANAN'),
    /** Window days in the month after a period ends (SPEC §5.1: input 1–7, assessment 8–15, corrections 19–25). */
    inputMulai: smallint().notNull().default(1),
    inputAkhir: smallint().notNull().default(7),
    penilaianMulai: smallint().notNull().default(8),
    penilaianAkhir: smallint().notNull().default(15),
    perbaikanMulai: smallint().notNull().default(19),
    perbaikanAkhir: smallint().notNull().default(25),
    /** Curve thresholds and rounding (SPEC §6.4); null = SPEC's defaults. */
    kurva: jsonb().$type<AturanKurva>(),
    /** Organisation predikat → rating hasil kerja of the unit's leader (SPEC §6.3); null = default. */
    pemetaanPredikatOrganisasi: jsonb().$type<PemetaanPredikatOrganisasi>(),
    /** Days after the annual evaluation is final during which the employee may object (SPEC §6.6). */
    keberatanHari: smallint().notNull().default(14),
    /** Days each side has to give a statement the atasan asks for during an objection (SPEC §6.6). */
    keteranganKeberatanHari: smallint().notNull().default(KETERANGAN_KEBERATAN_HARI_BAWAAN),
    /** Deadline of the annual evaluation in the following year, MM-DD (SPEC §6.5). */
    batasEvaluasiTahunan: text().notNull().default('03-31'),
    /** Working hours per weekday (SPEC §7.1); null = Monday–Thursday 07:30–16:00, Friday 07:30–16:30. */
    jamKerja: jsonb().$type<JamKerja>(),
    /** Who must enter an authenticator code, per role group; null = required for admins and assessors. */
    kebijakanMfa: jsonb().$type<KebijakanMfa>(),
    /** The place printed beside the signature dates ("Gorontalo, 31 Januari 2027"); null = from the instansi's name. */
    tempatTandaTangan: text(),
    /** Progres harian (SPEC §12): the most minutes of activity per day (practice 7.5 h = 450). */
    progresBatasMenit: smallint().notNull().default(450),
    /** Whether progres harian may fall on holidays and days without working hours. */
    progresBolehHariLibur: boolean().notNull().default(false),
    /** Compliance per day of progres harian (SPEC §12): off by default; when on, entries by this time… */
    kepatuhanAktif: boolean().notNull().default(false),
    /** …'HH:MM' local, on the N-th working day after the activity's day (0 = that day). */
    kepatuhanBatasJam: text().notNull().default('23:59'),
    kepatuhanHariKerjaKe: smallint().notNull().default(1),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('pengaturan_periode_ck', sql`${t.periode} IN ('BULANAN', 'TRIWULANAN', 'SEMESTERAN')`),
    // The API validates too; this keeps a seed or a manual fix from storing windows out of order.
    check('pengaturan_progres_batas_ck', sql`${t.progresBatasMenit} BETWEEN 60 AND 1440`),
    check('pengaturan_kepatuhan_hari_ck', sql`${t.kepatuhanHariKerjaKe} BETWEEN 0 AND 10`),
    check(
      'pengaturan_jendela_ck',
      sql`1 <= ${t.inputMulai} AND ${t.inputMulai} <= ${t.inputAkhir} AND ${t.inputAkhir} < ${t.penilaianMulai} AND ${t.penilaianMulai} <= ${t.penilaianAkhir} AND ${t.penilaianAkhir} < ${t.perbaikanMulai} AND ${t.perbaikanMulai} <= ${t.perbaikanAkhir} AND ${t.perbaikanAkhir} <= 31`,
    ),
  ],
);
