/**
 * The realisasi burst (realisasi.ts prepares it): a month of drafts and a session per employee, one
 * real submission captured and turned into a pgbench script, then 50 connections submitting against
 * the app on a clock inside the input window, and pgbench on that script: the app's reference.
 */
import path from 'node:path';
import { type LoadOptions, load, pick } from './load.js';
import { startOnClock, stop, waitFor } from './proses.js';
import {
  antrean,
  type BurstData,
  diajukan,
  pgbench as pgbenchSkrip,
  rekam,
  siapkan,
  skrip,
  tulisSkrip,
} from './realisasi.js';
import type { Row } from './summary.js';

export async function ajukan(
  url: string,
  tahun: number,
  port: string,
  options: LoadOptions,
): Promise<{ burst: BurstData; rows: Row[] }> {
  const burst = await siapkan(url, tahun);
  const rekaman = await rekam(url, burst);
  const generated = skrip(rekaman.statements, burst);
  const scriptPath = path.resolve('tmp/pgbench-ajukan.sql');
  tulisSkrip(scriptPath, generated.text);
  await antrean(url, burst, generated.columns);
  const inTx = rekaman.statements.findIndex((q) => q.text === 'begin');
  const txStatements = rekaman.statements.findIndex((q) => q.text === 'commit') - inTx - 1;
  const app = startOnClock(url, port, burst.now);
  let f: Awaited<ReturnType<typeof load>>;
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`, app);
    f = await load('POST /api/realisasi/ajukan', `http://127.0.0.1:${port}`, options, (i) => {
      const s = pick(burst.app, i);
      return {
        method: 'POST',
        path: '/api/realisasi/ajukan',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ periode: burst.p1 }),
      };
    });
  } finally {
    await stop(app);
  }
  const appDone = await diajukan(url, burst.p1);
  const pg = pgbenchSkrip(url, scriptPath, {
    clients: options.connections,
    seconds: options.seconds,
    logDir: path.resolve('tmp/pgbench-ajukan-log'),
  });
  const pgDone = await diajukan(url, burst.p0);

  console.log(
    `\nrealisasi burst: POST /api/realisasi/ajukan, ${options.connections} connections, ${options.seconds} s, ` +
      `a different employee per request; period ${burst.p1} (app) and ${burst.p0} (pgbench), clock ${burst.now.toISOString()}`,
  );
  console.log(
    `seed: drafts of both periods (${burst.realisasi.toLocaleString('id-ID')} realisasi) in ${burst.seconds.draf.toFixed(1)} s, ` +
      `${(burst.app.length + 2).toLocaleString('id-ID')} sessions in ${burst.seconds.sesi.toFixed(1)} s`,
  );
  console.log(
    `one submission: ${rekaman.statements.length} SQL statements, ${txStatements} of them in its transaction, ` +
      `${rekaman.ms.toFixed(0)} ms alone; pgbench script ${scriptPath} (${generated.statements} statements + 1 queue read)`,
  );
  console.log(
    '                                        subm/s     p50 ms   p99 ms  non-2xx  employees submitted',
  );
  console.log(
    `app (autocannon)                      ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(10)} ${f.p99.toFixed(1).padStart(8)} ` +
      `${String(f.errors + f.refused).padStart(8)}  ${appDone.pegawai} (${appDone.realisasi} realisasi)`,
  );
  console.log(
    `pgbench -M extended, same SQL         ${pg.tps.toFixed(0).padStart(8)} ${pg.p50.toFixed(1).padStart(10)} ${pg.p99.toFixed(1).padStart(8)} ` +
      `${'-'.padStart(8)}  ${pgDone.pegawai} (${pgDone.realisasi} realisasi)${pg.failed ? `; pgbench: ${pg.failed}` : ''}`,
  );
  for (const q of pg.slowest)
    console.log(
      `  pgbench, slow statement: ${q.ms.toFixed(1)} ms per transaction  ${q.statement.slice(0, 110)}`,
    );

  const scenario = `realisasi burst POST /api/realisasi/ajukan, ${options.connections} connections`;
  const rows: Row[] = [
    {
      scenario: 'reference',
      figure: 'pgbench, one submission’s SQL, tps',
      value: pg.tps,
      unit: '/s',
      ref: 'pgbenchAjukan',
    },
    { scenario: 'reference', figure: 'pgbench, one submission’s SQL, p99', value: pg.p99, unit: 'ms' },
    {
      scenario,
      figure: 'submissions/s',
      value: f.rps,
      unit: '/s',
      aim: { op: '≥', value: 1000 },
      ratio: ['bare'],
    },
    {
      scenario,
      figure: 'submissions/s of pgbench',
      value: f.rps,
      unit: '/s',
      aim: { op: '≥', value: 0.5, of: 'pgbenchAjukan' },
    },
    { scenario, figure: 'p99', value: f.p99, unit: 'ms', aim: { op: '<', value: 100 } },
    { scenario, figure: 'non-2xx/errors', value: f.errors + f.refused, unit: '', aim: { op: '≤', value: 0 } },
    { scenario, figure: 'employees submitted', value: appDone.pegawai, unit: '' },
  ];
  return { burst, rows };
}
