/**
 * `npm run bench`: loads a 100,000-employee instansi and their cascaded SKPs of the current year
 * into PostgreSQL, times the dibagi-habis reports over HTTP as a BKD admin (cold, then warm), then
 * drives the real server with 50 connections (login, GET /api/me, employee search) and, in the same
 * run, two references on the same server: a bare Fastify route doing one indexed select, and
 * pgbench. Then the realisasi burst (realisasi.ts): 50 connections submitting a month of drafts, each
 * request another employee, next to pgbench running the SQL one submission runs, captured from the
 * code. Also the kurva distribusi: a period's ratings for every employee with an approved plan and an
 * organisation predikat for every unit, then every unit's curve over HTTP (cold, then warm). Prints
 * seed seconds, report latencies, req/s, p50/p99 latency and the ratios to the references. Last, the
 * 1,000,000-row XLSX posted to the realisasi import (impor.ts): time to refusal and memory; and who
 * assesses a plan after mid-year mutations (penilai.ts), per SQL call. Not a timed test.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, rows } from '../src/db/client.js';
import { insertOrgPlan } from '../src/db/seed/insert-org.js';
import { insertSkpPlans, SYNTHETIC_MIX } from '../src/db/seed/insert-skp.js';
import { syntheticPlan } from '../src/db/seed/synthetic.js';
import { dateInZone } from '../src/platform/clock.js';
import { adminUrl, withAdmin } from '../test/pg-admin.js';
import { ekspor, printEkspor } from './ekspor.js';
import { imporBesar, printImpor } from './impor.js';
import { monitoring, printMonitoring } from './monitoring.js';
import { penilai, printPenilai } from './penilai.js';
import { masuk, startProcess, stop, waitFor } from './proses.js';
import {
  antrean,
  diajukan,
  pgbench as pgbenchSkrip,
  rekam,
  siapkan,
  skrip,
  tulisSkrip,
} from './realisasi.js';
import { printTpp, tpp } from './tpp.js';

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DB_NAME = 'ekinerja_bench';
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'Bench#2026';
/** Warm repetitions of each report after its first (cold) request. */
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
/** The response-time aim of the dibagi-habis reports. */
const REPORT_AIM_MS = 2000;
/** The aim of the instansi-wide curve report (every unit of the instansi). */
const KURVA_AIM_MS = 5000;
const url = adminUrl(SERVER_URL, DB_NAME);

