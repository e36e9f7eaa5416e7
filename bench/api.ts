/**
 * The application under load on the seeded database: first the dibagi-habis reports and the curves
 * while its caches are cold (laporan.ts), then 50 connections on login (argon2id, the server's own
 * login queue, so refusals are counted), GET /api/me and the employee search.
 */

import { KURVA_AIM_MS, laporan, laporanRows, printReports } from './laporan.js';
import type { Figure, LoadOptions } from './load.js';
import { load, pick } from './load.js';
import { masukAntre, startServer, stop, waitFor } from './proses.js';
import type { Seeded } from './seed.js';
import type { Row } from './summary.js';

export interface ApiDeps {
  data: Seeded;
  port: string;
  password: string;
  load: LoadOptions;
  /** Warm repetitions of each report after its first (cold) request. */
  reportRuns: number;
}

export async function api({ data, port, password, load: options, reportRuns }: ApiDeps): Promise<Row[]> {
  const app = startServer({
    DATABASE_URL: data.url,
    PORT: port,
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000000',
  });
  const base = `http://127.0.0.1:${port}`;
  const login = async (nip: string) => (await masukAntre(base, nip, password)).cookie;
  const rows: Row[] = [];
  try {
    await waitFor(`${base}/api/health`, app);
    const bkd = await login(data.admin);
    const { tahun, opd } = data;
    const laporanFigures = await laporan(base, bkd, data, reportRuns);
    printReports(
      [...laporanFigures.reports, laporanFigures.kurva],
      `dibagi habis and kurva over HTTP as the BKD admin, year ${tahun}; biggest OPD: ${opd.nama} ` +
        `(${opd.pegawai} pegawai); one cold request, then ${reportRuns} warm; kurva aim ${KURVA_AIM_MS / 1000} s`,
    );
    rows.push(...laporanRows(laporanFigures));

    const nips = data.users.map((u) => u.nip);
    const masukFigure = await load('POST /api/auth/login (argon2id)', base, options, (i) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nip: pick(nips, i), password }),
    }));
    const cookies: string[] = [];
    for (const nip of nips.slice(0, 100)) cookies.push(await login(nip));
    const me = await load('GET /api/me', base, options, (i) => ({
      path: '/api/me',
      headers: { cookie: pick(cookies, i) },
    }));
    const admin = await login(data.admin);
    const queries = [
      ...data.terms.map((t) => `q=${encodeURIComponent(t)}`),
      ...nips.slice(0, 200).map((n) => `q=${n.slice(0, 8)}`),
      '',
    ];
    const cari = await load('GET /api/pegawai?q= (search)', base, options, (i) => ({
      path: `/api/pegawai?${pick(queries, i)}`,
      headers: { cookie: admin },
    }));
    printFigures([masukFigure, me, cari], options);
    rows.push(...loginRows(masukFigure, options.connections));
    rows.push(...readRows(`GET /api/me, ${options.connections} connections`, me, 0.6, 50));
    rows.push(...readRows(`GET /api/pegawai?q=, ${options.connections} connections`, cari, 0.4, 100));
  } finally {
    await stop(app);
  }
  return rows;
}

/** A read route: its share of the bare route and its p99, each against the aim. */
export function readRows(scenario: string, f: Figure, shareOfBare: number, p99Ms: number): Row[] {
  return [
    {
      scenario,
      figure: 'req/s',
      value: f.rps,
      unit: '/s',
      aim: { op: '≥', value: shareOfBare, of: 'bare' },
      ratio: ['pgbench'],
    },
    { scenario, figure: 'p99', value: f.p99, unit: 'ms', aim: { op: '<', value: p99Ms } },
    { scenario, figure: 'non-2xx/errors', value: f.errors + f.refused, unit: '', aim: { op: '≤', value: 0 } },
  ];
}

/** Login with back-pressure: accepted logins' p99, the share refused, and whether every refusal was an honest 503 + Retry-After. */
function loginRows(f: Figure, connections: number): Row[] {
  const scenario = `login (argon2id), ${connections} connections`;
  return [
    { scenario, figure: 'accepted/s', value: f.rps, unit: '/s', ratio: ['bare'] },
    { scenario, figure: 'p99 accepted', value: f.p99, unit: 'ms', aim: { op: '<', value: 500 } },
    {
      scenario,
      figure: 'share refused',
      value: (100 * f.refused) / Math.max(1, f.refused + f.ok + f.errors),
      unit: '%',
    },
    {
      scenario,
      figure: 'refusals without 503 + Retry-After',
      value: f.refused - f.refusedWithRetryAfter + f.errors,
      unit: '',
      aim: { op: '≤', value: 0 },
    },
  ];
}

export function printFigures(figures: Figure[], options: LoadOptions) {
  console.log(`\n${options.connections} connections, ${options.seconds} s each`);
  console.log('scenario                              2xx/s    p50 ms   p99 ms      503  errors');
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(34)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(9)} ${f.p99.toFixed(1).padStart(8)} ` +
        `${String(f.refused).padStart(8)} ${String(f.errors).padStart(7)}`,
    );
  }
}
