/**
 * The runs of the periodic jobs that must happen once per scheduled time however many instances
 * schedule them: each instance claims the (job, slot) row before working, the first wins.
 */
import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const tugasJalan = pgTable(
  'tugas_jalan',
  {
    nama: text().notNull(),
    /** The scheduled instant of the run (croner's), the same on every instance. */
    slot: timestamp({ withTimezone: true }).notNull(),
    /** `<host>:<pid>` of the instance that ran it. */
    node: text().notNull(),
    mulaiAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nama, t.slot] })],
);
