/**
 * `npm run seed`: the demo province with its plans. `npm run seed -- --employees N`: a synthetic
 * instansi of N employees and their cascaded SKPs of the current year (set-based; 100,000 load into
 * PostgreSQL in well under a minute). Refuses to seed twice.
 */
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../db/client.js';
import { DEMO_KODE, demoGorontalo } from '../db/seed/demo-gorontalo.js';
import { insertOrgPlan } from '../db/seed/insert-org.js';
import { insertSkpPlans, SYNTHETIC_MIX } from '../db/seed/insert-skp.js';
import { seedDemo } from '../db/seed/seed-demo.js';
import { syntheticPlan } from '../db/seed/synthetic.js';
import { dateInZone, systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';

const { values } = parseArgs({ options: { employees: { type: 'string' } } });
const employees = values.employees === undefined ? null : Number(values.employees);
if (employees !== null && (!Number.isInteger(employees) || employees < 100 || employees > 2_000_000)) {
  console.error('--employees harus bilangan bulat 100–2.000.000');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
try {
  await database.migrate();
  const now = systemClock.now();
  const plan = employees === null ? demoGorontalo().plan : syntheticPlan(employees);
  const [exists] = await rows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM instansi WHERE kode = ${plan.instansi.kode}`,
  );
  if (exists!.n > 0) {
    console.error(`Instansi ${plan.instansi.kode} sudah ada; tidak ada yang diubah.`);
    process.exitCode = 1;
  } else if (employees === null) {
    const started = performance.now();
    const seeded = await seedDemo(database.db, config.DEMO_PASSWORD, now);
    console.log(
      `${plan.instansi.nama} (${DEMO_KODE}, id ${seeded.instansiId}): ${plan.unor.length} unor, ` +
        `${plan.jabatan.length} jabatan, ${plan.pegawai.length} pegawai, SKP ${seeded.tahun - 1} ` +
        `(${seeded.skp.lalu.skp}) dan ${seeded.tahun} (${seeded.skp.kini.skp}) in ${seconds(started)} s (${database.kind}).`,
    );
  } else {
    const passwordHash = await hash(config.DEMO_PASSWORD);
    let started = performance.now();
    const inserted = await database.db.transaction((tx) => insertOrgPlan(tx, plan, { passwordHash }));
    console.log(
      `${plan.instansi.nama} (${plan.instansi.kode}, id ${inserted.instansiId}): ` +
        `${plan.unor.length} unor, ${plan.jabatan.length} jabatan, ${plan.pegawai.length} pegawai ` +
        `in ${seconds(started)} s (${database.kind}).`,
    );
    const tanggal = dateInZone(now, plan.instansi.zonaWaktu);
    const tahun = Number(tanggal.slice(0, 4));
    started = performance.now();
    const skp = await database.db.transaction((tx) =>
      insertSkpPlans(tx, {
        instansiId: inserted.instansiId,
        tahun,
        seed: employees,
        tanggal,
        now,
        mix: SYNTHETIC_MIX,
      }),
    );
    // Fresh statistics, so the first reports do not plan on guesses (PGlite never autovacuums).
    await database.db.execute(sql`ANALYZE`);
    console.log(
      `SKP ${tahun}: ${skp.skp} rencana (${skp.status.DISETUJUI} disetujui, ${skp.status.DIAJUKAN} diajukan, ` +
        `${skp.status.DRAFT} draf, ${skp.status.DIKEMBALIKAN} dikembalikan, ${skp.status.TANPA_SKP} tanpa SKP), ` +
        `${skp.rhk} RHK, ${skp.iki} IKI, ${skp.intervensi} intervensi in ${seconds(started)} s.`,
    );
  }
} finally {
  await database.close();
}
