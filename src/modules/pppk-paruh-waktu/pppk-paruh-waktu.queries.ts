/**
 * SQL of the PPPK paruh waktu quarter: one statement reads a page of employees (one unit, one
 * assessor's direct subordinates, or one employee) with their periodic results of the quarter's
 * periods and their quarterly record, so a report of any size costs one query per page.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows, type Tx } from '../../db/client.js';
import type {
  HasilPeriodik,
  RekomendasiKontrak,
  StatusEvaluasiTriwulan,
} from '../../domain/pppk-paruh-waktu.js';
import type { PredikatPegawai } from '../../domain/predikat.js';

/** Whose quarters: a unit's (OPD), an assessor's direct subordinates on a date, or one employee. */
export type Cakupan = { opdId: number } | { atasanId: number; tanggal: string } | { pegawaiId: number };

export interface BarisTriwulanRow {
  id: number;
  nip: string;
  gelar_depan: string | null;
  nama: string;
  gelar_belakang: string | null;
  opd_id: number | null;
  jabatan: string | null;
  opd: string | null;
  /** The latest result of each of the quarter's periods the employee has. */
  hasil: HasilPeriodik[];
  evaluasi_id: number | null;
  status: StatusEvaluasiTriwulan | null;
  predikat: PredikatPegawai | null;
  predikat_saran: PredikatPegawai | null;
  alasan_perubahan: string | null;
  rekomendasi: RekomendasiKontrak | null;
  catatan: string | null;
  penilai_id: number | null;
  difinalkan_at: Date | string | null;
  version: number | null;
}

function saring(c: Cakupan): SQL {
  if ('opdId' in c) return sql`p.opd_id = ${c.opdId}`;
  if ('atasanId' in c) return sql`atasan_langsung(p.id, ${c.tanggal}::date) = ${c.atasanId}`;
  return sql`p.id = ${c.pegawaiId}`;
}

/**
 * A page of the instansi's active PPPK paruh waktu in `cakupan`, by (nama, id) after `kunci`
 * (pegawai_opd_nama_idx for a unit). `kode` are the quarter's period codes; `limit` + 1 rows are
 * read so the caller knows whether another page follows.
 */
export function barisTriwulan(
  db: DbOrTx,
  f: {
    instansiId: number;
    cakupan: Cakupan;
    tahun: number;
    triwulan: number;
    kode: string[];
    kunci: { nama: string; id: number } | null;
    limit: number;
  },
) {
  return rows<BarisTriwulanRow>(
    db,
    sql`WITH p AS (
          SELECT p.id, p.nip, p.gelar_depan, p.nama, p.gelar_belakang, p.opd_id, p.jabatan_id
            FROM pegawai p
           WHERE p.instansi_id = ${f.instansiId} AND p.is_active AND p.jenis_asn = 'PPPK_PW'
             AND ${saring(f.cakupan)}
             ${f.kunci === null ? sql`` : sql`AND (p.nama, p.id) > (${f.kunci.nama}, ${f.kunci.id})`}
           ORDER BY p.nama, p.id
           LIMIT ${f.limit + 1})
        SELECT p.id, p.nip, p.gelar_depan, p.nama, p.gelar_belakang, p.opd_id, j.nama AS jabatan, o.nama AS opd,
               coalesce((SELECT json_agg(json_build_object('periodeKode', h.periode_kode,
                                  'ratingHasilKerja', h.rating_hasil_kerja, 'ratingPerilaku', h.rating_perilaku,
                                  'predikat', h.predikat))
                           FROM (SELECT DISTINCT ON (pp.periode_kode) pp.*
                                   FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
                                  WHERE s.pegawai_id = p.id
                                    AND pp.periode_kode = ANY(${`{${f.kode.join(',')}}`}::text[])
                                  ORDER BY pp.periode_kode, pp.at DESC, pp.id DESC) h), '[]'::json) AS hasil,
               e.id AS evaluasi_id, e.status, e.predikat, e.predikat_saran, e.alasan_perubahan, e.rekomendasi,
               e.catatan, e.penilai_id, e.difinalkan_at, e.version
          FROM p
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN unor o ON o.id = p.opd_id
          LEFT JOIN evaluasi_triwulan_pppk e
                 ON e.pegawai_id = p.id AND e.tahun = ${f.tahun} AND e.triwulan = ${f.triwulan}
         ORDER BY p.nama, p.id`,
  );
}

