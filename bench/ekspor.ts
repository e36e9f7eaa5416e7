import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import ExcelJS from 'exceljs';
import { rekapLengkap } from './monitoring.js';
import { masuk, startServer, stop, waitFor } from './proses.js';
import type { Row } from './summary.js';

/** The aim (issue 16): an export of 100,000 rows keeps the server's peak resident size under this. */
export const EKSPOR_AIM_MB = 200;

export interface EksporDeps {
  /** The database the server reads. */
  url: string;
  port: string;
  tahun: number;
  /** A BKD admin. */
  admin: { nip: string; password: string };
}

export interface EksporFigure {
  name: string;
  rows: number;
  bytes: number;
  seconds: number;
  /** The server's resident memory just before this download, MB. */
  beforeMb: number;
  /** The server's peak resident memory during this download (peak reset before it), and its resident memory then, MB. */
  peakMb: number;
  rssMb: number;
}

export interface EksporResult {
  /** Resident memory of the fresh server before anything is asked of it, MB. */
  startMb: number;
  /** Its peak after start-up and one login (argon2id), MB. */
  baselineMb: number;
  figures: EksporFigure[];
}

/** Peak and current resident memory of a process, MB (Linux). */
export async function memoryMb(pid: number) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { peak: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
}

/**
 * Resets the process's peak resident size to its current one (Linux, clear_refs 5), so the peak read
 * after a download is that download's own, not an earlier one's.
 */
async function resetPeak(pid: number) {
  await writeFile(`/proc/${pid}/clear_refs`, '5');
}

/** Data rows of the first sheet, read as a stream so the bench process stays small too. */
async function countRows(file: string): Promise<number> {
  let n = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const _row of sheet) n++;
    break;
  }
  return n - 1; // the header
}

export async function ekspor(deps: EksporDeps): Promise<EksporResult> {
  const dir = path.resolve('tmp/bench-ekspor');
  const startedAt = new Date();
  await mkdir(dir, { recursive: true });
  const server = startServer({
    DATABASE_URL: deps.url,
    PORT: deps.port,
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '100000000',
  });
  const base = `http://127.0.0.1:${deps.port}`;
  const figures: EksporFigure[] = [];
  try {
    await waitFor(`${base}/api/health`, server);
    // The monitoring recaps the server completes at start-up, first: the figures are the exports'.
    await rekapLengkap(deps.url, deps.tahun, { since: startedAt });
    const startMb = (await memoryMb(server.pid!)).rss;
    const { cookie } = await masuk(base, deps.admin.nip, deps.admin.password);
    const baselineMb = (await memoryMb(server.pid!)).peak;
    for (const [name, urlPath] of [
      ['Laporan SKP', `/api/laporan/skp.xlsx?tahun=${deps.tahun}`],
      ['Laporan Penilaian SKP', `/api/laporan/penilaian-skp.xlsx?tahun=${deps.tahun}`],
    ] as const) {
      const file = path.join(dir, `${name.replaceAll(' ', '-')}.xlsx`);
      await resetPeak(server.pid!);
      const beforeMb = (await memoryMb(server.pid!)).rss;
      const started = performance.now();
      const res = await fetch(`${base}${urlPath}`, { headers: { cookie } });
      if (!res.ok || !res.body) throw new Error(`${urlPath}: ${res.status} ${await res.text()}`);
      await pipeline(Readable.fromWeb(res.body as ReadableStream), createWriteStream(file));
      const seconds = (performance.now() - started) / 1000;
      const { peak, rss } = await memoryMb(server.pid!);
      figures.push({
        name,
        rows: await countRows(file),
        bytes: (await stat(file)).size,
        seconds,
        beforeMb,
        peakMb: peak,
        rssMb: rss,
      });
      await rm(file);
    }
    return { startMb, baselineMb, figures };
  } finally {
    await stop(server);
  }
}

export function printEkspor(result: EksporResult, tahun: number) {
  console.log(
    `\nexports (SPEC §8) of year ${tahun} over HTTP as the BKD admin, streamed; fresh server: resident ` +
      `${result.startMb.toFixed(0)} MB after start-up, peak ${result.baselineMb.toFixed(0)} MB after one login`,
  );
  console.log(
    `export                        rows        MB   seconds   before MB   server peak MB   then MB  under ${EKSPOR_AIM_MB} MB`,
  );
  for (const f of result.figures) {
    console.log(
      `${f.name.padEnd(24)} ${f.rows.toLocaleString('id-ID').padStart(9)} ${(f.bytes / 1024 / 1024).toFixed(1).padStart(9)} ` +
        `${f.seconds.toFixed(1).padStart(9)} ${f.beforeMb.toFixed(0).padStart(11)} ${f.peakMb.toFixed(0).padStart(16)} ${f.rssMb.toFixed(0).padStart(9)}  ${f.peakMb < EKSPOR_AIM_MB ? 'yes' : 'NO'}`,
    );
  }
}

export function eksporRows(result: EksporResult): Row[] {
  return result.figures.flatMap((f) => {
    const scenario = `export ${f.name}, ${f.rows.toLocaleString('en-US')} rows`;
    return [
      {
        scenario,
        figure: 'server peak',
        value: f.peakMb,
        unit: 'MB',
        aim: { op: '<', value: EKSPOR_AIM_MB },
      },
      { scenario, figure: 'download', value: f.seconds, unit: 's' },
    ] satisfies Row[];
  });
}
