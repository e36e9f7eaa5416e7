/** SQL of the monthly cycle: realisasi with evidence, thread and feedback; periodic ratings; the assessor's list. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, type Placeholder, sql } from 'drizzle-orm';
import { type DbOrTx, prepareOnce, rows } from '../../db/client.js';
import {
  buktiDukung,
  iki,
  pegawai,
  penilaianPeriodik,
  realisasi,
  realisasiRiwayat,
  rhk,
  skp,
  umpanBalik,
} from '../../db/schema/index.js';
import {
  type AturanEskalasi,
  dinilaiOleh,
  skpDinilaiBaris,
  skpDisetujuiUntuk,
} from '../../db/siklus-bulanan.js';
import { tahunKode } from '../../domain/jadwal.js';
import type { PredikatPegawai, Rating } from '../../domain/predikat.js';
import type { StatusRealisasi } from '../../domain/realisasi-workflow.js';

export type AksiRiwayat = 'AJUKAN' | 'TERIMA' | 'PERLU_PERBAIKAN' | 'PERBAIKI';

const orang = {
  gelarDepan: pegawai.gelarDepan,
  nama: pegawai.nama,
  gelarBelakang: pegawai.gelarBelakang,
};

export async function findPegawai(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: pegawai.id,
      nip: pegawai.nip,
      instansiId: pegawai.instansiId,
      opdId: pegawai.opdId,
      ...orang,
    })
    .from(pegawai)
    .where(eq(pegawai.id, id));
  return row ?? null;
}

export function pegawaiByIds(db: DbOrTx, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: pegawai.id, ...orang })
    .from(pegawai)
    .where(inArray(pegawai.id, ids));
}

/**
 * The approved plan (newest version) of a period: one in force on the first day of one of its months
 * (`mulai`, `akhir`: the first days of its first and last month; SPEC §4.1), the later plan when a
 * mutation splits the period. Read by every realisasi request: prepared once per handle.
 */
export async function approvedSkpFor(
  db: DbOrTx,
  pegawaiId: number,
  tahun: number,
  mulai: string,
  akhir: string,
) {
  const query = prepareOnce(db, 'approved_skp_for', (d) =>
    d
      .select({
        id: skp.id,
        tahun: skp.tahun,
        versi: skp.versi,
        isJpt: skp.isJpt,
        instansiId: skp.instansiId,
      })
      .from(skp)
      .where(
        and(
          eq(skp.pegawaiId, sql.placeholder('pegawaiId')),
          eq(skp.tahun, sql.placeholder('tahun')),
          eq(skp.status, 'DISETUJUI'),
          lte(skp.periodeMulai, sql.placeholder('akhir')),
          gte(skp.periodeAkhir, sql.placeholder('mulai')),
        ),
      )
      .orderBy(desc(skp.periodeMulai), desc(skp.versi), desc(skp.id))
      .limit(1)
      .prepare('approved_skp_for'),
  );
  const [row] = await query.execute({ pegawaiId, tahun, mulai, akhir });
  return row ?? null;
}

export function rhkOf(db: DbOrTx, skpId: number) {
  return db
    .select({ id: rhk.id, jenis: rhk.jenis, urutan: rhk.urutan, rencana: rhk.rencana })
    .from(rhk)
    .where(eq(rhk.skpId, skpId))
    .orderBy(asc(rhk.urutan), asc(rhk.id));
}

export function ikiOf(db: DbOrTx, rhkIds: number[]) {
  if (!rhkIds.length) return Promise.resolve([]);
  return db
    .select({
      rhkId: iki.rhkId,
      indikator: iki.indikator,
      aspek: iki.aspek,
      targetNilai: iki.targetNilai,
      targetSatuan: iki.targetSatuan,
      targetTeks: iki.targetTeks,
    })
    .from(iki)
    .where(inArray(iki.rhkId, rhkIds))
    .orderBy(asc(iki.rhkId), asc(iki.urutan));
}

