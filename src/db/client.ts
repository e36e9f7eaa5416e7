/**
 * openDatabase(config) gives one Drizzle API over PGlite (embedded, a data folder) or node-postgres.
 * PGlite is a single connection without inter-process locking, so its folder gets a lock file.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type BerhentiDengar, dengarPostgres, type Pendengar } from './dengar.js';
import { createReplika, type KeadaanReplika, type Replika } from './replika.js';
import * as schema from './schema/index.js';

export type { BerhentiDengar, Pendengar } from './dengar.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * The handle for heavy read-only work (exports, dashboards, reports) of this user (ADR 0024): the
 * replica while it is current and holds what he wrote, else the primary. Never for writes.
 */
export type BacaBerat = (penggunaId?: number) => Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  bacaBerat: BacaBerat;
  /** The replica's state for /api/health; `tidak_dipakai` without DATABASE_REPLICA_URL. */
  keadaanReplika(): KeadaanReplika;
  /** The user's write has committed: his heavy reads stay on the primary until the replica has it. */
  catatTulis(penggunaId: number): void;
  /** The replica, when there is one (tests compare it with the primary at a known moment). */
  replika?: Replika;
  /** LISTEN on `kanal` (ADR 0032): its payloads, and whether the node hears it. */
  dengar(kanal: string, p: Pendengar): BerhentiDengar;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data folder as one file, for `loadDataDir`. */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; omitted means in memory (tests). */
  dataDir?: string | undefined;
  /** PGlite: start from this dumped data folder (`dumpDataDir`), e.g. tests start from one migrated copy. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
  /** An idle pooled connection failed (server restart, admin shutdown); the pool replaces it. */
  onIdleError?: (error: Error) => void;
  /** A streaming replica of databaseUrl's server for the heavy reads (PostgreSQL only). */
  replika?: { url: string; maxLagMs: number; intervalMs?: number } | undefined;
}

const TANPA_REPLIKA = {
  keadaanReplika: (): KeadaanReplika => ({ status: 'tidak_dipakai', lagMs: null }),
  catatTulis: () => {},
};

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// pg returns int8 and numeric as strings; our counts are cast ::int and ids are int4.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One process per PGlite folder: a second one would corrupt it. Stale locks of dead processes are taken over. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, '.ekinerja.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(
          `Folder data ${dataDir} sedang dipakai proses lain (PID ${pid}). PGlite hanya boleh dibuka satu proses.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Tidak dapat mengunci folder data ${dataDir}.`);
}

const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `fn` once the transaction `tx` has committed (not at all if it rolls back); outside a
 * transaction, at once. For caches that must forget what a write changed only when others can read it.
 */
export function setelahCommit(tx: DbOrTx, fn: () => void) {
  const hooks = commitHooks.get(tx);
  if (hooks) hooks.push(fn);
  else fn();
}

/** `db.transaction` that runs the hooks registered with setelahCommit after the commit. */
function withCommitHooks(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (fn, config) => {
    const hooks: (() => void)[] = [];
    const result = await transaction((tx) => {
      commitHooks.set(tx, hooks);
      return fn(tx);
    }, config);
    for (const hook of hooks) hook();
    return result;
  }) as Db['transaction'];
  return db;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // JIT compiles for half a second whenever a report's estimate is large, to save milliseconds:
      // the wrong trade for an interactive application.
      options: '-c jit=off',
    });
    // Without a listener an idle connection dropped by the server would crash the process.
    pool.on(
      'error',
      options.onIdleError ?? ((error) => console.warn(`Koneksi PostgreSQL terputus: ${error.message}`)),
    );
    const db = withCommitHooks(drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db);
    const databaseUrl = options.databaseUrl;
    const dasar = {
      db,
      kind: 'postgres' as const,
      dengar: (kanal: string, p: Pendengar) => dengarPostgres(databaseUrl, kanal, p),
      migrate: () => migratePg(db as never, { migrationsFolder }),
    };
    if (!options.replika) return { ...dasar, ...TANPA_REPLIKA, bacaBerat: () => db, close: () => pool.end() };
    const replika = createReplika({
      ...options.replika,
      intervalMs: options.replika.intervalMs ?? 1_000,
      poolSize: options.poolSize ?? 10,
      primary: pool,
      lapor: (pesan) => console.warn(pesan),
    });
    // Judged once before the first request, so the replica is not left unused for a poll interval.
    await replika.periksa();
    const dbReplika = replika.db as unknown as Db;
    return {
      ...dasar,
      replika,
      bacaBerat: (penggunaId) => (replika.bolehUntuk(penggunaId) ? dbReplika : db),
      keadaanReplika: replika.keadaan,
      catatTulis: replika.catatTulis,
      close: async () => {
        await replika.close();
        await pool.end();
      },
    };
  }
  if (options.replika) throw new Error('Replika baca hanya untuk PostgreSQL (DATABASE_URL).');
  // Loaded only here: PGlite's code is some 40 MB resident that a server on PostgreSQL never runs.
  const [{ PGlite }, { pg_trgm }, { btree_gin }, { drizzle: drizzlePglite }, { migrate: migratePglite }] =
    await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/btree_gin'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: { pg_trgm, btree_gin },
    });
    const db = withCommitHooks(drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db);
    return {
      db,
      kind: 'pglite',
      ...TANPA_REPLIKA,
      bacaBerat: () => db,
      // One process, one connection: a notification arrives with the result of the statement that
      // committed it, before that statement's caller goes on.
      dengar: (kanal, p) => {
        const berhenti = client.listen(kanal, p.pesan).then((unlisten) => {
          p.keadaan(true);
          return unlisten;
        });
        return async () => {
          if (!client.closed) await (await berhenti)();
        };
      },
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      dumpDataDir: () => client.dumpDataDir('none'),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}

/** Rows of a raw query, the same shape on both drivers. */
export async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const preparedCache = new WeakMap<object, Map<string, unknown>>();

/**
 * A named prepared statement, built once per database handle. Planning the joins of the hot
 * per-request queries costs more than running them; PostgreSQL keeps the plan per connection.
 */
export function prepareOnce<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  let byName = preparedCache.get(db);
  if (!byName) {
    byName = new Map();
    preparedCache.set(db, byName);
  }
  let stmt = byName.get(name) as T | undefined;
  if (!stmt) {
    stmt = build(db);
    byName.set(name, stmt);
  }
  return stmt;
}
