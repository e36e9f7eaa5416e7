/**
 * The realisasi burst of `npm run bench`: every employee of the instansi with a month of drafts and a
 * session, the SQL that one real submission runs (captured from the application, not written by
 * hand) turned into a pgbench script, and the pgbench run over it.
 *
 * Fairness: a submission turns the employee's drafts into submitted items, so repeating it on the
 * same rows would be a cheaper no-op. The app submits period P1; pgbench submits P0, a second month
 * of drafts of the same employees, each transaction taking the next unused employee from a queue
 * table (one indexed read per transaction that the app does not do). Only employees whose month has
 * the same shape as the captured one (same number of RHKs, not JPT) are queued, so every transaction
 * does the work of a real submission.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { openDatabase, rows } from '../src/db/client.js';
import { sesi } from '../src/db/schema/index.js';
import { insertRealisasiDraf } from '../src/db/seed/insert-realisasi.js';
import { rng } from '../src/db/seed/province.js';
import { DEFAULT_JADWAL, formatYearMonth, jendelaPeriode, periodeOf } from '../src/domain/jadwal.js';
import { SESSION_COOKIE } from '../src/modules/auth/access.hooks.js';
import { sessionIdOf } from '../src/modules/auth/auth.service.js';
import { fixedClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';

/** node-postgres' own text form of a parameter, so the script sends what the application sent. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue: (value: unknown) => string | Buffer | null;
};

const HOUR = 3_600_000;

export interface Sesi {
  pegawaiId: number;
  cookie: string;
  csrf: string;
}

/** What one employee's submission touches, by role: the ids that make one submission differ from another. */
interface Peran {
  pegawai: number;
  skp: number;
  penilai: number;
  sid: string;
  rhk: number[];
  realisasi: number[];
}

export interface BurstData {
  /** The app's period and pgbench's, e.g. '2026-10' and '2026-09'. */
  p1: string;
  p0: string;
  /** The fixed clock: 10:00 local on the third day of P1's input window. */
  now: Date;
  seconds: { draf: number; sesi: number };
  realisasi: number;
  /** Sessions of the employees the app submits for, in a shuffled order. */
  app: Sesi[];
  /** Submits once before the capture, so the captured request runs on a warm application. */
  pemanasan: Sesi;
  contoh: Peran & { sesi: Sesi };
  /** pgbench's queue: employees whose P0 month has the captured one's shape. */
  antrean: Peran[];
}

/** The burst's two periods (October and September) and its clock, in the instansi's zone. */
export function periodeBurst(tahun: number, zonaWaktu: string) {
  const cfg = { ...DEFAULT_JADWAL, zonaWaktu };
  const p1 = formatYearMonth(tahun, 10);
  const p0 = formatYearMonth(tahun, 9);
  const now = new Date(jendelaPeriode('INPUT', periodeOf(p1, cfg), cfg).mulai.getTime() + 58 * HOUR);
  return { p1, p0, now };
}

