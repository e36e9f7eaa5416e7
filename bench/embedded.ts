/**
 * The embedded default (PGlite, the 2,000-employee demo): `npm start` on an empty temporary DATA_DIR,
 * timed until /api/health answers, and the resident memory (VmRSS) of the server's node process then
 * and after a few pages of use. The UI is built first, so the time is the server's first start.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoAccounts, demoGorontalo } from '../src/db/seed/demo-gorontalo.js';
import { dateInZone } from '../src/platform/clock.js';
import { DEMO_PASSWORD_TERBIT } from '../src/platform/config.js';
import { memoryMb } from './ekspor.js';
import { masuk, waitFor } from './proses.js';

const PORT = process.env.BENCH_EMBEDDED_PORT ?? '3915';

/** Parent of every process, from /proc. */
function parents() {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may hold spaces or brackets: the fields after its closing bracket are fixed.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      map.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

/** The deepest node process under `root`: npm → sh → tsx → the server. */
function serverPid(root: number) {
  const parent = parents();
  let best = { pid: root, depth: 0 };
  for (const pid of parent.keys()) {
    let depth = 0;
    let p: number | undefined = pid;
    while (p && p !== root) {
      p = parent.get(p);
      depth++;
    }
    if (p !== root || depth <= best.depth) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node') best = { pid, depth };
    } catch {
      // gone meanwhile
    }
  }
  return best.pid;
}

export async function embedded(): Promise<{ firstStartS: number; rssMb: number; rssAfterUseMb: number }> {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ekinerja-embedded-'));
  const base = `http://127.0.0.1:${PORT}`;
  const started = performance.now();
  // Its own process group, so stopping it stops npm's whole chain.
  const { DATABASE_URL: _, ...env } = process.env;
  const npm = spawn('npm', ['start', '--silent'], {
    env: { ...env, DATA_DIR: dataDir, PORT, HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitFor(`${base}/api/health`, npm, 600);
    const firstStartS = (performance.now() - started) / 1000;
    const pid = serverPid(npm.pid!);
    const rssMb = (await memoryMb(pid)).rss;
    const periode = dateInZone(new Date(), demoGorontalo().plan.instansi.zonaWaktu).slice(0, 7);
    for (const a of demoAccounts(DEMO_PASSWORD_TERBIT).slice(0, 4)) {
      const { cookie } = await masuk(base, a.nip, a.password);
      for (const page of [
        '/api/me',
        '/api/kotak-masuk',
        `/api/realisasi?periode=${periode}`,
        '/api/pegawai?q=a',
        `/api/monitoring/ringkasan?periode=${periode}`,
      ])
        await (await fetch(`${base}${page}`, { headers: { cookie } })).arrayBuffer();
    }
    return { firstStartS, rssMb, rssAfterUseMb: (await memoryMb(pid)).rss };
  } finally {
    if (npm.exitCode === null) {
      const exited = new Promise((r) => npm.once('exit', r));
      process.kill(-npm.pid!, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
