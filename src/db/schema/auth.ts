/** Server-side sessions, login-failure counters and authenticator codes (TOTP). */
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
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
    /**
     * Opened with the password alone while the policy requires a code and none is enrolled: only the
     * own-account routes until enrolment is confirmed.
     */
    wajibDaftarMfa: boolean().notNull().default(false),
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

/** One authenticator per employee. Secrets are AES-256-GCM sealed with the MFA key (not in this table). */
export const mfaPegawai = pgTable('mfa_pegawai', {
  pegawaiId: integer()
    .primaryKey()
    .references(() => pegawai.id),
  /** The confirmed secret; null while only an enrolment is pending. */
  rahasia: text(),
  aktifAt: timestamp({ withTimezone: true }),
  /** An enrolment started and not yet confirmed; the confirmed secret keeps working meanwhile. */
  rahasiaBaru: text(),
  /** The last RFC 6238 time step accepted: codes of this step or earlier are refused (no replay). */
  langkahTerakhir: bigint({ mode: 'number' }),
});

/** Single-use recovery codes: keyed HMAC-SHA-256 of the normalised code; a used code is deleted. */
export const mfaKodePemulihan = pgTable(
  'mfa_kode_pemulihan',
  {
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    hash: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.pegawaiId, t.hash] })],
);

/** The code step after a correct password: short-lived, single-use, a bounded number of codes. */
export const mfaTantangan = pgTable(
  'mfa_tantangan',
  {
    /** SHA-256 of the token given to the client. */
    id: text().primaryKey(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    kedaluwarsaAt: timestamp({ withTimezone: true }).notNull(),
    percobaan: smallint().notNull().default(0),
  },
  (t) => [index('mfa_tantangan_pegawai_idx').on(t.pegawaiId)],
);
