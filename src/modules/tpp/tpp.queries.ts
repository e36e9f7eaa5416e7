/**
 * SQL of TPP. The month is aggregated per employee in one statement (band counts, absences against
 * the working-day list), so 100,000 employees × 22 days never leave the database as day rows.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import { evaluasiTahunanAkhir } from '../../db/predikat-akhir.js';
import { tppBulan, tppParameter } from '../../db/schema/index.js';
import type { StatusEvaluasi } from '../../domain/evaluasi.js';
import type { JamKerja } from '../../domain/kehadiran.js';
import type { PredikatPegawai } from '../../domain/predikat.js';
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

export async function jamKerja(db: DbOrTx, instansiId: number) {
  const [row] = await rows<{ jam_kerja: JamKerja | null }>(
    db,
    sql`SELECT jam_kerja FROM pengaturan WHERE instansi_id = ${instansiId}`,
  );
  return row?.jam_kerja ?? null;
}

/** The holidays of a month 'YYYY-MM'. */
export async function hariLibur(db: DbOrTx, instansiId: number, bulan: string) {
  const found = await rows<{ tanggal: string }>(
    db,
    sql`SELECT to_char(tanggal, 'YYYY-MM-DD') AS tanggal FROM hari_libur
         WHERE instansi_id = ${instansiId} AND tanggal >= ${`${bulan}-01`}::date
           AND tanggal < ${`${bulan}-01`}::date + interval '1 month'`,
  );
  return found.map((r) => r.tanggal);
}

/**
 * The distinct OPD–day pairs of a month's working days on which someone of the OPD (by the
 * employee's OPD now, as the lines are grouped) has an attendance record of any status.
 */
export async function opdHariTercatat(db: DbOrTx, instansiId: number, hariKerja: string[]) {
  if (hariKerja.length === 0) return [];
  return rows<{ opdId: number | null; tanggal: string }>(
    db,
    sql`SELECT DISTINCT p.opd_id AS "opdId", to_char(k.tanggal, 'YYYY-MM-DD') AS tanggal
          FROM kehadiran k JOIN pegawai p ON p.id = k.pegawai_id
         WHERE k.instansi_id = ${instansiId}
           AND k.tanggal BETWEEN ${hariKerja[0]}::date AND ${hariKerja.at(-1)}::date
           AND k.tanggal IN (SELECT value::date FROM json_array_elements_text(${JSON.stringify(hariKerja)}::json))`,
  );
}

export interface RingkasanRow {
  pegawai_id: number;
  opd_id: number | null;
  kelas_jabatan: number | null;
  jabatan_nama: string;
  predikat: PredikatPegawai | null;
  skp_disetujui: boolean;
  terlambat: number[] | null;
  pulang_cepat: number[] | null;
  tercatat: number;
  dinas_luar: number;
  cuti: number;
  sakit: number;
  izin: number;
}

