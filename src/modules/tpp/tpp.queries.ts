/**
 * SQL of TPP: the parameters, the computed months and their lines (the month's input is aggregated
 * by tpp-ringkasan.queries.ts).
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import { tppBulan, tppParameter } from '../../db/schema/index.js';
import type { StatusEvaluasi } from '../../domain/evaluasi.js';
import { tahunKode } from '../../domain/jadwal.js';
import type { ParameterTpp, RingkasanTpp } from '../../domain/tpp.js';

type Nama = { gelarDepan: string | null; nama: string; gelarBelakang: string | null };

/**
 * What a line keeps besides its amounts: the employee's month as it was aggregated (the input of
 * domain/tpp.ts hitungTpp) and the position's name then. With the month's parameter snapshot it gives
 * the explained lines again, exactly; three times smaller than the text, which matters at 100,000
 * lines a month.
 */
export interface RincianTersimpan {
  ringkasan: RingkasanTpp;
  potonganPersen: number;
  /** hitungTpp's verdict (absent in lines computed before the REALISASI basis: no predikat, not withheld). */
  menungguPenilaian?: boolean;
  jabatanNama: string | null;
}

export async function findParameter(db: DbOrTx, instansiId: number) {
  const [row] = await db.select().from(tppParameter).where(eq(tppParameter.instansiId, instansiId));
  return row ?? null;
}

export async function insertParameter(
  tx: DbOrTx,
  instansiId: number,
  values: { parameter: ParameterTpp; dasarHukum: string | null },
) {
  const found = await tx
    .insert(tppParameter)
    .values({ instansiId, ...values })
    .onConflictDoNothing()
    .returning({ version: tppParameter.version });
  return found.length > 0;
}

