/**
 * The embedded default as a newcomer meets it (issue 16): `npm start` on a fresh PGlite folder, the
 * build already done by `npm ci`. Times the first start (migrations and the 2,000-employee demo) until
 * /api/health answers 200, and reads the resident memory of the server's own process (not npm's) right
 * then and after a few logins and page reads. Before ADR 0020: about 60 s and 1.3–1.8 GB. Alone:
 *   npx tsx bench/embedded.ts
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoAccounts } from '../src/db/seed/demo-gorontalo.js';
import { DEMO_PASSWORD_TERBIT } from '../src/platform/config.js';
import { memoryMb } from './ekspor.js';
import { masuk } from './proses.js';

export const EMBEDDED_AIM_S = 20;
export const EMBEDDED_AIM_MB = 500;

export interface EmbeddedResult {
  firstStartS: number;
  rssMb: number;
  rssAfterUseMb: number;
  /**
   * CPU seconds the server process and its finished children (the seeding child) used until healthy:
   * on a shared machine the wall-clock figure also counts other work, this one does not.
   */
  firstStartCpuS: number;
  /** The 1-minute load average when the start began, to read the wall-clock figure by. */
  load: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function children(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  const found: number[] = [];
  for (const task of tasks) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    found.push(...list.split(' ').filter(Boolean).map(Number));
  }
  return found;
}

/** The server is the deepest process under npm (npm → sh → node). */
async function serverPid(npmPid: number): Promise<number> {
  let pid = npmPid;
  for (;;) {
    const [child] = await children(pid);
    if (child === undefined) return pid;
    pid = child;
  }
}

/** utime + stime + cutime + cstime of /proc/<pid>/stat, in seconds (USER_HZ is 100 on Linux). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14–17 of proc(5), counted from the state (field 3) here.
  return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
}

async function waitHealthy(url: string, npm: ChildProcess): Promise<void> {
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}`);
    try {
      // A request caught while the preparation page hands the port over may never be answered.
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The reads of a first look around: each role logs in and opens its start page's data. */
async function use(base: string) {
  const accounts = demoAccounts(DEMO_PASSWORD_TERBIT);
  for (const role of ['admin_instansi', 'pengawas', 'pelaksana']) {
    const akun = accounts.find((a) => a.role === role)!;
    const { cookie } = await masuk(base, akun.nip, akun.password);
    for (const page of ['/', '/api/me', '/api/pegawai?limit=50', '/api/skp', '/api/kotak-masuk']) {
      const res = await fetch(`${base}${page}`, { headers: { cookie } });
      await res.arrayBuffer();
    }
  }
}

export async function embedded(): Promise<EmbeddedResult> {
  // What `npm ci` does (prepare); done before the clock starts, a no-op when the build is current.
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  const dataDir = path.join(os.tmpdir(), `ekinerja-embedded-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const load = os.loadavg()[0]!;
  const started = performance.now();
  const npm = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitHealthy(`${base}/api/health`, npm);
    const firstStartS = (performance.now() - started) / 1000;
    const pid = await serverPid(npm.pid!);
    const firstStartCpuS = await cpuSeconds(pid);
    const rssMb = (await memoryMb(pid)).rss;
    await use(base);
    const rssAfterUseMb = (await memoryMb(pid)).rss;
    return { firstStartS, rssMb, rssAfterUseMb, firstStartCpuS, load };
  } finally {
    if (npm.exitCode === null) {
      const exited = new Promise((r) => npm.once('exit', r));
      // The server stops gracefully on SIGTERM; npm then exits with it.
      process.kill(await serverPid(npm.pid!), 'SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function printEmbedded(result: EmbeddedResult) {
  console.log(
    '\nembedded default: `npm start` on a fresh PGlite folder (migrate + 2,000-employee demo, UI built), ' +
      "the server process's resident memory",
  );
  console.log(
    `first start s  under ${EMBEDDED_AIM_S} s  CPU s  load  RSS at start MB  after 3 logins MB  under ${EMBEDDED_AIM_MB} MB`,
  );
  const worst = Math.max(result.rssMb, result.rssAfterUseMb);
  console.log(
    `${result.firstStartS.toFixed(1).padStart(13)}  ${(result.firstStartS < EMBEDDED_AIM_S ? 'yes' : 'NO').padStart(11)}  ` +
      `${result.firstStartCpuS.toFixed(1).padStart(5)}  ${result.load.toFixed(1).padStart(4)}  ` +
      `${result.rssMb.toFixed(0).padStart(15)}  ${result.rssAfterUseMb.toFixed(0).padStart(16)}  ` +
      `${(worst < EMBEDDED_AIM_MB ? 'yes' : 'NO').padStart(12)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printEmbedded(await embedded());
}
