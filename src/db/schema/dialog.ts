/**
 * Dialog kinerja (SPEC §5.4): recorded conversations between a leader and an employee, linked to
 * RHKs, with follow-ups that wait in the inbox until done and the employee's B.1.8 rating.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { JenisDialog } from '../../domain/dialog.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';
import { rhk } from './skp.js';

export const dialogKinerja = pgTable(
  'dialog_kinerja',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** The employee the conversation is about. */
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The leader who held it (the recorder). */
    pimpinanId: integer()
      .notNull()
      .references(() => pegawai.id),
    tanggal: date().notNull(),
    jenis: text().$type<JenisDialog>().notNull(),
    topik: text().notNull(),
    kesepakatan: text(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dialog_pegawai_idx').on(t.pegawaiId, t.tanggal.desc()),
    index('dialog_pimpinan_idx').on(t.pimpinanId, t.tanggal.desc()),
  ],
);

/** Other participants besides the employee and the leader. */
export const dialogPeserta = pgTable(
  'dialog_peserta',
  {
    dialogId: integer()
      .notNull()
      .references(() => dialogKinerja.id, { onDelete: 'cascade' }),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
  },
  (t) => [
    primaryKey({ columns: [t.dialogId, t.pegawaiId] }),
    index('dialog_peserta_pegawai_idx').on(t.pegawaiId),
  ],
);

export const dialogRhk = pgTable(
  'dialog_rhk',
  {
    dialogId: integer()
      .notNull()
      .references(() => dialogKinerja.id, { onDelete: 'cascade' }),
    rhkId: integer()
      .notNull()
      .references(() => rhk.id),
  },
  (t) => [primaryKey({ columns: [t.dialogId, t.rhkId] }), index('dialog_rhk_rhk_idx').on(t.rhkId)],
);

/** A follow-up with a due date and whoever must do it; open ones show in that person's inbox. */
export const dialogTindakLanjut = pgTable(
  'dialog_tindak_lanjut',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    dialogId: integer()
      .notNull()
      .references(() => dialogKinerja.id, { onDelete: 'cascade' }),
    uraian: text().notNull(),
    penanggungJawabId: integer()
      .notNull()
      .references(() => pegawai.id),
    tenggat: date().notNull(),
    selesaiAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('dialog_tl_dialog_idx').on(t.dialogId),
    index('dialog_tl_terbuka_idx').on(t.penanggungJawabId, t.tenggat).where(sql`${t.selesaiAt} IS NULL`),
  ],
);

/** Format B.1.8: the employee rates a coaching session, nine statements scored 1–4 (SPEC §5.4). */
export const dialogPenilaian = pgTable('dialog_penilaian', {
  dialogId: integer()
    .primaryKey()
    .references(() => dialogKinerja.id, { onDelete: 'cascade' }),
  /** Scores in the order of the nine statements. */
  skor: smallint().array().notNull(),
  saran: text(),
  at: timestamp({ withTimezone: true }).notNull(),
});
