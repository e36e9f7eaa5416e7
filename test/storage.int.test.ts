/**
 * The storage contract against all three backends (ADR 0023): a folder, the test database (PGlite,
 * or PostgreSQL with TEST_DATABASE_URL) and S3 (s3rver, started here on a random port).
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDbStorage } from '../src/db/berkas-store.js';
import { rows } from '../src/db/client.js';
import { createLocalStorage } from '../src/platform/storage.js';
import { createS3Storage } from '../src/platform/storage-s3.js';
import { openTestDatabase } from './db.js';
import { startS3 } from './s3.js';
import { kontrakStorage } from './storage-contract.js';

kontrakStorage('local', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-storage-'));
  return { storage: createLocalStorage(dir), close: () => rm(dir, { recursive: true, force: true }) };
});

kontrakStorage('postgres', async () => {
  const database = await openTestDatabase();
  return { storage: createDbStorage(database.db), close: () => database.close() };
});

kontrakStorage(
  's3',
  async () => {
    const s3 = await startS3();
    return { storage: createS3Storage(s3.options), close: () => s3.stop() };
  },
  { timpaSerentakUtuh: false },
);

describe('storage backends: what only the backend itself can show', () => {
  it('local: no temp file is left behind, after a put or a failed stream', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-storage-'));
    try {
      const s = createLocalStorage(dir);
      await s.put('h/1', Buffer.from('satu'));
      // The cleanup after a failed stream can only remove a temp file that exists: one created by
      // an open still pending when the source failed was left behind (about once in 70, seen in
      // CI). So the source checks, on its first read, that the temp file is already there; many
      // times, each in a new folder, because the open's timing varies.
      const tanpaTemp: number[] = [];
      for (let i = 0; i < 300; i++) {
        const folder = path.join(dir, 'g', String(i));
        const rusak = new Readable({
          read() {
            if (!readdirSync(folder).some((f) => f.endsWith('.tmp'))) tanpaTemp.push(i);
            this.destroy(new Error('putus'));
          },
        });
        await expect(s.putStream(`g/${i}/2`, rusak)).rejects.toThrow('putus');
      }
      expect(tanpaTemp).toEqual([]);
      expect(await readdir(path.join(dir, 'h'))).toEqual(['1']);
      const sisa = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.tmp'));
      expect(sisa).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('postgres: chunks of 1 MiB, none left over by overwrites, racing puts, failures or deletes', async () => {
    const database = await openTestDatabase();
    try {
      const s = createDbStorage(database.db);
      const potongan = async () =>
        (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM berkas_potongan`))[0]!.n;
      await s.putStream('zip/a', Readable.from([Buffer.alloc(3 * 1024 * 1024 + 1, 7)]));
      const [b] = await rows<{ jumlah_potongan: number; ukuran: number }>(
        database.db,
        sql`SELECT jumlah_potongan, ukuran FROM berkas WHERE kunci = 'zip/a'`,
      );
      expect(b).toEqual({ jumlah_potongan: 4, ukuran: 3 * 1024 * 1024 + 1 });
      await Promise.all([1, 2, 3].map((i) => s.put('zip/a', Buffer.alloc(1024 * 1024 + i, i))));
      expect(await potongan()).toBe(2);
      const rusak = Readable.from(
        (function* () {
          yield Buffer.alloc(2 * 1024 * 1024);
          throw new Error('putus');
        })(),
      );
      await expect(s.putStream('zip/a', rusak)).rejects.toThrow('putus');
      expect(await potongan()).toBe(2);
      await s.delete('zip/a');
      expect(await potongan()).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('postgres: a reader of a key overwritten meanwhile fails instead of mixing two versions', async () => {
    const database = await openTestDatabase();
    try {
      const s = createDbStorage(database.db);
      await s.put('k', Buffer.alloc(3 * 1024 * 1024, 1));
      const stream = (await s.openStream('k'))!;
      await s.put('k', Buffer.alloc(3 * 1024 * 1024, 2));
      await expect(Readable.from(stream).toArray()).rejects.toThrow(/berubah ketika sedang dibaca/);
    } finally {
      await database.close();
    }
  });
});
