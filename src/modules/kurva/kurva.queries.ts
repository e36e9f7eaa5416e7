/**
 * SQL of the curve. A unit's employees are those whose plan's position sits in the unit or a unit
 * below it (unor.path prefix), except the unit's own head, who is assessed one level up; an employee
 * with two plans in a period counts once, by the latest assessment (annual: the last SKP of the
 * year). Periodic predikat come from penilaian_periodik; annual ones from db/predikat-akhir (after
 * objections), where only FINAL evaluations count and the others are reported as belum final.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import { penetapanPredikat, penilaianPeriodik, predikatOrganisasi, unor } from '../../db/schema/index.js';
import type { PredikatOrganisasi, PredikatPegawai, Rating } from '../../domain/predikat.js';

type Nama = { gelarDepan: string | null; nama: string; gelarBelakang: string | null };

export async function findUnor(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: unor.id,
      instansiId: unor.instansiId,
      opdId: unor.opdId,
      parentId: unor.parentId,
      jenis: unor.jenis,
      nama: unor.nama,
      path: unor.path,
    })
    .from(unor)
    .where(eq(unor.id, id));
  return row ?? null;
}

/** The units whose head position the employee holds on the date, definitively or as Plt/Plh. */
const dipimpin = (pegawaiId: number, tanggal: string) =>
  sql`SELECT j.unor_id FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
       WHERE p.id = ${pegawaiId} AND p.is_active AND j.is_kepala_unor
      UNION
      SELECT j.unor_id FROM penugasan t JOIN jabatan j ON j.id = t.jabatan_id
       WHERE t.pegawai_id = ${pegawaiId} AND t.jenis IN ('PLT', 'PLH') AND j.is_kepala_unor
         AND t.tmt_mulai <= ${tanggal}::date AND (t.tmt_selesai IS NULL OR t.tmt_selesai >= ${tanggal}::date)`;

export async function unorDipimpin(db: DbOrTx, pegawaiId: number, tanggal: string) {
  const found = await rows<{ unor_id: number }>(db, dipimpin(pegawaiId, tanggal));
  return found.map((r) => r.unor_id);
}

/** The units the employee heads and the units right below them (whose predikat they set). */
export async function unorPimpinan(db: DbOrTx, pegawaiId: number, tanggal: string) {
  return rows<{ id: number; nama: string; jenis: string; parent_id: number | null; dipimpin: boolean }>(
    db,
    sql`WITH d AS (${dipimpin(pegawaiId, tanggal)})
        SELECT u.id, u.nama, u.jenis, u.parent_id, (u.id IN (SELECT unor_id FROM d)) AS dipimpin
          FROM unor u
         WHERE u.id IN (SELECT unor_id FROM d) OR u.parent_id IN (SELECT unor_id FROM d)
         ORDER BY u.path
         LIMIT 200`,
  );
}

/**
 * The assessed rows of a period, one per employee (`final` false, predikat null: the last SKP's annual
 * evaluation missing or not yet FINAL).
 */
function dinilai(instansiId: number, periodeKode: string, tahunan: boolean) {
  return tahunan
    ? sql`SELECT t.*, j.unor_id, j.is_kepala_unor, j.nama AS jabatan_nama, u.path
            FROM (${evaluasiTahunanAkhir(instansiId, Number(periodeKode))}) t JOIN skp s ON s.id = t.skp_id
            JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id`
    : sql`SELECT DISTINCT ON (s.pegawai_id) pp.id, s.pegawai_id, true AS final, pp.predikat, pp.rating_hasil_kerja,
                 pp.rating_perilaku, pp.penilai_id, pp.version, j.unor_id, j.is_kepala_unor, j.nama AS jabatan_nama, u.path
            FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
            JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id
           WHERE pp.instansi_id = ${instansiId} AND pp.periode_kode = ${periodeKode}
           ORDER BY s.pegawai_id, pp.at DESC, pp.id DESC`;
}

/** The unit's employees (subtree, without its own head), as a filter over `dinilai`. */
const anggota = (u: { id: number; path: string }) =>
  sql`d.path LIKE ${`${u.path}%`} AND NOT (d.unor_id = ${u.id} AND d.is_kepala_unor)`;

