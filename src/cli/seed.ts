/**
 * `npm run seed`: the demo province. `npm run seed -- --employees N`: a synthetic instansi of N
 * employees (set-based; 100,000 load into PostgreSQL in seconds). Refuses to seed twice.
 */
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../db/client.js';
import { DEMO_KODE, demoGorontalo } from '../db/seed/demo-gorontalo.js';
import { insertOrgPlan } from '../db/seed/insert-org.js';
import { syntheticPlan } from '../db/seed/synthetic.js';
import { loadConfig } from '../platform/config.js';

const { values } = parseArgs({ options: { employees: { type: 'string' } } });
const employees = values.employees === undefined ? null : Number(values.employees);
if (employees !== null && (!Number.isInteger(employees) || employees < 100 || employees > 2_000_000)) {
  console.error('--employees harus bilangan bulat 100–2.000.000');
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await database.migrate();
  const started = performance.now();
  const plan = employees === null ? demoGorontalo().plan : syntheticPlan(employees);
  const [exists] = await rows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM instansi WHERE kode = ${plan.instansi.kode}`,
  );
  if (exists!.n > 0) {
    console.error(`Instansi ${plan.instansi.kode} sudah ada; tidak ada yang diubah.`);
    process.exitCode = 1;
  } else {
    const passwordHash = await hash(config.DEMO_PASSWORD);
    const inserted = await database.db.transaction((tx) => insertOrgPlan(tx, plan, { passwordHash }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `${plan.instansi.nama} (${employees === null ? DEMO_KODE : plan.instansi.kode}, id ${inserted.instansiId}): ` +
        `${plan.unor.length} unor, ${plan.jabatan.length} jabatan, ${plan.pegawai.length} pegawai ` +
        `in ${seconds} s (${database.kind}).`,
    );
  }
} finally {
  await database.close();
}
