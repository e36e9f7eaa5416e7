/**
 * Seeds the demo province into an empty database (first `npm start`): the organisation, then the
 * cascaded SKPs of the previous year (all approved, to copy from) and of the current year (the
 * states of demoSkpStates, everyone else approved), then the year's mid-year cases (demoPeristiwa:
 * a Plt for a retired head, a mutation with two plans; from February), then the monthly cycle: the
 * months before the previous one completed, the previous one in progress (demoRealisasi), the PPPK
 * paruh waktu's latest finished quarter made whole for all but one (insertParuhWaktu); last, the
 * previous year's penilaian (annual evaluations, organisation predikat, penetapan, one open and one
 * decided objection), and the holidays and attendance of the same months (insertKehadiran), one
 * OPD's previous month not imported yet. "Current" is the clock's year and month in the demo's zone.
 */
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { prevYearMonth } from '../../domain/jadwal.js';
import { dateInZone } from '../../platform/clock.js';
import { type Db, rows, type Tx } from '../client.js';
import { periksaKunciAsing } from '../kunci-asing.js';
import {
  demoAccounts,
  demoGorontalo,
  demoPeristiwa,
  demoRealisasi,
  demoSkpStates,
  tmtPeristiwa,
} from './demo-gorontalo.js';
import { insertKehadiran } from './insert-kehadiran.js';
import { type InsertedOrg, insertOrgPlan } from './insert-org.js';
import { insertParuhWaktu } from './insert-paruh-waktu.js';
import { insertPenilaianTahunan } from './insert-penilaian.js';
import { insertMutasi, insertPlt } from './insert-peristiwa.js';
import { insertRealisasiBulanan } from './insert-realisasi.js';
import { insertSkpPlans } from './insert-skp.js';

/** `lapor` hears each part as it is written, with its counts (the first start prints them). */
export async function seedDemo(
  db: Db,
  password: string,
  now: Date,
  lapor: (teks: string) => void = () => {},
) {
  const passwordHash = await hash(password);
  const { plan } = demoGorontalo();
  // Superiors as the app sees them today, so the seeded links match what it checks.
  const tanggal = dateInZone(now, plan.instansi.zonaWaktu);
  const tahun = Number(tanggal.slice(0, 4));
  const seeded = await db.transaction(async (tx) => {
    const sekaligus = await tanpaPemeriksaanPerBaris(tx);
    const org = await insertOrgPlan(tx, plan, { passwordHash });
    lapor(`organisasi ${org.unor.size} unit kerja, ${org.pegawai.size} pegawai; menulis SKP ${tahun - 1}`);
    const common = { instansiId: org.instansiId, tanggal, now };
    const lalu = await insertSkpPlans(tx, {
      ...common,
      tahun: tahun - 1,
      seed: 7501 + tahun - 1,
      mix: { TERLAMBAT: 0.05 },
    });
    lapor(`SKP ${tahun - 1}: ${lalu.skp} SKP, ${lalu.rhk} RHK; menulis SKP ${tahun}`);
    const kini = await insertSkpPlans(tx, { ...common, tahun, seed: 7501 + tahun, states: demoSkpStates() });
    lapor(`SKP ${tahun}: ${kini.skp} SKP, ${kini.rhk} RHK; menulis realisasi bulanan`);
    const peristiwa = await insertPeristiwa(tx, org, tahun, tanggal, now);
    const realisasi = await insertRealisasiBulanan(tx, {
      instansiId: org.instansiId,
      now,
      seed: 7501 + tahun,
      ...demoRealisasi(),
      penggantiPenilai: peristiwa ? [peristiwa.penggantiPenilai] : [],
    });
    const paruhWaktu = await insertParuhWaktu(tx, {
      instansiId: org.instansiId,
      now,
      zonaWaktu: plan.instansi.zonaWaktu,
    });
    lapor(
      `realisasi: ${realisasi.realisasi} dalam ${realisasi.bulan.length} bulan, ${paruhWaktu.periodik} hasil PPPK paruh waktu; menulis penilaian ${tahun - 1}`,
    );
    const penilaian = await insertPenilaianTahunan(tx, {
      instansiId: org.instansiId,
      tahun: tahun - 1,
      now,
      seed: 7601 + tahun - 1,
      tanpaKeberatanDi: demoAccounts('').map((a) => a.nip),
    });
    lapor(
      `penilaian ${tahun - 1}: ${penilaian.evaluasi} evaluasi tahunan, ${penilaian.penetapan} penetapan; menulis kehadiran`,
    );
    const kehadiran = await insertKehadiran(tx, {
      instansiId: org.instansiId,
      tanggal,
      seed: 7701 + tahun,
      belumDiimporOpdId: org.unor.get(demoPeristiwa().belumDiimporOpdKey)!,
    });
    lapor(`kehadiran: ${kehadiran.kehadiran} catatan harian, ${kehadiran.libur} hari libur; menyimpan`);
    if (sekaligus) await periksaSekaligus(tx);
    return { ...org, tahun, skp: { lalu, kini }, peristiwa, realisasi, paruhWaktu, penilaian, kehadiran };
  });
  // PGlite runs no autovacuum: without this its planner would guess on empty-table statistics.
  await db.execute(sql`ANALYZE`);
  return seeded;
}

