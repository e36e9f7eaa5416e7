/**
 * SQL of the angka kredit. Only SKPs of functional positions (jabatan.jenjang set) earn AK, each at
 * its own position's jenjang; a period rated on two versions of a plan counts once, by the latest.
 * Every read takes a set of employees, so the admin list costs the same few queries per page.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows, type Tx } from '../../db/client.js';
import { ringkasByIds } from '../../db/pegawai-ringkas.js';
import { predikatAkhir } from '../../db/predikat-akhir.js';
import { angkaKreditAwal } from '../../db/schema/index.js';
import type { JenisJabatan, JenjangFungsional } from '../../domain/jabatan.js';
import type { JenisAsn } from '../../domain/nip.js';
import type { PredikatPegawai } from '../../domain/predikat.js';

/** The short employee rows (in the order of the ids). */
export const ringkas = ringkasByIds;

const intArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

export interface PegawaiAk {
  id: number;
  instansiId: number;
  opdId: number | null;
  golongan: string;
  jenisAsn: JenisAsn;
  jenisJabatan: JenisJabatan | null;
  jenjang: JenjangFungsional | null;
}

export async function pegawaiAk(db: DbOrTx, id: number): Promise<PegawaiAk | null> {
  const [row] = await rows<{
    id: number;
    instansi_id: number;
    opd_id: number | null;
    golongan: string;
    jenis_asn: JenisAsn;
    jenis: JenisJabatan | null;
    jenjang: JenjangFungsional | null;
  }>(
    db,
    sql`SELECT p.id, p.instansi_id, p.opd_id, p.golongan, p.jenis_asn, j.jenis, j.jenjang
          FROM pegawai p LEFT JOIN jabatan j ON j.id = p.jabatan_id
         WHERE p.id = ${id}`,
  );
  return row
    ? {
        id: row.id,
        instansiId: row.instansi_id,
        opdId: row.opd_id,
        golongan: row.golongan,
        jenisAsn: row.jenis_asn,
        jenisJabatan: row.jenis,
        jenjang: row.jenjang,
      }
    : null;
}

/**
 * One page of the active functional employees of an instansi (optionally some OPDs), by name then
 * id; `afterId` is the last employee of the previous page (keyset over pegawai_instansi_nama_idx).
 */
export async function daftarFungsional(
  db: DbOrTx,
  filter: { instansiId: number; opdIds: number[] | null; afterId: number | null; limit: number },
) {
  return rows<{ id: number; golongan: string; jenjang: JenjangFungsional }>(
    db,
    sql`SELECT p.id, p.golongan, j.jenjang
          FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
         WHERE p.instansi_id = ${filter.instansiId} AND p.is_active
           AND j.jenis = 'FUNGSIONAL' AND j.jenjang IS NOT NULL
           ${filter.opdIds === null ? sql`` : sql`AND p.opd_id = ANY(${intArray(filter.opdIds)}::int[])`}
           ${
             filter.afterId === null
               ? sql``
               : sql`AND (p.nama, p.id) > (SELECT c.nama, c.id FROM pegawai c WHERE c.id = ${filter.afterId})`
           }
         ORDER BY p.nama, p.id
         LIMIT ${filter.limit}`,
  );
}

export interface PeriodikRow {
  pegawaiId: number;
  skpId: number;
  jabatanId: number;
  tahun: number;
  jenjang: JenjangFungsional;
  periodeKode: string;
  predikat: PredikatPegawai;
}

/** Periodic ratings of the employees' functional SKPs up to `sampai` (inclusive). */
export async function periodik(
  db: DbOrTx,
  pegawaiIds: readonly number[],
  sampai: number,
): Promise<PeriodikRow[]> {
  if (pegawaiIds.length === 0) return [];
  const found = await rows<{
    pegawai_id: number;
    skp_id: number;
    jabatan_id: number;
    tahun: number;
    jenjang: JenjangFungsional;
    periode_kode: string;
    predikat: PredikatPegawai;
  }>(
    db,
    sql`SELECT DISTINCT ON (s.pegawai_id, pp.periode_kode)
               s.pegawai_id, s.id AS skp_id, s.jabatan_id, s.tahun, j.jenjang, pp.periode_kode, pp.predikat
          FROM skp s
          JOIN jabatan j ON j.id = s.jabatan_id AND j.jenjang IS NOT NULL
          JOIN penilaian_periodik pp ON pp.skp_id = s.id
         WHERE s.pegawai_id = ANY(${intArray(pegawaiIds)}::int[]) AND s.tahun <= ${sampai}
         ORDER BY s.pegawai_id, pp.periode_kode, s.id DESC`,
  );
  return found.map((r) => ({
    pegawaiId: r.pegawai_id,
    skpId: r.skp_id,
    jabatanId: r.jabatan_id,
    tahun: Number(r.tahun),
    jenjang: r.jenjang,
    periodeKode: r.periode_kode,
    predikat: r.predikat,
  }));
}

export interface TahunanRow {
  pegawaiId: number;
  skpId: number;
  jabatanId: number;
  tahun: number;
  jenjang: JenjangFungsional;
  periodeMulai: string;
  periodeAkhir: string;
  predikat: PredikatPegawai;
}

