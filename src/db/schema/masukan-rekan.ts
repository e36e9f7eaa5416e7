/**
 * Peer input on behaviour (SPEC §5.3, optional): a colleague under the same pejabat penilai writes
 * about one BerAKHLAK value of an employee for a period; the assessor reads it with its author, the
 * employee without.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { KodeBerakhlak } from '../../domain/berakhlak.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const masukanRekan = pgTable(
  'masukan_rekan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** The employee the input is about. */
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The colleague who wrote it; never sent to `pegawaiId`. */
    penulisId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The period: '2026-07', '2026-Q3' or '2026-S2' (jadwal.ts). */
    periodeKode: text().notNull(),
    kode: text().$type<KodeBerakhlak>().notNull(),
    teks: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('masukan_rekan_pegawai_idx').on(t.pegawaiId, t.periodeKode),
    // One input per value: a second one replaces nothing silently, the author deletes first.
    uniqueIndex('masukan_rekan_uq').on(t.penulisId, t.pegawaiId, t.periodeKode, t.kode),
  ],
);
