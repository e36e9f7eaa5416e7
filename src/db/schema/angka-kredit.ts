/** Angka kredit (SPEC §7.2): the credit points a functional employee brings in (conversion/integration). */
import { integer, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { pegawai } from './pegawai.js';

export const angkaKreditAwal = pgTable('angka_kredit_awal', {
  pegawaiId: integer()
    .primaryKey()
    .references(() => pegawai.id),
  nilai: numeric({ precision: 10, scale: 3, mode: 'number' }).notNull(),
  /** The year from which the system's own evaluations are added. */
  tahunMulai: integer().notNull(),
  keterangan: text(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
