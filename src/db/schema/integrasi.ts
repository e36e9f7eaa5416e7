/** Integration API tokens: created by the BKD admin with scopes, stored as a SHA-256 hash only. */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const tokenApi = pgTable(
  'token_api',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    nama: text().notNull(),
    /** The first characters of the token, shown to tell tokens apart. */
    prefiks: text().notNull(),
    /** SHA-256 (hex) of the whole token. */
    hash: text().notNull().unique(),
    /** e.g. ['BACA_PEGAWAI', 'TULIS_KEHADIRAN']. */
    cakupan: text().array().notNull(),
    kedaluwarsaAt: timestamp({ withTimezone: true }).notNull(),
    dicabutAt: timestamp({ withTimezone: true }),
    dibuatOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    terakhirDipakaiAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('token_api_instansi_idx').on(t.instansiId, t.createdAt)],
);
