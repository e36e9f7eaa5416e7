/** Reads and writes of the national results import (impor-nasional.service.ts). */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { penilaianPeriodik } from '../../db/schema/index.js';
import type { PredikatPegawai, Rating, SumberPenilaian } from '../../domain/predikat.js';

export interface PegawaiNip {
  id: number;
  nip: string;
  nama: string;
  opdId: number | null;
}

/** The instansi's active employees among these NIPs. */
export function pegawaiByNip(db: DbOrTx, instansiId: number, nips: string[]) {
  if (!nips.length) return Promise.resolve([]);
  return rows<PegawaiNip>(
    db,
    sql`SELECT id, nip, nama, opd_id AS "opdId" FROM pegawai
         WHERE instansi_id = ${instansiId} AND is_active
           AND nip IN (${sql.join(
             nips.map((n) => sql`${n}`),
             sql`, `,
           )})`,
  );
}

export interface SkpTahun {
  id: number;
  pegawaiId: number;
  periodeMulai: string;
  periodeAkhir: string;
  pejabatPenilaiId: number | null;
}

/**
 * The approved plans of these employees in the year, the one that governs a month first (the order
 * of realisasi's approvedSkpFor: the latest start, then the latest version).
 */
export function skpDisetujui(db: DbOrTx, pegawaiIds: number[], tahun: number) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  return rows<SkpTahun>(
    db,
    sql`SELECT id, pegawai_id AS "pegawaiId", periode_mulai::text AS "periodeMulai",
               periode_akhir::text AS "periodeAkhir", pejabat_penilai_id AS "pejabatPenilaiId"
          FROM skp
         WHERE tahun = ${tahun} AND status = 'DISETUJUI'
           AND pegawai_id IN (${sql.join(
             pegawaiIds.map((id) => sql`${id}`),
             sql`, `,
           )})
         ORDER BY periode_mulai DESC, versi DESC, id DESC`,
  );
}

export interface PenilaianAda {
  id: number;
  skpId: number;
  periodeKode: string;
  predikat: PredikatPegawai;
  sumber: SumberPenilaian;
  version: number;
  at: string;
  penilaiNama: string;
}

/** The periodic evaluations stored for these plans in the year's months. */
export function penilaianAda(db: DbOrTx, skpIds: number[], tahun: number) {
  if (!skpIds.length) return Promise.resolve([]);
  return rows<PenilaianAda>(
    db,
    sql`SELECT pp.id, pp.skp_id AS "skpId", pp.periode_kode AS "periodeKode", pp.predikat, pp.sumber,
               pp.version, to_json(pp.at) #>> '{}' AS at, p.nama AS "penilaiNama"
          FROM penilaian_periodik pp JOIN pegawai p ON p.id = pp.penilai_id
         WHERE pp.periode_kode LIKE ${`${tahun}-%`}
           AND pp.skp_id IN (${sql.join(
             skpIds.map((id) => sql`${id}`),
             sql`, `,
           )})`,
  );
}

export interface NilaiNasional {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
  penilaiId: number;
  at: Date;
}

export async function insertNasional(tx: DbOrTx, skpId: number, periodeKode: string, v: NilaiNasional) {
  const [row] = await tx
    .insert(penilaianPeriodik)
    .values({ skpId, periodeKode, ...v, catatan: null, sumber: 'IMPOR_NASIONAL' })
    .onConflictDoNothing({ target: [penilaianPeriodik.skpId, penilaianPeriodik.periodeKode] })
    .returning({ id: penilaianPeriodik.id });
  return row?.id ?? null;
}

/** Replaces a stored evaluation with the national one, if it is still the version the check read. */
export async function gantiDenganNasional(tx: DbOrTx, id: number, version: number, v: NilaiNasional) {
  const updated = await tx
    .update(penilaianPeriodik)
    .set({ ...v, catatan: null, sumber: 'IMPOR_NASIONAL', version: sql`${penilaianPeriodik.version} + 1` })
    .where(and(eq(penilaianPeriodik.id, id), eq(penilaianPeriodik.version, version)))
    .returning({ id: penilaianPeriodik.id });
  return updated.length === 1;
}