/** The RHK with its plan, for a write by the employee. */
export async function findRhk(db: DbOrTx, rhkId: number) {
  const [row] = await db
    .select({
      id: rhk.id,
      skpId: rhk.skpId,
      pegawaiId: skp.pegawaiId,
      instansiId: skp.instansiId,
      status: skp.status,
      tahun: skp.tahun,
    })
    .from(rhk)
    .innerJoin(skp, eq(skp.id, rhk.skpId))
    .where(eq(rhk.id, rhkId));
  return row ?? null;
}

const realisasiColumns = {
  id: realisasi.id,
  instansiId: realisasi.instansiId,
  skpId: realisasi.skpId,
  rhkId: realisasi.rhkId,
  pegawaiId: realisasi.pegawaiId,
  periodeKode: realisasi.periodeKode,
  tahun: realisasi.tahun,
  rencanaAksi: realisasi.rencanaAksi,
  targetAksi: realisasi.targetAksi,
  nilai: realisasi.nilai,
  satuan: realisasi.satuan,
  teks: realisasi.teks,
  status: realisasi.status,
  capaian: realisasi.capaian,
  arahan: realisasi.arahan,
  pejabatPenilaiId: realisasi.pejabatPenilaiId,
  diajukanAt: realisasi.diajukanAt,
  dinilaiAt: realisasi.dinilaiAt,
  version: realisasi.version,
};

export async function findRealisasi(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...realisasiColumns, rhkJenis: rhk.jenis, rhkRencana: rhk.rencana, isJpt: skp.isJpt })
    .from(realisasi)
    .innerJoin(rhk, eq(rhk.id, realisasi.rhkId))
    .innerJoin(skp, eq(skp.id, realisasi.skpId))
    .where(eq(realisasi.id, id));
  return row ?? null;
}

export async function findRealisasiByRhk(db: DbOrTx, rhkId: number, periodeKode: string) {
  const [row] = await db
    .select(realisasiColumns)
    .from(realisasi)
    .where(
      and(
        eq(realisasi.tahun, tahunKode(periodeKode)),
        eq(realisasi.rhkId, rhkId),
        eq(realisasi.periodeKode, periodeKode),
      ),
    );
  return row ?? null;
}

export async function ownerOf(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ pegawaiId: realisasi.pegawaiId })
    .from(realisasi)
    .where(eq(realisasi.id, id));
  return row?.pegawaiId ?? null;
}

/**
 * The month (period) of one plan, every month view and submission reads it. `tahun`, the period's
 * year, reads only that year's partition (ADR 0028). Values or placeholders (the prepared statement).
 */
export function bulanSkp(
  d: DbOrTx,
  p: { skpId: number | Placeholder; periodeKode: string | Placeholder; tahun: number | Placeholder },
) {
  return d
    .select({ ...realisasiColumns, rhkJenis: rhk.jenis, rhkRencana: rhk.rencana })
    .from(realisasi)
    .innerJoin(rhk, eq(rhk.id, realisasi.rhkId))
    .where(
      and(
        eq(realisasi.tahun, p.tahun),
        eq(realisasi.skpId, p.skpId),
        eq(realisasi.periodeKode, p.periodeKode),
      ),
    )
    .orderBy(asc(rhk.urutan), asc(rhk.id));
}

export function realisasiOfSkp(db: DbOrTx, skpId: number, periodeKode: string) {
  const query = prepareOnce(db, 'realisasi_of_skp', (d) =>
    bulanSkp(d, {
      skpId: sql.placeholder('skpId'),
      periodeKode: sql.placeholder('periodeKode'),
      tahun: sql.placeholder('tahun'),
    }).prepare('realisasi_of_skp'),
  );
  return query.execute({ skpId, periodeKode, tahun: tahunKode(periodeKode) });
}

