/**
 * SQL of the dashboards. One CTE chain gives each employee's month (the plan the period is reported
 * against, how many RHKs were submitted and when first, what waits, the predikat); the recap of every
 * OPD of an instansi is one INSERT … SELECT over it, the unit figures and the late list of one OPD
 * read it live.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { skpDisetujuiUntuk } from '../../db/siklus-bulanan.js';
import type { BatasPeriode } from '../../domain/monitoring.js';

type Periode = { tahun: number; mulai: string; akhir: string; kode: string };
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * CTEs s (the newest approved plan per active employee) and f (per employee: RHKs, submitted, the
 * last first-submission, waiting, sent back, corrected, predikat), each ending with a comma. An item
 * still in its first round (Draf, Diajukan) needs no thread: its submission is `diajukan_at`; the
 * thread of the others (one index lookup each) gives the first submission and the rounds.
 */
function fakta(instansiId: number, periode: Periode, opdId: number | null): SQL {
  // The instansi in one pass over its plans; one OPD through its employees' plan index.
  const rencana =
    opdId === null
      ? sql`SELECT DISTINCT ON (s.pegawai_id) s.id, s.pegawai_id, s.pejabat_penilai_id, pg.opd_id, pg.unor_id, pg.nama
              FROM skp s JOIN pegawai pg ON pg.id = s.pegawai_id AND pg.is_active
             WHERE s.instansi_id = ${instansiId} AND ${skpDisetujuiUntuk('s', periode)}
             ORDER BY s.pegawai_id, s.versi DESC, s.id DESC`
      : sql`SELECT s.id, pg.id AS pegawai_id, s.pejabat_penilai_id, pg.opd_id, pg.unor_id, pg.nama
              FROM pegawai pg CROSS JOIN LATERAL (
                     SELECT s.id, s.pejabat_penilai_id FROM skp s
                      WHERE s.pegawai_id = pg.id AND s.instansi_id = ${instansiId} AND ${skpDisetujuiUntuk('s', periode)}
                      ORDER BY s.versi DESC, s.id DESC LIMIT 1) s
             WHERE pg.opd_id = ${opdId} AND pg.is_active`;
  return sql`s AS (${rencana}),
    f AS (
      SELECT s.pegawai_id, s.opd_id, s.unor_id, s.nama,
             COALESCE(max(r.pejabat_penilai_id), s.pejabat_penilai_id) AS penilai_id,
             count(k.id)::int AS rhk,
             (count(r.id) FILTER (WHERE r.status <> 'DRAFT'))::int AS diajukan,
             max(COALESCE(rw.pertama, r.diajukan_at)) AS terakhir_diajukan,
             (count(r.id) FILTER (WHERE r.status = 'DITERIMA'))::int AS diterima,
             (count(r.id) FILTER (WHERE r.status = 'DIAJUKAN'))::int AS menunggu,
             (count(r.id) FILTER (WHERE r.status = 'DIPERBAIKI'))::int AS menunggu_ulang,
             (count(r.id) FILTER (WHERE r.status = 'PERLU_PERBAIKAN'))::int AS perlu_perbaikan,
             COALESCE(bool_or(rw.dikembalikan), false) AS dikembalikan,
             COALESCE(bool_or(rw.diperbaiki), false) AS diperbaiki,
             min(pp.predikat) AS predikat
        FROM s LEFT JOIN rhk k ON k.skp_id = s.id
        LEFT JOIN realisasi r ON r.tahun = ${periode.tahun} AND r.rhk_id = k.id AND r.periode_kode = ${periode.kode}
        LEFT JOIN LATERAL (
          SELECT min(h.at) FILTER (WHERE h.aksi = 'AJUKAN') AS pertama,
                 bool_or(h.aksi = 'PERLU_PERBAIKAN') AS dikembalikan, bool_or(h.aksi = 'PERBAIKI') AS diperbaiki
            FROM realisasi_riwayat h
           WHERE h.tahun = ${periode.tahun} AND h.realisasi_id = r.id AND r.status NOT IN ('DRAFT', 'DIAJUKAN')) rw ON true
        LEFT JOIN penilaian_periodik pp ON pp.skp_id = s.id AND pp.periode_kode = ${periode.kode}
       GROUP BY s.pegawai_id, s.opd_id, s.unor_id, s.nama, s.pejabat_penilai_id),`;
}

