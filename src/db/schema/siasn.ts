/**
 * The bridge to the national system (SIASN, SPEC §12): the BKD's settings per instansi (secrets
 * sealed, never returned), the transactional outbox of final evaluations and every attempt's answer.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type {
  FaktaSiasn,
  HasilPercobaanSiasn,
  JenisPesanSiasn,
  PemetaanSiasn,
  StatusPesanSiasn,
} from '../../domain/siasn.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const pengaturanSiasn = pgTable('pengaturan_siasn', {
  instansiId: integer()
    .primaryKey()
    .references(() => instansi.id),
  /** Off by default: nothing is enqueued or sent until the BKD turns it on. */
  aktif: boolean().notNull().default(false),
  /** The web service, e.g. https://apimws.bkn.go.id:8243/apisiasn/1.0 (or the training host). */
  baseUrl: text().notNull().default(''),
  /** The OAuth2 token endpoint (client credentials). */
  tokenUrl: text().notNull().default(''),
  clientId: text().notNull().default(''),
  /** AES-256-GCM sealed (siasn-kunci.ts); null until set. */
  clientSecretSegel: text(),
  /** The SSO (OpenID Connect password grant) endpoint and account the gateway also requires. */
  ssoTokenUrl: text().notNull().default(''),
  ssoClientId: text().notNull().default(''),
  ssoUsername: text().notNull().default(''),
  ssoPasswordSegel: text(),
  pemetaan: jsonb().$type<Partial<PemetaanSiasn>>().notNull().default({}),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The outbox: one message per evaluation and version, enqueued in the transaction that made it final. */
export const siasnPesan = pgTable(
  'siasn_pesan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    jenis: text().$type<JenisPesanSiasn>().notNull(),
    /** penilaian_periodik.id or evaluasi_tahunan.id, and its version when it became final. */
    sumberId: integer().notNull(),
    sumberVersi: integer().notNull(),
    /** The idempotency key `JENIS:sumberId:vN`: a second enqueue of the same version adds nothing. */
    kunci: text().notNull(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    nip: text().notNull(),
    /** e.g. "2026-07" or "2026" — what the BKD's list shows. */
    periodeLabel: text().notNull(),
    fakta: jsonb().$type<FaktaSiasn>().notNull(),
    status: text().$type<StatusPesanSiasn>().notNull().default('MENUNGGU'),
    percobaan: smallint().notNull().default(0),
    berikutnyaAt: timestamp({ withTimezone: true }).notNull(),
    /** While MENGIRIM: until when the runner that claimed it owns it (a crashed runner's claim lapses). */
    klaimSampai: timestamp({ withTimezone: true }),
    /** The employee's id in SIASN, looked up by NIP once. */
    pnsId: text(),
    /** The national record's id from the success answer (sent as `id` with a later version). */
    idNasional: text(),
    alasan: text(),
    jawabanTerakhir: text(),
    dibuatAt: timestamp({ withTimezone: true }).notNull(),
    terkirimAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('siasn_pesan_kunci_uq').on(t.instansiId, t.kunci),
    // The job's claim: the due waiting ones across instansi.
    index('siasn_pesan_antre_idx').on(t.berikutnyaAt).where(sql`${t.status} IN ('MENUNGGU', 'MENGIRIM')`),
    index('siasn_pesan_daftar_idx').on(t.instansiId, t.status, t.id),
    index('siasn_pesan_sumber_idx').on(t.jenis, t.sumberId),
  ],
);

/** Every attempt: what was sent and what the national system answered. */
export const siasnPercobaan = pgTable(
  'siasn_percobaan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pesanId: integer()
      .notNull()
      .references(() => siasnPesan.id, { onDelete: 'cascade' }),
    ke: smallint().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** Null: no answer (network error, time-out). */
    httpStatus: smallint(),
    body: jsonb(),
    jawaban: text(),
    hasil: text().$type<HasilPercobaanSiasn>().notNull(),
  },
  (t) => [index('siasn_percobaan_pesan_idx').on(t.pesanId, t.ke)],
);