/** Other employees of the instansi who uploaded a file with the same SHA-256 (0 for links). */
const jumlahDuplikat = sql<number>`(SELECT count(DISTINCT r2.pegawai_id)::int
     FROM bukti_dukung b2 JOIN realisasi r2 ON r2.id = b2.realisasi_id AND r2.tahun = b2.tahun
    WHERE b2.sha256 = ${buktiDukung.sha256} AND r2.instansi_id = ${realisasi.instansiId}
      AND r2.pegawai_id <> ${realisasi.pegawaiId})`;

/** A child joined to its realisasi on the whole key: each probe reads only that year's partition. */
const denganTahun = and(eq(realisasi.id, buktiDukung.realisasiId), eq(realisasi.tahun, buktiDukung.tahun));

const buktiColumns = {
  id: buktiDukung.id,
  realisasiId: buktiDukung.realisasiId,
  jenis: buktiDukung.jenis,
  url: buktiDukung.url,
  deskripsi: buktiDukung.deskripsi,
  namaBerkas: buktiDukung.namaBerkas,
  mime: buktiDukung.mime,
  ukuran: buktiDukung.ukuran,
  berkasKunci: buktiDukung.berkasKunci,
  sha256: buktiDukung.sha256,
  jumlahDuplikat,
};

export function buktiOf(db: DbOrTx, realisasiIds: number[]) {
  if (!realisasiIds.length) return Promise.resolve([]);
  return db
    .select(buktiColumns)
    .from(buktiDukung)
    .innerJoin(realisasi, denganTahun)
    .where(inArray(buktiDukung.realisasiId, realisasiIds))
    .orderBy(asc(buktiDukung.id));
}

/** One piece of evidence of a realisasi, with its duplicate count. */
export async function findBukti(db: DbOrTx, realisasiId: number, buktiId: number) {
  const [row] = await db
    .select(buktiColumns)
    .from(buktiDukung)
    .innerJoin(realisasi, denganTahun)
    .where(and(eq(buktiDukung.id, buktiId), eq(buktiDukung.realisasiId, realisasiId)));
  return row ?? null;
}

/**
 * Locks the realisasi for a file change (so the per-realisasi limit holds under concurrent uploads)
 * and answers its status and how many files it has.
 */
export async function lockForBerkas(tx: DbOrTx, realisasiId: number) {
  const [row] = await tx
    .select({ status: realisasi.status })
    .from(realisasi)
    .where(eq(realisasi.id, realisasiId))
    .for('update');
  if (!row) return null;
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(buktiDukung)
    .where(and(eq(buktiDukung.realisasiId, realisasiId), eq(buktiDukung.jenis, 'BERKAS')));
  return { status: row.status, jumlahBerkas: Number(n?.n ?? 0) };
}

export async function countBerkas(db: DbOrTx, realisasiId: number) {
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(buktiDukung)
    .where(and(eq(buktiDukung.realisasiId, realisasiId), eq(buktiDukung.jenis, 'BERKAS')));
  return Number(n?.n ?? 0);
}

export async function insertBerkas(
  tx: DbOrTx,
  values: {
    realisasiId: number;
    /** The realisasi's year (its key). */
    tahun: number;
    deskripsi: string;
    berkasKunci: string;
    namaBerkas: string;
    mime: string;
    ukuran: number;
    sha256: string;
    createdAt: Date;
  },
) {
  const [row] = await tx
    .insert(buktiDukung)
    .values({ ...values, jenis: 'BERKAS' })
    .returning({ id: buktiDukung.id });
  return row!.id;
}

export async function deleteBukti(tx: DbOrTx, id: number) {
  const deleted = await tx
    .delete(buktiDukung)
    .where(eq(buktiDukung.id, id))
    .returning({ id: buktiDukung.id });
  return deleted.length === 1;
}

