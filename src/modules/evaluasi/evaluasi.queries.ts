/**
 * SQL of the annual evaluation, the objection and the tim penilai's list. Lists are keyset-paginated
 * and set-based (one statement per page plus one for the page's recommendations).
 */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir, predikatAkhir } from '../../db/predikat-akhir.js';
import {
  evaluasiTahunan,
  keberatan,
  keberatanKeterangan,
  rekomendasiTimPenilai,
} from '../../db/schema/index.js';
import {
  type DasarPutusan,
  type KeputusanKeberatan,
  PREDIKAT_DI_BAWAH_EKSPEKTASI,
  type StatusEvaluasi,
  type StatusKeberatan,
} from '../../domain/evaluasi.js';
import type { PredikatOrganisasi, PredikatPegawai, Rating, SumberPenilaian } from '../../domain/predikat.js';

type Stamp = Date | string;
export interface Nama {
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
}
const namaOf = (alias: string, prefix: string) =>
  sql.raw(
    `${alias}.gelar_depan AS "${prefix}GelarDepan", ${alias}.nama AS "${prefix}Nama", ${alias}.gelar_belakang AS "${prefix}GelarBelakang"`,
  );

/** The latest approved version of each plan: no newer approved version replaces it. */
const TERKINI = sql.raw(
  `s.status = 'DISETUJUI' AND NOT EXISTS (SELECT 1 FROM skp n WHERE n.versi_sebelumnya_id = s.id AND n.status = 'DISETUJUI')`,
);

export interface SkpRow {
  skpId: number;
  instansiId: number;
  pegawaiId: number;
  pegawaiOpdId: number | null;
  tahun: number;
  periodeMulai: string;
  periodeAkhir: string;
  status: string;
  unorId: number;
  jabatanNama: string;
  nip: string;
  pegawaiGelarDepan: string | null;
  pegawaiNama: string;
  pegawaiGelarBelakang: string | null;
  penilaiId: number | null;
  penilaiGelarDepan: string | null;
  penilaiNama: string | null;
  penilaiGelarBelakang: string | null;
  atasanPenilaiId: number | null;
  evaluasiId: number | null;
  evaluasiStatus: StatusEvaluasi | null;
  evaluasiPredikat: PredikatPegawai | null;
  evaluasiSumber: SumberPenilaian | null;
  keberatanStatus: StatusKeberatan | null;
}

/**
 * A plan with its assessor as penilai_skp() answers on `tanggal` (SPEC §4.1: after a mutation the old
 * plan keeps its old position's assessor), its evaluation (predikat after any objection) and objection.
 */
const skpSelect = (tanggal: string) => sql`
  SELECT s.id AS "skpId", s.instansi_id AS "instansiId", s.pegawai_id AS "pegawaiId", p.opd_id AS "pegawaiOpdId",
         s.tahun::int AS tahun, s.periode_mulai::text AS "periodeMulai", s.periode_akhir::text AS "periodeAkhir",
         s.status, j.unor_id AS "unorId", j.nama AS "jabatanNama", p.nip, ${namaOf('p', 'pegawai')},
         pp.id AS "penilaiId", ${namaOf('pp', 'penilai')}, pn.atasan_id AS "atasanPenilaiId",
         e.id AS "evaluasiId", e.status AS "evaluasiStatus", ${predikatAkhir()} AS "evaluasiPredikat",
         e.sumber AS "evaluasiSumber", k.status AS "keberatanStatus"
    FROM skp s
    JOIN pegawai p ON p.id = s.pegawai_id
    JOIN jabatan j ON j.id = s.jabatan_id
    CROSS JOIN LATERAL penilai_skp(s.id, ${tanggal}::date) pn
    LEFT JOIN pegawai pp ON pp.id = pn.penilai_id
    LEFT JOIN evaluasi_tahunan e ON e.skp_id = s.id
    LEFT JOIN keberatan k ON k.evaluasi_id = e.id`;

