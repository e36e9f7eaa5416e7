/**
 * Demo attendance (SPEC §7.1): the national holidays of the current and the previous year, and a
 * day's record for every active employee on every working day of the months the realisasi seed
 * covers (the three completed months before the previous one, and the previous one). Mostly on
 * time; some late in each TPP band, some leaving early, some on official travel, leave or sick, a
 * few absent without reason; the Monday apel recorded, now and then missed; optionally one OPD's
 * previous month not imported yet. Deterministic (a hash of employee, date and seed) and written by
 * one set-based statement per month, in primary-key order.
 */
import { sql } from 'drizzle-orm';
import { prevYearMonth, type YearMonth } from '../../domain/jadwal.js';
import { hariKerjaBulan, JAM_KERJA_BAKU, type JamKerja } from '../../domain/kehadiran.js';
import { type DbOrTx, rows } from '../client.js';

/**
 * National holidays and cuti bersama (SKB Tiga Menteri). 2027's moving feasts are estimates until
 * its decree is published.
 */
export const LIBUR_NASIONAL: readonly [tanggal: string, keterangan: string][] = [
  ['2025-01-01', 'Tahun Baru 2025 Masehi'],
  ['2025-01-27', "Isra Mi'raj Nabi Muhammad SAW"],
  ['2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'],
  ['2025-03-28', 'Cuti bersama Hari Suci Nyepi'],
  ['2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'],
  ['2025-03-31', 'Hari Raya Idul Fitri 1446 H'],
  ['2025-04-01', 'Hari Raya Idul Fitri 1446 H'],
  ['2025-04-02', 'Cuti bersama Idul Fitri 1446 H'],
  ['2025-04-03', 'Cuti bersama Idul Fitri 1446 H'],
  ['2025-04-04', 'Cuti bersama Idul Fitri 1446 H'],
  ['2025-04-07', 'Cuti bersama Idul Fitri 1446 H'],
  ['2025-04-18', 'Wafat Yesus Kristus'],
  ['2025-05-01', 'Hari Buruh Internasional'],
  ['2025-05-12', 'Hari Raya Waisak 2569 BE'],
  ['2025-05-13', 'Cuti bersama Hari Raya Waisak'],
  ['2025-05-29', 'Kenaikan Yesus Kristus'],
  ['2025-05-30', 'Cuti bersama Kenaikan Yesus Kristus'],
  ['2025-06-01', 'Hari Lahir Pancasila'],
  ['2025-06-06', 'Hari Raya Idul Adha 1446 H'],
  ['2025-06-09', 'Cuti bersama Idul Adha 1446 H'],
  ['2025-06-27', 'Tahun Baru Islam 1447 H'],
  ['2025-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2025-08-18', 'Cuti bersama Hari Kemerdekaan'],
  ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
  ['2025-12-25', 'Hari Raya Natal'],
  ['2025-12-26', 'Cuti bersama Hari Raya Natal'],
  ['2026-01-01', 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', "Isra Mi'raj Nabi Muhammad SAW"],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek'],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi'],
  ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'],
  ['2026-03-20', 'Hari Raya Idul Fitri 1447 H'],
  ['2026-03-21', 'Hari Raya Idul Fitri 1447 H'],
  ['2026-03-23', 'Cuti bersama Idul Fitri 1447 H'],
  ['2026-03-24', 'Cuti bersama Idul Fitri 1447 H'],
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-05-01', 'Hari Buruh Internasional'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Hari Raya Idul Adha 1447 H'],
  ['2026-05-28', 'Cuti bersama Idul Adha 1447 H'],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'Tahun Baru Islam 1448 H'],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal'],
  ['2026-12-25', 'Hari Raya Natal'],
  ['2027-01-01', 'Tahun Baru 2027 Masehi'],
  ['2027-01-05', "Isra Mi'raj Nabi Muhammad SAW"],
  ['2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'],
  ['2027-03-08', 'Hari Suci Nyepi Tahun Baru Saka 1949'],
  ['2027-03-10', 'Hari Raya Idul Fitri 1448 H'],
  ['2027-03-11', 'Hari Raya Idul Fitri 1448 H'],
  ['2027-03-12', 'Cuti bersama Idul Fitri 1448 H'],
  ['2027-03-26', 'Wafat Yesus Kristus'],
  ['2027-05-01', 'Hari Buruh Internasional'],
  ['2027-05-06', 'Kenaikan Yesus Kristus'],
  ['2027-05-17', 'Hari Raya Idul Adha 1448 H'],
  ['2027-05-20', 'Hari Raya Waisak 2571 BE'],
  ['2027-06-01', 'Hari Lahir Pancasila'],
  ['2027-06-06', 'Tahun Baru Islam 1449 H'],
  ['2027-08-14', 'Maulid Nabi Muhammad SAW'],
  ['2027-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2027-12-25', 'Hari Raya Natal'],
];

export interface KehadiranSeedOptions {
  instansiId: number;
  /** Today in the instansi's zone (YYYY-MM-DD): the months are counted back from it. */
  tanggal: string;
  seed: number;
  /** Completed months before the previous one (default 3). */
  bulanSelesai?: number;
  /** An OPD whose previous month is not imported yet: none of its employees has a record then. */
  belumDiimporOpdId?: number;
}

export interface KehadiranSeedCounts {
  libur: number;
  bulan: YearMonth[];
  kehadiran: number;
}

