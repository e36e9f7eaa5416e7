/**
 * Windows an admin opened outside the schedule (SPEC §5.1) for one employee or one unit (and its
 * subtree), until `berakhir`; nothing closes them but the clock or an early revocation.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { JenisJendela } from '../../domain/jadwal.js';
import { instansi, unor } from './org.js';
import { pegawai } from './pegawai.js';

export const bukaanJendela = pgTable(
  'bukaan_jendela',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    jenis: text().$type<JenisJendela>().notNull(),
    /** The period whose window is opened: '2026-07', '2026-Q3' or '2026-S2'. */
    periodeKode: text().notNull(),
    pegawaiId: integer().references(() => pegawai.id),
    unorId: integer().references(() => unor.id),
    alasan: text().notNull(),
    /** Exclusive end: from this instant the exception no longer applies. */
    berakhir: timestamp({ withTimezone: true }).notNull(),
    dibuatOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    dicabutAt: timestamp({ withTimezone: true }),
    dicabutOlehId: integer().references(() => pegawai.id),
  },
  (t) => [
    check('bukaan_jendela_jenis_ck', sql`${t.jenis} IN ('INPUT', 'PENILAIAN', 'PERBAIKAN')`),
    check('bukaan_jendela_sasaran_ck', sql`(${t.pegawaiId} IS NULL) <> (${t.unorId} IS NULL)`),
    index('bukaan_jendela_periode_idx').on(t.instansiId, t.periodeKode, t.jenis),
    index('bukaan_jendela_pegawai_idx').on(t.pegawaiId).where(sql`${t.pegawaiId} IS NOT NULL`),
    index('bukaan_jendela_unor_idx').on(t.unorId).where(sql`${t.unorId} IS NOT NULL`),
    index('bukaan_jendela_instansi_idx').on(t.instansiId, t.id.desc()),
  ],
);
