/** Reads of the integration API: one statement per page, keyset by employee id, within the token's instansi. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import type { StatusEvaluasi } from '../../domain/evaluasi.js';

export interface V1PegawaiRow {
  id: number;
  nip: string;
  nama: string;
  gelarDepan: string | null;
  gelarBelakang: string | null;
  jenisAsn: string;
  golongan: string;
  jabatan: string | null;
  jenisJabatan: string | null;
  jenjangJabatan: string | null;
  kelasJabatan: number | null;
  unor: string | null;
  opdKode: string | null;
  opdNama: string | null;
  nipAtasan: string | null;
  aktif: boolean;
  diubahAt: Date | string;
}

/** The superior is the one the SQL function decides today, as everywhere else in the application. */
export function pegawaiPage(
  db: DbOrTx,
  f: {
    instansiId: number;
    afterId: number | null;
    limit: number;
    opdKode: string | null;
    diubahSejak: string | null;
    tanggal: string;
  },
) {
  return rows<V1PegawaiRow>(
    db,
    sql`SELECT p.id, p.nip, p.nama, p.gelar_depan AS "gelarDepan", p.gelar_belakang AS "gelarBelakang",
               p.jenis_asn AS "jenisAsn", p.golongan, j.nama AS jabatan, j.jenis AS "jenisJabatan",
               j.jenjang AS "jenjangJabatan", j.kelas_jabatan AS "kelasJabatan", u.nama AS unor,
               o.kode AS "opdKode", o.nama AS "opdNama",
               (SELECT a.nip FROM pegawai a WHERE a.id = atasan_langsung(p.id, ${f.tanggal}::date)) AS "nipAtasan",
               p.is_active AS aktif, p.updated_at AS "diubahAt"
          FROM pegawai p
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN unor u ON u.id = p.unor_id
          LEFT JOIN unor o ON o.id = p.opd_id
         WHERE p.instansi_id = ${f.instansiId}
           ${f.afterId === null ? sql`` : sql`AND p.id > ${f.afterId}`}
           ${f.opdKode === null ? sql`` : sql`AND o.kode = ${f.opdKode}`}
           ${f.diubahSejak === null ? sql`` : sql`AND p.updated_at >= ${f.diubahSejak}::timestamptz`}
         ORDER BY p.id LIMIT ${f.limit + 1}`,
  );
}

export interface V1EvaluasiRow {
  id: number;
  nip: string;
  nama: string;
  periodik: { periodeKode: string; ratingHasilKerja: string; ratingPerilaku: string; predikat: string }[];
  tahunan: {
    status: StatusEvaluasi | null;
    final: boolean;
    ratingHasilKerja: string | null;
    ratingPerilaku: string | null;
    predikat: string | null;
    predikatAkhir: string | null;
  } | null;
}

/**
 * Employees with a plan in the year, each with the periodic ratings by period (the latest plan
 * version wins a period rated twice) and the year's result from db/predikat-akhir (the last SKP's
 * annual evaluation, values only once FINAL, the predikat after an objection too).
 */
export function evaluasiPage(
  db: DbOrTx,
  f: { instansiId: number; tahun: number; afterId: number | null; limit: number },
) {
  return rows<V1EvaluasiRow>(
    db,
    sql`WITH halaman AS (
          SELECT p.id, p.nip, p.nama FROM pegawai p
           WHERE p.instansi_id = ${f.instansiId}
             ${f.afterId === null ? sql`` : sql`AND p.id > ${f.afterId}`}
             AND EXISTS (SELECT 1 FROM skp s WHERE s.pegawai_id = p.id AND s.tahun = ${f.tahun})
           ORDER BY p.id LIMIT ${f.limit + 1})
        SELECT h.id, h.nip, h.nama,
               coalesce((SELECT json_agg(json_build_object('periodeKode', x.periode_kode,
                                  'ratingHasilKerja', x.rating_hasil_kerja, 'ratingPerilaku', x.rating_perilaku,
                                  'predikat', x.predikat) ORDER BY x.periode_kode)
                           FROM (SELECT DISTINCT ON (pp.periode_kode) pp.*
                                   FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
                                  WHERE s.pegawai_id = h.id AND s.tahun = ${f.tahun}
                                  ORDER BY pp.periode_kode, s.versi DESC, s.id DESC) x), '[]'::json) AS periodik,
               CASE WHEN t.skp_id IS NOT NULL THEN
                 json_build_object('status', t.status, 'final', t.final, 'ratingHasilKerja', t.rating_hasil_kerja,
                                   'ratingPerilaku', t.rating_perilaku, 'predikat', t.predikat_penilai,
                                   'predikatAkhir', t.predikat)
               END AS tahunan
          FROM halaman h LEFT JOIN LATERAL (${evaluasiTahunanAkhir(f.instansiId, f.tahun, sql`h.id`)}) t ON true
         ORDER BY h.id`,
  );
}