export async function updateParameterIfVersion(
  tx: DbOrTx,
  instansiId: number,
  version: number,
  values: { parameter: ParameterTpp; dasarHukum: string | null },
) {
  const found = await tx
    .update(tppParameter)
    .set({ ...values, version: sql`${tppParameter.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tppParameter.instansiId, instansiId), eq(tppParameter.version, version)))
    .returning({ version: tppParameter.version });
  return found.length > 0;
}

/** The employees whose result of the year is not FINAL (db/predikat-akhir), with the evaluation's status (null: none). */
export async function tahunanBelumFinal(db: DbOrTx, instansiId: number, tahun: number) {
  return rows<{ pegawai_id: number; status: StatusEvaluasi | null }>(
    db,
    sql`SELECT t.pegawai_id, t.status FROM (${evaluasiTahunanAkhir(instansiId, tahun)}) t WHERE NOT t.final`,
  );
}

export type BulanRow = typeof tppBulan.$inferSelect;

export async function findBulan(db: DbOrTx, instansiId: number, bulan: string) {
  const [row] = await db
    .select()
    .from(tppBulan)
    .where(and(eq(tppBulan.instansiId, instansiId), eq(tppBulan.bulan, bulan)));
  return row ?? null;
}

export async function listBulan(db: DbOrTx, instansiId: number) {
  return db
    .select({
      bulan: tppBulan.bulan,
      status: tppBulan.status,
      jumlahPegawai: tppBulan.jumlahPegawai,
      total: tppBulan.total,
      version: tppBulan.version,
    })
    .from(tppBulan)
    .where(eq(tppBulan.instansiId, instansiId))
    .orderBy(sql`${tppBulan.bulan} DESC`)
    .limit(120);
}

type BulanValues = Pick<
  BulanRow,
  | 'parameter'
  | 'dasarHukum'
  | 'hariKerja'
  | 'jumlahPegawai'
  | 'total'
  | 'dihitungOlehId'
  | 'dihitungAt'
  | 'belumDiimpor'
>;

/** The month's totals, once its lines are written. */
export async function setTotal(tx: DbOrTx, id: number, total: number) {
  await tx.update(tppBulan).set({ total }).where(eq(tppBulan.id, id));
}

export async function insertBulan(tx: DbOrTx, instansiId: number, bulan: string, values: BulanValues) {
  const [row] = await tx
    .insert(tppBulan)
    .values({ instansiId, bulan, status: 'DRAF', ...values })
    .onConflictDoNothing()
    .returning({ id: tppBulan.id });
  return row?.id ?? null;
}

/** A recomputation of a draft: only while it is still the draft that was read. */
export async function updateDrafIfVersion(tx: DbOrTx, id: number, version: number, values: BulanValues) {
  const found = await tx
    .update(tppBulan)
    .set({ ...values, version: sql`${tppBulan.version} + 1` })
    .where(and(eq(tppBulan.id, id), eq(tppBulan.version, version), eq(tppBulan.status, 'DRAF')))
    .returning({ id: tppBulan.id });
  return found.length > 0;
}

export async function setujuiIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  olehId: number,
  at: Date,
  alasan: string | null,
) {
  const found = await tx
    .update(tppBulan)
    .set({
      status: 'DISETUJUI',
      alasanPersetujuan: alasan,
      disetujuiOlehId: olehId,
      disetujuiAt: at,
      version: sql`${tppBulan.version} + 1`,
    })
    .where(and(eq(tppBulan.id, id), eq(tppBulan.version, version), eq(tppBulan.status, 'DRAF')))
    .returning({ id: tppBulan.id });
  return found.length > 0;
}

/**
 * A computed month as its lines are found: tpp_baris is partitioned by the month's year (ADR 0027),
 * so every read and write of a month's lines names that year and touches one partition.
 */
export type BulanKunci = Pick<BulanRow, 'id' | 'bulan'>;

/** The lines `b` of month `m`. */
const barisBulan = (m: BulanKunci) => sql`b.tpp_bulan_id = ${m.id} AND b.tahun = ${tahunKode(m.bulan)}`;

export async function deleteBaris(tx: DbOrTx, m: BulanKunci) {
  await tx.execute(sql`DELETE FROM tpp_baris b WHERE ${barisBulan(m)}`);
}

export interface BarisBaru {
  pegawai_id: number;
  opd_id: number | null;
  kelas_jabatan: number | null;
  dasar: number;
  produktivitas: number;
  disiplin: number;
  jumlah: number;
  ditahan: string | null;
  rincian: RincianTersimpan;
}

const CHUNK = 2000;

/** The lines in multi-row inserts of a JSON recordset each (a few statements for 100,000 lines). */
export async function insertBaris(tx: DbOrTx, m: BulanKunci, baris: BarisBaru[]) {
  for (let i = 0; i < baris.length; i += CHUNK) {
    await tx.execute(
      sql`INSERT INTO tpp_baris (tpp_bulan_id, pegawai_id, tahun, opd_id, kelas_jabatan, dasar, produktivitas, disiplin, jumlah, ditahan, rincian)
          SELECT ${m.id}, pegawai_id, ${tahunKode(m.bulan)}, opd_id, kelas_jabatan, dasar, produktivitas, disiplin, jumlah, ditahan, rincian
            FROM jsonb_to_recordset(${JSON.stringify(baris.slice(i, i + CHUNK))}::jsonb)
              AS t(pegawai_id int, opd_id int, kelas_jabatan smallint, dasar bigint, produktivitas bigint,
                   disiplin bigint, jumlah bigint, ditahan text, rincian jsonb)`,
    );
  }
}

const opdFilter = (opdIds: number[] | null) =>
  opdIds === null
    ? sql``
    : sql`AND b.opd_id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(opdIds)}::json))`;

/** A line waiting for an assessment (domain/tpp.ts), and a line holding days not imported. */
const menunggu = sql`coalesce((b.rincian->>'menungguPenilaian')::boolean,
  b.ditahan IS NULL AND b.rincian->'ringkasan'->>'predikat' IS NULL)`;
const belumDiimpor = sql`coalesce((b.rincian->'ringkasan'->>'belumDiimpor')::int, 0) > 0`;

/** A line withheld because the year before's annual evaluation is not FINAL (set only then). */
const ditahanEvaluasi = sql`b.rincian->'ringkasan'->'tahunanBelumFinal' IS NOT NULL`;

/** The lines a month's list is narrowed to. */
export type CatatanBaris = 'MENUNGGU_PENILAIAN' | 'BELUM_DIIMPOR' | 'DITAHAN_EVALUASI';
const CATATAN: Record<CatatanBaris, SQL> = {
  MENUNGGU_PENILAIAN: menunggu,
  BELUM_DIIMPOR: belumDiimpor,
  DITAHAN_EVALUASI: ditahanEvaluasi,
};
const catatanFilter = (catatan: CatatanBaris | undefined) =>
  catatan === undefined ? sql`` : sql`AND ${CATATAN[catatan]}`;

export async function perOpd(db: DbOrTx, m: BulanKunci, opdIds: number[] | null) {
  return rows<{
    opd_id: number | null;
    opd_nama: string | null;
    jumlah_pegawai: number;
    ditahan: number;
    ditahan_evaluasi: number;
    menunggu_penilaian: number;
    belum_diimpor: number;
    total: number;
  }>(
    db,
    sql`SELECT b.opd_id, u.nama AS opd_nama, count(*)::int AS jumlah_pegawai,
               count(*) FILTER (WHERE b.ditahan IS NOT NULL)::int AS ditahan,
               count(*) FILTER (WHERE ${ditahanEvaluasi})::int AS ditahan_evaluasi,
               count(*) FILTER (WHERE ${menunggu})::int AS menunggu_penilaian,
               count(*) FILTER (WHERE ${belumDiimpor})::int AS belum_diimpor,
               sum(b.jumlah)::bigint AS total
          FROM tpp_baris b LEFT JOIN unor u ON u.id = b.opd_id
         WHERE ${barisBulan(m)} ${opdFilter(opdIds)}
         GROUP BY b.opd_id, u.nama ORDER BY u.nama NULLS LAST`,
  );
}

export async function orang(db: DbOrTx, ids: number[]) {
  return rows<Nama & { id: number }>(
    db,
    sql`SELECT id, gelar_depan AS "gelarDepan", nama, gelar_belakang AS "gelarBelakang" FROM pegawai
         WHERE id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(ids)}::json))`,
  );
}

export type BarisRow = Nama & {
  pegawai_id: number;
  nip: string;
  opd_id: number | null;
  opd_nama: string | null;
  kelas_jabatan: number | null;
  jabatan_nama: string | null;
  dasar: number;
  produktivitas: number;
  disiplin: number;
  potongan_persen: number;
  jumlah: number;
  ditahan: string | null;
  menunggu_penilaian: boolean;
  hari_belum_diimpor: number;
};

/** A line without its ringkasan (lists and the export need only the two facts taken out of it). */
const barisKolom = sql`b.pegawai_id, p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
  b.opd_id, u.nama AS opd_nama, b.kelas_jabatan::int AS kelas_jabatan, b.rincian->>'jabatanNama' AS jabatan_nama,
  b.dasar, b.produktivitas, b.disiplin, (b.rincian->>'potonganPersen')::float8 AS potongan_persen, b.jumlah, b.ditahan,
  (${menunggu}) AS menunggu_penilaian,
  coalesce((b.rincian->'ringkasan'->>'belumDiimpor')::int, 0) AS hari_belum_diimpor`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A page of a month's lines by (nama, id), walking the instansi's name index and fetching each line by
 * its key; NIP digits match by prefix, other text anywhere in the name.
 */
export async function barisPage(
  db: DbOrTx,
  f: {
    m: BulanKunci;
    instansiId: number;
    opdIds: number[] | null;
    opdId?: number | undefined;
    catatan?: CatatanBaris | undefined;
    q?: string | undefined;
    cursor: { nama: string; id: number } | null;
    limit: number;
  },
) {
  const term = f.q?.replace(/\s+/g, ' ').trim();
  const digits = term?.replace(/\s/g, '') ?? '';
  const cari = !term
    ? sql``
    : /^\d+$/.test(digits)
      ? sql`AND p.nip LIKE ${`${digits}%`}`
      : sql`AND lower(p.nama) LIKE ${`%${escapeLike(term.toLowerCase())}%`}`;
  return rows<BarisRow>(
    db,
    sql`SELECT ${barisKolom}
          FROM pegawai p JOIN tpp_baris b ON ${barisBulan(f.m)} AND b.pegawai_id = p.id
          LEFT JOIN unor u ON u.id = b.opd_id
         WHERE p.instansi_id = ${f.instansiId} ${opdFilter(f.opdIds)}
           ${f.opdId ? sql`AND b.opd_id = ${f.opdId}` : sql``} ${catatanFilter(f.catatan)} ${cari}
           ${f.cursor ? sql`AND (p.nama, p.id) > (${f.cursor.nama}, ${f.cursor.id})` : sql``}
         ORDER BY p.nama, p.id LIMIT ${f.limit + 1}`,
  );
}

/** The month's lines within `opdIds` (null: all): the payroll export's rows before its totals row. */
export async function jumlahBaris(db: DbOrTx, m: BulanKunci, opdIds: number[] | null) {
  const [r] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM tpp_baris b WHERE ${barisBulan(m)} ${opdFilter(opdIds)}`,
  );
  return r!.n;
}