export async function instansiSkp(db: DbOrTx, skpId: number) {
  const [row] = await rows<{ instansiId: number }>(
    db,
    sql`SELECT instansi_id AS "instansiId" FROM skp WHERE id = ${skpId}`,
  );
  return row?.instansiId ?? null;
}

export async function findSkp(db: DbOrTx, skpId: number, tanggal: string) {
  const [row] = await rows<SkpRow>(db, sql`${skpSelect(tanggal)} WHERE s.id = ${skpId}`);
  return row ?? null;
}

/** The employee's plans of a year (one per position after a mutation), in the order they run. */
export function skpPegawai(db: DbOrTx, pegawaiId: number, tahun: number, tanggal: string) {
  return rows<SkpRow>(
    db,
    sql`${skpSelect(tanggal)} WHERE s.pegawai_id = ${pegawaiId} AND s.tahun = ${tahun} AND ${TERKINI}
        ORDER BY s.periode_mulai, s.id`,
  );
}

/**
 * The plans of the year the actor assesses by penilai_skp(): candidates are those submitted to him,
 * the current plans of his direct subordinates and the plans of positions left that he still assesses.
 */
export function skpDinilai(db: DbOrTx, penilaiId: number, tahun: number, tanggal: string) {
  return rows<SkpRow>(
    db,
    sql`${skpSelect(tanggal)}
        WHERE s.id IN (SELECT c.id FROM skp c WHERE c.pejabat_penilai_id = ${penilaiId} AND c.tahun = ${tahun}
                       UNION
                       SELECT c.id FROM bawahan_langsung(${penilaiId}::int, ${tanggal}::date) AS b(id)
                         JOIN skp c ON c.pegawai_id = b.id AND c.tahun = ${tahun}
                       UNION
                       SELECT t.id FROM skp_ditinggal_dinilai(${penilaiId}::int, ${tanggal}::date) AS t(id))
          AND s.tahun = ${tahun} AND ${TERKINI} AND pn.penilai_id = ${penilaiId}
        ORDER BY p.nama, p.id, s.periode_mulai`,
  );
}

/** The periodic ratings of the plan and of its earlier versions (the same SKP revised). */
export function periodikSkp(db: DbOrTx, skpId: number) {
  return rows<{
    skpId: number;
    periodeKode: string;
    ratingHasilKerja: Rating;
    ratingPerilaku: Rating;
    predikat: PredikatPegawai;
    sumber: SumberPenilaian;
  }>(
    db,
    sql`WITH RECURSIVE versi(id, sebelumnya) AS (
          SELECT id, versi_sebelumnya_id FROM skp WHERE id = ${skpId}
          UNION ALL
          SELECT s.id, s.versi_sebelumnya_id FROM skp s JOIN versi v ON s.id = v.sebelumnya)
        SELECT pp.skp_id AS "skpId", pp.periode_kode AS "periodeKode", pp.rating_hasil_kerja AS "ratingHasilKerja",
               pp.rating_perilaku AS "ratingPerilaku", pp.predikat, pp.sumber
          FROM penilaian_periodik pp JOIN versi v ON v.id = pp.skp_id
         ORDER BY pp.periode_kode, pp.skp_id`,
  );
}

export async function predikatOrganisasi(db: DbOrTx, unorId: number, tahun: number) {
  const [row] = await rows<{ predikat: PredikatOrganisasi }>(
    db,
    sql`SELECT predikat FROM predikat_organisasi WHERE unor_id = ${unorId} AND periode_kode = ${String(tahun)}`,
  );
  return row?.predikat ?? null;
}

export async function atasanLangsung(db: DbOrTx, pegawaiId: number, tanggal: string) {
  const [row] = await rows<{ id: number | null }>(
    db,
    sql`SELECT atasan_langsung(${pegawaiId}::int, ${tanggal}::date) AS id`,
  );
  return row?.id ?? null;
}

export async function findEvaluasi(db: DbOrTx, skpId: number) {
  const [row] = await db.select().from(evaluasiTahunan).where(eq(evaluasiTahunan.skpId, skpId));
  return row ?? null;
}
export type EvaluasiRow = NonNullable<Awaited<ReturnType<typeof findEvaluasi>>>;