/** The employee's kind and units, for a write on his quarter. */
export async function pegawaiOf(db: DbOrTx, id: number) {
  const [row] = await rows<{ instansi_id: number; opd_id: number | null; jenis_asn: string }>(
    db,
    sql`SELECT instansi_id, opd_id, jenis_asn FROM pegawai WHERE id = ${id}`,
  );
  return row ?? null;
}

export interface IsianRow {
  predikat: PredikatPegawai | null;
  predikatSaran: PredikatPegawai | null;
  alasanPerubahan: string | null;
  rekomendasi: RekomendasiKontrak | null;
  catatan: string | null;
}

export async function kunciEvaluasi(tx: Tx, pegawaiId: number, tahun: number, triwulan: number) {
  const [row] = await rows<
    IsianRow & { id: number; status: StatusEvaluasiTriwulan; version: number; penilaiId: number }
  >(
    tx,
    sql`SELECT id, status, version, penilai_id AS "penilaiId", predikat, predikat_saran AS "predikatSaran",
               alasan_perubahan AS "alasanPerubahan", rekomendasi, catatan
          FROM evaluasi_triwulan_pppk
         WHERE pegawai_id = ${pegawaiId} AND tahun = ${tahun} AND triwulan = ${triwulan}
           FOR UPDATE`,
  );
  return row ?? null;
}

export async function insertEvaluasi(
  tx: Tx,
  v: IsianRow & {
    instansiId: number;
    pegawaiId: number;
    tahun: number;
    triwulan: number;
    penilaiId: number;
    at: Date;
  },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`INSERT INTO evaluasi_triwulan_pppk (instansi_id, pegawai_id, tahun, triwulan, predikat, predikat_saran,
               alasan_perubahan, rekomendasi, catatan, penilai_id, created_at, updated_at)
        VALUES (${v.instansiId}, ${v.pegawaiId}, ${v.tahun}, ${v.triwulan}, ${v.predikat}, ${v.predikatSaran},
                ${v.alasanPerubahan}, ${v.rekomendasi}, ${v.catatan}, ${v.penilaiId}, ${v.at}, ${v.at})
        ON CONFLICT (pegawai_id, tahun, triwulan) DO NOTHING
        RETURNING id`,
  );
  return row ?? null;
}

/** Updates a draft at `version`; null when someone changed it meanwhile. */
export async function updateEvaluasi(
  tx: Tx,
  id: number,
  version: number,
  v: IsianRow & { penilaiId: number; at: Date },
) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`UPDATE evaluasi_triwulan_pppk
           SET predikat = ${v.predikat}, predikat_saran = ${v.predikatSaran}, alasan_perubahan = ${v.alasanPerubahan},
               rekomendasi = ${v.rekomendasi}, catatan = ${v.catatan}, penilai_id = ${v.penilaiId},
               updated_at = ${v.at}, version = version + 1
         WHERE id = ${id} AND version = ${version} AND status = 'DRAF'
         RETURNING id`,
  );
  return row ?? null;
}

export async function finalkan(tx: Tx, id: number, version: number, penilaiId: number, at: Date) {
  const [row] = await rows<{ id: number }>(
    tx,
    sql`UPDATE evaluasi_triwulan_pppk
           SET status = 'FINAL', difinalkan_at = ${at}, penilai_id = ${penilaiId}, updated_at = ${at},
               version = version + 1
         WHERE id = ${id} AND version = ${version} AND status = 'DRAF'
         RETURNING id`,
  );
  return row ?? null;
}