/** Two months of drafts for every employee with an approved plan, and a session for each, the way login stores them. */
export async function siapkan(url: string, tahun: number): Promise<BurstData> {
  const database = await openDatabase({ databaseUrl: url });
  const { db } = database;
  try {
    const [inst] = await rows<{ id: number; zona: string }>(
      db,
      sql`SELECT id, zona_waktu AS zona FROM instansi ORDER BY id LIMIT 1`,
    );
    const { p1, p0, now } = periodeBurst(tahun, inst!.zona);

    let started = performance.now();
    let realisasi = 0;
    for (const [i, periodeKode] of [p1, p0].entries()) {
      const counts = await db.transaction((tx) =>
        insertRealisasiDraf(tx, { instansiId: inst!.id, periodeKode, now, seed: 9100 + i }),
      );
      realisasi += counts.realisasi;
    }
    const draf = (performance.now() - started) / 1000;

    started = performance.now();
    const people = await rows<{ id: number }>(
      db,
      sql`SELECT DISTINCT pegawai_id AS id FROM realisasi WHERE periode_kode IN (${p1}, ${p0}) ORDER BY 1`,
    );
    const ttl = loadConfig({}).SESSION_TTL_HOURS * HOUR;
    const sessions = new Map<number, Sesi & { sid: string }>();
    const records = people.map(({ id }) => {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(24).toString('base64url');
      const sid = sessionIdOf(token);
      sessions.set(id, { pegawaiId: id, cookie: `${SESSION_COOKIE}=${token}`, csrf, sid });
      return {
        id: sid,
        pegawaiId: id,
        csrfToken: csrf,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttl),
        berakhirMutlakAt: new Date(now.getTime() + ttl),
        userAgent: 'bench',
      };
    });
    for (let i = 0; i < records.length; i += 5000) await db.insert(sesi).values(records.slice(i, i + 5000));
    await db.execute(sql`ANALYZE`);
    const sesiSeconds = (performance.now() - started) / 1000;

    const found = await rows<{
      pegawai: number;
      skp: number;
      penilai: number;
      jpt: boolean;
      periode: string;
      rhk: number[];
      realisasi: number[];
    }>(
      db,
      sql`SELECT r.pegawai_id AS pegawai, r.skp_id AS skp, s.pejabat_penilai_id AS penilai, s.is_jpt AS jpt,
                 r.periode_kode AS periode,
                 json_agg(r.rhk_id ORDER BY x.urutan, x.id) AS rhk, json_agg(r.id ORDER BY x.urutan, x.id) AS realisasi
            FROM realisasi r JOIN rhk x ON x.id = r.rhk_id JOIN skp s ON s.id = r.skp_id
           WHERE r.periode_kode IN (${p1}, ${p0})
           GROUP BY 1, 2, 3, 4, 5`,
    );
    const r = rng(tahun);
    const shuffle = <T>(list: T[]) => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = r.int(0, i);
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    };
    const peran = (f: (typeof found)[number]): Peran => ({ ...f, sid: sessions.get(f.pegawai)!.sid });
    const app = shuffle(found.filter((f) => f.periode === p1));
    // The captured submission: an ordinary employee with the most common number of RHKs.
    const jumlah = new Map<number, number>();
    for (const f of app) jumlah.set(f.rhk.length, (jumlah.get(f.rhk.length) ?? 0) + 1);
    const [k] = [...jumlah.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const contoh = app.find((f) => !f.jpt && f.rhk.length === k && distinct(peran(f)))!;
    const rest = app.filter((f) => f !== contoh);
    const antrean = shuffle(
      found.filter((f) => f.periode === p0 && !f.jpt && f.rhk.length === k && f.pegawai !== contoh.pegawai),
    ).map(peran);
    return {
      p1,
      p0,
      now,
      seconds: { draf, sesi: sesiSeconds },
      realisasi,
      pemanasan: sessions.get(rest[0]!.pegawai)!,
      app: rest.slice(1).map((f) => sessions.get(f.pegawai)!),
      contoh: { ...peran(contoh), sesi: sessions.get(contoh.pegawai)! },
      antrean,
    };
  } finally {
    await database.close();
  }
}

/** Every id of the role set differs from the others and from the small numbers a query carries as constants. */
function distinct(p: Peran) {
  const ids = [p.pegawai, p.skp, p.penilai, ...p.rhk, ...p.realisasi];
  return new Set(ids).size === ids.length && ids.every((id) => id > 100);
}

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Runs one real submission through the application (buildApp on the bench database, the same clock)
 * and returns every statement it sent to PostgreSQL, in order, with its parameters.
 */