/** Locks the evaluation row for a status change. */
export async function lockEvaluasi(tx: DbOrTx, skpId: number) {
  const [row] = await tx.select().from(evaluasiTahunan).where(eq(evaluasiTahunan.skpId, skpId)).for('update');
  return row ?? null;
}

export async function insertEvaluasi(tx: DbOrTx, values: typeof evaluasiTahunan.$inferInsert) {
  const [row] = await tx
    .insert(evaluasiTahunan)
    .values(values)
    .onConflictDoNothing({ target: evaluasiTahunan.skpId })
    .returning();
  return row ?? null;
}

/** Writes when the version still matches; null when another edit came first. */
export async function updateEvaluasi(
  tx: DbOrTx,
  id: number,
  version: number,
  values: Partial<typeof evaluasiTahunan.$inferInsert>,
) {
  const [row] = await tx
    .update(evaluasiTahunan)
    .set({ ...values, version: version + 1 })
    .where(and(eq(evaluasiTahunan.id, id), eq(evaluasiTahunan.version, version)))
    .returning();
  return row ?? null;
}

export interface KeberatanRow {
  id: number;
  instansiId: number;
  evaluasiId: number;
  skpId: number;
  tahun: number;
  pegawaiId: number;
  pemutusId: number;
  pejabatPenilaiId: number;
  alasan: string;
  status: StatusKeberatan;
  diajukanAt: Stamp;
  keputusan: KeputusanKeberatan | null;
  ratingHasilKerjaBaru: Rating | null;
  ratingPerilakuBaru: Rating | null;
  predikatBaru: PredikatPegawai | null;
  pertimbangan: string | null;
  dasarPutusan: DasarPutusan | null;
  diputusAt: Stamp | null;
  version: number;
  nip: string;
  pegawaiGelarDepan: string | null;
  pegawaiNama: string;
  pegawaiGelarBelakang: string | null;
  pemutusGelarDepan: string | null;
  pemutusNama: string;
  pemutusGelarBelakang: string | null;
  keteranganTerbuka: number;
}

const KEBERATAN_SELECT = sql`
  SELECT k.id, k.instansi_id AS "instansiId", k.evaluasi_id AS "evaluasiId", e.skp_id AS "skpId", e.tahun,
         k.pegawai_id AS "pegawaiId", k.pemutus_id AS "pemutusId", e.pejabat_penilai_id AS "pejabatPenilaiId",
         k.alasan, k.status, k.diajukan_at AS "diajukanAt", k.keputusan,
         k.rating_hasil_kerja_baru AS "ratingHasilKerjaBaru", k.rating_perilaku_baru AS "ratingPerilakuBaru",
         k.predikat_baru AS "predikatBaru", k.pertimbangan, k.dasar_putusan AS "dasarPutusan",
         k.diputus_at AS "diputusAt", k.version,
         p.nip, ${namaOf('p', 'pegawai')}, ${namaOf('m', 'pemutus')},
         (SELECT count(*) FROM keberatan_keterangan kk WHERE kk.keberatan_id = k.id AND kk.jawaban IS NULL)::int
           AS "keteranganTerbuka"
    FROM keberatan k
    JOIN evaluasi_tahunan e ON e.id = k.evaluasi_id
    JOIN pegawai p ON p.id = k.pegawai_id
    JOIN pegawai m ON m.id = k.pemutus_id`;

export async function findKeberatan(db: DbOrTx, id: number) {
  const [row] = await rows<KeberatanRow>(db, sql`${KEBERATAN_SELECT} WHERE k.id = ${id}`);
  return row ?? null;
}

export async function findKeberatanOfEvaluasi(db: DbOrTx, evaluasiId: number) {
  const [row] = await rows<KeberatanRow>(db, sql`${KEBERATAN_SELECT} WHERE k.evaluasi_id = ${evaluasiId}`);
  return row ?? null;
}

