/**
 * The one behaviour every storage backend (ADR 0023) must show, as a describe block to run against
 * each: `open` makes a fresh, empty store and `close` removes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../src/platform/storage.js';

export interface StorageUji {
  storage: Storage;
  close(): Promise<void>;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The buffer as a stream of 64 KiB pieces, as an upload or a ZIP writer sends it. */
function sebagaiStream(data: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += 65_536) yield data.subarray(i, i + 65_536);
    })(),
  );
}

async function hashStream(stream: Readable): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of stream) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function semua(iter: AsyncIterable<string>): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of iter) keys.push(k);
  return keys.sort();
}

export const KUNCI_TIDAK_VALID = [
  '../luar',
  'a/../../luar',
  '/etc/passwd',
  'a//b',
  'a\\b',
  '',
  '.',
  'a/./b',
  'C:/x',
];

/**
 * `timpaSerentakUtuh: false` for a backend whose test server cannot show that racing puts leave one
 * whole value, because the server (not our code) writes objects in place: s3rver (3.7: its maintained fork 4.x
 * writes in place too and refuses the signature of the SDK v3 listing). S3 itself promises
 * it (a put is whole or absent, the last one wins).
 */
export function kontrakStorage(
  nama: string,
  open: () => Promise<StorageUji>,
  { timpaSerentakUtuh = true }: { timpaSerentakUtuh?: boolean } = {},
) {
  describe(`storage contract: ${nama}`, () => {
    let uji: StorageUji;
    let s: Storage;
    beforeAll(async () => {
      uji = await open();
      s = uji.storage;
    });
    afterAll(() => uji.close());

    it('puts, gets and overwrites bytes under a nested key; an empty file is not a missing one', async () => {
      const data = Buffer.from([0, 1, 2, 255, 10, 13]);
      await s.put('ab/1234-uuid', data);
      expect(await s.get('ab/1234-uuid')).toEqual(data);
      await s.put('ab/1234-uuid', Buffer.from('dua'));
      expect((await s.get('ab/1234-uuid'))!.toString()).toBe('dua');
      await s.put('kosong', Buffer.alloc(0));
      expect(await s.get('kosong')).toEqual(Buffer.alloc(0));
      expect(await hashStream((await s.openStream('kosong'))!)).toBe(sha256(Buffer.alloc(0)));
    });

    it('answers null for a missing key and deletes any key, present or not, without complaint', async () => {
      expect(await s.get('tidak/ada')).toBeNull();
      expect(await s.openStream('tidak/ada')).toBeNull();
      await expect(s.delete('tidak/ada')).resolves.toBeUndefined();
      await s.put('hapus/saya', Buffer.from('x'));
      await s.delete('hapus/saya');
      await s.delete('hapus/saya');
      expect(await s.get('hapus/saya')).toBeNull();
      expect(await semua(s.list('hapus/'))).toEqual([]);
    });

    it('round-trips a multi-megabyte stream byte for byte (SHA-256), answering its size', async () => {
      const data = randomBytes(6 * 1024 * 1024 + 12_345);
      expect(await s.putStream('zip/besar.zip', sebagaiStream(data))).toBe(data.length);
      expect(await hashStream((await s.openStream('zip/besar.zip'))!)).toBe(sha256(data));
      expect(sha256((await s.get('zip/besar.zip'))!)).toBe(sha256(data));
    });

    it('keeps the old value whole when a stream fails midway', async () => {
      await s.put('gagal/k', Buffer.from('lama'));
      const rusak = Readable.from(
        (function* () {
          yield randomBytes(2 * 1024 * 1024);
          throw new Error('putus');
        })(),
      );
      await expect(s.putStream('gagal/k', rusak)).rejects.toThrow('putus');
      expect((await s.get('gagal/k'))!.toString()).toBe('lama');
      expect(await semua(s.list('gagal/'))).toEqual(['gagal/k']);
    });

    it.runIf(timpaSerentakUtuh)('leaves one whole value when several puts of a key race', async () => {
      const nilai = [1, 2, 3, 4].map(() => randomBytes(2 * 1024 * 1024 + 7));
      await Promise.all(nilai.map((v) => s.putStream('balapan/k', sebagaiStream(v))));
      const akhir = sha256((await s.get('balapan/k'))!);
      expect(nilai.map(sha256)).toContain(akhir);
      expect(await hashStream((await s.openStream('balapan/k'))!)).toBe(akhir);
    });

    it('lists the keys under a prefix', async () => {
      for (const k of ['daftar/a/1', 'daftar/a/2', 'daftar/b/1', 'daftarlain'])
        await s.put(k, Buffer.from(k));
      expect(await semua(s.list('daftar/a/'))).toEqual(['daftar/a/1', 'daftar/a/2']);
      expect(await semua(s.list('daftar/'))).toEqual(['daftar/a/1', 'daftar/a/2', 'daftar/b/1']);
      expect(await semua(s.list('daftar'))).toEqual(['daftar/a/1', 'daftar/a/2', 'daftar/b/1', 'daftarlain']);
      const seluruh = await semua(s.list());
      expect(seluruh).toEqual(expect.arrayContaining(['daftar/a/1', 'daftar/b/1', 'daftarlain']));
      expect(await semua(s.list('tak-ada/'))).toEqual([]);
    });

    it.each(KUNCI_TIDAK_VALID)('refuses the key %j and stores nothing', async (key) => {
      const sebelum = await semua(s.list());
      await expect(s.put(key, Buffer.from('x'))).rejects.toThrow(/tidak valid/);
      await expect(s.putStream(key, Readable.from(['x']))).rejects.toThrow(/tidak valid/);
      await expect(s.get(key)).rejects.toThrow(/tidak valid/);
      await expect(s.openStream(key)).rejects.toThrow(/tidak valid/);
      await expect(s.delete(key)).rejects.toThrow(/tidak valid/);
      expect(await semua(s.list())).toEqual(sebelum);
    });

    it('refuses a prefix that is no start of a key', async () => {
      for (const prefix of ['../', 'a/../', '/etc', 'a//b', './', 'a\\b'])
        await expect(semua(s.list(prefix)), prefix).rejects.toThrow(/tidak valid/);
    });
  });
}
