/**
 * The cluster of `npm run test:cluster` (issue 17), made of the parts a deployment uses
 * (docs/deploy.md): the PostgreSQL server of the tests as primary with a fresh database, a streaming
 * replica made by pg_basebackup (test/replika.ts), two app nodes started as `npm start` starts the
 * server, sharing the database, the evidence files (STORAGE=postgres) and the keys, and HAProxy
 * (Debian's package) in front with HTTP health checks. Everything `mulaiKlaster` starts, `hentikan`
 * stops and removes, also after a failure half-way.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adminUrl, withAdmin } from '../pg-admin.js';
import { mulaiReplika, type ReplikaUji } from '../replika.js';

const PRIMARY = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** HAProxy's check interval and the failed checks that take a node out (docs/deploy.md). */
export const CEK_INTERVAL_MS = 500;
export const CEK_GAGAL = 2;

export interface Node {
  nama: string;
  port: number;
  proses: ChildProcess;
  /** What it printed, for the failure message of a node that did not come up. */
  keluaran: string[];
}

export interface Klaster {
  /** HAProxy's address, where users go. */
  url: string;
  database: string;
  primaryUrl: string;
  replika: ReplikaUji;
  nodes: Node[];
  /** HAProxy's own view of a server: UP, DOWN, … (its runtime API). */
  statusServer(nama: string): Promise<string>;
  /** The server's whole row of `show stat` (stot: connections sent to it, chkfail: failed checks, …). */
  statServer(nama: string): Promise<Record<string, string>>;
  hentikan(): Promise<void>;
}

