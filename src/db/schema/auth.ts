/** Server-side sessions, login-failure counters, authenticator codes (TOTP) and single sign-on. */
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { KataSandiNonaktif } from '../../domain/sso.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

/**
 * A login through the instansi's OpenID provider: which instansi, and the ID token that is sent back
 * as `id_token_hint` when the session ends, so the provider ends its own session too.
 */
const asalSso = () => ({
  ssoInstansiId: integer().references(() => instansi.id),
  ssoIdToken: text(),
});

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
    /** The idle end: moved forward by use (sliding), never past `berakhirMutlakAt`. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** The absolute end: login + SESSION_MAX_HOURS. */
    berakhirMutlakAt: timestamp({ withTimezone: true }).notNull(),
    userAgent: text(),
    /**
     * Opened with the password alone while the policy requires a code and none is enrolled: only the
     * own-account routes until enrolment is confirmed.
     */
    wajibDaftarMfa: boolean().notNull().default(false),
    ...asalSso(),
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
    /** The code step after an SSO login: the session it opens is an SSO session. */
    ...asalSso(),
  },
  (t) => [index('mfa_tantangan_pegawai_idx').on(t.pegawaiId)],
);

/**
 * An instansi's OpenID Connect provider (issue 15 part 4; ADR 0014). The client secret is sealed
 * with the MFA key (bound to the instansi) and never leaves the server; the API says only whether
 * one is stored.
 */
export const ssoInstansi = pgTable('sso_instansi', {
  instansiId: integer()
    .primaryKey()
    .references(() => instansi.id),
  /** Off: no SSO button, the callback refuses, and the password login is open to everyone again. */
  aktif: boolean().notNull().default(false),
  penerbit: text().notNull(),
  clientId: text().notNull(),
  rahasiaKlienTersegel: text(),
  /** The claim of the ID token (or UserInfo) that carries the employee's NIP. */
  klaimNip: text().notNull(),
  /** Per role group: the password login is refused while SSO is active. */
  kataSandiNonaktif: jsonb().$type<KataSandiNonaktif>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