/** The threads of realisasi of one period year (`tahun`, the partition the threads are in). */
export function riwayatOf(db: DbOrTx, tahun: number, realisasiIds: number[]) {
  if (!realisasiIds.length) return Promise.resolve([]);
  return db
    .select({
      realisasiId: realisasiRiwayat.realisasiId,
      putaran: realisasiRiwayat.putaran,
      aksi: realisasiRiwayat.aksi,
      olehId: realisasiRiwayat.olehId,
      catatan: realisasiRiwayat.catatan,
      at: realisasiRiwayat.at,
      ...orang,
    })
    .from(realisasiRiwayat)
    .innerJoin(pegawai, eq(pegawai.id, realisasiRiwayat.olehId))
    .where(and(eq(realisasiRiwayat.tahun, tahun), inArray(realisasiRiwayat.realisasiId, realisasiIds)))
    .orderBy(asc(realisasiRiwayat.realisasiId), asc(realisasiRiwayat.id));
}

/** Feedback of a plan in a period: per realisasi (realisasiId set) and per BerAKHLAK value (kode set). */
export function umpanBalikOf(db: DbOrTx, skpId: number, periodeKode: string) {
  return db
    .select({
      id: umpanBalik.id,
      realisasiId: umpanBalik.realisasiId,
      kode: umpanBalik.kode,
      teks: umpanBalik.teks,
      olehId: umpanBalik.olehId,
      at: umpanBalik.at,
      ...orang,
    })
    .from(umpanBalik)
    .innerJoin(pegawai, eq(pegawai.id, umpanBalik.olehId))
    .where(and(eq(umpanBalik.skpId, skpId), eq(umpanBalik.periodeKode, periodeKode)))
    .orderBy(asc(umpanBalik.id));
}

export async function insertRealisasi(
  tx: DbOrTx,
  values: {
    instansiId: number;
    skpId: number;
    rhkId: number;
    pegawaiId: number;
    periodeKode: string;
    rencanaAksi: string | null;
    targetAksi: string | null;
    nilai: number | null;
    satuan: string | null;
    teks: string | null;
    createdAt: Date;
    updatedAt: Date;
  },
) {
  // A concurrent first save of the same RHK and period loses: the caller reports a version conflict.
  const [row] = await tx
    .insert(realisasi)
    .values({ ...values, tahun: tahunKode(values.periodeKode) })
    .onConflictDoNothing({ target: [realisasi.rhkId, realisasi.periodeKode, realisasi.tahun] })
    .returning({ id: realisasi.id });
  return row?.id ?? null;
}

/** Updates when the version matches (and the status is still the one read); bumps the version. */
export async function updateRealisasiIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  status: StatusRealisasi,
  fields: Partial<typeof realisasi.$inferInsert>,
) {
  const updated = await tx
    .update(realisasi)
    .set({ ...fields, version: sql`${realisasi.version} + 1` })
    .where(and(eq(realisasi.id, id), eq(realisasi.version, version), eq(realisasi.status, status)))
    .returning({ id: realisasi.id });
  return updated.length === 1;
}

/**
 * One status change for many rows of one period year (`tahun`, so one partition is read) that must
 * all still be in `from`; returns how many changed.
 */
export async function changeStatusMany(
  tx: DbOrTx,
  tahun: number,
  ids: number[],
  from: StatusRealisasi,
  fields: Partial<typeof realisasi.$inferInsert>,
) {
  if (!ids.length) return 0;
  const updated = await tx
    .update(realisasi)
    .set({ ...fields, version: sql`${realisasi.version} + 1` })
    .where(and(eq(realisasi.tahun, tahun), inArray(realisasi.id, ids), eq(realisasi.status, from)))
    .returning({ id: realisasi.id });
  return updated.length;
}

export async function replaceTautan(
  tx: DbOrTx,
  realisasiId: number,
  tahun: number,
  links: { url: string; deskripsi: string }[],
) {
  // Files (BERKAS) are kept; only the links are replaced as a list.
  await tx
    .delete(buktiDukung)
    .where(and(eq(buktiDukung.realisasiId, realisasiId), eq(buktiDukung.jenis, 'TAUTAN')));
  if (links.length)
    await tx.insert(buktiDukung).values(
      links.map((l) => ({
        realisasiId,
        tahun,
        jenis: 'TAUTAN' as const,
        url: l.url,
        deskripsi: l.deskripsi,
      })),
    );
}

