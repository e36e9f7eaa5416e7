/** Server-side sessions and login-failure counters. */
import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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

/**
 * Failed logins (ADR 0006): one row per NIP and address key, plus one per NIP with address '' for
 * all addresses together. `last_at` is the last failure or the last attempt let through while
 * slowed down; rows idle for LOGIN_FORGET_HOURS are deleted as new failures come in.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    nip: text().notNull(),
    address: text().notNull(),
    failures: integer().notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.nip, t.address] }), index('login_throttle_last_at_idx').on(t.lastAt)],
);