const lengkap = sql`(f.rhk > 0 AND f.diajukan >= f.rhk)`;

/** The recap columns over rows of f (domain/monitoring: on time = every item first submitted by the input deadline). */
function agregat(batasInput: Date): SQL {
  return sql`count(f.pegawai_id)::int AS skp_disetujui,
    (count(*) FILTER (WHERE ${lengkap}))::int AS melapor,
    (count(*) FILTER (WHERE ${lengkap} AND f.terakhir_diajukan <= ${ts(batasInput)}))::int AS tepat_waktu,
    (count(*) FILTER (WHERE f.rhk > 0 AND f.diterima >= f.rhk))::int AS dinilai,
    (count(*) FILTER (WHERE f.dikembalikan))::int AS perlu_perbaikan,
    (count(*) FILTER (WHERE f.diperbaiki))::int AS diperbaiki,
    (count(*) FILTER (WHERE f.predikat = 'SANGAT_BAIK'))::int AS sangat_baik,
    (count(*) FILTER (WHERE f.predikat = 'BAIK'))::int AS baik,
    (count(*) FILTER (WHERE f.predikat = 'BUTUH_PERBAIKAN'))::int AS butuh_perbaikan,
    (count(*) FILTER (WHERE f.predikat = 'KURANG'))::int AS kurang,
    (count(*) FILTER (WHERE f.predikat = 'SANGAT_KURANG'))::int AS sangat_kurang`;
}

const KOLOM = [
  'skp_disetujui',
  'melapor',
  'tepat_waktu',
  'dinilai',
  'perlu_perbaikan',
  'diperbaiki',
  'sangat_baik',
  'baik',
  'butuh_perbaikan',
  'kurang',
  'sangat_kurang',
] as const;

export type Angka = Record<(typeof KOLOM)[number] | 'jumlah_pegawai', number>;

/**
 * Recomputes the recap of every OPD of the instansi for one period in one statement (an OPD with
 * nobody reporting gets zeros); returns how many OPD rows were written.
 */
