/**
 * Dibagi habis across a whole instansi or one unit's subtree, set-based for 10^5 employees: one
 * pass computes every employee's superior, their plans, and the children's totals per leader IKI.
 * The judgement of each IKI stays in src/domain/cascading.ts; SQL only adds up.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows, type Tx } from '../../db/client.js';
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

// The group a unit reports under: its child unit of the reported one, or its OPD (the top unit above OPDs).
function grpSql(l: Lingkup, u: SQL): SQL {
  return l.unor
    ? sql`coalesce(nullif(split_part(substr(${u}.path, ${l.unor.path.length + 1}), '/', 1), '')::int, ${l.unor.id})`
    : sql`coalesce(${u}.opd_id, ${l.rootId})`;
}

// The superior: the holder of the superior position when nothing overrides it (exactly what
// atasan_langsung() returns first), else the function itself, so both always agree. Holders are
// looked up for superior positions only (a few per unit, by index), not grouped from every
// employee. The plan intervened is likewise the holder's own for that position (what
// rencana_atasan() answers for a definitive holder), else rencana_atasan() itself: under a Plt, the
// plan written for the position (SPEC §4.1). The functions sit in CASE arms, which PostgreSQL
// evaluates only when reached, so they run for the few employees without a fast answer (a LATERAL
// call filtered afterwards ran them for all 100,000: 73 s instead of under a second), once each
// (OFFSET 0 keeps the planner from copying a call into every expression that reads it), and one
// pass yields every employee without materialising him twice.
function empSql(l: Lingkup): SQL {
  const inScope = (u: SQL) => (l.unor ? sql`${u}.path LIKE ${`${l.unor.path}%`}` : sql`true`);
  const tanggal = sql`${l.tanggal}::date`;
  return sql`WITH holder AS (
      SELECT a.id AS jabatan_id,
             (SELECT min(h.id) FROM pegawai h WHERE h.jabatan_id = a.id AND h.instansi_id = ${l.instansiId} AND h.is_active) AS id
        FROM jabatan a
       WHERE a.id IN (SELECT atasan_jabatan_id FROM jabatan WHERE instansi_id = ${l.instansiId})),
    scope AS (
      SELECT p.id, p.jabatan_id,
             (j.jenis LIKE 'JPT%' OR j.kepala_unit_mandiri) AS format_jpt, ${grpSql(l, sql`u`)} AS grp,
             CASE WHEN p.atasan_override_id IS NULL AND j.atasan_jabatan_id <> j.id THEN h.id END AS cepat,
             j.atasan_jabatan_id AS cepat_jabatan
        FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id JOIN unor u ON u.id = j.unor_id
        LEFT JOIN holder h ON h.jabatan_id = j.atasan_jabatan_id
       WHERE p.instansi_id = ${l.instansiId} AND p.is_active AND ${inScope(sql`u`)}),
    rencana AS (
      SELECT s.id, s.format_jpt, s.grp, s.jabatan_id, s.atasan_id,
             CASE WHEN s.cepat IS NOT NULL THEN s.cepat_jabatan ELSE s.lambat[1] END AS atasan_jabatan_id,
             CASE WHEN s.cepat IS NOT NULL THEN s.cepat ELSE s.lambat[2] END AS pemilik_id
        FROM (SELECT a.*,
                     CASE WHEN a.cepat IS NULL AND a.atasan_id IS NOT NULL THEN
                       (SELECT ARRAY[r.jabatan_id, r.pemilik_id] FROM rencana_atasan(a.id, a.atasan_id, ${l.tahun}::int, ${tanggal}) r)
                     END AS lambat
                FROM (SELECT sc.*, coalesce(sc.cepat, atasan_langsung(sc.id, ${tanggal})) AS atasan_id FROM scope sc OFFSET 0) a
              OFFSET 0) s)
    SELECT r.id, r.format_jpt, r.grp, r.jabatan_id, r.atasan_id,
           r.atasan_jabatan_id, r.pemilik_id,
           CASE WHEN ${inScope(sql`au`)} THEN ${grpSql(l, sql`au`)} END AS atasan_grp
      FROM rencana r
      LEFT JOIN jabatan aj ON aj.id = r.atasan_jabatan_id LEFT JOIN unor au ON au.id = aj.unor_id`;
}

/**
 * Each employee's latest plan of the year per position, the one subordinates may intervene, and
 * whether one was approved. One sort serves all three: ordered aggregates (array_agg ORDER BY) sorted
 * each group's rows again, three times per position, which took most of this step.
 */
