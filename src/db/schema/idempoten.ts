/**
 * Idempotency keys of the offline-capable writes (ADR 0010): a phone that lost the answer sends the
 * same request again with the same `Idempotency-Key`; the key, claimed in the write's own
 * transaction, makes the second one return the first answer and write nothing.
 */
import {
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const kunciIdempoten = pgTable(
  'kunci_idempoten',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    kunci: uuid().notNull(),
    /** Method and route pattern, e.g. 'POST /api/realisasi/:rhkId/:periode/log'. */
    rute: text().notNull(),
    /** SHA-256 of the route, its parameters and the body (without the optimistic-lock `version`). */
    sidik: text().notNull(),
    /** HTTP status and body of the first answer; null between the write's commit and storing them. */
    status: smallint(),
    respons: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('kunci_idempoten_pegawai_kunci_uq').on(t.pegawaiId, t.kunci),
    index('kunci_idempoten_created_idx').on(t.createdAt),
  ],
);