export async function insertKehadiran(tx: DbOrTx, o: KehadiranSeedOptions): Promise<KehadiranSeedCounts> {
  const tahun = Number(o.tanggal.slice(0, 4));
  const libur = LIBUR_NASIONAL.filter(([t]) => [tahun - 1, tahun].includes(Number(t.slice(0, 4))));
  const [l] = await rows<{ n: number }>(
    tx,
    sql`WITH w AS (
          INSERT INTO hari_libur (instansi_id, tanggal, keterangan)
          SELECT ${o.instansiId}, x.t, x.k FROM json_to_recordset(${JSON.stringify(libur.map(([t, k]) => ({ t, k })))}::json)
                 AS x(t date, k text)
          ON CONFLICT (instansi_id, tanggal) DO NOTHING RETURNING 1)
        SELECT count(*)::int AS n FROM w`,
  );
  const [setelan] = await rows<{ jamKerja: JamKerja | null }>(
    tx,
    sql`SELECT jam_kerja AS "jamKerja" FROM pengaturan WHERE instansi_id = ${o.instansiId}`,
  );
  const jamKerja = setelan?.jamKerja ?? JAM_KERJA_BAKU;
  const liburSet = new Set(libur.map(([t]) => t));

  const lalu = prevYearMonth(o.tanggal.slice(0, 7));
  const bulan: YearMonth[] = [lalu];
  for (let i = 0; i < (o.bulanSelesai ?? 3); i++) bulan.unshift(prevYearMonth(bulan[0]!));

  let kehadiran = 0;
  for (const b of bulan) {
    const belumDiimpor =
      b === lalu && o.belumDiimporOpdId !== undefined
        ? sql`AND pg.opd_id IS DISTINCT FROM ${o.belumDiimporOpdId}::int`
        : sql``;
    const hari = hariKerjaBulan(b, jamKerja, liburSet).map((h) => ({
      t: h.tanggal,
      m: h.jam.masuk,
      p: h.jam.pulang,
    }));
    // r1 picks the status, the lateness band and the check-in minute; r2 early leave and the check-out minute.
    const [n] = await rows<{ n: number }>(
      tx,
      sql`WITH hari AS (SELECT * FROM json_to_recordset(${JSON.stringify(hari)}::json) AS x(t date, m time, p time)),
          -- Integer mixing (multiply, xor-shift) of employee, day and seed: cheaper than md5 on PGlite.
          k AS (
            SELECT pg.id AS pegawai_id, h.t, h.m, h.p,
                   ((pg.id::bigint * 73856093) # ((h.t - date '2000-01-01')::bigint * 19349663) # ${o.seed}::bigint)
                     % 2147483648 AS x
              FROM pegawai pg CROSS JOIN hari h
             WHERE pg.instansi_id = ${o.instansiId} AND pg.is_active ${belumDiimpor}),
          k1 AS (SELECT pegawai_id, t, m, p, (x * 2654435761) % 2147483648 AS x FROM k),
          k2 AS (SELECT pegawai_id, t, m, p, ((x # (x >> 15)) * 2246822519) % 2147483648 AS x FROM k1),
          acak AS (SELECT pegawai_id, t, m, p, (x # (x >> 13)) AS r1, ((x # (x >> 16)) * 3266489917) % 2147483648 AS r2 FROM k2),
          hari_pegawai AS (
            SELECT pegawai_id, t, m, p, r1 % 1000 AS s, (r1 / 1000) % 1000 AS telat, (r1 / 1000000) % 30 AS mm,
                   r2 % 1000 AS cepat, (r2 / 1000) % 30 AS mp, (r2 / 30000) % 60 AS detik
              FROM acak),
          baris AS (
            SELECT pegawai_id, t,
                   CASE WHEN s < 8 THEN 'TANPA_KETERANGAN' WHEN s < 25 THEN 'SAKIT' WHEN s < 45 THEN 'CUTI'
                        WHEN s < 85 THEN 'DINAS_LUAR' WHEN s < 95 THEN 'IZIN' ELSE 'HADIR' END AS status,
                   CASE WHEN telat < 60 THEN m + make_interval(mins => 1 + mm::int)
                        WHEN telat < 80 THEN m + make_interval(mins => 31 + mm::int)
                        WHEN telat < 90 THEN m + make_interval(mins => 61 + mm::int)
                        WHEN telat < 95 THEN m + make_interval(mins => 91 + 2 * mm::int)
                        WHEN telat < 100 THEN NULL
                        ELSE m - make_interval(mins => 3 + mm::int) END + make_interval(secs => detik::int) AS masuk,
                   CASE WHEN cepat < 40 THEN p - make_interval(mins => 5 + 2 * mp::int)
                        WHEN cepat < 50 THEN NULL
                        ELSE p + make_interval(mins => mp::int, secs => (cepat % 60)::int) END AS pulang,
                   (cepat % 20 = 0) AS lewat_apel
              FROM hari_pegawai),
          w AS (
            INSERT INTO kehadiran (pegawai_id, tanggal, instansi_id, jam_masuk, jam_pulang, status, keterangan, apel, sumber)
            SELECT pegawai_id, t, ${o.instansiId},
                   CASE WHEN status = 'HADIR' THEN masuk END, CASE WHEN status = 'HADIR' THEN pulang END, status,
                   CASE status WHEN 'DINAS_LUAR' THEN 'Perjalanan dinas' WHEN 'IZIN' THEN 'Keperluan keluarga' END,
                   -- The Monday apel, missed now and then by someone at work.
                   CASE WHEN status = 'HADIR' AND extract(isodow FROM t) = 1
                        THEN CASE WHEN lewat_apel THEN 'TIDAK_HADIR' ELSE 'HADIR' END END,
                   'IMPOR'
              FROM baris ORDER BY pegawai_id, t
            ON CONFLICT (pegawai_id, tanggal) DO NOTHING RETURNING 1)
          SELECT count(*)::int AS n FROM w`,
    );
    kehadiran += n!.n;
  }
  return { libur: l!.n, bulan, kehadiran };
}
