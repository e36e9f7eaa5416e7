/**
 * SQL of compliance per day: every employee in the scope crossed with the month's working days, each
 * day judged in one statement (domain/kepatuhan-harian.ts statusHari, same order) and counted per OPD
 * or per employee — so a month of 100,000 employees never leaves the database as day rows. One
 * employee's calendar reads his own day facts and the domain judges them.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import type { StatusKehadiran } from '../../domain/kehadiran.js';
import { STATUS_DIKECUALIKAN } from '../../domain/tpp.js';

/** Whose days: the whole instansi (both null), some OPDs, or some employees (an assessor's team). */
export interface Cakupan {
  opdIds: number[] | null;
  pegawaiIds: number[] | null;
}

const idList = (ids: number[]) =>
  sql`(SELECT value::int FROM json_array_elements_text(${JSON.stringify(ids)}::json))`;

function filterCakupan(c: Cakupan, opdId: number | undefined): SQL {
  const bagian: SQL[] = [];
  if (c.opdIds !== null) bagian.push(sql`p.opd_id IN ${idList(c.opdIds)}`);
  if (c.pegawaiIds !== null) bagian.push(sql`p.id IN ${idList(c.pegawaiIds)}`);
  if (opdId !== undefined) bagian.push(sql`p.opd_id = ${opdId}`);
  return bagian.length ? sql`AND ${sql.join(bagian, sql` AND `)}` : sql``;
}

const MENGECUALIKAN = sql.join(
  STATUS_DIKECUALIKAN.map((s) => sql`${s}`),
  sql`, `,
);

export interface JumlahRow {
  tepat_waktu: number;
  terlambat: number;
  tidak_ada: number;
  belum_jatuh_tempo: number;
  dikecualikan: number;
}

/**
 * The judged days CTEs: `hari` holds one row per employee in scope and working day with its status
 * at `now`. Entries whose creation time is unknown (before migration 0028) count as on time, as in
 * statusHari; an excused attendance status wins over everything.
 */
function hariCte(f: {
  instansiId: number;
  hari: { tanggal: string; tenggat: string }[];
  now: Date;
  cakupan: Cakupan;
  opdId?: number;
  /** Only the employees of one page by (nama, id): those after `setelah`, at most `batas`. */
  halaman?: { setelah: { nama: string; id: number } | null; batas: number };
}) {
  const h = f.halaman;
  const awal = f.hari[0]?.tanggal ?? '1970-01-01';
  const akhir = f.hari.at(-1)?.tanggal ?? '1970-01-01';
  return sql`WITH hk AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(f.hari)}::json) AS hk(tanggal date, tenggat timestamptz)
    ),
    peg AS (
      SELECT p.id, p.opd_id FROM pegawai p
       WHERE p.instansi_id = ${f.instansiId} AND p.is_active AND p.jabatan_id IS NOT NULL
             ${filterCakupan(f.cakupan, f.opdId)}
             ${h?.setelah ? sql`AND (p.nama, p.id) > (${h.setelah.nama}, ${h.setelah.id})` : sql``}
       ${h ? sql`ORDER BY p.nama, p.id LIMIT ${h.batas}` : sql``}
    ),
    entri AS (
      SELECT r.pegawai_id, l.tanggal, min(coalesce(l.dicatat_at, '-infinity'::timestamptz)) AS pertama
        FROM log_harian l JOIN realisasi r ON r.id = l.realisasi_id AND r.tahun = l.tahun
       WHERE r.instansi_id = ${f.instansiId} AND l.tanggal BETWEEN ${awal}::date AND ${akhir}::date
             ${h ? sql`AND r.pegawai_id IN (SELECT id FROM peg)` : sql``}
       GROUP BY 1, 2
    ),
    izin AS (
      SELECT DISTINCT pegawai_id, tanggal FROM kehadiran
       WHERE instansi_id = ${f.instansiId} AND tanggal BETWEEN ${awal}::date AND ${akhir}::date
         AND status IN (${MENGECUALIKAN})
             ${h ? sql`AND pegawai_id IN (SELECT id FROM peg)` : sql``}
    ),
    hari AS (
      SELECT peg.id AS pegawai_id, peg.opd_id,
             CASE WHEN izin.pegawai_id IS NOT NULL THEN 'DIKECUALIKAN'
                  WHEN e.pertama < hk.tenggat THEN 'TEPAT_WAKTU'
                  WHEN hk.tenggat > ${f.now.toISOString()}::timestamptz THEN 'BELUM_JATUH_TEMPO'
                  WHEN e.pertama IS NOT NULL THEN 'TERLAMBAT'
                  ELSE 'TIDAK_ADA' END AS status
        FROM peg CROSS JOIN hk
        LEFT JOIN entri e ON e.pegawai_id = peg.id AND e.tanggal = hk.tanggal
        LEFT JOIN izin ON izin.pegawai_id = peg.id AND izin.tanggal = hk.tanggal
    )`;
}