export async function rekam(url: string, data: BurstData): Promise<{ statements: Statement[]; ms: number }> {
  const database = await openDatabase({ databaseUrl: url });
  const config = loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: './tmp/no-web' });
  const app = await buildApp({ config, database, clock: fixedClock(data.now) });
  await app.ready();
  const ajukan = (s: Sesi) =>
    app.inject({
      method: 'POST',
      url: '/api/realisasi/ajukan',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { periode: data.p1 },
    });
  await ajukan(data.pemanasan);
  // The audit chainer runs after the request, off its path (ADR 0019): chain the warm-up's row, then
  // stop it, so its statements are not taken for the submission's.
  await app.penautAudit.rantai();
  await app.penautAudit.hentikan();
  const statements: Statement[] = [];
  const query = pg.Client.prototype.query;
  type Query = (this: pg.Client, ...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    statements.push(
      typeof config === 'string'
        ? { text: config, values: Array.isArray(values) ? values : [] }
        : { text: config.text, values: config.values ?? (Array.isArray(values) ? values : []) },
    );
    return (query as Query).apply(this, args);
  } as typeof query;
  try {
    const started = performance.now();
    const res = await ajukan(data.contoh.sesi);
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`ajukan: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { statements, ms };
  } finally {
    pg.Client.prototype.query = query;
    await app.close();
    await database.close();
  }
}

const VARIABEL: (keyof Omit<Peran, 'rhk' | 'realisasi'>)[] = ['pegawai', 'skp', 'penilai', 'sid'];

/** A SQL literal pgbench leaves alone: a single colon followed by a name would read as a variable. */
function literal(value: string) {
  if (!/[:\\]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll(':', '\\x3a')}'`;
}

/**
 * The pgbench script of one submission: the captured statements in order, each parameter that is one
 * of the captured employee's ids replaced by a variable of the next employee in the queue, the
 * period replaced by P0, every other parameter as the literal the application sent.
 */
export function skrip(statements: Statement[], data: BurstData) {
  const { contoh } = data;
  const names = new Map<string, string>();
  for (const v of VARIABEL) names.set(String(contoh[v]), v);
  for (const [i, id] of contoh.rhk.entries()) names.set(String(id), `h${i + 1}`);
  for (const [i, id] of contoh.realisasi.entries()) names.set(String(id), `r${i + 1}`);
  const columns = [...names.values()];
  const used = new Set<string>();
  const lines = statements.map(({ text, values }) => {
    // '::type' casts are fine; any other ':name' in the statement itself would be taken for a variable.
    if (/(^|[^:]):[A-Za-z0-9_]/.test(text.replace(/::/g, '')))
      throw new Error(`Pernyataan berisi ':nama' yang akan dibaca pgbench sebagai variabel: ${text}`);
    const sqlText = text.replace(/\$(\d+)/g, (_, n: string) => {
      const value = prepareValue(values[Number(n) - 1]);
      if (value === null) return 'NULL';
      const s = value.toString();
      const name = names.get(s);
      if (name) {
        used.add(name);
        return `:${name}`;
      }
      return literal(s === data.p1 ? data.p0 : s);
    });
    return `${sqlText.trim()};`;
  });
  const missing = ['pegawai', 'r1'].filter((v) => !used.has(v));
  if (missing.length) throw new Error(`Skrip pgbench tidak memakai variabel ${missing.join(', ')}.`);
  const header = [
    '-- One POST /api/realisasi/ajukan as the application runs it, generated by bench/realisasi.ts from the',
    '-- statements captured on one real submission. Each transaction takes the next employee of the queue',
    `-- (bench_antrean: ${data.antrean.length} employees with drafts in ${data.p0} shaped like the captured one).`,
    `SELECT ${columns.join(', ')} FROM bench_antrean WHERE n = (SELECT nextval('bench_antrean_n')) \\gset`,
  ];
  return { text: `${[...header, ...lines].join('\n')}\n`, columns, statements: lines.length };
}