function planSql(l: Lingkup): SQL {
  return sql`SELECT DISTINCT ON (pegawai_id, jabatan_id) pegawai_id, jabatan_id, id AS latest_id, status AS latest_status,
             (max(ARRAY[versi::int, id]) FILTER (WHERE status IN ('DIAJUKAN', 'DISETUJUI')) OVER w)[2] AS aktif_id,
             bool_or(status = 'DISETUJUI') OVER w AS disetujui
        FROM skp
       WHERE instansi_id = ${l.instansiId} AND tahun = ${l.tahun}
         ${l.unor ? sql`AND pegawai_id IN (SELECT id FROM cakupan_emp UNION SELECT pemilik_id FROM cakupan_emp)` : sql``}
      WINDOW w AS (PARTITION BY pegawai_id, jabatan_id ORDER BY versi DESC, id DESC
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
       ORDER BY pegawai_id, jabatan_id, versi DESC, id DESC`;
}

export interface LaporanCakupan {
  /** Per group: employees, approved plans, UTAMA RHKs hanging under nothing, people waiting on their superior. */
  grup: {
    grp: number;
    pegawai: number;
    skpDisetujui: number;
    rhkTanpaInduk: number;
    menungguAtasan: number;
  }[];
  /**
   * One row per IKI of each leader's current plan (the one subordinates intervene): how many of the
   * subordinates' latest RHKs intervene its RHK, and the sum of their targets in the same aspect and unit.
   */
  iki: {
    grp: number;
    aspek: Aspek | null;
    nilai: number | null;
    nilaiMaks: number | null;
    anak: number;
    cocok: number;
    jumlah: number;
  }[];
  /** Who waits for whose plan: no submitted plan of their own and none from their superior. */
  menunggu: {
    pegawaiId: number;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    atasanId: number;
    atasanGelarDepan: string | null;
    atasanNama: string;
    atasanGelarBelakang: string | null;
    atasanStatus: StatusSkp | null;
  }[];
}

/**
 * The RHKs the report weighs, read by their instansi and year (ADR 0030), never from every
 * instansi's rows: the children's (every latest plan's RHKs), the leaders' (the RHKs of each plan
 * intervened), and the links between the two.
 */
function rhkSql(l: Lingkup): SQL {
  return sql`SELECT r.id, cp.pegawai_id, cp.jabatan_id, r.jenis
        FROM cakupan_plan cp JOIN rhk r ON r.skp_id = cp.latest_id AND r.instansi_id = ${l.instansiId} AND r.tahun = ${l.tahun}`;
}

// With the group the plan's position sits in (null outside the reported scope): one per plan, since
// a plan is one position's.
function indukSql(l: Lingkup): SQL {
  return sql`SELECT r.id, r.skp_id, a.grp
        FROM (SELECT DISTINCT pl.aktif_id, e.atasan_grp AS grp FROM cakupan_emp e
                JOIN cakupan_plan pl ON pl.pegawai_id = e.pemilik_id AND pl.jabatan_id = e.atasan_jabatan_id
               WHERE pl.aktif_id IS NOT NULL) a
        JOIN rhk r ON r.skp_id = a.aktif_id AND r.instansi_id = ${l.instansiId} AND r.tahun = ${l.tahun}`;
}

