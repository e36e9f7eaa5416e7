/**
 * The monthly cycle (SPEC §5): realisasi per RHK per period with evidence and an optional daily log,
 * every assessment round as a thread, feedback per RHK and per BerAKHLAK value, periodic ratings.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { CapaianRhk, PredikatPegawai, Rating, SumberPenilaian } from '../../domain/predikat.js';
import type { StatusRealisasi } from '../../domain/realisasi-workflow.js';
import { instansi } from './org.js';
import { pegawai } from './pegawai.js';
import { rhk, skp } from './skp.js';

export const realisasi = pgTable(
  'realisasi',
  {
    // The key carries the year: the table is partitioned by `tahun` (ADR 0028).
    id: integer().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skp.id),
    rhkId: integer()
      .notNull()
      .references(() => rhk.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The period: '2026-07', '2026-Q3' or '2026-S2' (jadwal.ts). */
    periodeKode: text().notNull(),
    /** The year of `periodeKode`, the partition key (ADR 0028); its children carry it too. */
    tahun: smallint().notNull(),
    rencanaAksi: text(),
    targetAksi: text(),
    nilai: numeric({ precision: 18, scale: 4, mode: 'number' }),
    satuan: text(),
    teks: text(),
    status: text().$type<StatusRealisasi>().notNull().default('DRAFT'),
    /** The assessor's judgement of the result against its target, the input to the rating suggestion. */
    capaian: text().$type<CapaianRhk>(),
    /** The direction of the last "perlu perbaikan", shown until it is corrected. */
    arahan: text(),
    pejabatPenilaiId: integer().references(() => pegawai.id),
    diajukanAt: timestamp({ withTimezone: true }),
    dinilaiAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.tahun] }),
    // A partitioned table's unique keys hold its partition key; the period already fixes the year.
    uniqueIndex('realisasi_rhk_periode_uq').on(t.rhkId, t.periodeKode, t.tahun),
    index('realisasi_pegawai_periode_idx').on(t.pegawaiId, t.periodeKode),
    // The month of one plan (every month view and submission reads it this way).
    index('realisasi_skp_periode_idx').on(t.skpId, t.periodeKode),
    index('realisasi_penilai_periode_idx').on(t.pejabatPenilaiId, t.periodeKode, t.status),
    index('realisasi_instansi_periode_idx').on(t.instansiId, t.periodeKode, t.status),
  ],
);

/** A child's foreign key to its realisasi: the whole key (id, tahun), as partitioning requires (ADR 0028). */
const keRealisasi = (t: { realisasiId: AnyPgColumn; tahun: AnyPgColumn }) =>
  foreignKey({ columns: [t.realisasiId, t.tahun], foreignColumns: [realisasi.id, realisasi.tahun] }).onDelete(
    'cascade',
  );

/** Evidence: a link with a description, or a file kept outside the database (its key and SHA-256). */
export const buktiDukung = pgTable(
  'bukti_dukung',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    realisasiId: integer().notNull(),
    /** The year of its realisasi's period: the foreign key names the realisasi's whole key (ADR 0028). */
    tahun: smallint().notNull(),
    jenis: text().$type<'TAUTAN' | 'BERKAS'>().notNull(),
    deskripsi: text().notNull(),
    url: text(),
    berkasKunci: text(),
    namaBerkas: text(),
    mime: text(),
    ukuran: integer(),
    sha256: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    keRealisasi(t),
    index('bukti_realisasi_idx').on(t.realisasiId),
    index('bukti_sha256_idx').on(t.sha256),
  ],
);

/** Every step of a realisasi (submitted, accepted, sent back with a direction, corrected): the thread. */
export const realisasiRiwayat = pgTable(
  'realisasi_riwayat',
  {
    id: integer().generatedAlwaysAsIdentity(),
    realisasiId: integer().notNull(),
    /**
     * The year of the realisasi's period, the partition key (ADR 0025): a thread stays in its period's
     * year even when December is assessed in January, so a year is archived with its whole thread.
     * It is also the realisasi's own partition key, named by the foreign key (ADR 0028).
     */
    tahun: smallint().notNull(),
    /** Assessment round: 1 for the first submission, +1 for each correction. */
    putaran: smallint().notNull(),
    aksi: text().$type<'AJUKAN' | 'TERIMA' | 'PERLU_PERBAIKAN' | 'PERBAIKI'>().notNull(),
    olehId: integer()
      .notNull()
      .references(() => pegawai.id),
    catatan: text(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.tahun] }),
    keRealisasi(t),
    index('realisasi_riwayat_idx').on(t.realisasiId, t.id),
  ],
);

