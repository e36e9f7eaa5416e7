/**
 * The read replica (ADR 0024): a second pool on DATABASE_REPLICA_URL for the heavy read-only work,
 * a poller that judges whether the replica may be read, and the per-user record that keeps a user's
 * heavy reads on the primary until the replica has what he wrote (read-your-writes).
 *
 * Lag is measured without the replica's replay timestamp (that one grows while the primary is
 * idle): each check notes the primary's WAL position with the moment it was asked; the replica is
 * as far behind as the oldest noted position it has not replayed yet. The same notes tell which
 * writes it holds: a write that ended before a noted moment whose position was replayed is there.
 * Moments come from performance.now() (monotonic), so a clock step cannot make a write look old.
 */
import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type StatusReplika = 'aktif' | 'tertinggal' | 'tidak_tersedia' | 'tidak_dipakai';

export interface KeadaanReplika {
  status: StatusReplika;
  /** How long the replica has been missing WAL the primary had; null when it cannot be asked. */
  lagMs: number | null;
}

export interface ReplikaOptions {
  url: string;
  /** Behind more than this, reads go to the primary. */
  maxLagMs: number;
  /** How often the poller compares the two servers. */
  intervalMs: number;
  poolSize: number;
  primary: pg.Pool;
  /** Changes of the replica's reachability, for the log. */
  lapor: (pesan: string) => void;
}

interface Catatan {
  /** The primary's WAL position, in bytes. */
  lsn: bigint;
  /** The first and the last moment the primary answered with it. */
  pertama: number;
  terakhir: number;
}

/** Notes kept while the replica is behind; past this the middle ones go (a coarser, safe answer). */
const BATAS_CATATAN = 1_000;

/** A position as bytes from the start of WAL (numeric text, exact). */
const LSN_SQL = (fn: string) => `(${fn} - '0/0'::pg_lsn)::text`;

/**
 * Errors after which a read-only query is run again on the primary: the replica is unreachable,
 * shutting down, still starting, lacks the database (a new one not replayed yet), or cancelled the
 * query for a conflict with replay (40001). The first four also mark it unavailable until a check
 * succeeds again.
 */
function jenisGangguan(e: unknown): 'putus' | 'konflik' | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string' || code.startsWith('E')) return 'putus';
  if (code === '40001') return 'konflik';
  if (code.startsWith('08') || code.startsWith('57P') || code === '3D000') return 'putus';
  return null;
}

export function createReplika(options: ReplikaOptions) {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: '-c jit=off',
    application_name: 'ekinerja-replika',
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => options.lapor(`Koneksi replika terputus: ${error.message}`));

  let terhubung = false;
  /** Not yet replayed positions, oldest first. */
  const antrean: Catatan[] = [];
  /** Every write that ended before this moment is on the replica. */
  let bersihHingga = Number.NEGATIVE_INFINITY;
  /** The user's last write (end of the request), while the replica may not have it. */
  const penulis = new Map<number, number>();

  const tandaiPutus = (e: unknown) => {
    if (terhubung) options.lapor(`Replika tidak dapat dibaca: ${(e as Error).message}`);
    terhubung = false;
  };

  // Drizzle reads through pool.query; a failure the replica caused is answered by the primary.
  type Kueri = (config: unknown, values?: unknown) => Promise<unknown>;
  const diReplika = pool.query.bind(pool) as Kueri;
  const diPrimer = options.primary.query.bind(options.primary) as Kueri;
  pool.query = ((config: unknown, values?: unknown) =>
    diReplika(config, values).catch((e: unknown) => {
      const jenis = jenisGangguan(e);
      if (!jenis) throw e;
      if (jenis === 'putus') tandaiPutus(e);
      return diPrimer(config, values);
    })) as typeof pool.query;

  // client.ts gives it its Db type (importing that here would make a cycle).
  const db = drizzle(pool, { schema, casing: 'snake_case' });

  function lagMs(): number {
    const tertua = antrean[0];
    return tertua ? Math.round(performance.now() - tertua.pertama) : 0;
  }

  function keadaan(): KeadaanReplika {
    if (!terhubung) return { status: 'tidak_tersedia', lagMs: null };
    const lag = lagMs();
    return { status: lag > options.maxLagMs ? 'tertinggal' : 'aktif', lagMs: lag };
  }

  /** Compares the two servers once; the poller calls it, tests too to judge at a known moment. */
  async function periksa(): Promise<KeadaanReplika> {
    const ditanya = performance.now();
    let lsnPrimer: bigint;
    try {
      const r = await options.primary.query<{ lsn: string }>(
        `SELECT ${LSN_SQL('pg_current_wal_lsn()')} AS lsn`,
      );
      lsnPrimer = BigInt(r.rows[0]!.lsn);
    } catch {
      // The primary's own trouble is not the replica's state; the next check tries again.
      return keadaan();
    }
    const akhir = antrean.at(-1);
    if (akhir?.lsn === lsnPrimer) akhir.terakhir = ditanya;
    else antrean.push({ lsn: lsnPrimer, pertama: ditanya, terakhir: ditanya });
    if (antrean.length > BATAS_CATATAN) antrean.splice(1, 1);
    try {
      const r = await pool.query<{ pemulihan: boolean; lsn: string | null }>({
        text: `SELECT pg_is_in_recovery() AS pemulihan, ${LSN_SQL('pg_last_wal_replay_lsn()')} AS lsn`,
        query_timeout: 5_000,
      } as pg.QueryConfig);
      const baris = r.rows[0]!;
      // A promoted server has its own history: it is no longer a copy of this primary.
      if (!baris.pemulihan || baris.lsn === null)
        throw new Error('server replika tidak dalam mode pemulihan');
      const lsnReplika = BigInt(baris.lsn);
      while (antrean[0] && antrean[0].lsn <= lsnReplika) {
        bersihHingga = Math.max(bersihHingga, antrean.shift()!.terakhir);
      }
      for (const [id, waktu] of penulis) if (waktu < bersihHingga) penulis.delete(id);
      if (!terhubung) options.lapor('Replika dapat dibaca kembali.');
      terhubung = true;
    } catch (e) {
      tandaiPutus(e);
    }
    return keadaan();
  }

  let berjalan: Promise<unknown> = Promise.resolve();
  const pemeriksa = setInterval(() => {
    berjalan = periksa();
  }, options.intervalMs);
  pemeriksa.unref();

  return {
    db,
    keadaan,
    periksa,
    /** The user's heavy reads may go to the replica: it is current enough and holds his writes. */
    bolehUntuk(penggunaId?: number): boolean {
      if (keadaan().status !== 'aktif') return false;
      const waktu = penggunaId === undefined ? undefined : penulis.get(penggunaId);
      return waktu === undefined || waktu < bersihHingga;
    },
    /** The user's write has committed (called before his response leaves). */
    catatTulis(penggunaId: number): void {
      penulis.set(penggunaId, performance.now());
    },
    async close(): Promise<void> {
      clearInterval(pemeriksa);
      await berjalan;
      await pool.end();
    },
  };
}

export type Replika = ReturnType<typeof createReplika>;
