/**
 * An assessor on leave hands the assessment of their subordinates to another official for a date
 * range (SPEC §5.1 practice); the delegate acts in the assessor's name, the assessor stays recorded.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

export const delegasiPenilai = pgTable(
  'delegasi_penilai',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** The pejabat penilai who is away. */
    pemberiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The official who assesses in their place. */
    penerimaId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** Inclusive dates in the instansi's time zone. */
    mulai: date().notNull(),
    selesai: date().notNull(),
    alasan: text().notNull(),
    dibuatOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dicabutAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('delegasi_rentang_ck', sql`${t.mulai} <= ${t.selesai}`),
    check('delegasi_orang_ck', sql`${t.pemberiId} <> ${t.penerimaId}`),
    index('delegasi_pemberi_idx').on(t.pemberiId, t.selesai),
    index('delegasi_penerima_idx').on(t.penerimaId, t.selesai),
  ],
);
