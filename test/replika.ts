/**
 * A real streaming replica of the test PostgreSQL server (ADR 0024), for the integration tests and
 * the cluster test: `pg_basebackup -R -X stream` into a temporary folder owned by `postgres`, then
 * `pg_ctl start` on its own port. What `mulaiReplika` starts, `hapus()` stops and removes.
 *
 * The primary needs one thing the Debian default lacks: a `replication` line for 127.0.0.1 in its
 * pg_hba.conf (its `all` does not cover replication connections). It is appended once, marked,
 * and the configuration reloaded; WAL level `replica` and the WAL senders are the PG 15 defaults.
 * No replication slot is made: a stray one would keep the primary's WAL forever.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chown } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adminUrl, withAdmin } from './pg-admin.js';

const jalankan = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';
const BARIS_HBA = 'host replication all 127.0.0.1/32 trust # ekinerja: replika uji (test/replika.ts)';
/** Standby settings that must not be below the primary's. */
const SAMA_DENGAN_PRIMER = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

export interface ReplikaUji {
  port: number;
  dataDir: string;
  /** The replica's URL for one database (same user as the primary's). */
  url(database: string): string;
  /** Starts the server again after `berhenti` (pg_ctl start, waiting until it accepts reads). */
  mulai(): Promise<void>;
  /** Stops the server (fast shutdown); the folder stays for `mulai`. */
  berhenti(): Promise<void>;
  /** Pauses / resumes WAL replay: the replica stays readable and falls behind. */
  jedaReplay(): Promise<void>;
  lanjutReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary had when asked. */
  tungguSusul(): Promise<void>;
  /** Stops the server and removes its folder. */
  hapus(): Promise<void>;
}

/** Runs a PostgreSQL program as `postgres` (the data folder must be its own). */
async function sebagaiPostgres(program: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root
    ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, program), ...args]]
    : [path.join(BIN, program), args];
  return jalankan(cmd, argv, { maxBuffer: 16 * 1024 * 1024 });
}

async function izinkanReplikasi(primaryUrl: string) {
  await withAdmin(primaryUrl, async (c) => {
    const hbaFile = (await c.query<{ hba_file: string }>('SHOW hba_file')).rows[0]!.hba_file;
    const isi = readFileSync(hbaFile, 'utf8');
    if (/^\s*host\s+replication\s+all\s+127\.0\.0\.1\/32\s+trust\b/m.test(isi)) return;
    writeFileSync(hbaFile, `${isi.endsWith('\n') ? isi : `${isi}\n`}${BARIS_HBA}\n`);
    await c.query('SELECT pg_reload_conf()');
  });
}

export async function mulaiReplika(primaryUrl: string, port = 5433): Promise<ReplikaUji> {
  await izinkanReplikasi(primaryUrl);
  const primer = new URL(primaryUrl);
  const induk = mkdtempSync(path.join(tmpdir(), 'ekinerja-replika-'));
  const dataDir = path.join(induk, 'data');
  const uid = Number((await jalankan('id', ['-u', 'postgres'])).stdout);
  const gid = Number((await jalankan('id', ['-g', 'postgres'])).stdout);
  await chown(induk, uid, gid);

  const url = (database: string) => {
    const u = new URL(adminUrl(primaryUrl, database));
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  };
  const tanyaReplika = <T>(sql: string) =>
    withAdmin(url('postgres'), async (c) => (await c.query(sql)).rows[0] as T);

  async function tungguSiap() {
    for (let i = 0; i < 100; i++) {
      try {
        const r = await tanyaReplika<{ pemulihan: boolean }>('SELECT pg_is_in_recovery() AS pemulihan');
        if (r.pemulihan) return;
        throw new Error(`server di port ${port} bukan replika`);
      } catch (e) {
        if ((e as Error).message.includes('bukan replika')) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`replika di port ${port} tidak siap`);
  }

  const ctl = (...args: string[]) => sebagaiPostgres('pg_ctl', ['-D', dataDir, ...args]);
  let jalan = false;
  const replika: ReplikaUji = {
    port,
    dataDir,
    url,
    async mulai() {
      await ctl('-l', path.join(induk, 'log'), '-o', `-p ${port} -k /tmp`, '-w', 'start');
      jalan = true;
      await tungguSiap();
    },
    async berhenti() {
      await ctl('-m', 'fast', '-w', 'stop');
      jalan = false;
    },
    async jedaReplay() {
      await tanyaReplika('SELECT pg_wal_replay_pause()');
    },
    async lanjutReplay() {
      await tanyaReplika('SELECT pg_wal_replay_resume()');
    },
    async tungguSusul() {
      const target = await withAdmin(primaryUrl, async (c) => {
        return (await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
      });
      for (let i = 0; i < 200; i++) {
        const r = await tanyaReplika<{ sudah: boolean }>(
          `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS sudah`,
        );
        if (r.sudah) return;
        await new Promise((res) => setTimeout(res, 50));
      }
      throw new Error('replika tidak menyusul primer');
    },
    async hapus() {
      if (jalan) await replika.berhenti();
      rmSync(induk, { recursive: true, force: true });
    },
  };

  try {
    const setelan = await withAdmin(primaryUrl, async (c) => {
      const baris: string[] = [];
      for (const nama of SAMA_DENGAN_PRIMER) {
        const r = await c.query<Record<string, string>>(`SHOW ${nama}`);
        baris.push(`${nama} = ${r.rows[0]![nama]}`);
      }
      return baris;
    });
    await sebagaiPostgres('pg_basebackup', [
      '-h',
      primer.hostname,
      '-p',
      primer.port || '5432',
      '-U',
      decodeURIComponent(primer.username) || 'postgres',
      '-D',
      dataDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
      '--checkpoint=fast',
    ]);
    // Debian keeps the configuration outside the data folder: the copy gets a minimal one of its own.
    const tulisSebagaiPostgres = async (nama: string, isi: string) => {
      writeFileSync(path.join(dataDir, nama), isi);
      await chown(path.join(dataDir, nama), uid, gid);
    };
    await tulisSebagaiPostgres(
      'postgresql.conf',
      [
        "listen_addresses = '127.0.0.1'",
        'hot_standby = on',
        'shared_buffers = 32MB',
        'fsync = off',
        ...setelan,
        '',
      ].join('\n'),
    );
    await tulisSebagaiPostgres('pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    await tulisSebagaiPostgres('pg_ident.conf', '');
    await replika.mulai();
    return replika;
  } catch (e) {
    await replika.hapus().catch(() => {});
    throw e;
  }
}
