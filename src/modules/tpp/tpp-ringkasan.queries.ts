/**
 * SQL of a TPP month's input: the working hours and holidays, the OPD–days with a record, and every
 * employee's month aggregated in one statement (band counts, absences against the working-day list,
 * missed ceremonies, the realisasi shares), so 100,000 employees × 22 days never leave the database
 * as day rows.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, rows } from '../../db/client.js';
import type { JamKerja } from '../../domain/kehadiran.js';
import type { PredikatPegawai, SumberPenilaian } from '../../domain/predikat.js';
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
  sumber_predikat: SumberPenilaian | null;
  skp_disetujui: boolean;
  terlambat: number[] | null;
  pulang_cepat: number[] | null;
  tercatat: number;
  dinas_luar: number;
  cuti: number;
  sakit: number;
  izin: number;
  apel_terlewat: number;
  /** Only when the realisasi are asked for: the period's items of the approved SKP (null: none). */
  rhk?: number | null;
  diterima?: number | null;
  perlu_perbaikan?: number | null;
  menunggu_penilai?: number | null;
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

/** The REALISASI basis's CTEs (after `skp_ok`): `rl` per employee, from the RHKs of the plan in force. */
const realisasiCte = (
  instansiId: number,
  tahun: number,
  periodeKode: string,
  periode: { mulai: string; akhir: string },
) => sql`,
        skp_r AS (
          SELECT DISTINCT ON (pegawai_id) id, pegawai_id FROM skp
           WHERE instansi_id = ${instansiId} AND tahun = ${tahun} AND status = 'DISETUJUI'
             AND periode_mulai < ${`${periode.akhir}-01`}::date + interval '1 month'
             AND periode_akhir >= ${`${periode.mulai}-01`}::date
           ORDER BY pegawai_id, versi DESC, id DESC
        ),
        rl AS (
          SELECT s.pegawai_id, count(*)::int AS rhk,
                 count(*) FILTER (WHERE r.status = 'DITERIMA')::int AS diterima,
                 count(*) FILTER (WHERE r.status = 'PERLU_PERBAIKAN')::int AS perlu_perbaikan,
                 count(*) FILTER (WHERE r.status IN ('DIAJUKAN', 'DIPERBAIKI'))::int AS menunggu_penilai
            FROM skp_r s JOIN rhk ON rhk.skp_id = s.id
            LEFT JOIN realisasi r ON r.tahun = ${tahun} AND r.rhk_id = rhk.id AND r.periode_kode = ${periodeKode}
           GROUP BY s.pegawai_id
        )`;

/**
 * Every active employee with a position, with the month's attendance aggregated: occurrences per
 * lateness / early-leave band, days recorded with a status other than TANPA_KETERANGAN (the rest of
 * the working days are absences), excused days per status; the predikat of the period and whether
 * the year's SKP is approved. Minutes follow domain/kehadiran.ts (menitTerlambat, menitPulangCepat:
 * whole minutes, seconds ignored); a HADIR day without a clock time falls in the last band.
 * A band number comes from width_bucket over the bands' start minutes (contiguous, validated).
 * A missed ceremony counts on a working day present (domain/kehadiran.ts apelTerlewat).
 * With `realisasi` (the REALISASI basis, domain/tpp.ts RealisasiPeriode): per RHK of the approved SKP
 * the realisasi module reports against (the year's, overlapping the period, latest versi), its
 * realisasi of the period by status.
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
    /** The period's first and last month 'YYYY-MM', when the realisasi shares are needed. */
    realisasi: { mulai: string; akhir: string } | null;
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
                 END AS pita_p,
                 (k.status = 'HADIR' AND k.apel IS NOT DISTINCT FROM 'TIDAK_HADIR') AS apel_terlewat
            FROM kehadiran k JOIN hk ON hk.tanggal = k.tanggal
           WHERE k.instansi_id = ${f.instansiId}
             AND ${rentang}
        ),
        -- Grouped first, so each day's bands are computed once (not once per FILTER below).
        kelompok AS (
          SELECT pegawai_id, status, pita_t, pita_p, apel_terlewat, count(*)::int AS n
            FROM hari GROUP BY 1, 2, 3, 4, 5
        ),
        agg AS (
          SELECT pegawai_id,
                 ${hitungPita(sql`pita_t`, nT)} AS terlambat,
                 ${hitungPita(sql`pita_p`, nP)} AS pulang_cepat,
                 ${jumlah(sql`status <> 'TANPA_KETERANGAN'`)} AS tercatat,
                 ${jumlah(sql`status = 'DINAS_LUAR'`)} AS dinas_luar,
                 ${jumlah(sql`status = 'CUTI'`)} AS cuti,
                 ${jumlah(sql`status = 'SAKIT'`)} AS sakit,
                 ${jumlah(sql`status = 'IZIN'`)} AS izin,
                 ${jumlah(sql`apel_terlewat`)} AS apel_terlewat
            FROM kelompok GROUP BY pegawai_id
        ),
        pred AS (
          SELECT DISTINCT ON (s.pegawai_id) s.pegawai_id, pp.predikat, pp.sumber
            FROM penilaian_periodik pp JOIN skp s ON s.id = pp.skp_id
           WHERE pp.instansi_id = ${f.instansiId} AND pp.periode_kode = ${f.periodeKode} AND s.tahun = ${f.tahun}
           ORDER BY s.pegawai_id, pp.at DESC, pp.id DESC
        ),
        skp_ok AS (
          SELECT DISTINCT pegawai_id FROM skp
           WHERE instansi_id = ${f.instansiId} AND tahun = ${f.tahun} AND status = 'DISETUJUI'
        )
        ${f.realisasi ? realisasiCte(f.instansiId, f.tahun, f.periodeKode, f.realisasi) : sql``}
        SELECT p.id AS pegawai_id, p.opd_id, j.kelas_jabatan::int AS kelas_jabatan, j.nama AS jabatan_nama,
               pred.predikat, pred.sumber AS sumber_predikat, (skp_ok.pegawai_id IS NOT NULL) AS skp_disetujui,
               agg.terlambat, agg.pulang_cepat, coalesce(agg.tercatat, 0) AS tercatat,
               coalesce(agg.dinas_luar, 0) AS dinas_luar, coalesce(agg.cuti, 0) AS cuti,
               coalesce(agg.sakit, 0) AS sakit, coalesce(agg.izin, 0) AS izin,
               coalesce(agg.apel_terlewat, 0) AS apel_terlewat
               ${f.realisasi ? sql`, rl.rhk, rl.diterima, rl.perlu_perbaikan, rl.menunggu_penilai` : sql``}
          FROM pegawai p JOIN jabatan j ON j.id = p.jabatan_id
          LEFT JOIN agg ON agg.pegawai_id = p.id
          LEFT JOIN pred ON pred.pegawai_id = p.id
          LEFT JOIN skp_ok ON skp_ok.pegawai_id = p.id
          ${f.realisasi ? sql`LEFT JOIN rl ON rl.pegawai_id = p.id` : sql``}
         WHERE p.instansi_id = ${f.instansiId} AND p.is_active`,
  );
}
