/**
 * The storage contract against all three backends (ADR 0023): a folder, the test database (PGlite,
 * or PostgreSQL with TEST_DATABASE_URL) and S3 (s3rver, started here on a random port).
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
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

  it('local: the sweep removes temp files older than its bound, not younger ones or stored keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-storage-'));
    try {
      const s = createLocalStorage(dir);
      await s.put('a/b/1', Buffer.from('satu'));
      // What a process killed between writing and renaming leaves: `<key>.<uuid>.tmp`.
      const lama = path.join(dir, 'a/b/2.3f1c9a52-0a4b-4c61-9d0e-5d6c2a7e8f10.tmp');
      const muda = path.join(dir, 'a/3.5b2d1f44-7c3e-4a19-8e6f-0b9d3c2a1e77.tmp');
      await writeFile(lama, 'sisa');
      await writeFile(muda, 'sedang ditulis');
      await utimes(lama, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      expect(await s.sapuSisa!(new Date('2026-06-01T00:00:00Z'))).toBe(1);
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(
        ['a', 'a/3.5b2d1f44-7c3e-4a19-8e6f-0b9d3c2a1e77.tmp', 'a/b', 'a/b/1'].sort(),
      );
      expect(await s.sapuSisa!(new Date('2026-06-01T00:00:00Z'))).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('postgres: the sweep removes old chunks of uploads no key names, not a key’s or a young upload’s', async () => {
    const database = await openTestDatabase();
    try {
      const s = createDbStorage(database.db);
      await s.put('k/hidup', Buffer.from('isi'));
      // A key's chunks are kept however old; an upload cut off before its swap is not.
      await database.db.execute(sql`UPDATE berkas_potongan SET dibuat = '2026-01-01T00:00:00Z'`);
      await database.db.execute(
        sql`INSERT INTO berkas_potongan (unggahan, urutan, data, dibuat) VALUES
              ('6f1d0c2e-1111-4a5b-9c8d-000000000001', 0, '\x01', '2026-01-01T00:00:00Z'),
              ('6f1d0c2e-1111-4a5b-9c8d-000000000001', 1, '\x02', '2026-01-01T00:00:00Z'),
              ('6f1d0c2e-1111-4a5b-9c8d-000000000002', 0, '\x03', '2026-05-31T12:00:00Z')`,
      );
      expect(await s.sapuSisa!(new Date('2026-05-31T00:00:00Z'))).toBe(2);
      const sisa = await rows<{ unggahan: string }>(
        database.db,
        sql`SELECT p.unggahan::text, b.kunci FROM berkas_potongan p LEFT JOIN berkas b USING (unggahan) ORDER BY 2`,
      );
      expect(sisa).toEqual([
        expect.objectContaining({ kunci: 'k/hidup' }),
        { unggahan: '6f1d0c2e-1111-4a5b-9c8d-000000000002', kunci: null },
      ]);
      expect((await s.get('k/hidup'))?.toString()).toBe('isi');
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