interface Figure {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

function pick<T>(list: T[], i: number): T {
  return list[i % list.length]!;
}

async function load(
  name: string,
  base: string,
  make: (i: number) => { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Figure> {
  let counter = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const r = make(counter++);
          return {
            ...req,
            method: (r.method ?? 'GET') as 'GET',
            path: r.path,
            headers: { ...req.headers, ...r.headers },
            body: r.body,
          } as typeof req;
        },
      },
    ],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function seed() {
  await withAdmin(SERVER_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
  });
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  const passwordHash = await hash(PASSWORD);
  const plan = syntheticPlan(EMPLOYEES);
  let started = performance.now();
  const org = await database.db.transaction((tx) => insertOrgPlan(tx, plan, { passwordHash }));
  const seconds = (performance.now() - started) / 1000;
  const tanggal = dateInZone(new Date(), plan.instansi.zonaWaktu);
  const tahun = Number(tanggal.slice(0, 4));
  started = performance.now();
  const skp = await database.db.transaction((tx) =>
    insertSkpPlans(tx, { instansiId: org.instansiId, tahun, seed: EMPLOYEES, tanggal, mix: SYNTHETIC_MIX }),
  );
  const skpSeconds = (performance.now() - started) / 1000;
  // January's ratings for every employee's latest approved plan, spread over the five predikat by a hash of the plan
  // id, and an organisation predikat for every unit, so the curve report judges every unit.
  const periodeKurva = `${tahun}-01`;
  started = performance.now();
  const [kurva] = await rows<{ penilaian: number }>(
    database.db,
    sql`WITH ins AS (
          INSERT INTO penilaian_periodik (skp_id, periode_kode, rating_hasil_kerja, rating_perilaku, predikat, penilai_id, at)
          SELECT s.id, ${periodeKurva}, r.hasil, r.perilaku, r.predikat, coalesce(s.pejabat_penilai_id, s.pegawai_id), now()
            FROM (SELECT DISTINCT ON (pegawai_id) id, pegawai_id, pejabat_penilai_id FROM skp
                   WHERE instansi_id = ${org.instansiId} AND tahun = ${tahun} AND status = 'DISETUJUI'
                   ORDER BY pegawai_id, versi DESC) s
            CROSS JOIN LATERAL (SELECT (hashtext(s.id::text) & 1023) % 20 AS k) h
            CROSS JOIN LATERAL (VALUES
              (CASE WHEN h.k < 3 THEN 'DI_ATAS_EKSPEKTASI' WHEN h.k < 18 THEN 'SESUAI_EKSPEKTASI' ELSE 'DI_BAWAH_EKSPEKTASI' END,
               CASE WHEN h.k < 3 THEN 'DI_ATAS_EKSPEKTASI' WHEN h.k IN (16, 17, 19) THEN 'DI_BAWAH_EKSPEKTASI' ELSE 'SESUAI_EKSPEKTASI' END)
            ) AS v(hasil, perilaku)
            CROSS JOIN LATERAL (SELECT v.hasil, v.perilaku,
              CASE WHEN h.k < 3 THEN 'SANGAT_BAIK' WHEN h.k < 16 THEN 'BAIK' WHEN h.k < 18 THEN 'KURANG'
                   WHEN h.k = 18 THEN 'BUTUH_PERBAIKAN' ELSE 'SANGAT_KURANG' END) AS r(hasil, perilaku, predikat)
          RETURNING 1
        ), po AS (
          INSERT INTO predikat_organisasi (instansi_id, unor_id, periode_kode, predikat, dasar, ditetapkan_oleh_id)
          SELECT u.instansi_id, u.id, ${periodeKurva},
                 (ARRAY['ISTIMEWA', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN'])[u.id % 5 + 1],
                 '{"capaianPk": null, "nilaiIkm": null, "progresRencanaAksi": 90, "keterangan": "Progres rencana aksi unit (data bench)"}'::jsonb,
                 (SELECT r.pegawai_id FROM peran_pegawai r WHERE r.peran = 'ADMIN_INSTANSI' LIMIT 1)
            FROM unor u WHERE u.instansi_id = ${org.instansiId}
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM ins)::int AS penilaian`,
  );
  const kurvaSeconds = (performance.now() - started) / 1000;
  await database.db.execute(sql`ANALYZE`);
  // The biggest OPD and the plan of its head, for the per-unit and per-plan reports.
  const [opd] = await rows<{ id: number; nama: string; pegawai: number; skpId: number }>(
    database.db,
    sql`SELECT u.id, u.nama, count(*)::int AS pegawai,
               (SELECT s.id FROM skp s JOIN pegawai h ON h.id = s.pegawai_id JOIN jabatan j ON j.id = h.jabatan_id
                 WHERE j.unor_id = u.id AND j.is_kepala_unor AND s.tahun = ${tahun} ORDER BY s.versi DESC LIMIT 1) AS "skpId"
          FROM pegawai p JOIN unor u ON u.id = p.opd_id
         WHERE p.instansi_id = ${org.instansiId}
         GROUP BY u.id, u.nama ORDER BY count(*) DESC, u.id LIMIT 1`,
  );
  const users = await rows<{ nip: string; id: number }>(
    database.db,
    // Spread over the whole instansi: the first ids are the top officials, whose pages are the heaviest.
    sql`SELECT nip, id FROM pegawai WHERE id % 47 = 0 ORDER BY id LIMIT 2000`,
  );
  const [admin] = await rows<{ nip: string }>(
    database.db,
    sql`SELECT p.nip FROM pegawai p JOIN peran_pegawai r ON r.pegawai_id = p.id WHERE r.peran = 'ADMIN_INSTANSI' LIMIT 1`,
  );
  const [unit] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM unor`);
  const names = await rows<{ term: string }>(
    database.db,
    sql`SELECT lower(substr(split_part(nama, ' ', 1), 1, 4)) AS term FROM pegawai TABLESAMPLE SYSTEM (1) LIMIT 200`,
  );
  await database.close();
  return {
    seconds,
    skpSeconds,
    skp,
    tahun,
    kurva: { periode: periodeKurva, penilaian: kurva!.penilaian, unor: unit!.n, seconds: kurvaSeconds },
    opd: opd!,
    users,
    admin: admin!.nip,
    terms: names.map((n) => n.term),
  };
}

async function login(base: string, nip: string) {
  return (await masuk(base, nip, PASSWORD)).cookie;
}

function pgbench(): number {
  const script = path.join(tmpdir(), 'ekinerja-pgbench.sql');
  writeFileSync(script, `\\set id random(1, ${EMPLOYEES})\nSELECT id, nama FROM pegawai WHERE id = :id;\n`);
  const out = execFileSync(
    'pgbench',
    ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS), '-f', script, url],
    {
      encoding: 'utf8',
    },
  );
  const tps = /tps = ([\d.]+)/.exec(out);
  return tps ? Number(tps[1]) : Number.NaN;
}

interface ReportFigure {
  name: string;
  cold: number;
  warm: number[];
  bytes: number;
}

/** One report: the first request on a fresh server (cold), then REPORT_RUNS warm ones, one at a time. */
async function report(name: string, base: string, urlPath: string, cookie: string): Promise<ReportFigure> {
  const once = async () => {
    const started = performance.now();
    const res = await fetch(`${base}${urlPath}`, { headers: { cookie } });
    const body = await res.text();
    if (!res.ok) throw new Error(`${urlPath}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.length };
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < REPORT_RUNS; i++) warm.push((await once()).ms);
  return { name, cold: cold.ms, warm: warm.sort((a, b) => a - b), bytes: cold.bytes };
}

