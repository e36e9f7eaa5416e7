/**
 * Penilaian (SPEC §6): the organisation's predikat per unit and period, the unit leader's penetapan
 * of the distribution, the annual evaluation per SKP, objections, the tim penilai's recommendations,
 * the quarterly evaluation of PPPK paruh waktu,
 * and the registry of printed documents that anyone can verify.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type {
  DasarPutusan,
  KeputusanKeberatan,
  StatusEvaluasi,
  StatusKeberatan,
} from '../../domain/evaluasi.js';
import type { RekomendasiKontrak, StatusEvaluasiTriwulan } from '../../domain/pppk-paruh-waktu.js';
import type { PredikatOrganisasi, PredikatPegawai, Rating, SumberPenilaian } from '../../domain/predikat.js';
import { instansi, unor } from './org.js';
import { pegawai } from './pegawai.js';
import { skp } from './skp.js';

/**
 * Predikat kinerja organisasi of a unit for a period ('2026-07', '2026-Q3', '2026-S2') or a year
 * ('2026'), with the evidence it rests on (PK achievement, IKM, progress of the rencana aksi).
 */
export const predikatOrganisasi = pgTable(
  'predikat_organisasi',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unorId: integer()
      .notNull()
      .references(() => unor.id),
    periodeKode: text().notNull(),
    predikat: text().$type<PredikatOrganisasi>().notNull(),
    /** The evidence as entered: achievement figures and their sources. */
    dasar: jsonb().$type<Record<string, unknown>>().notNull(),
    catatan: text(),
    ditetapkanOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('predikat_organisasi_uq').on(t.unorId, t.periodeKode),
    index('predikat_organisasi_instansi_idx').on(t.instansiId, t.periodeKode),
  ],
);

/**
 * Penetapan predikat kinerja: the unit leader finalises the organisation predikat with the resulting
 * distribution of the employees' predikat; a distribution that breaches the curve needs a justification.
 */
export const penetapanPredikat = pgTable(
  'penetapan_predikat',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    unorId: integer()
      .notNull()
      .references(() => unor.id),
    periodeKode: text().notNull(),
    predikatOrganisasi: text().$type<PredikatOrganisasi>().notNull(),
    /** Counts per employee predikat at the moment of finalising, and N. */
    distribusi: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The breaches of the curve in words, as shown to the leader. */
    pelanggaran: jsonb().$type<string[]>().notNull(),
    justifikasi: text(),
    ditetapkanOlehId: integer()
      .notNull()
      .references(() => pegawai.id),
    ditetapkanAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('penetapan_predikat_uq').on(t.unorId, t.periodeKode),
    index('penetapan_predikat_instansi_idx').on(t.instansiId, t.periodeKode),
  ],
);

/** The annual evaluation of one SKP (an employee with two SKPs in a year has two). */
export const evaluasiTahunan = pgTable(
  'evaluasi_tahunan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    skpId: integer()
      .notNull()
      .references(() => skp.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    tahun: integer().notNull(),
    pejabatPenilaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    atasanPenilaiId: integer().references(() => pegawai.id),
    ratingHasilKerja: text().$type<Rating>().notNull(),
    ratingPerilaku: text().$type<Rating>().notNull(),
    predikat: text().$type<PredikatPegawai>().notNull(),
    /** The suggestion shown to the assessor: ratings and the periods they come from. */
    saran: jsonb().$type<Record<string, unknown>>(),
    /** The organisation predikat that applied (capaian kinerja organisasi). */
    capaianOrganisasi: text().$type<PredikatOrganisasi>(),
    catatan: text(),
    rekomendasi: text(),
    status: text().$type<StatusEvaluasi>().notNull().default('DRAF'),
    /**
     * LOKAL: evaluated and signed here. IMPOR_NASIONAL: the annual predikat of the national
     * application's report, stored FINAL without signatures (ADR 0015); its ratings are the
     * predikat's canonical pair.
     */
    sumber: text().$type<SumberPenilaian>().notNull().default('LOKAL'),
    ditandatanganiPenilaiAt: timestamp({ withTimezone: true }),
    ditandatanganiPegawaiAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluasi_tahunan_skp_uq').on(t.skpId),
    index('evaluasi_tahunan_pegawai_idx').on(t.pegawaiId, t.tahun),
    index('evaluasi_tahunan_penilai_idx').on(t.pejabatPenilaiId, t.tahun),
    index('evaluasi_tahunan_instansi_idx').on(t.instansiId, t.tahun, t.predikat),
    check('evaluasi_tahunan_status_ck', sql`${t.status} IN ('DRAF', 'DITANDATANGANI_PENILAI', 'FINAL')`),
    // An imported result is a result: never a draft waiting for signatures.
    check(
      'evaluasi_tahunan_sumber_ck',
      sql`${t.sumber} = 'LOKAL' OR (${t.sumber} = 'IMPOR_NASIONAL' AND ${t.status} = 'FINAL')`,
    ),
  ],
);

/**
 * The quarterly evaluation of a PPPK paruh waktu (SPEC §12): the direct assessor's predikat for the
 * quarter (the suggestion from the periodic results, or another with a reason) and his advice on the
 * contract; FINAL once the quarter is over and complete, then locked. Nothing of the periodic results
 * is copied: the report reads them live (ADR 0016).
 */
