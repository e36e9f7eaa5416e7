/**
 * SQL of the history views: an employee's year in three statements (RHKs, realisasi with rounds and
 * feedback, periodic ratings; and the year's annual result) and an assessor's or a unit's team in three more, whatever the count of
 * periods.
 */
import { and, asc, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import {
  jabatan,
  pegawai,
  penilaianPeriodik,
  realisasi,
  realisasiRiwayat,
  rhk,
  skp,
  umpanBalik,
  unor,
} from '../../db/schema/index.js';
import type { PredikatPegawai, SumberPenilaian } from '../../domain/predikat.js';
import { STATUS_REALISASI, type StatusRealisasi } from '../../domain/realisasi-workflow.js';

const nama = { gelarDepan: pegawai.gelarDepan, nama: pegawai.nama, gelarBelakang: pegawai.gelarBelakang };

export async function findPegawai(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: pegawai.id,
      nip: pegawai.nip,
      instansiId: pegawai.instansiId,
      ...nama,
      jabatanNama: jabatan.nama,
    })
    .from(pegawai)
    .leftJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .where(eq(pegawai.id, id));
  return row ?? null;
}

/**
 * The RHKs of the year: those of approved plans not replaced by a newer approved version, and any
 * RHK that has a realisasi (so months filled under an older version or position stay visible).
 */
export function rhkTahun(db: DbOrTx, pegawaiId: number, tahun: number) {
  return db
    .select({
      id: rhk.id,
      asalRhkId: rhk.asalRhkId,
      jenis: rhk.jenis,
      rencana: rhk.rencana,
      skpId: skp.id,
      skpVersi: skp.versi,
    })
    .from(skp)
    .innerJoin(rhk, eq(rhk.skpId, skp.id))
    .where(
      and(
        eq(skp.pegawaiId, pegawaiId),
        eq(skp.tahun, tahun),
        eq(skp.status, 'DISETUJUI'),
        sql`(NOT EXISTS (SELECT 1 FROM skp n WHERE n.versi_sebelumnya_id = ${skp.id} AND n.status = 'DISETUJUI')
             OR EXISTS (SELECT 1 FROM realisasi x WHERE x.tahun = ${tahun} AND x.rhk_id = ${rhk.id}))`,
      ),
    )
    .orderBy(asc(skp.periodeMulai), asc(skp.versi), asc(rhk.urutan), asc(rhk.id));
}

/** Every realisasi of the employee in these periods of `tahun` with its last round and its feedback (count, last). */
export function realisasiTahun(db: DbOrTx, pegawaiId: number, tahun: number, periodeKode: string[]) {
  const putaran = db
    .select({ putaran: sql<number | null>`max(${realisasiRiwayat.putaran})::int`.as('putaran') })
    .from(realisasiRiwayat)
    // The year reads only its partition of the threads (ADR 0025).
    .where(and(eq(realisasiRiwayat.tahun, tahun), eq(realisasiRiwayat.realisasiId, realisasi.id)))
    .as('rr');
  const terakhir = db
    .select({
      teks: umpanBalik.teks,
      at: umpanBalik.at,
      olehId: umpanBalik.olehId,
      jumlah: sql<number>`(count(*) OVER ())::int`.as('jumlah'),
    })
    .from(umpanBalik)
    // The plan and period narrow to the indexed slice; the realisasi picks its own.
    .where(
      and(
        eq(umpanBalik.skpId, realisasi.skpId),
        eq(umpanBalik.periodeKode, realisasi.periodeKode),
        eq(umpanBalik.realisasiId, realisasi.id),
      ),
    )
    .orderBy(desc(umpanBalik.id))
    .limit(1)
    .as('ub');
  return (
    db
      .select({
        id: realisasi.id,
        rhkId: realisasi.rhkId,
        periodeKode: realisasi.periodeKode,
        status: realisasi.status,
        nilai: realisasi.nilai,
        satuan: realisasi.satuan,
        teks: realisasi.teks,
        capaian: realisasi.capaian,
        putaran: putaran.putaran,
        jumlahUmpanBalik: terakhir.jumlah,
        umpanBalikTeks: terakhir.teks,
        umpanBalikAt: terakhir.at,
        umpanBalikOlehId: terakhir.olehId,
        ...nama,
      })
      .from(realisasi)
      .leftJoinLateral(putaran, sql`true`)
      .leftJoinLateral(terakhir, sql`true`)
      .leftJoin(pegawai, eq(pegawai.id, terakhir.olehId))
      // The year reads only its partition of realisasi (ADR 0028).
      .where(
        and(
          eq(realisasi.tahun, tahun),
          eq(realisasi.pegawaiId, pegawaiId),
          inArray(realisasi.periodeKode, periodeKode),
        ),
      )
  );
}