const data = await seed();
console.log(
  `seed: ${EMPLOYEES.toLocaleString('id-ID')} pegawai into PostgreSQL in ${data.seconds.toFixed(1)} s`,
);
const s = data.skp;
console.log(
  `seed: SKP ${data.tahun} for ${s.pegawai.toLocaleString('id-ID')} pegawai in ${data.skpSeconds.toFixed(1)} s ` +
    `(${s.skp} SKP: ${s.status.DISETUJUI} disetujui of which ${s.terlambat} late, ${s.status.DIAJUKAN} diajukan, ` +
    `${s.status.DRAFT} draf, ${s.status.DIKEMBALIKAN} dikembalikan, ${s.status.TANPA_SKP} without; ` +
    `${s.rhk} RHK, ${s.iki} IKI, ${s.intervensi} intervensi, ${s.perilaku} perilaku, ${s.lampiran} lampiran, ` +
    `${s.perjanjianKinerja} PK with ${s.pkSasaran} sasaran)`,
);

console.log(
  `seed: ${data.kurva.penilaian.toLocaleString('id-ID')} penilaian periodik ${data.kurva.periode} and an organisation predikat ` +
    `for each of ${data.kurva.unor} units in ${data.kurva.seconds.toFixed(1)} s`,
);

const figures: Figure[] = [];
const reports: ReportFigure[] = [];
let kurvaReport: ReportFigure | undefined;
const appPort = '3901';
const app = startProcess('src/server.ts', {
  DATABASE_URL: url,
  PORT: appPort,
  HOST: '127.0.0.1',
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '100000000',
  // Every connection may wait for a password check: the figure is throughput, not refusals.
  LOGIN_QUEUE: String(CONNECTIONS),
});
const appBase = `http://127.0.0.1:${appPort}`;
try {
  await waitFor(`${appBase}/api/health`, app);
  // The reports first, while the server's caches are cold; as the BKD admin of the instansi.
  const bkdCookie = await login(appBase, data.admin);
  const { tahun, opd } = data;
  reports.push(
    await report('GET /api/cakupan (instansi, per OPD)', appBase, `/api/cakupan?tahun=${tahun}`, bkdCookie),
    await report(
      `GET /api/cakupan?unorId= (OPD, ${opd.pegawai} pegawai)`,
      appBase,
      `/api/cakupan?tahun=${tahun}&unorId=${opd.id}`,
      bkdCookie,
    ),
    await report(
      'GET /api/skp/:id/cakupan (kepala OPD)',
      appBase,
      `/api/skp/${opd.skpId}/cakupan`,
      bkdCookie,
    ),
  );
  kurvaReport = await report(
    'GET /api/kurva/laporan (every unit)',
    appBase,
    `/api/kurva/laporan?periode=${data.kurva.periode}`,
    bkdCookie,
  );
  const nips = data.users.map((u) => u.nip);
  figures.push(
    await load('POST /api/auth/login (argon2id)', appBase, (i) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nip: pick(nips, i), password: PASSWORD }),
    })),
  );
  const cookies: string[] = [];
  for (const nip of nips.slice(0, 100)) cookies.push(await login(appBase, nip));
  figures.push(
    await load('GET /api/me', appBase, (i) => ({ path: '/api/me', headers: { cookie: pick(cookies, i) } })),
  );
  const adminCookie = await login(appBase, data.admin);
  const queries = [
    ...data.terms.map((t) => `q=${encodeURIComponent(t)}`),
    ...nips.slice(0, 200).map((n) => `q=${n.slice(0, 8)}`),
    '',
  ];
  figures.push(
    await load('GET /api/pegawai?q= (search)', appBase, (i) => ({
      path: `/api/pegawai?${pick(queries, i)}`,
      headers: { cookie: adminCookie },
    })),
  );
} finally {
  await stop(app);
}