const intArray = (values: number[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}::int`),
    sql`, `,
  )}]::int[]`;

/** Days of the grouped rows (`n` each) meeting a condition. */
const jumlah = (kondisi: SQL) => sql`coalesce(sum(n) FILTER (WHERE ${kondisi}), 0)::int`;

/** ARRAY[days in band 1, band 2, …] over the `kolom` holding each day's band number. */
const hitungPita = (kolom: SQL, banyak: number) =>
  sql`ARRAY[${sql.join(
    Array.from({ length: banyak }, (_, i) => jumlah(sql`${kolom} = ${i + 1}::int`)),
    sql`, `,
  )}]::int[]`;

/** Whole minutes after midnight of a time column (seconds dropped). */
const menitJam = (kolom: SQL) => sql`(floor(date_part('epoch', ${kolom}) / 60)::int)`;

/**
 * Every active employee with a position, with the month's attendance aggregated: occurrences per
 * lateness / early-leave band, days recorded with a status other than TANPA_KETERANGAN (the rest of
 * the working days are absences), excused days per status; the predikat of the period and whether
 * the year's SKP is approved. Minutes follow domain/kehadiran.ts (menitTerlambat, menitPulangCepat:
 * whole minutes, seconds ignored); a HADIR day without a clock time falls in the last band.
 * A band number comes from width_bucket over the bands' start minutes (contiguous, validated).
 */
export async function ringkasanBulan(
  db: DbOrTx,
  f: {
    instansiId: number;
    tahun: number;
    periodeKode: string;
    /** The working days with their hours in minutes after midnight. */
    hariKerja: { tanggal: string; masuk: number; pulang: number }[];
    tepiTerlambat: number[];
    tepiPulangCepat: number[];
  },
) {
  const awal = f.hariKerja[0]?.tanggal;
  const akhir = f.hariKerja.at(-1)?.tanggal;
  // The range as plain parameters, so the planner estimates the month's rows of the instansi.
  const rentang = awal && akhir ? sql`k.tanggal BETWEEN ${awal}::date AND ${akhir}::date` : sql`false`;
  const nT = f.tepiTerlambat.length;
  const nP = f.tepiPulangCepat.length;
  return rows<RingkasanRow>(
    db,
    sql`WITH hk AS (
          SELECT * FROM json_to_recordset(${JSON.stringify(f.hariKerja)}::json) AS hk(tanggal date, masuk int, pulang int)
        ),
        hari AS (
          SELECT k.pegawai_id, k.status,
                 CASE WHEN k.status = 'HADIR' THEN
                   CASE WHEN k.jam_masuk IS NULL THEN ${nT}::int
                        ELSE width_bucket(${menitJam(sql`k.jam_masuk`)} - hk.masuk, ${intArray(f.tepiTerlambat)}) END
                 END AS pita_t,
                 CASE WHEN k.status = 'HADIR' THEN
                   CASE WHEN k.jam_pulang IS NULL THEN ${nP}::int
                        ELSE width_bucket(hk.pulang - ${menitJam(sql`k.jam_pulang`)}, ${intArray(f.tepiPulangCepat)}) END
                 END AS pita_p
            FROM kehadiran k JOIN hk ON hk.tanggal = k.tanggal
           WHERE k.instansi_id = ${f.instansiId}
             AND ${rentang}
        ),
        -- Grouped first, so each day's bands are computed once (not once per FILTER below).
        kelompok AS (
          SELECT pegawai_id, status, pita_t, pita_p, count(*)::int AS n FROM hari GROUP BY 1, 2, 3, 4
        ),
        agg AS (
          SELECT pegawai_id,
                 ${hitungPita(sql`pita_t`, nT)} AS terlambat,
                 ${hitungPita(sql`pita_p`, nP)} AS pulang_cepat,
                 ${jumlah(sql`status <> 'TANPA_KETERANGAN'`)} AS tercatat,
                 ${jumlah(sql`status = 'DINAS_LUAR'`)} AS dinas_luar,
                 ${jumlah(sql`status = 'CUTI'`)} AS cuti,
                 ${jumlah(sql`status = 'SAKIT'`)} AS sakit,
                 ${jumlah(sql`status = 'IZIN'`)} AS izin
            FROM kelompok GROUP BY pegawai_id
        ),
        pred AS (
          SELECT DISTINCT ON (s.pegawai_id) s.pegawai_id, pp.predikat
            FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
           WHERE s.instansi_id = ${f.instansiId} AND s.tahun = ${f.tahun} AND pp.periode_kode = ${f.periodeKode}
           ORDER BY s.pegawai_id, pp.at DESC, pp.id DESC
        ),
        skp_ok AS (
          SELECT DISTINCT pegawai_id FROM skp
           WHERE instansi_id = ${f.instansiId} AND tahun = ${f.tahun} AND status = 'DISETUJUI'
        )
        SELECT p.id AS pegawai_id, p.opd_id, j.kelas_jabatan::int AS kelas_jabatan, j.nama AS jabatan_nama,
               pred.predikat, (skp_ok.pegawai_id IS NOT NULL) AS skp_disetujui,
               agg.terlambat, agg.pulang_cepat, coalesce(agg.tercatat, 0) AS tercatat,
               coalesce(agg.dinas_luar, 0) AS dinas_luar, coalesce(agg.cuti, 0) AS cuti,
               coalesce(agg.sakit, 0) AS sakit, coalesce(agg.izin, 0) AS izin
          FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN agg ON agg.pegawai_id = p.id
          LEFT JOIN pred ON pred.pegawai_id = p.id
          LEFT JOIN skp_ok ON skp_ok.pegawai_id = p.id
         WHERE p.instansi_id = ${f.instansiId} AND p.is_active`,
  );
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

export async function deleteBaris(tx: DbOrTx, tppBulanId: number) {
  await tx.execute(sql`DELETE FROM tpp_baris WHERE tpp_bulan_id = ${tppBulanId}`);
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
export async function insertBaris(tx: DbOrTx, tppBulanId: number, baris: BarisBaru[]) {
  for (let i = 0; i < baris.length; i += CHUNK) {
    await tx.execute(
      sql`INSERT INTO tpp_baris (tpp_bulan_id, pegawai_id, opd_id, kelas_jabatan, dasar, produktivitas, disiplin, jumlah, ditahan, rincian)
          SELECT ${tppBulanId}, pegawai_id, opd_id, kelas_jabatan, dasar, produktivitas, disiplin, jumlah, ditahan, rincian
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

/** A line waiting for its predikat (not withheld), and a line holding days not imported (domain/tpp.ts). */
const menunggu = sql`b.ditahan IS NULL AND b.rincian->'ringkasan'->>'predikat' IS NULL`;
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

export async function perOpd(db: DbOrTx, tppBulanId: number, opdIds: number[] | null) {
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
         WHERE b.tpp_bulan_id = ${tppBulanId} ${opdFilter(opdIds)}
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
    tppBulanId: number;
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
          FROM pegawai p JOIN tpp_baris b ON b.tpp_bulan_id = ${f.tppBulanId} AND b.pegawai_id = p.id
          LEFT JOIN unor u ON u.id = b.opd_id
         WHERE p.instansi_id = ${f.instansiId} ${opdFilter(f.opdIds)}
           ${f.opdId ? sql`AND b.opd_id = ${f.opdId}` : sql``} ${catatanFilter(f.catatan)} ${cari}
           ${f.cursor ? sql`AND (p.nama, p.id) > (${f.cursor.nama}, ${f.cursor.id})` : sql``}
         ORDER BY p.nama, p.id LIMIT ${f.limit + 1}`,
  );
}

/** The payroll export reads the month in batches by employee id (the primary key's order). */
export async function barisBatch(
  db: DbOrTx,
  tppBulanId: number,
  opdIds: number[] | null,
  afterId: number,
  limit: number,
) {
  return rows<BarisRow>(
    db,
    sql`SELECT ${barisKolom}
          FROM tpp_baris b JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         WHERE b.tpp_bulan_id = ${tppBulanId} AND b.pegawai_id > ${afterId} ${opdFilter(opdIds)}
         ORDER BY b.pegawai_id LIMIT ${limit}`,
  );
}

export async function barisPegawai(db: DbOrTx, tppBulanId: number, pegawaiId: number) {
  const [row] = await rows<BarisRow & { ringkasan: RingkasanTpp }>(
    db,
    sql`SELECT ${barisKolom}, b.rincian->'ringkasan' AS ringkasan
          FROM tpp_baris b JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         WHERE b.tpp_bulan_id = ${tppBulanId} AND b.pegawai_id = ${pegawaiId}`,
  );
  return row ?? null;
}

/** The employee's lines of the instansi's last twelve computed months (each by its key), with the month's status. */
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
          FROM tpp_bulan m JOIN tpp_baris b ON b.tpp_bulan_id = m.id AND b.pegawai_id = ${pegawaiId}
          JOIN pegawai p ON p.id = b.pegawai_id LEFT JOIN unor u ON u.id = b.opd_id
         WHERE m.instansi_id = ${instansiId}
         ORDER BY m.bulan DESC LIMIT 12`,
  );
}