/** A page of objections by id, newest first: those the actor decides, files, or is asked a statement in. */
export function pageKeberatan(
  db: DbOrTx,
  actorId: number,
  sebagai: 'PEMUTUS' | 'PEGAWAI' | 'PIHAK',
  beforeId: number | null,
  limit: number,
) {
  const siapa =
    sebagai === 'PEMUTUS'
      ? sql`k.pemutus_id = ${actorId}`
      : sebagai === 'PEGAWAI'
        ? sql`k.pegawai_id = ${actorId}`
        : sql`EXISTS (SELECT 1 FROM keberatan_keterangan kk WHERE kk.keberatan_id = k.id AND kk.pihak_id = ${actorId})`;
  return rows<KeberatanRow>(
    db,
    sql`${KEBERATAN_SELECT} WHERE ${siapa} ${beforeId === null ? sql`` : sql`AND k.id < ${beforeId}`}
        ORDER BY k.id DESC LIMIT ${limit}`,
  );
}

export function keteranganOf(db: DbOrTx, keberatanId: number) {
  return rows<
    {
      id: number;
      pihakId: number;
      permintaan: string;
      dimintaAt: Stamp;
      jawaban: string | null;
      dijawabAt: Stamp | null;
      version: number;
    } & Nama
  >(
    db,
    sql`SELECT kk.id, kk.pihak_id AS "pihakId", kk.permintaan, kk.diminta_at AS "dimintaAt", kk.jawaban,
               kk.dijawab_at AS "dijawabAt", kk.version, p.gelar_depan AS "gelarDepan", p.nama,
               p.gelar_belakang AS "gelarBelakang"
          FROM keberatan_keterangan kk JOIN pegawai p ON p.id = kk.pihak_id
         WHERE kk.keberatan_id = ${keberatanId} ORDER BY kk.id`,
  );
}

export async function insertKeberatan(tx: DbOrTx, values: typeof keberatan.$inferInsert) {
  const [row] = await tx
    .insert(keberatan)
    .values(values)
    .onConflictDoNothing({ target: keberatan.evaluasiId })
    .returning({ id: keberatan.id });
  return row?.id ?? null;
}

export async function updateKeberatan(
  tx: DbOrTx,
  id: number,
  version: number,
  values: Partial<typeof keberatan.$inferInsert>,
) {
  const [row] = await tx
    .update(keberatan)
    .set({ ...values, version: version + 1 })
    .where(and(eq(keberatan.id, id), eq(keberatan.version, version)))
    .returning({ id: keberatan.id });
  return row?.id ?? null;
}

export async function insertKeterangan(tx: DbOrTx, values: typeof keberatanKeterangan.$inferInsert) {
  const [row] = await tx.insert(keberatanKeterangan).values(values).returning({ id: keberatanKeterangan.id });
  return row!.id;
}

export async function findKeterangan(db: DbOrTx, id: number) {
  const [row] = await db.select().from(keberatanKeterangan).where(eq(keberatanKeterangan.id, id));
  return row ?? null;
}

export async function answerKeterangan(tx: DbOrTx, id: number, version: number, jawaban: string, at: Date) {
  const [row] = await tx
    .update(keberatanKeterangan)
    .set({ jawaban, dijawabAt: at, version: version + 1 })
    .where(
      and(
        eq(keberatanKeterangan.id, id),
        eq(keberatanKeterangan.version, version),
        sql`${keberatanKeterangan.jawaban} IS NULL`,
      ),
    )
    .returning({ id: keberatanKeterangan.id });
  return row?.id ?? null;
}

export interface DiBawahRow {
  id: number;
  periodeKode: string;
  pegawaiId: number;
  nip: string;
  pegawaiGelarDepan: string | null;
  pegawaiNama: string;
  pegawaiGelarBelakang: string | null;
  jabatanNama: string | null;
  unorNama: string | null;
  opdNama: string | null;
  penilaiId: number | null;
  penilaiGelarDepan: string | null;
  penilaiNama: string | null;
  penilaiGelarBelakang: string | null;
  predikat: PredikatPegawai;
}

