/**
 * SQL of the national-format exports (SPEC §8). Both read the instansi's active employees in keyset
 * batches by (nama, id) — pegawai_instansi_nama_idx — and join what each batch needs, so an export
 * of 100,000 employees never holds more than one batch.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import type { JenisPenugasan } from '../../domain/jabatan.js';
import type { PredikatPegawai } from '../../domain/predikat.js';
import type { StatusSkp } from '../../domain/skp-workflow.js';
import { XLSX_BATCH } from '../../platform/xlsx-stream.js';

export interface LaporanFilter {
  instansiId: number;
  /** null: the whole instansi. */
  opdIds: number[] | null;
  tahun: number;
}

type Kunci = { nama: string; id: number } | null;

/** The employees a report covers: the instansi's active ones, within the OPDs when narrowed. */
const cakupan = (f: LaporanFilter) =>
  sql`p.instansi_id = ${f.instansiId} AND p.is_active
      ${f.opdIds === null ? sql`` : sql`AND p.opd_id = ANY(${`{${f.opdIds.join(',')}}`}::int[])`}`;

/** One batch of employees after `kunci`, as a CTE both reports start from. */
const halaman = (f: LaporanFilter, kunci: Kunci, limit: number) =>
  sql`SELECT p.id, p.nip, p.gelar_depan, p.nama, p.gelar_belakang, p.jabatan_id
        FROM pegawai p
       WHERE ${cakupan(f)}
         ${kunci === null ? sql`` : sql`AND (p.nama, p.id) > (${kunci.nama}, ${kunci.id})`}
       ORDER BY p.nama, p.id
       LIMIT ${limit}`;

/** The latest version of each of the employee's plans of the year (a lateral subquery over `p`). */
const skpTerakhir = (tahun: number) =>
  sql`SELECT s.id, s.status, s.periode_akhir, s.jabatan_id FROM skp s
       WHERE s.pegawai_id = p.id AND s.tahun = ${tahun}
         AND NOT EXISTS (SELECT 1 FROM skp n
                          WHERE n.pegawai_id = s.pegawai_id AND n.tahun = s.tahun
                            AND n.versi_sebelumnya_id = s.id)`;

async function hitung(db: DbOrTx, query: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(db, query);
  return r!.n;
}

/** The rows "Laporan SKP" will hold: one per plan of the year, one for an employee without any. */
export function jumlahSkp(db: DbOrTx, f: LaporanFilter): Promise<number> {
  return hitung(
    db,
    sql`SELECT count(*)::int AS n FROM pegawai p LEFT JOIN LATERAL (${skpTerakhir(f.tahun)}) s ON true
         WHERE ${cakupan(f)}`,
  );
}

/** The rows "Laporan Penilaian SKP" will hold: one per employee. */
export function jumlahPenilaian(db: DbOrTx, f: LaporanFilter): Promise<number> {
  return hitung(db, sql`SELECT count(*)::int AS n FROM pegawai p WHERE ${cakupan(f)}`);
}

interface Nama {
  id: number;
  nip: string;
  gelar_depan: string | null;
  nama: string;
  gelar_belakang: string | null;
}

/** Pages through a per-employee query, each batch after the last employee of the previous one. */
async function* perBatch<T extends Nama>(fetch: (kunci: Kunci) => Promise<T[]>): AsyncGenerator<T[]> {
  let kunci: Kunci = null;
  for (;;) {
    const batch = await fetch(kunci);
    if (batch.length === 0) return;
    yield batch;
    const last = batch.at(-1)!;
    kunci = { nama: last.nama, id: last.id };
  }
}

export interface BarisSkp extends Nama {
  skp_id: number | null;
  status: StatusSkp | null;
  periode_akhir: string | null;
  jabatan: string | null;
  unor: string | null;
  unor_induk: string | null;
  plt_plh: JenisPenugasan | null;
}

/**
 * "Laporan SKP": a row per SKP of the year (the latest version of each plan), or one row without an
 * SKP; the position, unit and OPD are the plan's (the current ones without a plan). Plt/Plh: the
 * employee held the plan's position as Plt or Plh during the year.
 */
export function barisSkp(db: DbOrTx, f: LaporanFilter, ukuran = XLSX_BATCH): AsyncGenerator<BarisSkp[]> {
  const awal = `${f.tahun}-01-01`;
  const akhir = `${f.tahun}-12-31`;
  // Batches are whole employees: a page of employees, then all their plans.
  return perBatch((kunci) =>
    rows<BarisSkp>(
      db,
      sql`WITH p AS (${halaman(f, kunci, ukuran)})
            SELECT p.*, s.id AS skp_id, s.status, s.periode_akhir::text AS periode_akhir,
                   j.nama AS jabatan, u.nama AS unor, o.nama AS unor_induk, t.jenis AS plt_plh
              FROM p
              LEFT JOIN LATERAL (${skpTerakhir(f.tahun)}) s ON true
              LEFT JOIN jabatan j ON j.id = COALESCE(s.jabatan_id, p.jabatan_id)
              LEFT JOIN unor u ON u.id = j.unor_id
              LEFT JOIN unor o ON o.id = u.opd_id
              LEFT JOIN LATERAL (
                SELECT g.jenis FROM penugasan g
                 WHERE s.id IS NOT NULL AND g.pegawai_id = p.id AND g.jabatan_id = s.jabatan_id
                   AND g.jenis IN ('PLT', 'PLH') AND g.tmt_mulai <= ${akhir}::date
                   AND (g.tmt_selesai IS NULL OR g.tmt_selesai >= ${awal}::date)
                 ORDER BY g.tmt_mulai DESC LIMIT 1
              ) t ON true
             ORDER BY p.nama, p.id, s.id`,
    ),
  );
}

export interface BarisPenilaian extends Nama {
  /** 'periode_kode=PREDIKAT' pairs joined by ',' (the latest plan's rating of each period). */
  periodik: string | null;
  tahunan: PredikatPegawai | null;
}

/**
 * "Laporan Penilaian SKP": per employee, the periodic predikat of the year and the year's result from
 * db/predikat-akhir (the last SKP's, after an objection; null — shown "-" — until it is FINAL).
 */
export function barisPenilaian(
  db: DbOrTx,
  f: LaporanFilter,
  ukuran = XLSX_BATCH,
): AsyncGenerator<BarisPenilaian[]> {
  return perBatch((kunci) =>
    rows<BarisPenilaian>(
      db,
      sql`WITH p AS (${halaman(f, kunci, ukuran)})
            SELECT p.*,
                   (SELECT string_agg(x.periode_kode || '=' || x.predikat, ',')
                      FROM (SELECT DISTINCT ON (pp.periode_kode) pp.periode_kode, pp.predikat
                              FROM skp s JOIN penilaian_periodik pp ON pp.skp_id = s.id
                             WHERE s.pegawai_id = p.id AND s.tahun = ${f.tahun}
                             ORDER BY pp.periode_kode, s.id DESC) x) AS periodik,
                   t.predikat AS tahunan
              FROM p LEFT JOIN LATERAL (${evaluasiTahunanAkhir(f.instansiId, f.tahun, sql`p.id`)}) t ON true
             ORDER BY p.nama, p.id`,
    ),
  );
}
