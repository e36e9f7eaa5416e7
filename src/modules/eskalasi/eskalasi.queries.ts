/** SQL of the escalation list: per assessor who missed the deadline, over one period of the instansi. */
import { sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { type AturanEskalasi, tereskalasi } from '../../db/siklus-bulanan.js';
import { tahunKode } from '../../domain/jadwal.js';

export interface EskalasiRow {
  penilaiId: number;
  jumlahPegawai: number;
  jumlahRealisasi: number;
  diajukanTerlama: Date | null;
  penilaiNip: string;
  penilaiGelarDepan: string | null;
  penilaiNama: string;
  penilaiGelarBelakang: string | null;
  penilaiJabatan: string | null;
  atasanId: number | null;
  atasanNip: string | null;
  atasanGelarDepan: string | null;
  atasanNama: string | null;
  atasanGelarBelakang: string | null;
  atasanJabatan: string | null;
}

/**
 * The escalated items of a period grouped by the assessor who missed them (today's direct superior of
 * each employee; JPT plans do not escalate), with whom they escalated to. Employees narrowed to an OPD
 * admin's OPDs; oldest waiting submission first, keyset on (that instant, assessor id).
 */
export function eskalasiPerPenilai(
  db: DbOrTx,
  f: {
    instansiId: number;
    opdIds: number[] | null;
    periodeKode: string;
    tanggal: string;
    aturan: AturanEskalasi;
    now: Date;
    after: { tertua: string; penilaiId: number } | null;
    limit: number;
  },
) {
  const opd = f.opdIds
    ? sql`AND p.opd_id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(f.opdIds)}::json))`
    : sql``;
  const after = f.after
    ? sql`WHERE (g.tertua, g.penilai_id) > (${f.after.tertua}::timestamptz, ${f.after.penilaiId}::int)`
    : sql``;
  return rows<EskalasiRow>(
    db,
    sql`WITH t AS (
          SELECT r.pegawai_id, r.skp_id, count(*) AS n, min(r.diajukan_at) AS tertua
            FROM realisasi r
            JOIN skp s ON s.id = r.skp_id AND NOT s.is_jpt
            JOIN pegawai p ON p.id = r.pegawai_id
           WHERE r.tahun = ${tahunKode(f.periodeKode)} AND r.instansi_id = ${f.instansiId} AND r.periode_kode = ${f.periodeKode}
             AND r.status IN ('DIAJUKAN', 'DIPERBAIKI') ${opd}
             AND ${tereskalasi('r', f.aturan, f.now)}
           GROUP BY r.pegawai_id, r.skp_id
        ), g AS (
          SELECT a.penilai_id, count(DISTINCT a.pegawai_id)::int AS pegawai, sum(a.n)::int AS realisasi,
                 min(a.tertua) AS tertua
            FROM (SELECT t.*, pejabat_penilai_skp(t.skp_id, ${f.tanggal}::date) AS penilai_id FROM t) a
           WHERE a.penilai_id IS NOT NULL
           GROUP BY a.penilai_id
        ), page AS (
          SELECT * FROM g ${after} ORDER BY g.tertua, g.penilai_id LIMIT ${f.limit}
        )
        SELECT page.penilai_id AS "penilaiId", page.pegawai AS "jumlahPegawai", page.realisasi AS "jumlahRealisasi",
               page.tertua AS "diajukanTerlama",
               pn.nip AS "penilaiNip", pn.gelar_depan AS "penilaiGelarDepan", pn.nama AS "penilaiNama",
               pn.gelar_belakang AS "penilaiGelarBelakang", jn.nama AS "penilaiJabatan",
               at.id AS "atasanId", at.nip AS "atasanNip", at.gelar_depan AS "atasanGelarDepan", at.nama AS "atasanNama",
               at.gelar_belakang AS "atasanGelarBelakang", ja.nama AS "atasanJabatan"
          FROM page
          JOIN pegawai pn ON pn.id = page.penilai_id
          LEFT JOIN jabatan jn ON jn.id = pn.jabatan_id
          LEFT JOIN pegawai at ON at.id = atasan_langsung(page.penilai_id, ${f.tanggal}::date)
          LEFT JOIN jabatan ja ON ja.id = at.jabatan_id
         ORDER BY page.tertua, page.penilai_id`,
  );
}
