/**
 * TPP (SPEC §7.1): the instansi's parameters, and each computed month with one explained line per
 * employee. A month keeps the parameters it was computed with, so changing them never changes an
 * approved month.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { OpdBelumDiimpor, ParameterTpp } from '../../domain/tpp.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

/** The instansi's current parameters (null row = the defaults of domain/tpp.ts). */
export const tppParameter = pgTable('tpp_parameter', {
  instansiId: integer()
    .primaryKey()
    .references(() => instansi.id),
  parameter: jsonb().$type<ParameterTpp>().notNull(),
  /** The Perkada (regulation) the values come from, shown on every computation. */
  dasarHukum: text(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One computed month of an instansi: DRAF (may be recomputed) or DISETUJUI (frozen). */
export const tppBulan = pgTable(
  'tpp_bulan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** 'YYYY-MM'. */
    bulan: text().notNull(),
    status: text().$type<'DRAF' | 'DISETUJUI'>().notNull().default('DRAF'),
    /** The parameters as they were when computed. */
    parameter: jsonb().$type<ParameterTpp>().notNull(),
    dasarHukum: text(),
    hariKerja: smallint().notNull(),
    jumlahPegawai: integer().notNull(),
    /** Sum of the lines, rupiah. */
    total: bigint({ mode: 'number' }).notNull(),
    dihitungOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    dihitungAt: timestamp({ withTimezone: true }).notNull(),
    disetujuiOlehId: integer().references(() => pegawai.id),
    disetujuiAt: timestamp({ withTimezone: true }),
    /** Per OPD, the working days with no attendance record for anyone when computed (SPEC §7.1). */
    belumDiimpor: jsonb().$type<OpdBelumDiimpor[]>().notNull().default([]),
    /** The BKD's reason for approving while data was missing or assessments were pending. */
    alasanPersetujuan: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('tpp_bulan_uq').on(t.instansiId, t.bulan),
    check('tpp_bulan_status_ck', sql`${t.status} IN ('DRAF', 'DISETUJUI')`),
  ],
);

/**
 * One employee's TPP of a month, with every line of the computation. Partitioned by `tahun` in the
 * database (migration 0041, written by hand): readers name the month's year so they read one year.
 */
export const tppBaris = pgTable(
  'tpp_baris',
  {
    tppBulanId: integer()
      .notNull()
      .references(() => tppBulan.id, { onDelete: 'cascade' }),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The month's year: the table is partitioned by it in the database (ADR 0027). */
    tahun: smallint().notNull(),
    opdId: integer(),
    kelasJabatan: smallint(),
    /** Rupiah, whole numbers. */
    dasar: bigint({ mode: 'number' }).notNull(),
    produktivitas: bigint({ mode: 'number' }).notNull(),
    disiplin: bigint({ mode: 'number' }).notNull(),
    jumlah: bigint({ mode: 'number' }).notNull(),
    ditahan: text(),
    /** The facts the line is computed from (domain/tpp.ts); its text is rebuilt from them and the month's parameters. */
    rincian: jsonb().$type<unknown>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tppBulanId, t.pegawaiId, t.tahun] }),
    index('tpp_baris_opd_idx').on(t.tppBulanId, t.opdId),
  ],
);