export async function distribusiUnor(
  db: DbOrTx,
  u: { id: number; instansiId: number; path: string },
  periodeKode: string,
  tahunan: boolean,
) {
  return rows<{ predikat: PredikatPegawai; final: boolean; n: number }>(
    db,
    sql`SELECT d.predikat, d.final, count(*)::int AS n FROM (${dinilai(u.instansiId, periodeKode, tahunan)}) d
         WHERE ${anggota(u)} GROUP BY d.predikat, d.final`,
  );
}

/**
 * The period codes with data in the unit, newest first: a periodic assessment or (its year) an annual
 * evaluation of someone in its subtree, or its own organisation predikat or penetapan. A year comes
 * before its months: its annual evaluation closes it.
 */
export async function periodeBerdata(
  db: DbOrTx,
  u: { id: number; instansiId: number; path: string },
  limit: number,
) {
  const subtree = sql`JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id
         WHERE u.path LIKE ${`${u.path}%`}`;
  const found = await rows<{ kode: string }>(
    db,
    sql`SELECT kode FROM (
          SELECT pp.periode_kode AS kode FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id ${subtree}
                 AND pp.instansi_id = ${u.instansiId}
          UNION SELECT s.tahun::text FROM evaluasi_tahunan e JOIN skp s ON s.id = e.skp_id ${subtree}
                 AND s.instansi_id = ${u.instansiId}
          UNION SELECT periode_kode FROM predikat_organisasi WHERE unor_id = ${u.id}
          UNION SELECT periode_kode FROM penetapan_predikat WHERE unor_id = ${u.id}
        ) k
        ORDER BY left(kode, 4) DESC, length(kode), kode DESC LIMIT ${limit}`,
  );
  return found.map((r) => r.kode);
}

/** The calibration board: the unit's assessed employees by name, at most `limit`. */
export async function anggotaDinilai(
  db: DbOrTx,
  u: { id: number; instansiId: number; path: string },
  periodeKode: string,
  limit: number,
) {
  return rows<
    Nama & {
      penilaian_id: number;
      pegawai_id: number;
      nip: string;
      jabatan_nama: string;
      predikat: PredikatPegawai;
      rating_hasil_kerja: Rating;
      rating_perilaku: Rating;
      version: number;
      penilai_id: number;
      penilai_gelar_depan: string | null;
      penilai_nama: string;
      penilai_gelar_belakang: string | null;
    }
  >(
    db,
    sql`SELECT d.id AS penilaian_id, d.pegawai_id, p.nip, p.gelar_depan AS "gelarDepan", p.nama,
               p.gelar_belakang AS "gelarBelakang", d.jabatan_nama, d.predikat, d.rating_hasil_kerja,
               d.rating_perilaku, d.version, d.penilai_id, a.gelar_depan AS penilai_gelar_depan,
               a.nama AS penilai_nama, a.gelar_belakang AS penilai_gelar_belakang
          FROM (${dinilai(u.instansiId, periodeKode, false)}) d
          JOIN pegawai p ON p.id = d.pegawai_id JOIN pegawai a ON a.id = d.penilai_id
         WHERE ${anggota(u)}
         ORDER BY p.nama, p.id
         LIMIT ${limit}`,
  );
}

/** Per assessor in the unit: how many they rated and how many Di Atas Ekspektasi they gave. */
export async function leniensi(
  db: DbOrTx,
  u: { id: number; instansiId: number; path: string },
  periodeKode: string,
  tahunan: boolean,
) {
  return rows<
    Nama & { penilai_id: number; jumlah: number; di_atas_hasil_kerja: number; di_atas_perilaku: number }
  >(
    db,
    sql`SELECT d.penilai_id, a.gelar_depan AS "gelarDepan", a.nama, a.gelar_belakang AS "gelarBelakang",
               count(*)::int AS jumlah,
               (count(*) FILTER (WHERE d.rating_hasil_kerja = 'DI_ATAS_EKSPEKTASI'))::int AS di_atas_hasil_kerja,
               (count(*) FILTER (WHERE d.rating_perilaku = 'DI_ATAS_EKSPEKTASI'))::int AS di_atas_perilaku
          FROM (${dinilai(u.instansiId, periodeKode, tahunan)}) d JOIN pegawai a ON a.id = d.penilai_id
         WHERE ${anggota(u)} AND d.final
         GROUP BY d.penilai_id, a.gelar_depan, a.nama, a.gelar_belakang
         ORDER BY a.nama, d.penilai_id`,
  );
}