/** The latest round per realisasi of one period year (0 when never submitted). */
export async function putaranTerakhir(db: DbOrTx, tahun: number, realisasiIds: number[]) {
  if (!realisasiIds.length) return new Map<number, number>();
  const found = await db
    .select({
      realisasiId: realisasiRiwayat.realisasiId,
      putaran: sql<number>`max(${realisasiRiwayat.putaran})::int`,
    })
    .from(realisasiRiwayat)
    .where(and(eq(realisasiRiwayat.tahun, tahun), inArray(realisasiRiwayat.realisasiId, realisasiIds)))
    .groupBy(realisasiRiwayat.realisasiId);
  return new Map(found.map((r) => [r.realisasiId, Number(r.putaran)]));
}

/** Steps of threads of realisasi of one period year (`tahun`). */
export async function insertRiwayat(
  tx: DbOrTx,
  tahun: number,
  items: {
    realisasiId: number;
    putaran: number;
    aksi: AksiRiwayat;
    olehId: number;
    catatan: string | null;
    at: Date;
  }[],
) {
  if (items.length) await tx.insert(realisasiRiwayat).values(items.map((i) => ({ ...i, tahun })));
}

export async function insertUmpanBalik(
  tx: DbOrTx,
  values: {
    skpId: number;
    periodeKode: string;
    realisasiId: number | null;
    kode: string | null;
    teks: string;
    olehId: number;
    at: Date;
  },
) {
  await tx.insert(umpanBalik).values({ ...values, tahun: tahunKode(values.periodeKode) });
}

/** The behaviour feedback of a plan in a period, replaced as a list. */
export async function replaceUmpanBalikPerilaku(
  tx: DbOrTx,
  skpId: number,
  periodeKode: string,
  items: { kode: string; teks: string }[],
  olehId: number,
  at: Date,
) {
  await tx
    .delete(umpanBalik)
    .where(
      and(
        eq(umpanBalik.skpId, skpId),
        eq(umpanBalik.periodeKode, periodeKode),
        isNull(umpanBalik.realisasiId),
      ),
    );
  if (items.length)
    await tx.insert(umpanBalik).values(
      items.map((i) => ({
        skpId,
        periodeKode,
        tahun: tahunKode(periodeKode),
        realisasiId: null,
        kode: i.kode,
        teks: i.teks,
        olehId,
        at,
      })),
    );
}

export async function findPenilaian(db: DbOrTx, skpId: number, periodeKode: string) {
  const [row] = await db
    .select({
      id: penilaianPeriodik.id,
      ratingHasilKerja: penilaianPeriodik.ratingHasilKerja,
      ratingPerilaku: penilaianPeriodik.ratingPerilaku,
      predikat: penilaianPeriodik.predikat,
      catatan: penilaianPeriodik.catatan,
      penilaiId: penilaianPeriodik.penilaiId,
      version: penilaianPeriodik.version,
      at: penilaianPeriodik.at,
      ...orang,
    })
    .from(penilaianPeriodik)
    .innerJoin(pegawai, eq(pegawai.id, penilaianPeriodik.penilaiId))
    .where(and(eq(penilaianPeriodik.skpId, skpId), eq(penilaianPeriodik.periodeKode, periodeKode)));
  return row ?? null;
}

type PenilaianValues = {
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
  catatan: string | null;
  penilaiId: number;
  at: Date;
};

export async function insertPenilaian(
  tx: DbOrTx,
  skp: { id: number; instansiId: number },
  periodeKode: string,
  values: PenilaianValues,
) {
  const [row] = await tx
    .insert(penilaianPeriodik)
    .values({ instansiId: skp.instansiId, skpId: skp.id, periodeKode, ...values })
    .onConflictDoNothing({ target: [penilaianPeriodik.skpId, penilaianPeriodik.periodeKode] })
    .returning({ id: penilaianPeriodik.id });
  return row?.id ?? null;
}