/**
 * The demo is written with PostgreSQL's per-row foreign-key checks off (replication role "replica",
 * as pg_restore --disable-triggers loads) and every key is checked once at the end: the checks
 * against partitioned realisasi and kehadiran took half the first start (ADR 0031). Columns the
 * triggers would fill are written by the seed itself, and NOT NULL still holds. Only a superuser
 * may switch the role (the embedded database's user is one); anyone else loads with the checks.
 */
async function tanpaPemeriksaanPerBaris(tx: Tx): Promise<boolean> {
  const [peran] = await rows<{ super: boolean }>(
    tx,
    sql`SELECT current_setting('is_superuser') = 'on' AS super`,
  );
  if (!peran!.super) return false;
  await tx.execute(sql`SET LOCAL session_replication_role = replica`);
  return true;
}

/** Every foreign key of the loaded demo, at once; a broken one rolls the whole seed back. */
async function periksaSekaligus(tx: Tx) {
  await tx.execute(sql`SET LOCAL session_replication_role = origin`);
  const rusak = await periksaKunciAsing(tx);
  if (rusak.length > 0)
    throw new Error(
      `Data demo melanggar kunci asing: ${rusak.map((r) => `${r.nama} (${r.baris} baris)`).join(', ')}`,
    );
}

/** The Plt and the mutation of demoPeristiwa, dated by tmtPeristiwa; none in January. */
async function insertPeristiwa(tx: Tx, org: InsertedOrg, tahun: number, tanggal: string, now: Date) {
  const tmt = tmtPeristiwa(tanggal);
  if (!tmt) return null;
  const { plt, mutasi } = demoPeristiwa();
  const id = (key: string) => org.pegawai.get(key)!;
  const olehId = id(demoGorontalo().accounts.admin_instansi);
  const pensiunId = id(plt.pensiunKey);
  const pltId = id(plt.pejabatKey);
  await insertPlt(tx, {
    pensiunId,
    pltId,
    jabatanId: org.jabatan.get(plt.jabatanKey)!,
    tmt: tmt.plt,
    tahun,
    olehId,
    now,
  });
  const skpBaruId = await insertMutasi(tx, {
    pegawaiId: id(mutasi.pegawaiKey),
    jabatanId: org.jabatan.get(mutasi.jabatanKey)!,
    tmt: tmt.mutasi,
    tahun,
    olehId,
    now,
  });
  // The periods whose steps fall from the Plt's TMT on: the month before it and later.
  const mulai = prevYearMonth(tmt.plt.slice(0, 7));
  return { tmt, skpBaruId, penggantiPenilai: { penilaiId: pensiunId, pltId, mulai } };
}

export async function seedDemoIfEmpty(
  db: Db,
  password: string,
  now: Date,
  lapor?: (teks: string) => void,
): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM instansi`);
  if (row!.n > 0) return false;
  await seedDemo(db, password, now, lapor);
  return true;
}

/**
 * Whether the demo's admin account still opens with this password: a production start refuses it,
 * so the README's published password never guards real data.
 */
export async function akunDemoDenganKataSandi(db: Db, password: string): Promise<boolean> {
  const admin = demoAccounts(password).find((a) => a.role === 'admin_instansi')!;
  const [row] = await rows<{ hash: string | null }>(
    db,
    sql`SELECT password_hash AS hash FROM pegawai WHERE nip = ${admin.nip}`,
  );
  return !!row?.hash && (await verify(row.hash, password));
}
