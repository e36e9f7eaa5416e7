/** In-app notifications: what a user should look at (returned plans, links to review, reminders). */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { pegawai } from './pegawai.js';

export const notifikasi = pgTable(
  'notifikasi',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    jenis: text().notNull(),
    judul: text().notNull(),
    pesan: text().notNull(),
    /** A path in the web app to open. */
    tautan: text(),
    dariId: integer().references(() => pegawai.id),
    /** Set for reminders a job sends, so running it twice notifies once (e.g. 'tenggat:INPUT:2026-07'). */
    kunci: text(),
    dibacaAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifikasi_pegawai_idx').on(t.pegawaiId, t.id.desc()),
    index('notifikasi_belum_dibaca_idx').on(t.pegawaiId).where(sql`${t.dibacaAt} IS NULL`),
    uniqueIndex('notifikasi_kunci_uq').on(t.pegawaiId, t.kunci).where(sql`${t.kunci} IS NOT NULL`),
  ],
);