/** The queue table the script reads its employee from. */
export async function antrean(url: string, data: BurstData, columns: string[]) {
  const database = await openDatabase({ databaseUrl: url });
  const { db } = database;
  try {
    await db.execute(sql`DROP TABLE IF EXISTS bench_antrean`);
    await db.execute(sql`DROP SEQUENCE IF EXISTS bench_antrean_n`);
    await db.execute(sql`CREATE SEQUENCE bench_antrean_n`);
    const defs = columns.map((c) => `${c} ${c === 'sid' ? 'text' : 'int'} NOT NULL`).join(', ');
    await db.execute(sql.raw(`CREATE TABLE bench_antrean (n int PRIMARY KEY, ${defs})`));
    const records = data.antrean.map((p, i) => {
      const row: Record<string, number | string> = { n: i + 1 };
      for (const v of VARIABEL) row[v] = p[v];
      p.rhk.forEach((id, j) => {
        row[`h${j + 1}`] = id;
      });
      p.realisasi.forEach((id, j) => {
        row[`r${j + 1}`] = id;
      });
      return row;
    });
    const cols = ['n', ...columns];
    const types = cols.map((c) => `${c} ${c === 'sid' ? 'text' : 'int'}`).join(', ');
    for (let i = 0; i < records.length; i += 20_000) {
      await db.execute(
        sql`INSERT INTO bench_antrean SELECT * FROM json_to_recordset(${JSON.stringify(records.slice(i, i + 20_000))}::json) AS t(${sql.raw(types)})`,
      );
    }
    await db.execute(sql`ANALYZE bench_antrean`);
  } finally {
    await database.close();
  }
}

export interface PgbenchFigure {
  tps: number;
  transactions: number;
  p50: number;
  p99: number;
  /** The statements that took longest per transaction (pgbench -r), slowest first. */
  slowest: { ms: number; statement: string }[];
  failed: string | null;
}

/** pgbench over the script: same clients and duration as the app's burst, latencies from its per-transaction log. */
export function pgbench(
  url: string,
  script: string,
  options: { clients: number; seconds: number; logDir: string },
): PgbenchFigure {
  rmSync(options.logDir, { recursive: true, force: true });
  mkdirSync(options.logDir, { recursive: true });
  const args = [
    '-n',
    // Parameters as the application sends them: bound per execution, parsed each time.
    '-M',
    'extended',
    '-c',
    String(options.clients),
    '-j',
    '2',
    '-T',
    String(options.seconds),
    '-r',
    '-f',
    script,
    '--log',
    `--log-prefix=${path.join(options.logDir, 'ajukan')}`,
    url,
  ];
  let out: string;
  let failed: string | null = null;
  try {
    out = execFileSync('pgbench', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    out = err.stdout ?? '';
    failed = (err.stderr ?? String(e)).split('\n').slice(0, 3).join(' ');
  }
  const latencies: number[] = [];
  for (const file of readdirSync(options.logDir)) {
    for (const line of readFileSync(path.join(options.logDir, file), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (line && Number.isFinite(us)) latencies.push(us / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const perStatement = out.split('statement latencies in milliseconds')[1] ?? '';
  const slowest = [...perStatement.matchAll(/^\s+([\d.]+)\s+\d+\s+(.+)$/gm)]
    .map((m) => ({ ms: Number(m[1]), statement: m[2]!.trim() }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  return {
    tps: Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    transactions: Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? Number.NaN),
    p50: at(0.5),
    p99: at(0.99),
    slowest,
    failed,
  };
}

/** How many employees of a period have submitted, and how many realisasi moved: the check that nothing was a no-op. */
export async function diajukan(url: string, periode: string) {
  const database = await openDatabase({ databaseUrl: url });
  try {
    const [row] = await rows<{ pegawai: number; realisasi: number }>(
      database.db,
      sql`SELECT count(DISTINCT pegawai_id)::int AS pegawai, count(*)::int AS realisasi
            FROM realisasi WHERE periode_kode = ${periode} AND status = 'DIAJUKAN'`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

export function tulisSkrip(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