export async function updatePenilaianIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  values: PenilaianValues,
) {
  const updated = await tx
    .update(penilaianPeriodik)
    // The assessor's own rating replaces a national import: the month becomes local.
    .set({ ...values, sumber: 'LOKAL', version: sql`${penilaianPeriodik.version} + 1` })
    .where(and(eq(penilaianPeriodik.id, id), eq(penilaianPeriodik.version, version)))
    .returning({ id: penilaianPeriodik.id });
  return updated.length === 1;
}

/**
 * The employees the assessor assesses (direct subordinates, those of a delegation in force, and those
 * with items escalated to them: db/siklus-bulanan.ts) with their plan of the period and the period's
 * counts per status, in one statement: who waits (submitted or corrected items) first, then by name.
 */
export function bawahanRealisasi(
  db: DbOrTx,
  penilaiId: number,
  tanggal: string,
  periode: { tahun: number; mulai: string; akhir: string; kode: string },
  eskalasi: { aturan: AturanEskalasi; now: Date },
) {
  return rows<{
    pegawaiId: number;
    nip: string;
    gelarDepan: string | null;
    nama: string;
    gelarBelakang: string | null;
    jabatanNama: string | null;
    peran: 'LANGSUNG' | 'DELEGASI' | 'ESKALASI';
    atasNamaId: number | null;
    atasNamaGelarDepan: string | null;
    atasNamaNama: string | null;
    atasNamaGelarBelakang: string | null;
    skpId: number | null;
    draft: number;
    diajukan: number;
    diterima: number;
    perluPerbaikan: number;
    diperbaiki: number;
    predikat: PredikatPegawai | null;
  }>(
    db,
    sql`SELECT p.id AS "pegawaiId", p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               j.nama AS "jabatanNama", b.peran, b.atas_nama_id AS "atasNamaId",
               an.gelar_depan AS "atasNamaGelarDepan", an.nama AS "atasNamaNama",
               an.gelar_belakang AS "atasNamaGelarBelakang", s.id AS "skpId",
               coalesce(c.draft, 0)::int AS draft, coalesce(c.diajukan, 0)::int AS diajukan,
               coalesce(c.diterima, 0)::int AS diterima, coalesce(c.perlu_perbaikan, 0)::int AS "perluPerbaikan",
               coalesce(c.diperbaiki, 0)::int AS diperbaiki, pp.predikat
          FROM (${dinilaiOleh(penilaiId, tanggal, eskalasi.aturan, eskalasi.now)}) AS b
          JOIN pegawai p ON p.id = b.pegawai_id
          LEFT JOIN pegawai an ON an.id = b.atas_nama_id
          LEFT JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN LATERAL (SELECT s.id, s.jabatan_id FROM skp s
                              WHERE s.pegawai_id = p.id AND ${skpDisetujuiUntuk('s', periode)}
                              ORDER BY s.periode_mulai DESC, s.versi DESC, s.id DESC LIMIT 1) s ON true
          LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE r.status = 'DRAFT') AS draft,
                                    count(*) FILTER (WHERE r.status = 'DIAJUKAN') AS diajukan,
                                    count(*) FILTER (WHERE r.status = 'DITERIMA') AS diterima,
                                    count(*) FILTER (WHERE r.status = 'PERLU_PERBAIKAN') AS perlu_perbaikan,
                                    count(*) FILTER (WHERE r.status = 'DIPERBAIKI') AS diperbaiki
                               FROM realisasi r
                              WHERE r.tahun = ${periode.tahun} AND r.pegawai_id = p.id
                                AND r.periode_kode = ${periode.kode}) c ON true
          LEFT JOIN penilaian_periodik pp ON pp.skp_id = s.id AND pp.periode_kode = ${periode.kode}
         WHERE s.id IS NULL OR ${skpDinilaiBaris('s', 'p', 'b', penilaiId, tanggal)}
         ORDER BY (coalesce(c.diajukan, 0) + coalesce(c.diperbaiki, 0) > 0) DESC, p.nama, p.id`,
  );
}