/** Each employee with what his plans and his superior's say: the facts the per-person counts need, joined once. */
function statusSql(): SQL {
  return sql`SELECT e.id, e.jabatan_id, e.grp, e.format_jpt, e.atasan_id,
             pl.disetujui, pl.aktif_id, sp.aktif_id AS atasan_aktif_id, sp.latest_status AS atasan_status
        FROM cakupan_emp e
        LEFT JOIN cakupan_plan pl ON pl.pegawai_id = e.id AND pl.jabatan_id = e.jabatan_id
        LEFT JOIN cakupan_plan sp ON sp.pegawai_id = e.pemilik_id AND sp.jabatan_id = e.atasan_jabatan_id`;
}

/** The leaders' IKIs, grouped where the leader's position sits (under a Plt, not his own unit). */
function ikiIndukSql(l: Lingkup): SQL {
  return sql`SELECT r.grp, k.id AS iki_id, k.rhk_id, k.aspek, k.target_nilai, k.target_nilai_maks, k.satuan_kunci
        FROM cakupan_induk r JOIN iki k ON k.rhk_id = r.id AND k.instansi_id = ${l.instansiId} AND k.tahun = ${l.tahun}
       WHERE r.grp IS NOT NULL`;
}

function tautanSql(l: Lingkup): SQL {
  return sql`SELECT v.rhk_id, v.atasan_rhk_id, i.skp_id AS atasan_skp_id
        FROM rhk_intervensi v JOIN cakupan_rhk r ON r.id = v.rhk_id JOIN cakupan_induk i ON i.id = v.atasan_rhk_id
       WHERE v.instansi_id = ${l.instansiId} AND v.tahun = ${l.tahun}`;
}

/**
 * The whole report. Its inputs go into temporary tables first (employees with their superiors,
 * plans, RHKs, links): computed once, and analysed, so the planner joins 10^5 rows by hash instead
 * of guessing from CTE estimates (which made it 3x slower). Only the columns later joined, grouped
 * or filtered on are analysed: their statistics are all the planner uses. Runs in the caller's
 * transaction; the tables drop at commit.
 */
export async function siapkanLaporan(tx: Tx, l: Lingkup) {
  await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
  const tabel: [string, SQL, string[]][] = [
    ['cakupan_emp', empSql(l), ['id', 'pemilik_id', 'atasan_jabatan_id']],
    ['cakupan_plan', planSql(l), ['pegawai_id', 'jabatan_id', 'latest_id', 'aktif_id']],
    ['cakupan_rhk', rhkSql(l), ['id', 'pegawai_id', 'jabatan_id', 'jenis']],
    ['cakupan_induk', indukSql(l), ['id', 'grp']],
    ['cakupan_tautan', tautanSql(l), ['rhk_id', 'atasan_rhk_id', 'atasan_skp_id']],
    ['cakupan_lk', ikiIndukSql(l), ['rhk_id', 'iki_id']],
    ['cakupan_status', statusSql(), ['id', 'jabatan_id', 'grp', 'format_jpt', 'aktif_id', 'atasan_aktif_id']],
  ];
  for (const [nama, isi, kolom] of tabel) {
    const t = sql.identifier(nama);
    const dianalisis = sql.join(
      kolom.map((k) => sql.identifier(k)),
      sql`, `,
    );
    await tx.execute(sql`CREATE TEMP TABLE ${t} ON COMMIT DROP AS ${isi}`);
    await tx.execute(sql`ANALYZE ${t} (${dianalisis})`);
  }
}

export async function laporanCakupan(tx: Tx, l: Lingkup, limitMenunggu: number): Promise<LaporanCakupan> {
  await siapkanLaporan(tx, l);
  const [row] = await rows<{ laporan: LaporanCakupan }>(tx, laporanSql(l, limitMenunggu));
  return row!.laporan;
}

