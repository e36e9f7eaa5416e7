/**
 * Pre-aggregated monitoring (SPEC §8): per OPD and period the figures of the dashboards, refreshed
 * set-based by the scheduled job and on demand, so a year of an instansi of 100,000 employees reads
 * a few hundred rows.
 */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { instansi, unor } from './org.js';

export const rekapOpdPeriode = pgTable(
  'rekap_opd_periode',
  {
    opdId: integer()
      .notNull()
      .references(() => unor.id),
    periodeKode: text().notNull(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** Active employees of the OPD, and those with an approved SKP of the period's year. */
    jumlahPegawai: integer().notNull(),
    skpDisetujui: integer().notNull(),
    /** Employees with an approved SKP who submitted all of the period (on time = within the input window). */
    melapor: integer().notNull(),
    tepatWaktu: integer().notNull(),
    /** Employees whose items are all accepted; with items sent back; who corrected. */
    dinilai: integer().notNull(),
    perluPerbaikan: integer().notNull(),
    diperbaiki: integer().notNull(),
    /** Predikat counts of the period's ratings. */
    sangatBaik: integer().notNull(),
    baik: integer().notNull(),
    butuhPerbaikan: integer().notNull(),
    kurang: integer().notNull(),
    sangatKurang: integer().notNull(),
    /** Units of the OPD whose curve breaches §6.4 in the period; null in rows from before it was kept. */
    unitMelanggar: integer(),
    dihitungAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.opdId, t.periodeKode] }),
    index('rekap_opd_periode_instansi_idx').on(t.instansiId, t.periodeKode),
  ],
);

/**
 * SKP status of the year per OPD (the approved version if any, else the newest; BELUM_ADA without a
 * plan), kept by the same job, so the overview reads it instead of counting the year's plans.
 */
export const rekapSkpTahun = pgTable(
  'rekap_skp_tahun',
  {
    opdId: integer()
      .notNull()
      .references(() => unor.id),
    tahun: integer().notNull(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    draft: integer().notNull(),
    diajukan: integer().notNull(),
    disetujui: integer().notNull(),
    dikembalikan: integer().notNull(),
    belumAda: integer().notNull(),
    dihitungAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.opdId, t.tahun] }),
    index('rekap_skp_tahun_instansi_idx').on(t.instansiId, t.tahun),
  ],
);