/** The payroll export reads the month in batches by employee id (the primary key's order). */
export async function barisBatch(
  db: DbOrTx,
  m: BulanKunci,
  opdIds: number[] | null,
  afterId: number,
  limit: number,
) {
  // The batch's lines are taken by the key first and only then joined: joined directly, a planner
  // that had not yet seen the month's new lines (no statistics right after computing 100,000 of
  // them) hashed every remaining line of the month for each batch, 0.5 s a batch, 490 s in all.
  return rows<BarisRow>(
    db,
    sql`SELECT ${barisKolom}
          FROM (SELECT * FROM tpp_baris b
                 WHERE ${barisBulan(m)} AND b.pegawai_id > ${afterId} ${opdFilter(opdIds)}
                 ORDER BY b.pegawai_id LIMIT ${limit}) b
          JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         ORDER BY b.pegawai_id`,
  );
}

export async function barisPegawai(db: DbOrTx, m: BulanKunci, pegawaiId: number) {
  const [row] = await rows<BarisRow & { ringkasan: RingkasanTpp }>(
    db,
    sql`SELECT ${barisKolom}, b.rincian->'ringkasan' AS ringkasan
          FROM tpp_baris b JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         WHERE ${barisBulan(m)} AND b.pegawai_id = ${pegawaiId}`,
  );
  return row ?? null;
}

/**
 * The employee's lines of the instansi's last twelve computed months (each by its key, the month's
 * year included, so each probe reads only that year's partition), with the month's status.
 */
export async function barisSaya(db: DbOrTx, instansiId: number, pegawaiId: number) {
  return rows<
    BarisRow & {
      ringkasan: RingkasanTpp;
      bulan: string;
      status: 'DRAF' | 'DISETUJUI';
      dasar_hukum: string | null;
      parameter: ParameterTpp;
    }
  >(
    db,
    sql`SELECT ${barisKolom}, b.rincian->'ringkasan' AS ringkasan, m.bulan, m.status, m.dasar_hukum, m.parameter
          FROM tpp_bulan m JOIN tpp_baris b
            ON b.tpp_bulan_id = m.id AND b.tahun = left(m.bulan, 4)::smallint AND b.pegawai_id = ${pegawaiId}
          JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         WHERE m.instansi_id = ${instansiId}
         ORDER BY m.bulan DESC LIMIT 12`,
  );
}
