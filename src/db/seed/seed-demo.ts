/**
 * Seeds the demo province into an empty database (first `npm start`): the organisation, then the
 * cascaded SKPs of the previous year (all approved, to copy from) and of the current year (the
 * states of demoSkpStates, everyone else approved), then the monthly cycle: the months before the
 * previous one completed, the previous one in progress (demoRealisasi); last, the previous year's
 * penilaian (annual evaluations, organisation predikat, penetapan, one open objection), and the
 * holidays and attendance of the same months (insertKehadiran). "Current" is
 * the clock's year and month in the demo's zone.
 */
import { hash, verify } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { dateInZone } from '../../platform/clock.js';
import { type Db, rows } from '../client.js';
import { demoAccounts, demoGorontalo, demoRealisasi, demoSkpStates } from './demo-gorontalo.js';
import { insertKehadiran } from './insert-kehadiran.js';
import { insertOrgPlan } from './insert-org.js';
import { insertPenilaianTahunan } from './insert-penilaian.js';
import { insertRealisasiBulanan } from './insert-realisasi.js';
import { insertSkpPlans } from './insert-skp.js';

export async function seedDemo(db: Db, password: string, now: Date) {
  const passwordHash = await hash(password);
  const { plan } = demoGorontalo();
  // Superiors as the app sees them today, so the seeded links match what it checks.
  const tanggal = dateInZone(now, plan.instansi.zonaWaktu);
  const tahun = Number(tanggal.slice(0, 4));
  const seeded = await db.transaction(async (tx) => {
    const org = await insertOrgPlan(tx, plan, { passwordHash });
    const common = { instansiId: org.instansiId, tanggal, now };
    const lalu = await insertSkpPlans(tx, {
      ...common,
      tahun: tahun - 1,
      seed: 7501 + tahun - 1,
      mix: { TERLAMBAT: 0.05 },
    });
    const kini = await insertSkpPlans(tx, { ...common, tahun, seed: 7501 + tahun, states: demoSkpStates() });
    const realisasi = await insertRealisasiBulanan(tx, {
      instansiId: org.instansiId,
      now,
      seed: 7501 + tahun,
      ...demoRealisasi(),
    });
    const penilaian = await insertPenilaianTahunan(tx, {
      instansiId: org.instansiId,
      tahun: tahun - 1,
      now,
      seed: 7601 + tahun - 1,
      tanpaKeberatanDi: demoAccounts('').map((a) => a.nip),
    });
    const kehadiran = await insertKehadiran(tx, { instansiId: org.instansiId, tanggal, seed: 7701 + tahun });
    return { ...org, tahun, skp: { lalu, kini }, realisasi, penilaian, kehadiran };
  });
  // PGlite runs no autovacuum: without this its planner would guess on empty-table statistics.
  await db.execute(sql`ANALYZE`);
  return seeded;
}

export async function seedDemoIfEmpty(db: Db, password: string, now: Date): Promise<boolean> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM instansi`);
  if (row!.n > 0) return false;
  await seedDemo(db, password, now);
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