export async function perbaruiRekap(
  tx: DbOrTx,
  f: { instansiId: number; periode: Periode; batasInput: Date; now: Date },
) {
  const kolom = sql.raw(KOLOM.join(', '));
  const nilai = sql.raw(KOLOM.map((k) => `COALESCE(a.${k}, 0)`).join(', '));
  const set = sql.raw(
    [...KOLOM, 'jumlah_pegawai', 'instansi_id', 'dihitung_at'].map((k) => `${k} = EXCLUDED.${k}`).join(', '),
  );
  const [row] = await rows<{ n: number }>(
    tx,
    sql`WITH ${fakta(f.instansiId, f.periode, null)}
        a AS (SELECT f.opd_id, ${agregat(f.batasInput)} FROM f GROUP BY f.opd_id),
        jp AS (SELECT opd_id, count(*)::int AS n FROM pegawai
                WHERE instansi_id = ${f.instansiId} AND is_active GROUP BY opd_id),
        ins AS (
          INSERT INTO rekap_opd_periode (opd_id, periode_kode, instansi_id, jumlah_pegawai, ${kolom}, dihitung_at)
          SELECT o.id, ${f.periode.kode}, ${f.instansiId}, COALESCE(jp.n, 0), ${nilai}, ${ts(f.now)}
            FROM unor o LEFT JOIN jp ON jp.opd_id = o.id LEFT JOIN a ON a.opd_id = o.id
           WHERE o.instansi_id = ${f.instansiId} AND o.opd_id = o.id
          ON CONFLICT (opd_id, periode_kode) DO UPDATE SET ${set}
          RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
  );
  return row!.n;
}

export type RekapRow = Angka & {
  opd_id: number;
  nama: string;
  periode_kode: string;
  unit_melanggar: number | null;
  dihitung_at: string;
};

const opdFilter = (opdIds: number[] | null) =>
  opdIds === null ? sql`` : sql`AND r.opd_id = ANY(${`{${opdIds.join(',')}}`}::int[])`;

/** The recap rows of these periods for the OPDs in scope (null: all), by OPD name. */
export function rekap(db: DbOrTx, instansiId: number, periodeKode: string[], opdIds: number[] | null) {
  return rows<RekapRow>(
    db,
    sql`SELECT r.*, u.nama FROM rekap_opd_periode r JOIN unor u ON u.id = r.opd_id
         WHERE r.instansi_id = ${instansiId}
           AND r.periode_kode IN (SELECT value FROM json_array_elements_text(${JSON.stringify(periodeKode)}::json))
           ${opdFilter(opdIds)}
         ORDER BY u.nama, u.id, r.periode_kode`,
  );
}

/** The periods among these that have recap rows for the instansi. */
export async function periodeTerekap(db: DbOrTx, instansiId: number, periodeKode: string[]) {
  const found = await rows<{ periode_kode: string }>(
    db,
    sql`SELECT DISTINCT periode_kode FROM rekap_opd_periode
         WHERE instansi_id = ${instansiId}
           AND periode_kode IN (SELECT value FROM json_array_elements_text(${JSON.stringify(periodeKode)}::json))`,
  );
  return new Set(found.map((r) => r.periode_kode));
}

/**
 * Recomputes the year's SKP status per OPD of the instansi (per active employee the approved version
 * if any, else the newest; BELUM_ADA without a plan; an OPD with nobody gets zeros) in one statement.
 */
export async function perbaruiStatusSkp(tx: DbOrTx, f: { instansiId: number; tahun: number; now: Date }) {
  await tx.execute(
    sql`WITH s AS (
          SELECT DISTINCT ON (s.pegawai_id) s.pegawai_id, s.status FROM skp s
           WHERE s.instansi_id = ${f.instansiId} AND s.tahun = ${f.tahun}
           ORDER BY s.pegawai_id, (s.status = 'DISETUJUI') DESC, s.versi DESC, s.id DESC),
        a AS (
          SELECT r.opd_id,
                 (count(*) FILTER (WHERE s.status = 'DRAFT'))::int AS draft,
                 (count(*) FILTER (WHERE s.status = 'DIAJUKAN'))::int AS diajukan,
                 (count(*) FILTER (WHERE s.status = 'DISETUJUI'))::int AS disetujui,
                 (count(*) FILTER (WHERE s.status = 'DIKEMBALIKAN'))::int AS dikembalikan,
                 (count(*) FILTER (WHERE s.status IS NULL))::int AS belum_ada
            FROM pegawai r LEFT JOIN s ON s.pegawai_id = r.id
           WHERE r.instansi_id = ${f.instansiId} AND r.is_active
           GROUP BY r.opd_id)
        INSERT INTO rekap_skp_tahun (opd_id, tahun, instansi_id, draft, diajukan, disetujui, dikembalikan, belum_ada, dihitung_at)
        SELECT o.id, ${f.tahun}, ${f.instansiId}, COALESCE(a.draft, 0), COALESCE(a.diajukan, 0), COALESCE(a.disetujui, 0),
               COALESCE(a.dikembalikan, 0), COALESCE(a.belum_ada, 0), ${ts(f.now)}
          FROM unor o LEFT JOIN a ON a.opd_id = o.id
         WHERE o.instansi_id = ${f.instansiId} AND o.opd_id = o.id
        ON CONFLICT (opd_id, tahun) DO UPDATE SET draft = EXCLUDED.draft, diajukan = EXCLUDED.diajukan,
          disetujui = EXCLUDED.disetujui, dikembalikan = EXCLUDED.dikembalikan, belum_ada = EXCLUDED.belum_ada,
          instansi_id = EXCLUDED.instansi_id, dihitung_at = EXCLUDED.dihitung_at`,
  );
}

export type StatusSkpRow = {
  opd_id: number;
  draft: number;
  diajukan: number;
  disetujui: number;
  dikembalikan: number;
  belum_ada: number;
  dihitung_at: string;
};

/** The year's SKP status recap per OPD in scope (null: all). */
export function statusSkp(db: DbOrTx, instansiId: number, tahun: number, opdIds: number[] | null) {
  return rows<StatusSkpRow>(
    db,
    sql`SELECT r.opd_id, r.draft, r.diajukan, r.disetujui, r.dikembalikan, r.belum_ada, r.dihitung_at
          FROM rekap_skp_tahun r
         WHERE r.instansi_id = ${instansiId} AND r.tahun = ${tahun} ${opdFilter(opdIds)}`,
  );
}

/**
 * Writes the period's curve breaches per OPD into its recap rows (in the refresh's transaction, right
 * after perbaruiRekap): OPDs absent from `perOpd` have none.
 */
export async function simpanPelanggaran(
  tx: DbOrTx,
  f: { instansiId: number; periodeKode: string; perOpd: Map<number, number> },
) {
  await tx.execute(
    sql`UPDATE rekap_opd_periode r
           SET unit_melanggar = COALESCE((${JSON.stringify(Object.fromEntries(f.perOpd))}::jsonb ->> r.opd_id::text)::int, 0)
         WHERE r.instansi_id = ${f.instansiId} AND r.periode_kode = ${f.periodeKode}`,
  );
}

/** Every instansi (the start-up refresh covers them all). */
export function semuaInstansi(db: DbOrTx) {
  return rows<{ id: number }>(db, sql`SELECT id FROM instansi ORDER BY id`);
}

/** Each unit of the OPD with its own employees' figures for the period (live). */
export function perUnit(
  db: DbOrTx,
  f: { instansiId: number; opdId: number; periode: Periode; batasInput: Date },
) {
  return rows<Angka & { id: number; nama: string; jenis: string; parent_id: number | null }>(
    db,
    sql`WITH ${fakta(f.instansiId, f.periode, f.opdId)}
        a AS (SELECT f.unor_id, ${agregat(f.batasInput)} FROM f GROUP BY f.unor_id),
        jp AS (SELECT unor_id, count(*)::int AS n FROM pegawai
                WHERE opd_id = ${f.opdId} AND is_active GROUP BY unor_id)
        SELECT u.id, u.nama, u.jenis, u.parent_id, COALESCE(jp.n, 0) AS jumlah_pegawai,
               ${sql.raw(KOLOM.map((k) => `COALESCE(a.${k}, 0) AS ${k}`).join(', '))}
          FROM unor u LEFT JOIN jp ON jp.unor_id = u.id LEFT JOIN a ON a.unor_id = u.id
         WHERE u.opd_id = ${f.opdId}
         ORDER BY u.path`,
  );
}

export interface TerlambatRow {
  id: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jabatanNama: string | null;
  unorNama: string | null;
  penilaiId: number | null;
  penilaiGelarDepan: string | null;
  penilaiNama: string | null;
  penilaiGelarBelakang: string | null;
  rhk: number;
  diajukan: number;
  menunggu: number;
  menungguUlang: number;
  perluPerbaikan: number;
  terakhirDiajukan: string | null;
}

/**
 * The employees of the OPD whose month is late at `now` (domain statusTerlambat as a filter), by
 * name then id after the cursor; the page is cut first, then its rows get their names and the
 * assessor (the one items went to, else today's superior).
 */
export function terlambat(
  db: DbOrTx,
  f: {
    instansiId: number;
    opdId: number;
    periode: Periode;
    batas: BatasPeriode;
    now: Date;
    tanggal: string;
    after: { nama: string; id: number } | null;
    limit: number;
  },
) {
  const { batas, now } = f;
  const telat = sql`(NOT ${lengkap} AND ${ts(now)} > ${ts(batas.input)})
    OR (${lengkap} AND f.terakhir_diajukan > ${ts(batas.input)})
    OR (f.menunggu > 0 AND ${ts(now)} > ${ts(batas.penilaian)})
    OR (f.menunggu_ulang > 0 AND ${ts(now)} > ${ts(batas.penilaianUlang)})
    OR (f.perlu_perbaikan > 0 AND ${ts(now)} > ${ts(batas.perbaikan)})`;
  return rows<TerlambatRow>(
    db,
    sql`WITH ${fakta(f.instansiId, f.periode, f.opdId)}
        l AS (SELECT f.* FROM f
               WHERE (${telat}) ${f.after ? sql`AND (f.nama, f.pegawai_id) > (${f.after.nama}, ${f.after.id})` : sql``}
               ORDER BY f.nama, f.pegawai_id
               LIMIT ${f.limit})
        SELECT p.id, p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", u.nama AS "unorNama",
               pn.id AS "penilaiId", pn.gelar_depan AS "penilaiGelarDepan", pn.nama AS "penilaiNama",
               pn.gelar_belakang AS "penilaiGelarBelakang",
               l.rhk, l.diajukan, l.menunggu, l.menunggu_ulang AS "menungguUlang",
               l.perlu_perbaikan AS "perluPerbaikan", l.terakhir_diajukan AS "terakhirDiajukan"
          FROM l JOIN pegawai p ON p.id = l.pegawai_id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN unor u ON u.id = p.unor_id
          LEFT JOIN LATERAL (
            SELECT x.id, x.gelar_depan, x.nama, x.gelar_belakang FROM pegawai x
             WHERE x.id = COALESCE(l.penilai_id, atasan_langsung(l.pegawai_id, ${f.tanggal}::date))) pn ON true
         ORDER BY l.nama, l.pegawai_id`,
  );
}

/** The OPDs of the instansi (all, or these), by name. */
export function daftarOpd(db: DbOrTx, instansiId: number, opdIds: number[] | null) {
  return rows<{ id: number; nama: string }>(
    db,
    sql`SELECT u.id, u.nama FROM unor u
         WHERE u.instansi_id = ${instansiId} AND u.opd_id = u.id
           ${opdIds === null ? sql`` : sql`AND u.id = ANY(${`{${opdIds.join(',')}}`}::int[])`}
         ORDER BY u.nama, u.id`,
  );
}

/** The OPD of each unit of the instansi (to count curve breaches per OPD). */
export function opdUnit(db: DbOrTx, instansiId: number) {
  return rows<{ id: number; opd_id: number | null }>(
    db,
    sql`SELECT id, opd_id FROM unor WHERE instansi_id = ${instansiId}`,
  );
}

/**
 * Whether the employee heads the instansi's root unit on the date (the governor or regent, also as
 * Plt/Plh): the head of region who reads the instansi's dashboards.
 */
export async function kepalaInstansi(db: DbOrTx, pegawaiId: number, instansiId: number, tanggal: string) {
  const [row] = await rows<{ ok: boolean }>(
    db,
    sql`SELECT EXISTS (
          SELECT 1 FROM unor u JOIN jabatan j ON j.unor_id = u.id AND j.is_kepala_unor
           WHERE u.instansi_id = ${instansiId} AND u.parent_id IS NULL
             AND (EXISTS (SELECT 1 FROM pegawai p WHERE p.id = ${pegawaiId} AND p.is_active AND p.jabatan_id = j.id)
                  OR EXISTS (SELECT 1 FROM penugasan t
                              WHERE t.pegawai_id = ${pegawaiId} AND t.jabatan_id = j.id AND t.jenis IN ('PLT', 'PLH')
                                AND t.tmt_mulai <= ${tanggal}::date
                                AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= ${tanggal}::date)))) AS ok`,
  );
  return row!.ok;
}
