/** Employees, their position history (mutations, Plt/Plh) and administrative roles. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import type { JenisAtasanOverride, JenisPenugasan, Peran } from '../../domain/jabatan.js';
import type { JenisAsn } from '../../domain/nip.js';
import { instansi, jabatan, unor } from './org.js';

export const pegawai = pgTable(
  'pegawai',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** 18 digits, always text (SPEC §9); unique nationally. */
    nip: text().notNull().unique(),
    gelarDepan: text(),
    nama: text().notNull(),
    gelarBelakang: text(),
    jenisAsn: text().$type<JenisAsn>().notNull(),
    golongan: text().notNull(),
    /** Current definitive position; the history is in penugasan. */
    jabatanId: integer().references(() => jabatan.id),
    /** Denormalised from jabatan so lists and scopes filter without joins. */
    unorId: integer().references(() => unor.id),
    opdId: integer().references(() => unor.id),
    /** Admin override of the computed superior (SPEC §3: the most common complaint). */
    atasanOverrideId: integer().references((): AnyPgColumn => pegawai.id),
    atasanOverrideAlasan: text(),
    /**
     * Set exactly when the override is (a check in migration 0019): KETUA_TIM names a functional
     * employee's team lead, KOREKSI corrects a wrong or missing superior.
     */
    atasanOverrideJenis: text().$type<JenisAtasanOverride>(),
    isActive: boolean().notNull().default(true),
    passwordHash: text(),
    mustChangePassword: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pegawai_jabatan_idx').on(t.jabatanId),
    index('pegawai_unor_idx').on(t.unorId),
    index('pegawai_opd_nama_idx').on(t.opdId, t.nama),
    index('pegawai_instansi_nama_idx').on(t.instansiId, t.nama, t.id),
    index('pegawai_override_idx').on(t.atasanOverrideId),
    // Led by the instansi (btree_gin), so a search reads only its own instansi's matches (ADR 0033).
    index('pegawai_instansi_nama_trgm_idx').using('gin', t.instansiId, sql`lower(${t.nama}) gin_trgm_ops`),
    index('pegawai_instansi_nip_pattern_idx').on(t.instansiId, t.nip.op('text_pattern_ops')),
  ],
);

export const penugasan = pgTable(
  'penugasan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    jabatanId: integer()
      .notNull()
      .references(() => jabatan.id),
    /** DEFINITIF, PLT or PLH. */
    jenis: text().$type<JenisPenugasan>().notNull(),
    tmtMulai: date().notNull(),
    tmtSelesai: date(),
    alasan: text(),
    createdBy: integer().references(() => pegawai.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('penugasan_pegawai_idx').on(t.pegawaiId, t.tmtMulai),
    index('penugasan_jabatan_idx').on(t.jabatanId, t.jenis),
  ],
);

export const peranPegawai = pgTable(
  'peran_pegawai',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** ADMIN_INSTANSI, ADMIN_OPD (with opdId) or TIM_PENILAI. */
    peran: text().$type<Peran>().notNull(),
    opdId: integer().references(() => unor.id),
  },
  (t) => [unique('peran_pegawai_uq').on(t.pegawaiId, t.peran, t.opdId).nullsNotDistinct()],
);