async function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function tunggu<T>(apa: string, coba: () => Promise<T | undefined>, batasMs = 180_000): Promise<T> {
  const akhir = Date.now() + batasMs;
  for (;;) {
    const hasil = await coba().catch(() => undefined);
    if (hasil !== undefined) return hasil;
    if (Date.now() > akhir) throw new Error(`Tidak tercapai: ${apa}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function sehat(url: string): Promise<true | undefined> {
  const res = await fetch(`${url}/api/health`);
  return res.ok ? true : undefined;
}

function jalankanNode(nama: string, port: number, env: Record<string, string>): Node {
  const keluaran: string[] = [];
  // The server as `npm start` runs it, without the preparation page and UI build of src/cli/start.ts.
  const proses = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const simpan = (b: Buffer) => {
    keluaran.push(b.toString());
    if (keluaran.length > 200) keluaran.shift();
  };
  proses.stdout!.on('data', simpan);
  proses.stderr!.on('data', simpan);
  return { nama, port, proses, keluaran };
}

/** One command on HAProxy's runtime API (its stats socket); the answer is what it wrote before closing. */
function tanyaHaproxy(socket: string, perintah: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const bagian: Buffer[] = [];
    const c = connect(socket, () => c.end(`${perintah}\n`));
    c.on('data', (b) => bagian.push(b));
    c.on('end', () => resolve(Buffer.concat(bagian).toString('utf8')));
    c.on('error', reject);
  });
}

function haproxyCfg(dir: string, port: number, nodes: Node[]) {
  return `global
  stats socket ${path.join(dir, 'haproxy.sock')} mode 600 level admin
  pidfile ${path.join(dir, 'haproxy.pid')}
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A connection the dead node refuses is tried again on the other; a request it already had is not.
  retries 2
  option redispatch
frontend web
  bind 127.0.0.1:${port}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  # Read-your-writes of the replica is per node (ADR 0024): a browser stays on its node while it is up.
  cookie EKNODE insert indirect nocache httponly
  http-response set-header X-Node %s
  default-server inter ${CEK_INTERVAL_MS}ms fall ${CEK_GAGAL} rise 2
${nodes.map((n) => `  server ${n.nama} 127.0.0.1:${n.port} check cookie ${n.nama}`).join('\n')}
`;
}

export async function mulaiKlaster(opsi: { env?: Record<string, string> } = {}): Promise<Klaster> {
  const database = `ekinerja_klaster_${process.pid}`;
  const primaryUrl = adminUrl(PRIMARY, database);
  const dir = mkdtempSync(path.join(tmpdir(), 'ekinerja-klaster-'));
  const nodes: Node[] = [];
  let haproxy: ChildProcess | undefined;
  let replika: ReplikaUji | undefined;

  const hentikan = async () => {
    haproxy?.kill('SIGTERM');
    for (const n of nodes)
      if (n.proses.exitCode === null && n.proses.signalCode === null) n.proses.kill('SIGKILL');
    await Promise.all(
      nodes.map((n) =>
        n.proses.exitCode !== null || n.proses.signalCode !== null
          ? undefined
          : new Promise((r) => n.proses.once('exit', r)),
      ),
    );
    await replika?.hapus();
    await withAdmin(PRIMARY, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await withAdmin(PRIMARY, (c) => c.query(`CREATE DATABASE ${database}`));
    replika = await mulaiReplika(PRIMARY, await portBebas());
    const rahasia = (n: number) => randomBytes(n).toString('base64url');
    const env: Record<string, string> = {
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URL: replika.url(database),
      // Long enough that the test's paused replay stays "aktif" while it reads the old state.
      DATABASE_REPLICA_MAX_LAG_MS: '60000',
      STORAGE: 'postgres',
      AUDIT_HMAC_KEY: rahasia(32),
      MFA_KEY: rahasia(32),
      LOGIN_DEVICE_SECRET: rahasia(32),
      LOGIN_RATE_LIMIT: '100000',
      TRUST_PROXY: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PENGINGAT_POLA: '*/2 * * * * *',
      // The longest lifetime: a node that forgets a session within seconds was told, not timed out.
      AKTOR_CACHE_DETIK: '60',
      ...opsi.env,
    };
    const ports = [await portBebas(), await portBebas()];
    const lbPort = await portBebas();
    env.PUBLIC_URL = `http://127.0.0.1:${lbPort}`;
    // The first node migrates and seeds the demo; the second starts on the finished database.
    // Each node its own local folder: only the shared backend lets the other node serve a file.
    const lokal = (nama: string) => ({ STORAGE_DIR: path.join(dir, `berkas-${nama}`) });
    nodes.push(jalankanNode('n1', ports[0]!, { ...env, ...lokal('n1'), SEED_DEMO: 'true' }));
    await tunggu('n1 sehat', () => sehat(`http://127.0.0.1:${ports[0]}`), 300_000).catch((e) => {
      throw new Error(`${(e as Error).message}\n${nodes[0]!.keluaran.join('')}`);
    });
    nodes.push(jalankanNode('n2', ports[1]!, { ...env, ...lokal('n2'), SEED_DEMO: 'false' }));
    await tunggu('n2 sehat', () => sehat(`http://127.0.0.1:${ports[1]}`)).catch((e) => {
      throw new Error(`${(e as Error).message}\n${nodes[1]!.keluaran.join('')}`);
    });

    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(cfg, haproxyCfg(dir, lbPort, nodes));
    execFileSync('haproxy', ['-c', '-q', '-f', cfg]);
    haproxy = spawn('haproxy', ['-db', '-f', cfg], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${lbPort}`;
    const statServer = async (nama: string): Promise<Record<string, string>> => {
      const stat = await tanyaHaproxy(path.join(dir, 'haproxy.sock'), 'show stat');
      const [kepala, ...baris] = stat.replace(/^# /, '').trim().split('\n');
      const kolom = kepala!.split(',');
      const b = baris.map((l) => l.split(',')).find((f) => f[0] === 'app' && f[1] === nama);
      return b ? Object.fromEntries(kolom.map((k, i) => [k, b[i]!])) : {};
    };
    const statusServer = async (nama: string) => (await statServer(nama)).status ?? 'TIDAK ADA';
    await tunggu('kedua node UP di HAProxy', async () => {
      const status = await Promise.all(nodes.map((n) => statusServer(n.nama)));
      return status.every((s) => s === 'UP') ? true : undefined;
    });
    return { url, database, primaryUrl, replika, nodes, statusServer, statServer, hentikan };
  } catch (e) {
    await hentikan();
    throw e;
  }
}
