/** Organisation: instansi, unor tree, positions (jabatan) with their superior position. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { JenisJabatan, JenisUnor, JenjangFungsional } from '../../domain/jabatan.js';

export const instansi = pgTable('instansi', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  kode: text().notNull().unique(),
  nama: text().notNull(),
  jenis: text().notNull(),
  /** IANA zone: the instansi's months and windows are counted in it (WITA for Gorontalo). */
  zonaWaktu: text().notNull().default('Asia/Makassar'),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const unor = pgTable(
  'unor',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    parentId: integer().references((): AnyPgColumn => unor.id),
    /** The OPD this unit belongs to (itself for an OPD); null above OPD level. Denormalised for scoping. */
    opdId: integer().references((): AnyPgColumn => unor.id),
    jenis: text().$type<JenisUnor>().notNull(),
    kode: text(),
    nama: text().notNull(),
    /** Materialised path of ids, "/1/5/23/", for subtree queries with a prefix index. */
    path: text().notNull(),
    urutan: integer().notNull().default(0),
  },
  (t) => [
    index('unor_parent_idx').on(t.instansiId, t.parentId, t.urutan),
    index('unor_path_idx').on(t.path.op('text_pattern_ops')),
    index('unor_opd_idx').on(t.opdId),
    index('unor_nama_idx').on(t.instansiId, sql`lower(${t.nama})`),
  ],
);

export const jabatan = pgTable(
  'jabatan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unorId: integer()
      .notNull()
      .references(() => unor.id),
    nama: text().notNull(),
    jenis: text().$type<JenisJabatan>().notNull(),
    jenjang: text().$type<JenjangFungsional>(),
    kelasJabatan: smallint(),
    /** The superior position: the assessor is whoever holds it (SPEC §3). */
    atasanJabatanId: integer().references((): AnyPgColumn => jabatan.id),
    isKepalaUnor: boolean().notNull().default(false),
    /** Heads an independent unit (UPT, unit under the head of OPD/region): JPT plan layout (SPEC §4.2). Set by the BKD. */
    kepalaUnitMandiri: boolean().notNull().default(false),
  },
  (t) => [
    index('jabatan_unor_idx').on(t.unorId),
    index('jabatan_atasan_idx').on(t.atasanJabatanId),
    unique('jabatan_unor_nama_uq').on(t.unorId, t.nama),
  ],
);
