/**
 * The big upload of issue 12: the 1,000,000-row, 8 MB XLSX posted to the realisasi bulk import of a
 * fresh server, as an employee. Prints the time to its refusal, the growth of the server's resident
 * memory while it ran, and how /api/health answered meanwhile (before the fix: 11 s, +1.4 GB, health
 * in 5.7 s). `npm run bench` runs it on its database. Alone, on the PGlite demo, as the demo `staf`:
 *   DATA_DIR=tmp/bench-impor-data npm run seed && npx tsx bench/impor.ts
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoAccounts } from '../src/db/seed/demo-gorontalo.js';
import { xlsxBanyakBaris } from '../test/zip.js';
import { memoryMb } from './ekspor.js';
import { masuk, startServer, stop, waitFor } from './proses.js';
import type { Row } from './summary.js';

export const IMPOR_AIM_MS = 1000;
export const IMPOR_AIM_MB = 50;
const ROWS = 1_000_000;
/** How often /api/health is asked and the server's memory read while the upload runs. */
const PROBE_MS = 10;

export interface ImporDeps {
  /** The server's database: `DATABASE_URL` or PGlite's `DATA_DIR` (and whether to seed the demo). */
  env: Record<string, string>;
  port: string;
  /** Any employee: the realisasi import is open to everyone. */
  pegawai: { nip: string; password: string };
}

export interface ImporFigure {
  /** Which file: the directory tells the truth, or declares the sheet small. */
  name: string;
  fileMb: number;
  status: number;
  code: string;
  message: string;
  ms: number;
  /** Resident memory before the upload, and its highest reading while it ran, MB. */
  rssBeforeMb: number;
  rssMaxMb: number;
  health: { count: number; maxMs: number; medianMs: number };
}

export interface ImporResult {
  /** /api/health on the idle server just before, for comparison. */
  idleHealthMedianMs: number;
  figures: ImporFigure[];
}

/** Reads the server's resident memory and asks /api/health, each in its own loop, until stopped. */
function probe(base: string, pid: number) {
  const latencies: number[] = [];
  let rssMax = 0;
  let running = true;
  const pause = () => new Promise((r) => setTimeout(r, PROBE_MS));
  const loops = [
    (async () => {
      while (running) {
        rssMax = Math.max(rssMax, (await memoryMb(pid)).rss);
        await pause();
      }
    })(),
    (async () => {
      while (running) {
        const started = performance.now();
        await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
        latencies.push(performance.now() - started);
        await pause();
      }
    })(),
  ];
  return async () => {
    running = false;
    await Promise.all(loops);
    return { latencies: latencies.sort((a, b) => a - b), rssMax };
  };
}

export async function imporBesar(deps: ImporDeps): Promise<ImporResult> {
  const server = startServer({
    PORT: deps.port,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000000',
    ...deps.env,
  });
  const base = `http://127.0.0.1:${deps.port}`;
  try {
    await waitFor(`${base}/api/health`, server);
    const { cookie, csrfToken } = await masuk(base, deps.pegawai.nip, deps.pegawai.password);
    const post = (berkas: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(berkas)]), 'realisasi.xlsx');
      return fetch(`${base}/api/realisasi/impor?periode=2026-07&mode=dry-run`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
    };
    // One small import first, so the figures are not those of loading the reader's code.
    await (await post(xlsxBanyakBaris(3))).arrayBuffer();
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      idle.push(performance.now() - started);
    }
    idle.sort((a, b) => a - b);

    const figures: ImporFigure[] = [];
    for (const [name, file] of [
      ['directory true (80 MB inflated)', xlsxBanyakBaris(ROWS)],
      ['directory declares 1 MB', xlsxBanyakBaris(ROWS, { declaredSheetSize: 1024 * 1024 })],
    ] as const) {
      const rssBeforeMb = (await memoryMb(server.pid!)).rss;
      const stopProbe = probe(base, server.pid!);
      const started = performance.now();
      const res = await post(file);
      const body = (await res.json()) as { error?: { code: string; message: string } };
      const ms = performance.now() - started;
      const { latencies, rssMax } = await stopProbe();
      figures.push({
        name,
        fileMb: file.length / (1024 * 1024),
        status: res.status,
        code: body.error?.code ?? '',
        message: body.error?.message ?? '',
        ms,
        rssBeforeMb,
        rssMaxMb: Math.max(rssMax, (await memoryMb(server.pid!)).rss),
        health: {
          count: latencies.length,
          maxMs: latencies.at(-1) ?? Number.NaN,
          medianMs: latencies[Math.floor(latencies.length / 2)] ?? Number.NaN,
        },
      });
    }
    return { idleHealthMedianMs: idle[idle.length / 2]!, figures };
  } finally {
    await stop(server);
  }
}

export function printImpor(result: ImporResult) {
  console.log(
    `\nbig upload: a ${ROWS.toLocaleString('id-ID')}-row XLSX posted to POST /api/realisasi/impor as an ` +
      `employee, one after the other on a fresh server; /api/health idle: median ${result.idleHealthMedianMs.toFixed(1)} ms`,
  );
  console.log(
    `file                                MB  answer                        ms  under ${IMPOR_AIM_MS} ms` +
      `  RSS before   max  growth  under ${IMPOR_AIM_MB} MB  health n  median ms  max ms`,
  );
  for (const f of result.figures) {
    const growth = f.rssMaxMb - f.rssBeforeMb;
    console.log(
      `${f.name.padEnd(32)} ${f.fileMb.toFixed(1).padStart(5)}  ${`${f.status} ${f.code}`.padEnd(26)} ` +
        `${f.ms.toFixed(0).padStart(6)}  ${(f.ms < IMPOR_AIM_MS ? 'yes' : 'NO').padStart(11)}  ` +
        `${f.rssBeforeMb.toFixed(0).padStart(10)} ${f.rssMaxMb.toFixed(0).padStart(5)} ${`+${growth.toFixed(0)}`.padStart(7)}  ` +
        `${(growth < IMPOR_AIM_MB ? 'yes' : 'NO').padStart(11)}  ${String(f.health.count).padStart(8)} ` +
        `${f.health.medianMs.toFixed(1).padStart(10)} ${f.health.maxMs.toFixed(1).padStart(7)}`,
    );
  }
  for (const f of result.figures) console.log(`  ${f.name}: ${f.message}`);
}

export function imporRows(result: ImporResult): Row[] {
  return result.figures.flatMap((f): Row[] => {
    const scenario = `import of ${ROWS.toLocaleString('en-US')} rows, ${f.name}`;
    return [
      {
        scenario,
        figure: `refusal (${f.status} ${f.code})`,
        value: f.ms,
        unit: 'ms',
        aim: { op: '<', value: IMPOR_AIM_MS },
      },
      {
        scenario,
        figure: 'server RSS growth',
        value: f.rssMaxMb - f.rssBeforeMb,
        unit: 'MB',
        aim: { op: '<', value: IMPOR_AIM_MB },
      },
      { scenario, figure: '/api/health max meanwhile', value: f.health.maxMs, unit: 'ms' },
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const staf = demoAccounts('Kinerja#2026').find((a) => a.role === 'staf')!;
  printImpor(
    await imporBesar({
      env: { DATA_DIR: path.resolve('tmp/bench-impor-data'), SEED_DEMO: 'false' },
      port: process.env.BENCH_PORT ?? '3914',
      pegawai: staf,
    }),
  );
}