/** Umpan balik from the assessor: per realisasi (RHK), or per BerAKHLAK value of the plan in a period. */
export const umpanBalik = pgTable(
  'umpan_balik',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    skpId: integer()
      .notNull()
      .references(() => skp.id),
    periodeKode: text().notNull(),
    /** The year of `periodeKode`, with `realisasiId` the key of the realisasi it is about (ADR 0028). */
    tahun: smallint().notNull(),
    realisasiId: integer(),
    /** A BerAKHLAK code when the feedback is on behaviour. */
    kode: text(),
    teks: text().notNull(),
    olehId: integer()
      .notNull()
      .references(() => pegawai.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [keRealisasi(t), index('umpan_balik_skp_periode_idx').on(t.skpId, t.periodeKode)],
);

/** The periodic evaluation of one plan: both ratings and the predikat they give (SPEC §6.2). */
export const penilaianPeriodik = pgTable(
  'penilaian_periodik',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The plan's instansi, carried so a period of one instansi is read without the others' (docs/deploy.md). */
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skp.id),
    periodeKode: text().notNull(),
    ratingHasilKerja: text().$type<Rating>().notNull(),
    ratingPerilaku: text().$type<Rating>().notNull(),
    predikat: text().$type<PredikatPegawai>().notNull(),
    catatan: text(),
    penilaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /**
     * LOKAL: rated here by the assessor; IMPOR_NASIONAL: the predikat of the national application's
     * report, imported by the BKD (ratings are the predikat's canonical pair, penilai the plan's
     * assessor — ADR "national results as a source").
     */
    sumber: text().$type<SumberPenilaian>().notNull().default('LOKAL'),
    version: integer().notNull().default(1),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('penilaian_periodik_uq').on(t.skpId, t.periodeKode),
    check('penilaian_periodik_sumber_ck', sql`${t.sumber} IN ('LOKAL', 'IMPOR_NASIONAL')`),
    // A period of one instansi: the curves, the TPP, the tim penilai's list of those below expectation.
    index('penilaian_periodik_instansi_periode_idx').on(t.instansiId, t.periodeKode, t.predikat),
  ],
);

/**
 * Progres harian (SPEC §5.2, §12): the daily entries that sum into the realisasi of their RHK and period
 * (its rencana aksi is the entry's Rencana Aksi). The day rules (log-harian.service.ts) apply on write;
 * rows from before them keep their times and stay as they were (see the migration progres_harian).
 */
export const logHarian = pgTable(
  'log_harian',
  {
    // The key carries the date: the table is partitioned by year of `tanggal` (ADR 0025).
    id: integer().generatedAlwaysAsIdentity(),
    realisasiId: integer().notNull(),
    /** The year of its realisasi's period (not always the entry's own: ADR 0028). */
    tahun: smallint().notNull(),
    tanggal: date().notNull(),
    jamMulai: text().notNull(),
    jamSelesai: text().notNull(),
    kegiatan: text().notNull(),
    kuantitas: integer().notNull(),
    satuan: text().notNull(),
    buktiDukung: text(),
    /** A file of the realisasi's evidence (the existing storage) this entry points at. */
    buktiBerkasId: integer().references(() => buktiDukung.id, { onDelete: 'set null' }),
    /** When it was first recorded; null for entries from before progres harian (unknown). */
    dicatatAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.tanggal] }),
    keRealisasi(t),
    index('log_harian_realisasi_idx').on(t.realisasiId, t.tanggal),
    // Compliance per day reads a month of every employee's entries by date (kepatuhan-harian.queries.ts).
    index('log_harian_tanggal_idx').on(t.tanggal),
  ],
);

/** The assessor's comment on one day of an employee's progres harian, shown to the employee. */
export const komentarProgresHarian = pgTable(
  'komentar_progres_harian',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    tanggal: date().notNull(),
    teks: text().notNull(),
    olehId: integer()
      .notNull()
      .references(() => pegawai.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('komentar_progres_harian_idx').on(t.pegawaiId, t.tanggal)],
);