/** The periodic ratings of the employee's plans of the year; after a mutation the latest per period counts. */
export function penilaianTahun(db: DbOrTx, pegawaiId: number, tahun: number) {
  return db
    .selectDistinctOn([penilaianPeriodik.periodeKode], {
      periodeKode: penilaianPeriodik.periodeKode,
      ratingHasilKerja: penilaianPeriodik.ratingHasilKerja,
      ratingPerilaku: penilaianPeriodik.ratingPerilaku,
      predikat: penilaianPeriodik.predikat,
      sumber: penilaianPeriodik.sumber,
      catatan: penilaianPeriodik.catatan,
      penilaiId: penilaianPeriodik.penilaiId,
      at: penilaianPeriodik.at,
      ...nama,
    })
    .from(penilaianPeriodik)
    .innerJoin(skp, eq(skp.id, penilaianPeriodik.skpId))
    .innerJoin(pegawai, eq(pegawai.id, penilaianPeriodik.penilaiId))
    .where(and(eq(skp.pegawaiId, pegawaiId), eq(skp.tahun, tahun)))
    .orderBy(asc(penilaianPeriodik.periodeKode), desc(penilaianPeriodik.at), desc(penilaianPeriodik.id));
}

/** The employee's final annual result of the year (db/predikat-akhir.ts), or null while there is none. */
export async function tahunanAkhir(db: DbOrTx, instansiId: number, pegawaiId: number, tahun: number) {
  const [row] = await rows<{ predikat: PredikatPegawai; sumber: SumberPenilaian }>(
    db,
    sql`SELECT t.predikat, t.sumber FROM (${evaluasiTahunanAkhir(instansiId, tahun, sql`${pegawaiId}`)}) t
         WHERE t.final`,
  );
  return row ?? null;
}

export async function findUnor(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: unor.id, instansiId: unor.instansiId, opdId: unor.opdId, nama: unor.nama, path: unor.path })
    .from(unor)
    .where(eq(unor.id, id));
  return row ?? null;
}

type AnggotaRow = {
  id: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jabatanNama: string | null;
};

/** One page of the assessor's direct subordinates on a date, by name. */
export function timPenilai(db: DbOrTx, penilaiId: number, tanggal: string, offset: number, limit: number) {
  return rows<AnggotaRow>(
    db,
    sql`SELECT p.id, p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama"
          FROM bawahan_langsung(${penilaiId}::int, ${tanggal}::date) AS b(id)
          JOIN pegawai p ON p.id = b.id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
         ORDER BY p.nama, p.id
         LIMIT ${limit} OFFSET ${offset}`,
  );
}

/** One page of the active employees of a unit and the units below it, by name. */
export function timUnor(db: DbOrTx, path: string, offset: number, limit: number) {
  return db
    .select({ id: pegawai.id, nip: pegawai.nip, ...nama, jabatanNama: jabatan.nama })
    .from(pegawai)
    .innerJoin(unor, eq(unor.id, pegawai.unorId))
    .leftJoin(jabatan, eq(jabatan.id, pegawai.jabatanId))
    .where(and(like(unor.path, `${path}%`), eq(pegawai.isActive, true)))
    .orderBy(asc(pegawai.nama), asc(pegawai.id))
    .limit(limit)
    .offset(offset);
}

/** The predikat of these employees per period of the year (the latest plan's when there are two). */
export function predikatTim(db: DbOrTx, pegawaiIds: number[], tahun: number) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  return db
    .selectDistinctOn([skp.pegawaiId, penilaianPeriodik.periodeKode], {
      pegawaiId: skp.pegawaiId,
      periodeKode: penilaianPeriodik.periodeKode,
      predikat: sql<PredikatPegawai>`${penilaianPeriodik.predikat}`,
    })
    .from(penilaianPeriodik)
    .innerJoin(skp, eq(skp.id, penilaianPeriodik.skpId))
    .where(and(inArray(skp.pegawaiId, pegawaiIds), eq(skp.tahun, tahun)))
    .orderBy(
      asc(skp.pegawaiId),
      asc(penilaianPeriodik.periodeKode),
      desc(penilaianPeriodik.at),
      desc(penilaianPeriodik.id),
    );
}

/** Realisasi counts per status of these employees per period of the year `tahun`. */
export function jumlahTim(db: DbOrTx, pegawaiIds: number[], tahun: number, periodeKode: string[]) {
  if (!pegawaiIds.length) return Promise.resolve([]);
  const jumlah = Object.fromEntries(
    STATUS_REALISASI.map((s) => [s, sql<number>`(count(*) FILTER (WHERE ${realisasi.status} = ${s}))::int`]),
  ) as Record<StatusRealisasi, SQL<number>>;
  return db
    .select({ pegawaiId: realisasi.pegawaiId, periodeKode: realisasi.periodeKode, ...jumlah })
    .from(realisasi)
    .where(
      and(
        eq(realisasi.tahun, tahun),
        inArray(realisasi.pegawaiId, pegawaiIds),
        inArray(realisasi.periodeKode, periodeKode),
      ),
    )
    .groupBy(realisasi.pegawaiId, realisasi.periodeKode);
}
