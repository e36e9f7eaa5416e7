/**
 * Dibagi habis across a whole instansi or one unit's subtree, set-based for 10^5 employees: one
 * pass computes every employee's superior, their plans, and the children's totals per leader IKI.
 * The judgement of each IKI stays in src/domain/cascading.ts; SQL only adds up.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import type { Aspek } from '../../domain/skp.js';
import type { StatusSkp } from '../../domain/skp-workflow.js';

export interface Lingkup {
  instansiId: number;
  tahun: number;
  tanggal: string;
  /** The unit whose subtree is reported, broken down by its child units; null: the instansi by OPD. */
  unor: { id: number; path: string } | null;
  /** The instansi's top unit, where people above every OPD are counted. */
  rootId: number;
}

// The superior: the holder of the superior position when nothing overrides it (exactly what
// atasan_langsung() returns first), else the function itself, so both always agree.
function base(l: Lingkup): SQL {
  const grp = l.unor
    ? sql`coalesce(nullif(split_part(substr(u.path, ${l.unor.path.length + 1}), '/', 1), '')::int, ${l.unor.id})`
    : sql`coalesce(p.opd_id, ${l.rootId})`;
  const inScope = l.unor ? sql`AND u.path LIKE ${`${l.unor.path}%`}` : sql``;
  return sql`scope AS (
      SELECT p.id, p.nama, p.gelar_depan, p.gelar_belakang, j.jenis LIKE 'JPT%' AS is_jpt, ${grp} AS grp,
             CASE WHEN p.atasan_override_id IS NULL THEN
               (SELECT min(h.id) FROM pegawai h WHERE h.jabatan_id = j.atasan_jabatan_id AND h.is_active AND h.id <> p.id)
             END AS cepat
        FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id JOIN unor u ON u.id = j.unor_id
       WHERE p.instansi_id = ${l.instansiId} AND p.is_active ${inScope}),
    emp AS MATERIALIZED (
      SELECT s.*, coalesce(s.cepat, atasan_langsung(s.id, ${l.tanggal}::date)) AS atasan_id FROM scope s),
    plan AS MATERIALIZED (
      SELECT pegawai_id,
             (array_agg(id ORDER BY versi DESC, id DESC))[1] AS latest_id,
             (array_agg(status ORDER BY versi DESC, id DESC))[1] AS latest_status,
             (array_agg(id ORDER BY versi DESC, id DESC) FILTER (WHERE status IN ('DIAJUKAN', 'DISETUJUI')))[1] AS aktif_id,
             bool_or(status = 'DISETUJUI') AS disetujui
        FROM skp
       WHERE instansi_id = ${l.instansiId} AND tahun = ${l.tahun}
         ${l.unor ? sql`AND pegawai_id IN (SELECT id FROM emp UNION SELECT atasan_id FROM emp)` : sql``}
       GROUP BY pegawai_id)`;
}

/** Per group: employees, approved plans, UTAMA RHKs hanging under nothing, people waiting on their superior. */
export function ringkasanPegawai(db: DbOrTx, l: Lingkup) {
  return rows<{
    grp: number;
    pegawai: number;
    skpDisetujui: number;
    rhkTanpaInduk: number;
    menungguAtasan: number;
  }>(
    db,
    sql`WITH ${base(l)}
        SELECT e.grp, count(*)::int AS pegawai,
               count(*) FILTER (WHERE pl.disetujui)::int AS "skpDisetujui",
               count(*) FILTER (WHERE pl.aktif_id IS NULL AND NOT e.is_jpt AND e.atasan_id IS NOT NULL AND sp.aktif_id IS NULL)::int AS "menungguAtasan",
               coalesce(sum(ti.n), 0)::int AS "rhkTanpaInduk"
          FROM emp e
          LEFT JOIN plan pl ON pl.pegawai_id = e.id
          LEFT JOIN plan sp ON sp.pegawai_id = e.atasan_id
          LEFT JOIN LATERAL (
            SELECT count(*) AS n FROM rhk r
             WHERE r.skp_id = pl.latest_id AND r.jenis = 'UTAMA' AND NOT e.is_jpt
               AND NOT EXISTS (SELECT 1 FROM rhk_intervensi v JOIN rhk pr ON pr.id = v.atasan_rhk_id
                                WHERE v.rhk_id = r.id AND pr.skp_id = sp.aktif_id)) ti ON true
         GROUP BY e.grp`,
  );
}

const satuan = (col: SQL) => sql`lower(btrim(regexp_replace(coalesce(${col}, ''), '\\s+', ' ', 'g')))`;

