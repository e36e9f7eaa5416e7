/** Reads and writes of the national results import (impor-nasional.service.ts). */
import { and, eq, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { predikatAkhir } from '../../db/predikat-akhir.js';
import { evaluasiTahunan, penilaianPeriodik } from '../../db/schema/index.js';
import type { StatusEvaluasi } from '../../domain/evaluasi.js';
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
  instansiId: number;
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
    sql`SELECT id, instansi_id AS "instansiId", pegawai_id AS "pegawaiId", periode_mulai::text AS "periodeMulai",
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

export async function insertNasional(
  tx: DbOrTx,
  skp: { id: number; instansiId: number },
  periodeKode: string,
  v: NilaiNasional,
) {
  const [row] = await tx
    .insert(penilaianPeriodik)
    .values({
      instansiId: skp.instansiId,
      skpId: skp.id,
      periodeKode,
      ...v,
      catatan: null,
      sumber: 'IMPOR_NASIONAL',
    })
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

export interface EvaluasiAda {
  id: number;
  skpId: number;
  status: StatusEvaluasi;
  sumber: SumberPenilaian;
  /** The predikat as it stands after an objection (db/predikat-akhir.ts). */
  predikat: PredikatPegawai;
  adaKeberatan: boolean;
  version: number;
  at: string;
  penilaiNama: string;
}

/** The annual evaluations stored for these plans, drafts included. */
export function evaluasiAda(db: DbOrTx, skpIds: number[]) {
  if (!skpIds.length) return Promise.resolve([]);
  return rows<EvaluasiAda>(
    db,
    sql`SELECT e.id, e.skp_id AS "skpId", e.status, e.sumber, ${predikatAkhir()} AS predikat,
               k.id IS NOT NULL AS "adaKeberatan", e.version, to_json(e.updated_at) #>> '{}' AS at,
               p.nama AS "penilaiNama"
          FROM evaluasi_tahunan e JOIN pegawai p ON p.id = e.pejabat_penilai_id
          LEFT JOIN keberatan k ON k.evaluasi_id = e.id
         WHERE e.skp_id IN (${sql.join(
           skpIds.map((id) => sql`${id}`),
           sql`, `,
         )})`,
  );
}

/** The national annual result: FINAL at once, without signatures or the local workflow's fields. */
const tahunanNasional = (v: NilaiNasional) => ({
  ...v,
  pejabatPenilaiId: v.penilaiId,
  status: 'FINAL' as const,
  sumber: 'IMPOR_NASIONAL' as const,
  atasanPenilaiId: null,
  saran: null,
  capaianOrganisasi: null,
  catatan: null,
  rekomendasi: null,
  ditandatanganiPenilaiAt: null,
  ditandatanganiPegawaiAt: null,
  updatedAt: v.at,
});

export async function insertTahunanNasional(
  tx: DbOrTx,
  s: { instansiId: number; skpId: number; pegawaiId: number; tahun: number },
  v: NilaiNasional,
) {
  const { penilaiId: _p, at: _a, ...nilai } = tahunanNasional(v);
  const [row] = await tx
    .insert(evaluasiTahunan)
    .values({ ...s, ...nilai })
    .onConflictDoNothing({ target: evaluasiTahunan.skpId })
    .returning({ id: evaluasiTahunan.id });
  return row?.id ?? null;
}

/** Replaces a stored annual evaluation with the national result, if it is still the version the check read. */
export async function gantiTahunanNasional(tx: DbOrTx, id: number, version: number, v: NilaiNasional) {
  const { penilaiId: _p, at: _a, ...nilai } = tahunanNasional(v);
  const updated = await tx
    .update(evaluasiTahunan)
    .set({ ...nilai, version: sql`${evaluasiTahunan.version} + 1` })
    .where(
      and(
        eq(evaluasiTahunan.id, id),
        eq(evaluasiTahunan.version, version),
        // An objection filed since the check keeps the evaluation (it is about that predikat).
        sql`NOT EXISTS (SELECT 1 FROM keberatan k WHERE k.evaluasi_id = ${evaluasiTahunan.id})`,
      ),
    )
    .returning({ id: evaluasiTahunan.id });
  return updated.length === 1;
}
