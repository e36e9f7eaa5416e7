/** Attendance (SPEC §7.1): one row per employee per day, and the instansi's holiday calendar. */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { StatusApel, StatusKehadiran } from '../../domain/kehadiran.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';

/** A day's attendance as the attendance system reports it; a re-import of the same day replaces it. */
export const kehadiran = pgTable(
  'kehadiran',
  {
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    tanggal: date().notNull(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** Clock times in the instansi's zone; null when there is no record. */
    jamMasuk: time(),
    jamPulang: time(),
    status: text().$type<StatusKehadiran>().notNull(),
    keterangan: text(),
    /** The day's required ceremony (apel/upacara) as imported: attended, missed, or null (none recorded). */
    apel: text().$type<StatusApel>(),
    /** Where it came from: 'IMPOR' (a file) or 'API' (a token's name). */
    sumber: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pegawaiId, t.tanggal] }),
    index('kehadiran_instansi_tanggal_idx').on(t.instansiId, t.tanggal),
    check(
      'kehadiran_status_ck',
      sql`${t.status} IN ('HADIR', 'DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN', 'TANPA_KETERANGAN')`,
    ),
    check('kehadiran_apel_ck', sql`${t.apel} IN ('HADIR', 'TIDAK_HADIR')`),
  ],
);

/** Holidays and collective leave (cuti bersama) of an instansi: not working days. */
export const hariLibur = pgTable(
  'hari_libur',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    tanggal: date().notNull(),
    keterangan: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('hari_libur_uq').on(t.instansiId, t.tanggal)],
);
