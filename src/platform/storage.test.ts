import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage, type Storage } from './storage.js';

let dir: string;
let storage: Storage;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ekinerja-storage-'));
  storage = createLocalStorage(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('local storage', () => {
  it('puts, gets and deletes bytes under a nested key', async () => {
    const data = Buffer.from([0, 1, 2, 255, 10, 13]);
    await storage.put('ab/1234-uuid', data);
    expect(await storage.get('ab/1234-uuid')).toEqual(data);
    // Only the file itself: no temp file is left behind.
    expect(await readdir(path.join(dir, 'ab'))).toEqual(['1234-uuid']);
    await storage.delete('ab/1234-uuid');
    expect(await storage.get('ab/1234-uuid')).toBeNull();
    expect(await readdir(path.join(dir, 'ab'))).toEqual([]);
  });

  it('answers null for a missing key and deletes a missing key quietly', async () => {
    expect(await storage.get('tidak/ada')).toBeNull();
    await expect(storage.delete('tidak/ada')).resolves.toBeUndefined();
  });

  it('writes and reads a stream, leaving no temp file; a failed stream leaves nothing', async () => {
    expect(await storage.putStream('h/1.zip', Readable.from(['satu ', 'dua']))).toBe(8);
    expect(await text((await storage.openStream('h/1.zip'))!)).toBe('satu dua');
    expect(await storage.openStream('h/2.zip')).toBeNull();
    const rusak = new Readable({
      read() {
        this.destroy(new Error('putus'));
      },
    });
    await expect(storage.putStream('h/3.zip', rusak)).rejects.toThrow('putus');
    expect(await readdir(path.join(dir, 'h'))).toEqual(['1.zip']);
  });

  it('overwrites a key atomically', async () => {
    await storage.put('k', Buffer.from('satu'));
    await storage.put('k', Buffer.from('dua'));
    expect((await storage.get('k'))!.toString()).toBe('dua');
    expect(await readdir(dir)).toEqual(['k']);
  });

  it.each(['../luar', 'a/../../luar', '/etc/passwd', 'a//b', 'a\\b', '', '.', 'a/./b', 'C:/x'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/tidak valid/);
      await expect(storage.get(key)).rejects.toThrow(/tidak valid/);
      await expect(storage.delete(key)).rejects.toThrow(/tidak valid/);
      expect(await readdir(dir)).toEqual([]);
    },
  );
});