/**
 * Every unit's distribution in one pass: each assessed employee counts in every unit on their path
 * (unnest of unor.path), except in the unit they head; one not yet final counts as belum final.
 * With the unit's predikat and penetapan.
 */
export async function laporan(
  db: DbOrTx,
  instansiId: number,
  periodeKode: string,
  tahunan: boolean,
  opdIds: number[] | null,
) {
  return rows<{
    id: number;
    nama: string;
    jenis: string;
    parent_id: number | null;
    sb: number;
    b: number;
    bp: number;
    k: number;
    sk: number;
    belum_final: number;
    predikat: PredikatOrganisasi | null;
    ditetapkan: boolean;
  }>(
    db,
    sql`WITH d AS (${dinilai(instansiId, periodeKode, tahunan)}),
        a AS (
          SELECT x.id::int AS unor_id, d.predikat
            FROM d CROSS JOIN LATERAL unnest(string_to_array(btrim(d.path, '/'), '/')) AS x(id)
           WHERE NOT (d.is_kepala_unor AND d.unor_id = x.id::int)
        ), c AS (
          SELECT unor_id,
                 (count(*) FILTER (WHERE predikat = 'SANGAT_BAIK'))::int AS sb,
                 (count(*) FILTER (WHERE predikat = 'BAIK'))::int AS b,
                 (count(*) FILTER (WHERE predikat = 'BUTUH_PERBAIKAN'))::int AS bp,
                 (count(*) FILTER (WHERE predikat = 'KURANG'))::int AS k,
                 (count(*) FILTER (WHERE predikat = 'SANGAT_KURANG'))::int AS sk,
                 (count(*) FILTER (WHERE predikat IS NULL))::int AS belum_final
            FROM a GROUP BY unor_id
        )
        SELECT u.id, u.nama, u.jenis, u.parent_id, c.sb, c.b, c.bp, c.k, c.sk, c.belum_final, po.predikat,
               (pt.id IS NOT NULL) AS ditetapkan
          FROM c JOIN unor u ON u.id = c.unor_id
          LEFT JOIN predikat_organisasi po ON po.unor_id = u.id AND po.periode_kode = ${periodeKode}
          LEFT JOIN penetapan_predikat pt ON pt.unor_id = u.id AND pt.periode_kode = ${periodeKode}
         WHERE u.instansi_id = ${instansiId}
           ${opdIds === null ? sql`` : sql`AND u.opd_id = ANY(${`{${opdIds.join(',')}}`}::int[])`}
         ORDER BY u.path`,
  );
}

const nama = sql`p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang"`;

export async function findPredikatOrganisasi(db: DbOrTx, unorId: number, periodeKode: string) {
  const [row] = await rows<
    Nama & {
      id: number;
      predikat: PredikatOrganisasi;
      dasar: Record<string, unknown>;
      ditetapkan_oleh_id: number;
      version: number;
      updated_at: Date | string;
    }
  >(
    db,
    sql`SELECT po.id, po.predikat, po.dasar, po.ditetapkan_oleh_id, po.version, po.updated_at, ${nama}
          FROM predikat_organisasi po JOIN pegawai p ON p.id = po.ditetapkan_oleh_id
         WHERE po.unor_id = ${unorId} AND po.periode_kode = ${periodeKode}`,
  );
  return row ?? null;
}

export async function findPenetapan(db: DbOrTx, unorId: number, periodeKode: string) {
  const [row] = await rows<
    Nama & {
      id: number;
      predikat_organisasi: PredikatOrganisasi;
      distribusi: Record<string, unknown>;
      pelanggaran: string[];
      justifikasi: string | null;
      ditetapkan_oleh_id: number;
      ditetapkan_at: Date | string;
      version: number;
    }
  >(
    db,
    sql`SELECT pt.id, pt.predikat_organisasi, pt.distribusi, pt.pelanggaran, pt.justifikasi,
               pt.ditetapkan_oleh_id, pt.ditetapkan_at, pt.version, ${nama}
          FROM penetapan_predikat pt JOIN pegawai p ON p.id = pt.ditetapkan_oleh_id
         WHERE pt.unor_id = ${unorId} AND pt.periode_kode = ${periodeKode}`,
  );
  return row ?? null;
}

