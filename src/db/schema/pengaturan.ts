/** Per-instansi settings that SPEC marks configurable; one row per instansi, defaults from SPEC. */
import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { instansi } from './org.js';

export const pengaturan = pgTable('pengaturan', {
  instansiId: integer()
    .primaryKey()
    .references(() => instansi.id),
  /** SKP deadline of the year as MM-DD (SPEC §4.6: end of January). */
  batasSkp: text().notNull().default('01-31'),
  /** Whether open dibagi-habis problems block approving a leader's SKP (otherwise they warn). */
  cakupanMemblokir: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