/**
 * Employees below expectation in a period (periodic ratings) or a year (the year's FINAL result from
 * db/predikat-akhir, after objections; a draft is no result), by row id.
 */
export function pageDiBawahEkspektasi(
  db: DbOrTx,
  f: {
    instansiId: number;
    tahun: number;
    periode: string | null;
    opdIds: number[] | null;
    afterId: number | null;
    limit: number;
  },
) {
  const sumber =
    f.periode === null
      ? sql`SELECT t.id, ${String(f.tahun)} AS periode_kode, t.pegawai_id, t.penilai_id, t.predikat
              FROM (${evaluasiTahunanAkhir(f.instansiId, f.tahun)}) t`
      : sql`SELECT pp.id, pp.periode_kode, s.pegawai_id, pp.penilai_id, pp.predikat
              FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
             WHERE pp.instansi_id = ${f.instansiId} AND pp.periode_kode = ${f.periode}`;
  const opd =
    f.opdIds === null
      ? sql``
      : sql`AND p.opd_id IN (${sql.join(
          f.opdIds.length ? f.opdIds.map((id) => sql`${id}`) : [sql`NULL`],
          sql`, `,
        )})`;
  return rows<DiBawahRow>(
    db,
    sql`SELECT x.id, x.periode_kode AS "periodeKode", p.id AS "pegawaiId", p.nip, ${namaOf('p', 'pegawai')},
               j.nama AS "jabatanNama", u.nama AS "unorNama", o.nama AS "opdNama",
               pn.id AS "penilaiId", ${namaOf('pn', 'penilai')}, x.predikat
          FROM (${sumber}) x
          JOIN pegawai p ON p.id = x.pegawai_id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN unor u ON u.id = p.unor_id
          LEFT JOIN unor o ON o.id = p.opd_id
          LEFT JOIN pegawai pn ON pn.id = x.penilai_id
         WHERE x.predikat IN (${sql.join(
           PREDIKAT_DI_BAWAH_EKSPEKTASI.map((p) => sql`${p}`),
           sql`, `,
         )}) ${opd}
               ${f.afterId === null ? sql`` : sql`AND x.id > ${f.afterId}`}
         ORDER BY x.id LIMIT ${f.limit}`,
  );
}

/** The recommendations recorded for these employees in these periods, newest first. */
export function rekomendasiOf(db: DbOrTx, pegawaiIds: number[], periodeKode: string[]) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  return rows<
    {
      id: number;
      pegawaiId: number;
      periodeKode: string;
      jenis: string;
      uraian: string;
      olehId: number;
      at: Stamp;
    } & Nama
  >(
    db,
    sql`SELECT r.id, r.pegawai_id AS "pegawaiId", r.periode_kode AS "periodeKode", r.jenis, r.uraian,
               r.oleh_id AS "olehId", r.at, o.gelar_depan AS "gelarDepan", o.nama, o.gelar_belakang AS "gelarBelakang"
          FROM rekomendasi_tim_penilai r JOIN pegawai o ON o.id = r.oleh_id
         WHERE r.pegawai_id IN (${sql.join(
           pegawaiIds.map((id) => sql`${id}`),
           sql`, `,
         )})
           AND r.periode_kode IN (${sql.join(
             periodeKode.map((k) => sql`${k}`),
             sql`, `,
           )})
         ORDER BY r.at DESC, r.id DESC`,
  );
}

export async function findPegawai(db: DbOrTx, id: number) {
  const [row] = await rows<{ id: number; instansiId: number; opdId: number | null }>(
    db,
    sql`SELECT id, instansi_id AS "instansiId", opd_id AS "opdId" FROM pegawai WHERE id = ${id}`,
  );
  return row ?? null;
}

export async function insertRekomendasi(tx: DbOrTx, values: typeof rekomendasiTimPenilai.$inferInsert) {
  const [row] = await tx
    .insert(rekomendasiTimPenilai)
    .values(values)
    .returning({ id: rekomendasiTimPenilai.id });
  return row!.id;
}