/** The report over the temporary tables (exported for the test that EXPLAINs it). */
export function laporanSql(l: Lingkup, limitMenunggu: number): SQL {
  return sql`WITH yatim AS (
          SELECT e.grp, count(*)::int AS n
            FROM cakupan_status e JOIN cakupan_rhk r ON r.pegawai_id = e.id AND r.jabatan_id = e.jabatan_id AND r.jenis = 'UTAMA'
           WHERE NOT e.format_jpt
             AND NOT EXISTS (SELECT 1 FROM cakupan_tautan t WHERE t.rhk_id = r.id AND t.atasan_skp_id = e.atasan_aktif_id)
           GROUP BY e.grp),
        grup AS (
          SELECT grp, count(*)::int AS pegawai,
                 count(*) FILTER (WHERE disetujui)::int AS "skpDisetujui",
                 count(*) FILTER (WHERE aktif_id IS NULL AND NOT format_jpt AND atasan_id IS NOT NULL AND atasan_aktif_id IS NULL)::int AS "menungguAtasan"
            FROM cakupan_status GROUP BY grp),
        -- The children's side, summed per leader RHK, aspect and unit.
        anak AS (SELECT atasan_rhk_id, count(*)::int AS n FROM cakupan_tautan GROUP BY atasan_rhk_id),
        anak_iki AS (
          SELECT a.atasan_rhk_id, ck.aspek, ck.satuan_kunci, count(ck.target_nilai)::int AS n, sum(ck.target_nilai) AS jumlah
            FROM cakupan_tautan a
            JOIN iki ck ON ck.rhk_id = a.rhk_id AND ck.instansi_id = ${l.instansiId} AND ck.tahun = ${l.tahun}
           GROUP BY a.atasan_rhk_id, ck.aspek, ck.satuan_kunci),
        cocok AS (
          SELECT lk.iki_id, sum(ai.n)::int AS n, coalesce(sum(ai.jumlah), 0) AS jumlah
            FROM cakupan_lk lk JOIN anak_iki ai ON ai.atasan_rhk_id = lk.rhk_id AND ai.satuan_kunci = lk.satuan_kunci
           WHERE lk.aspek IS NULL OR ai.aspek = lk.aspek
           GROUP BY lk.iki_id),
        menunggu AS (
          SELECT p.id AS "pegawaiId", p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
                 a.id AS "atasanId", a.gelar_depan AS "atasanGelarDepan", a.nama AS "atasanNama", a.gelar_belakang AS "atasanGelarBelakang",
                 e.atasan_status AS "atasanStatus"
            FROM cakupan_status e JOIN pegawai p ON p.id = e.id JOIN pegawai a ON a.id = e.atasan_id
           WHERE e.aktif_id IS NULL AND NOT e.format_jpt AND e.atasan_aktif_id IS NULL
           ORDER BY a.nama, a.id, p.nama, p.id
           LIMIT ${limitMenunggu})
        SELECT json_build_object(
          'grup', (SELECT coalesce(json_agg(json_build_object('grp', g.grp, 'pegawai', g.pegawai, 'skpDisetujui', g."skpDisetujui",
                                                              'menungguAtasan', g."menungguAtasan", 'rhkTanpaInduk', coalesce(y.n, 0))), '[]')
                     FROM grup g LEFT JOIN yatim y ON y.grp = g.grp),
          'iki', (SELECT coalesce(json_agg(json_build_object('grp', lk.grp, 'aspek', lk.aspek, 'nilai', lk.target_nilai,
                                                             'nilaiMaks', lk.target_nilai_maks, 'anak', coalesce(anak.n, 0),
                                                             'cocok', coalesce(cocok.n, 0), 'jumlah', coalesce(cocok.jumlah, 0))), '[]')
                    FROM cakupan_lk lk LEFT JOIN anak ON anak.atasan_rhk_id = lk.rhk_id LEFT JOIN cocok ON cocok.iki_id = lk.iki_id),
          'menunggu', (SELECT coalesce(json_agg(m), '[]') FROM menunggu m)) AS laporan`;
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