const barePort = '3902';
const bare = startProcess('bench/bare-server.ts', { DATABASE_URL: url, PORT: barePort });
let bareFigure: Figure;
try {
  await waitFor(`http://127.0.0.1:${barePort}/pegawai/x`, bare);
  const nips = data.users.map((u) => u.nip);
  bareFigure = await load('bare Fastify, one indexed select', `http://127.0.0.1:${barePort}`, (i) => ({
    path: `/pegawai/${pick(nips, i)}`,
  }));
} finally {
  await stop(bare);
}
const tps = pgbench();

console.log(
  `\n${CONNECTIONS} connections, ${SECONDS} s each, PostgreSQL with ${EMPLOYEES.toLocaleString('id-ID')} employees`,
);
console.log('scenario                               req/s     p50 ms   p99 ms  non-2xx   ×bare   ×pgbench');
for (const f of [...figures, bareFigure]) {
  console.log(
    `${f.name.padEnd(36)} ${f.rps.toFixed(0).padStart(8)} ${String(f.p50).padStart(9)} ${String(f.p99).padStart(8)} ${String(f.non2xx).padStart(8)} ${(f.rps / bareFigure.rps).toFixed(2).padStart(7)} ${(f.rps / tps).toFixed(3).padStart(10)}`,
  );
}
console.log(`pgbench (same select, ${CONNECTIONS} clients)     ${tps.toFixed(0).padStart(8)} tps`);

console.log(
  `\ndibagi habis over HTTP as the BKD admin, ${EMPLOYEES.toLocaleString('id-ID')} employees, year ${data.tahun}; ` +
    `biggest OPD: ${data.opd.nama} (${data.opd.pegawai} pegawai); one cold request, then ${REPORT_RUNS} warm`,
);
console.log(
  `report                                      cold ms   min ms  median ms   max ms      KB  under ${REPORT_AIM_MS / 1000} s`,
);
for (const r of reports) {
  const median = r.warm[Math.floor(r.warm.length / 2)] ?? r.cold;
  const max = Math.max(r.cold, ...r.warm);
  const ms = (n: number) => n.toFixed(0).padStart(8);
  console.log(
    `${r.name.padEnd(42)} ${ms(r.cold)} ${ms(r.warm[0] ?? r.cold)} ${ms(median).padStart(10)} ${ms(max)} ${(r.bytes / 1024).toFixed(0).padStart(7)}  ` +
      `${median < REPORT_AIM_MS ? 'yes' : 'NO'} (warm median)${max < REPORT_AIM_MS ? ', every request' : ''}`,
  );
}
if (kurvaReport) {
  const r = kurvaReport;
  const median = r.warm[Math.floor(r.warm.length / 2)] ?? r.cold;
  const max = Math.max(r.cold, ...r.warm);
  console.log(
    `\nkurva distribusi of every unit (${data.kurva.unor} units, ${data.kurva.penilaian.toLocaleString('id-ID')} ` +
      `penilaian, period ${data.kurva.periode}) over HTTP as the BKD admin: cold ${r.cold.toFixed(0)} ms, ` +
      `warm min ${(r.warm[0] ?? r.cold).toFixed(0)} / median ${median.toFixed(0)} / max ${max.toFixed(0)} ms, ` +
      `${(r.bytes / 1024).toFixed(0)} KB; under ${KURVA_AIM_MS / 1000} s: ${max < KURVA_AIM_MS ? 'yes, every request' : median < KURVA_AIM_MS ? 'yes (warm median)' : 'NO'}`,
  );
}
// The realisasi burst: a month of drafts and a session per employee; one submission captured and
// turned into the pgbench script; then the app and pgbench, each on its own period of drafts.
const burst = await siapkan(url, data.tahun);
const rekaman = await rekam(url, burst);
const generated = skrip(rekaman.statements, burst);
const scriptPath = path.resolve('tmp/pgbench-ajukan.sql');
tulisSkrip(scriptPath, generated.text);
await antrean(url, burst, generated.columns);
const inTx = rekaman.statements.findIndex((q) => q.text === 'begin');
const txStatements = rekaman.statements.findIndex((q) => q.text === 'commit') - inTx - 1;
const burstPort = '3903';
const burstApp = startProcess('bench/clock-server.ts', {
  DATABASE_URL: url,
  PORT: burstPort,
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  BENCH_NOW: burst.now.toISOString(),
});
let ajukan: Figure;
try {
  await waitFor(`http://127.0.0.1:${burstPort}/api/health`, burstApp);
  ajukan = await load('POST /api/realisasi/ajukan', `http://127.0.0.1:${burstPort}`, (i) => {
    const s = pick(burst.app, i);
    return {
      method: 'POST',
      path: '/api/realisasi/ajukan',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ periode: burst.p1 }),
    };
  });
} finally {
  await stop(burstApp);
}
const appDone = await diajukan(url, burst.p1);
const pgFigure = pgbenchSkrip(url, scriptPath, {
  clients: CONNECTIONS,
  seconds: SECONDS,
  logDir: path.resolve('tmp/pgbench-ajukan-log'),
});
const pgDone = await diajukan(url, burst.p0);

