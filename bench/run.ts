/**
 * `npm run bench`: seeds 100,000 employees and their plans into a fresh PostgreSQL database
 * (seed.ts), then runs every scenario against the real server, each adding its figures to one result
 * list (summary.ts) with its aim and the references of the same run: the bare Fastify select route and
 * pgbench (load.ts), and pgbench on one submission's SQL (ajukan.ts). Scenarios: the reports, login,
 * /api/me and search (api.ts); the realisasi burst (ajukan.ts); the month-end scenario
 * (akhir-bulan.ts); the dashboards (monitoring.ts); the exports (ekspor.ts); TPP (tpp.ts); the big
 * import (impor.ts); who assesses a plan (penilai.ts); the embedded default (embedded.ts). Ends with
 * one summary table, also written to tmp/bench-<timestamp>.json; `npm run bench -- --compare [files]`
 * prints runs side by side. Drops its database at the end. Not a timed test.
 *
 * `--instansi N` (or BENCH_INSTANSI) with N > 1: N instansi of `--employees` each on one database,
 * their reports and dashboards against instansi 1 measured alone (instansi.ts); nothing else runs.
 *
 * BENCH_EMPLOYEES or `--employees` (100,000), BENCH_SECONDS per load (10), BENCH_REPORT_RUNS (5), BENCH_USERS of the
 * month-end scenario (1,000), BENCH_DATABASE_URL (the test server).
 */

import { parseArgs } from 'node:util';
import { withAdmin } from '../test/pg-admin.js';
import { ajukan } from './ajukan.js';
import { akhirBulan, akhirBulanRows, printAkhirBulan } from './akhir-bulan.js';
import { api } from './api.js';
import { compare } from './compare.js';
import { eksporRows, printEkspor, ekspor as runEkspor } from './ekspor.js';
import { embedded } from './embedded.js';
import { imporBesar, imporRows, printImpor } from './impor.js';
import { banyakInstansi } from './instansi.js';
import { bare, pgbenchSelect } from './load.js';
import { monitoring, monitoringRows, printMonitoring } from './monitoring.js';
import { penilai, penilaiRows, printPenilai } from './penilai.js';
import { seed, seedRows } from './seed.js';
import { add, finish } from './summary.js';
import { printTpp, tpp, tppRows } from './tpp.js';

const { values: flags, positionals } = parseArgs({
  options: { compare: { type: 'boolean' }, instansi: { type: 'string' }, employees: { type: 'string' } },
  allowPositionals: true,
});
if (flags.compare) {
  compare(positionals);
  process.exit(0);
}

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = 'ekinerja_bench';
const MULTI_DB_NAME = 'ekinerja_bench_instansi';
const EMPLOYEES = Number(flags.employees ?? process.env.BENCH_EMPLOYEES ?? 100_000);
const INSTANSI = Number(flags.instansi ?? process.env.BENCH_INSTANSI ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? (INSTANSI > 1 ? 3 : 5));
const USERS = Number(process.env.BENCH_USERS ?? 1000);
const CONNECTIONS = 50;
const PASSWORD = 'Bench#2026';
const options = { connections: CONNECTIONS, seconds: SECONDS };
if (!Number.isInteger(INSTANSI) || INSTANSI < 1 || !Number.isInteger(EMPLOYEES) || EMPLOYEES < 100) {
  console.error('--instansi: a whole number from 1; --employees: a whole number from 100');
  process.exit(2);
}

