/** Server-side sessions and login-failure counters. */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { pegawai } from './pegawai.js';

export const sesi = pgTable(
  'sesi',
  {
    /** SHA-256 of the cookie token: a stolen table does not yield usable cookies. */
    id: text().primaryKey(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
  },
  (t) => [index('sesi_pegawai_idx').on(t.pegawaiId), index('sesi_expires_idx').on(t.expiresAt)],
);

export const loginGagal = pgTable('login_gagal', {
  nip: text().primaryKey(),
  jumlah: integer().notNull(),
  pertamaAt: timestamp({ withTimezone: true }).notNull(),
  terkunciSampai: timestamp({ withTimezone: true }),
});