console.log(
  `\nrealisasi burst: POST /api/realisasi/ajukan, ${CONNECTIONS} connections, ${SECONDS} s, a different employee per request; ` +
    `period ${burst.p1} (app) and ${burst.p0} (pgbench), clock ${burst.now.toISOString()} (input window)`,
);
console.log(
  `seed: drafts of both periods (${burst.realisasi.toLocaleString('id-ID')} realisasi) in ${burst.seconds.draf.toFixed(1)} s, ` +
    `${(burst.app.length + 2).toLocaleString('id-ID')} sessions in ${burst.seconds.sesi.toFixed(1)} s`,
);
console.log(
  `one submission: ${rekaman.statements.length} SQL statements, ${txStatements} of them in its transaction, ${rekaman.ms.toFixed(0)} ms alone; ` +
    `pgbench script ${scriptPath} (${generated.statements} statements + 1 queue read)`,
);
console.log(
  '                                        subm/s     p50 ms   p99 ms  non-2xx  employees submitted',
);
console.log(
  `app (autocannon)                      ${ajukan.rps.toFixed(0).padStart(8)} ${String(ajukan.p50).padStart(10)} ${String(ajukan.p99).padStart(8)} ${String(ajukan.non2xx).padStart(8)}  ${appDone.pegawai} (${appDone.realisasi} realisasi)`,
);
console.log(
  `pgbench -M extended, same SQL         ${pgFigure.tps.toFixed(0).padStart(8)} ${pgFigure.p50.toFixed(1).padStart(10)} ${pgFigure.p99.toFixed(1).padStart(8)} ${'-'.padStart(8)}  ${pgDone.pegawai} (${pgDone.realisasi} realisasi)${pgFigure.failed ? `; pgbench: ${pgFigure.failed}` : ''}`,
);
for (const q of pgFigure.slowest)
  console.log(
    `  pgbench, slow statement: ${q.ms.toFixed(1)} ms per transaction  ${q.statement.slice(0, 110)}`,
  );
const ratio = ajukan.rps / pgFigure.tps;
console.log(
  `app / pgbench: ${(ratio * 100).toFixed(0)} % (aim: at least 50 %)${ratio >= 0.5 ? '' : ' — BELOW AIM'}`,
);

// The monitoring dashboards on the burst's realisasi: cold recap refresh, first loads, warm reads (monitoring.ts).
printMonitoring(
  await monitoring({
    url,
    port: '3905',
    tahun: data.tahun,
    periode: burst.p1,
    adminNip: data.admin,
    password: PASSWORD,
    opd: data.opd,
    runs: REPORT_RUNS,
  }),
  { periode: burst.p1, employees: EMPLOYEES },
);

// The national-format exports of the whole instansi, streamed, with the server's peak memory (ekspor.ts).
printEkspor(
  await ekspor({
    url,
    port: '3904',
    tahun: data.tahun,
    admin: { nip: data.admin, password: PASSWORD },
  }),
  data.tahun,
);

// TPP of last month for every employee: attendance seeded, computed, recomputed, approved, exported (tpp.ts).
printTpp(
  await tpp({
    url,
    port: '3913',
    admin: { nip: data.admin, password: PASSWORD },
  }),
);

// The big upload of issue 12: 1,000,000 rows posted to the realisasi import of a fresh server (impor.ts).
printImpor(
  await imporBesar({
    env: { DATABASE_URL: url, SEED_DEMO: 'false' },
    port: '3914',
    pegawai: { nip: data.users[0]!.nip, password: PASSWORD },
  }),
);

// Who assesses a plan after mid-year mutations (penilai.ts); last, as it moves one employee in a hundred.
printPenilai(await penilai(url, data.tahun));

await withAdmin(SERVER_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