const JUMLAH = sql`count(*) FILTER (WHERE status = 'TEPAT_WAKTU')::int AS tepat_waktu,
       count(*) FILTER (WHERE status = 'TERLAMBAT')::int AS terlambat,
       count(*) FILTER (WHERE status = 'TIDAK_ADA')::int AS tidak_ada,
       count(*) FILTER (WHERE status = 'BELUM_JATUH_TEMPO')::int AS belum_jatuh_tempo,
       count(*) FILTER (WHERE status = 'DIKECUALIKAN')::int AS dikecualikan`;

type Filter = Parameters<typeof hariCte>[0];

/** Per OPD in scope: employees and judged days (OPDs without employees in scope are left out). */
export function perOpd(db: DbOrTx, f: Filter) {
  return rows<JumlahRow & { opd_id: number | null; opd_nama: string | null; jumlah_pegawai: number }>(
    db,
    sql`${hariCte(f)}
    SELECT h.opd_id, u.nama AS opd_nama, count(DISTINCT h.pegawai_id)::int AS jumlah_pegawai, ${JUMLAH}
      FROM hari h LEFT JOIN unor u ON u.id = h.opd_id
     GROUP BY h.opd_id, u.nama
     ORDER BY u.nama NULLS LAST`,
  );
}

/** Per employee in scope (optionally one OPD, optionally one page), with name and position, by name. */
export function perPegawai(db: DbOrTx, f: Filter) {
  return rows<
    JumlahRow & {
      pegawai_id: number;
      nip: string;
      gelar_depan: string | null;
      nama: string;
      gelar_belakang: string | null;
      jabatan_nama: string;
    }
  >(
    db,
    sql`${hariCte(f)},
    jumlah AS (SELECT pegawai_id, ${JUMLAH} FROM hari GROUP BY pegawai_id)
    SELECT j.*, p.nip, p.gelar_depan, p.nama, p.gelar_belakang, jb.nama AS jabatan_nama
      FROM jumlah j JOIN pegawai p ON p.id = j.pegawai_id JOIN jabatan jb ON jb.id = p.jabatan_id
     ORDER BY p.nama, p.id`,
  );
}

/** One employee's day facts over [dari, sampai]: the first entry's time per date, excused statuses. */
export async function faktaPegawai(db: DbOrTx, pegawaiId: number, dari: string, sampai: string) {
  const [entri, izin] = await Promise.all([
    rows<{ tanggal: string; pertama: string | null }>(
      db,
      sql`SELECT to_char(l.tanggal, 'YYYY-MM-DD') AS tanggal,
                 CASE WHEN bool_or(l.dicatat_at IS NULL) THEN NULL ELSE min(l.dicatat_at) END AS pertama
            FROM log_harian l JOIN realisasi r ON r.id = l.realisasi_id AND r.tahun = l.tahun
           WHERE r.pegawai_id = ${pegawaiId} AND l.tanggal BETWEEN ${dari}::date AND ${sampai}::date
           GROUP BY l.tanggal`,
    ),
    rows<{ tanggal: string; status: StatusKehadiran }>(
      db,
      sql`SELECT to_char(tanggal, 'YYYY-MM-DD') AS tanggal, status FROM kehadiran
           WHERE pegawai_id = ${pegawaiId} AND tanggal BETWEEN ${dari}::date AND ${sampai}::date
             AND status IN (${MENGECUALIKAN})`,
    ),
  ]);
  return { entri, izin };
}

/** The employee's identity for the calendar's heading (null outside the instansi). */
export async function pegawaiOf(db: DbOrTx, instansiId: number, pegawaiId: number) {
  const [row] = await rows<{
    id: number;
    nip: string;
    gelar_depan: string | null;
    nama: string;
    gelar_belakang: string | null;
    opd_id: number | null;
  }>(
    db,
    sql`SELECT id, nip, gelar_depan, nama, gelar_belakang, opd_id FROM pegawai
         WHERE id = ${pegawaiId} AND instansi_id = ${instansiId}`,
  );
  return row ?? null;
}