export const evaluasiTriwulanPppk = pgTable(
  'evaluasi_triwulan_pppk',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    tahun: integer().notNull(),
    triwulan: integer().notNull(),
    /** Null in a draft not filled yet. */
    predikat: text().$type<PredikatPegawai>(),
    /** The suggestion when the assessor last saved, so the record shows what he departed from. */
    predikatSaran: text().$type<PredikatPegawai>(),
    alasanPerubahan: text(),
    rekomendasi: text().$type<RekomendasiKontrak>(),
    catatan: text(),
    status: text().$type<StatusEvaluasiTriwulan>().notNull().default('DRAF'),
    /** Who saved it last: the direct assessor at that time. */
    penilaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    difinalkanAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluasi_triwulan_pppk_uq').on(t.pegawaiId, t.tahun, t.triwulan),
    check('evaluasi_triwulan_pppk_triwulan_ck', sql`${t.triwulan} BETWEEN 1 AND 4`),
    check('evaluasi_triwulan_pppk_status_ck', sql`${t.status} IN ('DRAF', 'FINAL')`),
    check(
      'evaluasi_triwulan_pppk_rekomendasi_ck',
      sql`${t.rekomendasi} IN ('DIPERPANJANG', 'PERLU_PEMBINAAN', 'TIDAK_DIPERPANJANG')`,
    ),
    // A final record is complete: the service checks why, the database keeps it so.
    check(
      'evaluasi_triwulan_pppk_final_ck',
      sql`${t.status} <> 'FINAL' OR (${t.predikat} IS NOT NULL AND ${t.rekomendasi} IS NOT NULL AND ${t.difinalkanAt} IS NOT NULL)`,
    ),
  ],
);

/** An objection to an annual evaluation, decided for good by the atasan pejabat penilai (SPEC §6.6). */
export const keberatan = pgTable(
  'keberatan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    evaluasiId: integer()
      .notNull()
      .references(() => evaluasiTahunan.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** Who decides: the atasan pejabat penilai when the objection was filed. */
    pemutusId: integer()
      .notNull()
      .references(() => pegawai.id),
    alasan: text().notNull(),
    status: text().$type<StatusKeberatan>().notNull().default('DIAJUKAN'),
    diajukanAt: timestamp({ withTimezone: true }).notNull(),
    /** DIKUATKAN (confirmed) or DIUBAH (changed). */
    keputusan: text().$type<KeputusanKeberatan>(),
    ratingHasilKerjaBaru: text().$type<Rating>(),
    ratingPerilakuBaru: text().$type<Rating>(),
    predikatBaru: text().$type<PredikatPegawai>(),
    pertimbangan: text(),
    /** The statements (or passed deadlines) the decision relied on, as they stood when it was taken. */
    dasarPutusan: jsonb().$type<DasarPutusan>(),
    diputusAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('keberatan_evaluasi_uq').on(t.evaluasiId),
    index('keberatan_pemutus_idx').on(t.pemutusId, t.status),
    index('keberatan_pegawai_idx').on(t.pegawaiId),
  ],
);

/** A statement the atasan asks of the employee or the assessor during an objection, and its answer. */
export const keberatanKeterangan = pgTable(
  'keberatan_keterangan',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    keberatanId: integer()
      .notNull()
      .references(() => keberatan.id, { onDelete: 'cascade' }),
    /** Whom the statement is asked of. */
    pihakId: integer()
      .notNull()
      .references(() => pegawai.id),
    permintaan: text().notNull(),
    dimintaAt: timestamp({ withTimezone: true }).notNull(),
    jawaban: text(),
    dijawabAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [index('keberatan_keterangan_idx').on(t.keberatanId, t.id)],
);

/** The tim penilai kinerja's recommendation (pembinaan) for an employee below expectation. */
export const rekomendasiTimPenilai = pgTable(
  'rekomendasi_tim_penilai',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    pegawaiId: integer()
      .notNull()
      .references(() => pegawai.id),
    /** The period or year it concerns ('2026-07', '2026'). */
    periodeKode: text().notNull(),
    jenis: text().notNull(),
    uraian: text().notNull(),
    olehId: integer()
      .notNull()
      .references(() => pegawai.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('rekomendasi_pegawai_idx').on(t.pegawaiId, t.at.desc()),
    index('rekomendasi_instansi_idx').on(t.instansiId, t.periodeKode),
  ],
);

/**
 * Every printed document: a short code (on the print, with a QR code) and the SHA-256 of the printed
 * content, so a public page can confirm a print's identity and date without showing performance data.
 */
export const dokumenTerbit = pgTable(
  'dokumen_terbit',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kode: text().notNull(),
    instansiId: integer()
      .notNull()
      .references(() => instansi.id),
    /** e.g. SKP, EVALUASI_PERIODIK, EVALUASI_TAHUNAN, DOKUMEN_EVALUASI, PENETAPAN_PREDIKAT. */
    jenis: text().notNull(),
    /** What the document is about, for the verifier: title, whose, period (no performance data). */
    identitas: jsonb().$type<Record<string, unknown>>().notNull(),
    sha256: text().notNull(),
    dicetakOlehId: integer().references(() => pegawai.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('dokumen_terbit_kode_uq').on(t.kode), index('dokumen_terbit_sha_idx').on(t.sha256)],
);
