/**
 * Long work a user started and may leave (ADR 0011): a TPP computation, a bulk ZIP of documents.
 * The row is the work's progress and outcome; the result file lives in storage under `hasil_kunci`.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const pekerjaan = pgTable(
  'pekerjaan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** Only the one who started it sees it. */
    pemilikId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** e.g. TPP_HITUNG, DOKUMEN_ZIP, EKSPOR, IMPOR (contracts/pekerjaan.ts). */
    jenis: text().notNull(),
    /** What it is about in words, e.g. "TPP Oktober 2026". */
    judul: text().notNull(),
    status: text().notNull().default('BERJALAN'),
    /** Work that must not run twice at once in an instansi (e.g. one month's TPP) shares a key. */
    kunci: text(),
    /** Rows or documents: null until the work knows how many. */
    total: integer(),
    selesai: integer().notNull().default(0),
    /** The step in words while it runs; the failure's message once it failed. */
    pesan: text(),
    /** Storage key of the result file, and the name it is downloaded under. */
    hasilKunci: text(),
    hasilNama: text(),
    /** Where the UI opens when the work is done (a page of the app, not a file). */
    tautan: text(),
    mulaiAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Written with each progress step: a running row not written for long lost its process. */
    diperbaruiAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    selesaiAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('pekerjaan_pemilik_idx').on(t.pemilikId, t.id),
    uniqueIndex('pekerjaan_kunci_berjalan_uq')
      .on(t.instansiId, t.kunci)
      .where(sql`status = 'BERJALAN' and kunci is not null`),
    index('pekerjaan_berjalan_idx').on(t.diperbaruiAt).where(sql`status = 'BERJALAN'`),
    check('pekerjaan_status_cek', sql`${t.status} in ('BERJALAN', 'SELESAI', 'GAGAL')`),
  ],
);
