/** SKP: the annual plan per employee per position (SPEC §4): RHK → IKI, intervensi, perilaku, lampiran. */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Aspek, JenisLampiran, JenisRhk, Pendekatan, Perspektif } from '../../domain/skp.js';
import type { StatusSkp } from '../../domain/skp-workflow.js';
import { instansi, jabatan, unor } from './org.js';
import { pegawai } from './pegawai.js';

/** Perjanjian Kinerja: a unit's performance agreement for a year; JPT RHKs derive from its items. */
export const perjanjianKinerja = pgTable(
  'perjanjian_kinerja',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unorId: integer()
      .notNull()
      .references(() => unor.id),
    tahun: smallint().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pk_unor_tahun_uq').on(t.unorId, t.tahun)],
);

/** A sasaran strategis with its indicator and target (IKM may be one). */
export const pkSasaran = pgTable(
  'pk_sasaran',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    pkId: integer()
      .notNull()
      .references(() => perjanjianKinerja.id, { onDelete: 'cascade' }),
    urutan: smallint().notNull(),
    sasaran: text().notNull(),
    indikator: text().notNull(),
    targetNilai: numeric({ precision: 18, scale: 4, mode: 'number' }),
    targetSatuan: text(),
    targetTeks: text(),
  },
  (t) => [index('pk_sasaran_pk_idx').on(t.pkId, t.urutan)],
);

export const skp = pgTable(
  'skp',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The position this plan is for; a mutation starts a new SKP. */
    jabatanId: integer()
      .notNull()
      .references(() => jabatan.id),
    tahun: smallint().notNull(),
    periodeMulai: date().notNull(),
    periodeAkhir: date().notNull(),
    pendekatan: text().$type<Pendekatan>().notNull(),
    /** A JPT position: the head of region assesses and approves (SPEC §4.6). */
    isJpt: boolean().notNull(),
    /** JPT layout (perspektif, no intervensi), fixed at creation so a plan keeps its form (SPEC §4.2). */
    formatJpt: boolean().notNull().default(false),
    status: text().$type<StatusSkp>().notNull().default('DRAFT'),
    /** Plan revision: an approved SKP changes only through a new versi. */
    versi: smallint().notNull().default(1),
    versiSebelumnyaId: integer().references((): AnyPgColumn => skp.id),
    catatanPengembalian: text(),
    /** Who it was submitted to (the pejabat penilai at that moment). */
    pejabatPenilaiId: integer().references(() => pegawai.id),
    diajukanAt: timestamp({ withTimezone: true }),
    disetujuiAt: timestamp({ withTimezone: true }),
    disetujuiOlehId: integer().references(() => pegawai.id),
    /** Identity of employee and assessor as printed, frozen at approval. */
    identitas: jsonb(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('skp_pegawai_tahun_idx').on(t.pegawaiId, t.tahun, t.versi),
    index('skp_penilai_status_idx').on(t.pejabatPenilaiId, t.status),
    index('skp_instansi_tahun_status_idx').on(t.instansiId, t.tahun, t.status),
    // Plans by position: the acting official's plan (rencana_atasan), an old plan's assessor (penilai_skp).
    index('skp_jabatan_tahun_idx').on(t.jabatanId, t.tahun),
  ],
);

export const rhk = pgTable(
  'rhk',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    skpId: integer()
      .notNull()
      .references(() => skp.id, { onDelete: 'cascade' }),
    /** The plan's instansi and year, carried from its SKP so an instansi's year is read by index (ADR 0030). */
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    tahun: smallint().notNull(),
    jenis: text().$type<JenisRhk>().notNull(),
    urutan: smallint().notNull(),
    rencana: text().notNull(),
    penugasanDari: text(),
    /** Set when the superior's RHK it intervenes was changed or removed. */
    perluDitinjau: boolean().notNull().default(false),
    /** For JPT plans: the Perjanjian Kinerja item this RHK derives from. */
    pkSasaranId: integer().references(() => pkSasaran.id),
    /** The RHK of the previous version this one was copied from, so subordinates' links can follow. */
    asalRhkId: integer().references((): AnyPgColumn => rhk.id),
  },
  (t) => [
    index('rhk_skp_idx').on(t.skpId, t.urutan),
    index('rhk_asal_idx').on(t.asalRhkId),
    index('rhk_instansi_tahun_idx').on(t.instansiId, t.tahun),
  ],
);

export const iki = pgTable(
  'iki',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    rhkId: integer()
      .notNull()
      .references(() => rhk.id, { onDelete: 'cascade' }),
    /** The plan's instansi and year, carried from its RHK so an instansi's year is read by index (ADR 0030). */
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    tahun: smallint().notNull(),
    urutan: smallint().notNull(),
    aspek: text().$type<Aspek>(),
    indikator: text().notNull(),
    targetNilai: numeric({ precision: 18, scale: 4, mode: 'number' }),
    targetNilaiMaks: numeric({ precision: 18, scale: 4, mode: 'number' }),
    targetSatuan: text(),
    targetTeks: text(),
    perspektif: text().$type<Perspektif>(),
    /**
     * The unit as dibagi habis compares it ("Dokumen " = "dokumen"; satuanKunci in the domain), kept
     * by the database so the instansi report does not normalise 10^6 rows per request.
     */
    satuanKunci: text()
      .notNull()
      .generatedAlwaysAs(sql`lower(btrim(regexp_replace(coalesce(target_satuan, ''), '\\s+', ' ', 'g')))`),
  },
  (t) => [
    index('iki_rhk_idx').on(t.rhkId, t.urutan),
    index('iki_instansi_tahun_idx').on(t.instansiId, t.tahun),
  ],
);

/** A subordinate RHK serves ("intervenes") an RHK of the superior's SKP: a real reference, never text. */
export const rhkIntervensi = pgTable(
  'rhk_intervensi',
  {
    rhkId: integer()
      .notNull()
      .references(() => rhk.id, { onDelete: 'cascade' }),
    atasanRhkId: integer()
      .notNull()
      .references(() => rhk.id),
    /** The plan's instansi and year, carried from its (subordinate's) RHK so an instansi's year is read by index (ADR 0030). */
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    tahun: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rhkId, t.atasanRhkId] }),
    index('rhk_intervensi_atasan_idx').on(t.atasanRhkId),
    index('rhk_intervensi_instansi_tahun_idx').on(t.instansiId, t.tahun),
  ],
);

/** The assessor's ekspektasi khusus pimpinan per BerAKHLAK value. */
export const skpPerilaku = pgTable(
  'skp_perilaku',
  {
    skpId: integer()
      .notNull()
      .references(() => skp.id, { onDelete: 'cascade' }),
    kode: text().notNull(),
    ekspektasi: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.skpId, t.kode] })],
);

/** Lampiran SKP (SPEC §4.5): three lists written by the assessor. */
export const skpLampiran = pgTable(
  'skp_lampiran',
  {
    skpId: integer()
      .notNull()
      .references(() => skp.id, { onDelete: 'cascade' }),
    jenis: text().$type<JenisLampiran>().notNull(),
    urutan: smallint().notNull(),
    teks: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.skpId, t.jenis, t.urutan] })],
);