type PredikatOrganisasiIsi = Pick<
  typeof predikatOrganisasi.$inferInsert,
  'predikat' | 'dasar' | 'ditetapkanOlehId'
>;

/** Insert; null when a concurrent request inserted first. */
export async function insertPredikatOrganisasi(
  tx: DbOrTx,
  key: { instansiId: number; unorId: number; periodeKode: string },
  values: PredikatOrganisasiIsi,
) {
  const [row] = await tx
    .insert(predikatOrganisasi)
    .values({ ...key, ...values })
    .onConflictDoNothing()
    .returning({ id: predikatOrganisasi.id });
  return row?.id ?? null;
}

export async function updatePredikatOrganisasiIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  values: PredikatOrganisasiIsi,
) {
  const updated = await tx
    .update(predikatOrganisasi)
    .set({ ...values, version: sql`${predikatOrganisasi.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(predikatOrganisasi.id, id), eq(predikatOrganisasi.version, version)))
    .returning({ id: predikatOrganisasi.id });
  return updated.length === 1;
}

type PenetapanIsi = Pick<
  typeof penetapanPredikat.$inferInsert,
  'predikatOrganisasi' | 'distribusi' | 'pelanggaran' | 'justifikasi' | 'ditetapkanOlehId' | 'ditetapkanAt'
>;

export async function insertPenetapan(
  tx: DbOrTx,
  key: { instansiId: number; unorId: number; periodeKode: string },
  values: PenetapanIsi,
) {
  const [row] = await tx
    .insert(penetapanPredikat)
    .values({ ...key, ...values })
    .onConflictDoNothing()
    .returning({ id: penetapanPredikat.id });
  return row?.id ?? null;
}

export async function updatePenetapanIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  values: PenetapanIsi,
) {
  const updated = await tx
    .update(penetapanPredikat)
    .set({ ...values, version: sql`${penetapanPredikat.version} + 1` })
    .where(and(eq(penetapanPredikat.id, id), eq(penetapanPredikat.version, version)))
    .returning({ id: penetapanPredikat.id });
  return updated.length === 1;
}

export async function findPenilaian(db: DbOrTx, id: number) {
  const [row] = await rows<{
    id: number;
    skp_id: number;
    periode_kode: string;
    pegawai_id: number;
    instansi_id: number;
    opd_id: number | null;
    unor_id: number;
    is_kepala_unor: boolean;
    path: string;
    rating_hasil_kerja: Rating;
    rating_perilaku: Rating;
    predikat: PredikatPegawai;
    version: number;
  }>(
    db,
    sql`SELECT pp.id, pp.skp_id, pp.periode_kode, s.pegawai_id, s.instansi_id, u.opd_id, j.unor_id, j.is_kepala_unor,
               u.path, pp.rating_hasil_kerja, pp.rating_perilaku, pp.predikat, pp.version
          FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
          JOIN jabatan j ON j.id = s.jabatan_id JOIN unor u ON u.id = j.unor_id
         WHERE pp.id = ${id}`,
  );
  return row ?? null;
}

/** Calibration changes the ratings, not who assessed: the assessor stays, the audit row names the leader. */
export async function updateRatingIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  values: { ratingHasilKerja: Rating; ratingPerilaku: Rating; predikat: PredikatPegawai },
) {
  const updated = await tx
    .update(penilaianPeriodik)
    .set({ ...values, version: sql`${penilaianPeriodik.version} + 1` })
    .where(and(eq(penilaianPeriodik.id, id), eq(penilaianPeriodik.version, version)))
    .returning({ id: penilaianPeriodik.id });
  return updated.length === 1;
}

/** The organisation predikat of the units the employee heads, for the period (SPEC §6.3). */
export async function predikatOrganisasiKepala(
  db: DbOrTx,
  pegawaiId: number,
  periodeKode: string,
  tanggal: string,
) {
  return rows<{ unor_id: number; nama: string; predikat: PredikatOrganisasi }>(
    db,
    sql`SELECT po.unor_id, u.nama, po.predikat FROM predikat_organisasi po JOIN unor u ON u.id = po.unor_id
         WHERE po.periode_kode = ${periodeKode} AND po.unor_id IN (${dipimpin(pegawaiId, tanggal)})
         ORDER BY po.unor_id`,
  );
}