/**
 * FINAL annual evaluations of the employees' functional SKPs up to `sampai`, with the predikat as it
 * stands after an objection decided DIUBAH (evaluasi.ts hasilAkhir; predikat_baru holds its result).
 */
export async function tahunanFinal(
  db: DbOrTx,
  pegawaiIds: readonly number[],
  sampai: number,
): Promise<TahunanRow[]> {
  if (pegawaiIds.length === 0) return [];
  const found = await rows<{
    pegawai_id: number;
    skp_id: number;
    jabatan_id: number;
    tahun: number;
    jenjang: JenjangFungsional;
    periode_mulai: string;
    periode_akhir: string;
    predikat: PredikatPegawai;
  }>(
    db,
    sql`SELECT e.pegawai_id, e.skp_id, s.jabatan_id, e.tahun, j.jenjang,
               s.periode_mulai::text AS periode_mulai, s.periode_akhir::text AS periode_akhir,
               ${predikatAkhir()} AS predikat
          FROM evaluasi_tahunan e
          JOIN skp s ON s.id = e.skp_id
          JOIN jabatan j ON j.id = s.jabatan_id AND j.jenjang IS NOT NULL
          LEFT JOIN keberatan k ON k.evaluasi_id = e.id
         WHERE e.pegawai_id = ANY(${intArray(pegawaiIds)}::int[]) AND e.tahun <= ${sampai} AND e.status = 'FINAL'
         ORDER BY e.pegawai_id, e.tahun, e.skp_id`,
  );
  return found.map((r) => ({
    pegawaiId: r.pegawai_id,
    skpId: r.skp_id,
    jabatanId: r.jabatan_id,
    tahun: Number(r.tahun),
    jenjang: r.jenjang,
    periodeMulai: r.periode_mulai,
    periodeAkhir: r.periode_akhir,
    predikat: r.predikat,
  }));
}

export interface AwalRow {
  pegawaiId: number;
  nilai: number;
  tahunMulai: number;
  keterangan: string | null;
  version: number;
}

export async function awal(db: DbOrTx, pegawaiIds: readonly number[]): Promise<AwalRow[]> {
  if (pegawaiIds.length === 0) return [];
  const found = await rows<{
    pegawai_id: number;
    nilai: string | number;
    tahun_mulai: number;
    keterangan: string | null;
    version: number;
  }>(
    db,
    sql`SELECT pegawai_id, nilai, tahun_mulai, keterangan, version FROM angka_kredit_awal
         WHERE pegawai_id = ANY(${intArray(pegawaiIds)}::int[])`,
  );
  return found.map((r) => ({
    pegawaiId: r.pegawai_id,
    nilai: Number(r.nilai),
    tahunMulai: Number(r.tahun_mulai),
    keterangan: r.keterangan,
    version: r.version,
  }));
}

/**
 * Writes the initial AK if `version` is still current; without a version only a first row is
 * created. False when someone else got there first (409).
 */
export async function simpanAwal(
  tx: Tx,
  pegawaiId: number,
  version: number | undefined,
  set: { nilai: number; tahunMulai: number; keterangan: string | null },
): Promise<boolean> {
  if (version === undefined) {
    const inserted = await tx
      .insert(angkaKreditAwal)
      .values({ pegawaiId, ...set })
      .onConflictDoNothing()
      .returning({ v: angkaKreditAwal.version });
    return inserted.length > 0;
  }
  const updated = await tx
    .update(angkaKreditAwal)
    .set({ ...set, version: sql`${angkaKreditAwal.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(angkaKreditAwal.pegawaiId, pegawaiId), eq(angkaKreditAwal.version, version)))
    .returning({ v: angkaKreditAwal.version });
  return updated.length > 0;
}

export interface BagianSkpRow {
  pegawaiId: number;
  skpId: number;
  jabatanId: number;
  jabatanNama: string;
  periodeMulai: string;
  periodeAkhir: string;
  /** The plan's annual evaluation: null when none yet. */
  evaluasiStatus: string | null;
}

/**
 * The SKP parts of the employees' year (SPEC §4.1, §7.2): their approved plans, the newest version per
 * position, in the order they ran, with the state of each annual evaluation; a year is provisional
 * while one of them is not FINAL.
 */
export function bagianSkp(db: DbOrTx, pegawaiIds: readonly number[], tahun: number) {
  if (pegawaiIds.length === 0) return Promise.resolve([]);
  return rows<BagianSkpRow>(
    db,
    sql`SELECT DISTINCT ON (s.pegawai_id, s.jabatan_id)
               s.pegawai_id AS "pegawaiId", s.id AS "skpId", s.jabatan_id AS "jabatanId", j.nama AS "jabatanNama",
               s.periode_mulai::text AS "periodeMulai", s.periode_akhir::text AS "periodeAkhir", e.status AS "evaluasiStatus"
          FROM skp s
          JOIN jabatan j ON j.id = s.jabatan_id AND j.jenjang IS NOT NULL
          LEFT JOIN evaluasi_tahunan e ON e.skp_id = s.id
         WHERE s.pegawai_id = ANY(${intArray(pegawaiIds)}::int[]) AND s.tahun = ${tahun} AND s.status = 'DISETUJUI'
         ORDER BY s.pegawai_id, s.jabatan_id, s.versi DESC, s.id DESC`,
  );
}