/**
 * One row per IKI of each leader's current plan (the one subordinates intervene): how many of the
 * subordinates' latest RHKs intervene its RHK, and the sum of their targets in the same aspect and unit.
 */
export function agregatIkiPimpinan(db: DbOrTx, l: Lingkup) {
  return rows<{
    grp: number;
    aspek: Aspek | null;
    nilai: number | string | null;
    nilaiMaks: number | string | null;
    anak: number;
    cocok: number;
    jumlah: number | string;
  }>(
    db,
    sql`WITH ${base(l)},
        leader AS (SELECT e.id, e.grp FROM emp e JOIN (SELECT DISTINCT atasan_id FROM emp) a ON a.atasan_id = e.id),
        lk AS MATERIALIZED (
          SELECT ld.grp, k.id AS iki_id, k.rhk_id, k.aspek, k.target_nilai, k.target_nilai_maks, ${satuan(sql`k.target_satuan`)} AS sat
            FROM leader ld JOIN plan pl ON pl.pegawai_id = ld.id JOIN rhk r ON r.skp_id = pl.aktif_id JOIN iki k ON k.rhk_id = r.id),
        kids AS MATERIALIZED (
          SELECT v.atasan_rhk_id, v.rhk_id FROM rhk_intervensi v
            JOIN rhk cr ON cr.id = v.rhk_id JOIN plan cp ON cp.latest_id = cr.skp_id
           WHERE v.atasan_rhk_id IN (SELECT rhk_id FROM lk)),
        anak AS (SELECT atasan_rhk_id, count(*)::int AS n FROM kids GROUP BY atasan_rhk_id),
        cocok AS (
          SELECT lk.iki_id, count(ck.target_nilai)::int AS n, coalesce(sum(ck.target_nilai), 0) AS jumlah
            FROM lk JOIN kids ON kids.atasan_rhk_id = lk.rhk_id JOIN iki ck ON ck.rhk_id = kids.rhk_id
           WHERE (lk.aspek IS NULL OR ck.aspek = lk.aspek) AND ${satuan(sql`ck.target_satuan`)} = lk.sat
           GROUP BY lk.iki_id)
        SELECT lk.grp, lk.aspek, lk.target_nilai AS nilai, lk.target_nilai_maks AS "nilaiMaks",
               coalesce(anak.n, 0) AS anak, coalesce(cocok.n, 0) AS cocok, coalesce(cocok.jumlah, 0) AS jumlah
          FROM lk LEFT JOIN anak ON anak.atasan_rhk_id = lk.rhk_id LEFT JOIN cocok ON cocok.iki_id = lk.iki_id`,
  );
}

/** Who waits for whose plan: no submitted plan of their own and none from their superior (first `limit`). */
export function menungguAtasan(db: DbOrTx, l: Lingkup, limit: number) {
  return rows<{
    pegawaiId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    atasanId: number;
    atasanGelarDepan: string | null;
    atasanNama: string;
    atasanGelarBelakang: string | null;
    atasanStatus: StatusSkp | null;
  }>(
    db,
    sql`WITH ${base(l)}
        SELECT e.id AS "pegawaiId", e.gelar_depan AS "gelarDepan", e.nama, e.gelar_belakang AS "gelarBelakang",
               a.id AS "atasanId", a.gelar_depan AS "atasanGelarDepan", a.nama AS "atasanNama", a.gelar_belakang AS "atasanGelarBelakang",
               sp.latest_status AS "atasanStatus"
          FROM emp e
          JOIN pegawai a ON a.id = e.atasan_id
          LEFT JOIN plan pl ON pl.pegawai_id = e.id
          LEFT JOIN plan sp ON sp.pegawai_id = e.atasan_id
         WHERE pl.aktif_id IS NULL AND NOT e.is_jpt AND sp.aktif_id IS NULL
         ORDER BY a.nama, a.id, e.nama, e.id
         LIMIT ${limit}`,
  );
}

export async function unorRef(db: DbOrTx, instansiId: number, unorId: number | null) {
  const [row] = await rows<{ id: number; nama: string; path: string; opdId: number | null }>(
    db,
    unorId === null
      ? sql`SELECT id, nama, path, opd_id AS "opdId" FROM unor WHERE instansi_id = ${instansiId} AND parent_id IS NULL ORDER BY id LIMIT 1`
      : sql`SELECT id, nama, path, opd_id AS "opdId" FROM unor WHERE instansi_id = ${instansiId} AND id = ${unorId}`,
  );
  return row ?? null;
}

export function unorNames(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<{ id: number; nama: string; urutan: number }>(
    db,
    sql`SELECT id, nama, urutan FROM unor WHERE id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(ids)}::json))`,
  );
}