if (INSTANSI > 1) {
  const started = performance.now();
  add(
    ...(await banyakInstansi({
      server: SERVER_URL,
      // Its own database: a single-instansi bench on the same server keeps its own.
      name: MULTI_DB_NAME,
      instansi: INSTANSI,
      employees: EMPLOYEES,
      password: PASSWORD,
      runs: REPORT_RUNS,
      ports: ['3921', '3922'],
    })),
  );
  await withAdmin(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${MULTI_DB_NAME} WITH (FORCE)`));
  const minutes = (performance.now() - started) / 60_000;
  console.log(`\nmulti-instansi run: ${minutes.toFixed(1)} min`);
  finish({
    instansi: INSTANSI,
    'employees per instansi': EMPLOYEES,
    'report runs': REPORT_RUNS,
    'duration min': Number(minutes.toFixed(1)),
  });
  process.exit(0);
}

const data = await seed(SERVER_URL, DB_NAME, EMPLOYEES, PASSWORD);
const { url, tahun } = data;
add(...seedRows(data, EMPLOYEES));

// The reports while the server is cold, then login, /api/me and search under load.
add(...(await api({ data, port: '3901', password: PASSWORD, load: options, reportRuns: REPORT_RUNS })));

// The references of this run.
const nips = data.users.map((u) => u.nip);
const bareFigure = await bare(url, '3902', nips, options);
const tps = pgbenchSelect(url, EMPLOYEES, options);
console.log(
  `\nreferences: bare Fastify route ${bareFigure.rps.toFixed(0)} req/s (p99 ${bareFigure.p99.toFixed(1)} ms); ` +
    `pgbench on its select ${tps.toFixed(0)} tps; ${CONNECTIONS} clients, ${SECONDS} s`,
);
add(
  {
    scenario: 'reference',
    figure: 'bare Fastify select route, req/s',
    value: bareFigure.rps,
    unit: '/s',
    ref: 'bare',
  },
  { scenario: 'reference', figure: 'bare Fastify select route, p99', value: bareFigure.p99, unit: 'ms' },
  { scenario: 'reference', figure: 'pgbench on that select, tps', value: tps, unit: '/s', ref: 'pgbench' },
);

// The realisasi burst against pgbench on the SQL one submission runs.
const { burst, rows: burstRows } = await ajukan(url, tahun, '3903', options);
add(...burstRows);

// The month-end scenario: whole visits of distinct employees the burst left alone.
const akhir = await akhirBulan({
  url,
  port: '3906',
  burst,
  password: PASSWORD,
  users: USERS,
  concurrency: CONNECTIONS,
});
printAkhirBulan(akhir, { concurrency: CONNECTIONS, employees: EMPLOYEES });
add(...akhirBulanRows(akhir, CONNECTIONS));

// The dashboards on the burst's realisasi: cold recap refresh, first loads, warm reads.
const dasbor = await monitoring({
  url,
  port: '3905',
  tahun,
  periode: burst.p1,
  adminNip: data.admin,
  password: PASSWORD,
  opd: data.opd,
  runs: REPORT_RUNS,
});
printMonitoring(dasbor, { periode: burst.p1, employees: EMPLOYEES });
add(...monitoringRows(dasbor));

// The national-format exports of the whole instansi, streamed, with the server's peak memory.
const admin = { nip: data.admin, password: PASSWORD };
const unduhan = await runEkspor({ url, port: '3904', tahun, admin });
printEkspor(unduhan, tahun);
add(...eksporRows(unduhan));

// TPP of last month for every employee: attendance seeded, computed, recomputed, approved, exported.
const gaji = await tpp({ url, port: '3913', admin });
printTpp(gaji);
add(...tppRows(gaji));

// The 1,000,000-row XLSX posted to the realisasi import of a fresh server.
const impor = await imporBesar({
  env: { DATABASE_URL: url, SEED_DEMO: 'false' },
  port: '3914',
  pegawai: { nip: data.users[0]!.nip, password: PASSWORD },
});
printImpor(impor);
add(...imporRows(impor));

// Who assesses a plan after mid-year mutations; last on this database, as it moves one employee in a hundred.
const dinilai = await penilai(url, tahun);
printPenilai(dinilai);
add(...penilaiRows(dinilai));
await withAdmin(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));

// The embedded default: PGlite with the demo, on its own temporary data folder.
const e = await embedded();
console.log(
  `\nembedded default (PGlite, demo): first start ${e.firstStartS.toFixed(1)} s, server resident ` +
    `${e.rssMb.toFixed(0)} MB, after a few pages ${e.rssAfterUseMb.toFixed(0)} MB`,
);
const scenario = 'embedded default (PGlite, demo)';
add(
  { scenario, figure: 'first start', value: e.firstStartS, unit: 's', aim: { op: '<', value: 20 } },
  { scenario, figure: 'server resident', value: e.rssMb, unit: 'MB', aim: { op: '<', value: 500 } },
  {
    scenario,
    figure: 'server resident after use',
    value: e.rssAfterUseMb,
    unit: 'MB',
    aim: { op: '<', value: 500 },
  },
);

finish({
  employees: EMPLOYEES,
  connections: CONNECTIONS,
  'seconds per load': SECONDS,
  'report runs': REPORT_RUNS,
  'month-end users': USERS,
});
