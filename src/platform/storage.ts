/**
 * Where uploaded files live: a small key → bytes store. Keys are made by the caller (e.g.
 * `<sha256-prefix>/<uuid>`). Three backends behind one interface (ADR 0023): a folder (here), the
 * database (db/berkas-store.ts) and S3 (storage-s3.ts). In each, a put becomes visible all at once:
 * the local one writes a temp file and renames it, so a crash never leaves half a file under a key.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Writes a stream too large to hold in memory (a generated ZIP); resolves with its size in bytes. */
  putStream(key: string, source: Readable): Promise<number>;
  /** The bytes as a stream, or null when nothing is stored under the key. */
  openStream(key: string): Promise<Readable | null>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key starting with `prefix`, in no promised order (moving files between backends). */
  list(prefix?: string): AsyncIterable<string>;
  /**
   * Removes what writes cut off before `sebelum` left behind (a node killed mid-upload); returns how
   * many pieces went. S3 has none: a bucket lifecycle rule aborts its incomplete uploads (docs/deploy.md).
   */
  sapuSisa?(sebelum: Date): Promise<number>;
}

const KEY = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Relative keys of plain segments only: no `..`, no absolute path, no backslash or empty segment. */
export function assertKey(key: string): void {
  if (
    !KEY.test(key) ||
    key.length > 500 ||
    key.split('/').some((s) => s === '.' || s === '..') ||
    path.isAbsolute(key)
  )
    throw new Error(`Kunci penyimpanan tidak valid: ${JSON.stringify(key)}`);
}

const PREFIX = /^[A-Za-z0-9._/-]*$/;

/**
 * A list prefix: the start of a key, e.g. `pekerjaan/` or `ab`. Its whole segments (all but the
 * last) follow the key rule, so a folder it names is inside the store.
 */
export function assertPrefix(prefix: string): void {
  const utuh = prefix.split('/').slice(0, -1);
  if (!PREFIX.test(prefix) || prefix.length > 500 || utuh.some((s) => s === '' || s === '.' || s === '..'))
    throw new Error(`Awalan kunci penyimpanan tidak valid: ${JSON.stringify(prefix)}`);
}

/** The local backend's temp files: `<key>.<uuid>.tmp`, never listed as keys. */
const TEMP = /\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

export function createLocalStorage(dir: string): Storage {
  const root = path.resolve(dir);
  const fileOf = (key: string) => {
    assertKey(key);
    const file = path.resolve(root, key);
    if (!file.startsWith(root + path.sep)) throw new Error(`Kunci penyimpanan tidak valid: ${key}`);
    return file;
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      try {
        await writeFile(tmp, data, { flag: 'wx' });
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async putStream(key, source) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      // Opened before the pipeline: a stream that fails at once would otherwise reach the cleanup
      // below before createWriteStream had created the file, leaving it behind.
      const handle = await open(tmp, 'wx');
      try {
        await pipeline(source, handle.createWriteStream());
        await rename(tmp, file);
        return (await stat(file)).size;
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async openStream(key) {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
      return createReadStream(file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async *list(prefix = '') {
      assertPrefix(prefix);
      // Walk only the folder the prefix names, not the whole tree.
      const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      for (const e of await isiFolder(path.join(root, folder))) {
        if (!e.isFile() || TEMP.test(e.name)) continue;
        const key = path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/');
        if (key.startsWith(prefix)) yield key;
      }
    },
    async sapuSisa(sebelum) {
      let n = 0;
      for (const e of await isiFolder(root)) {
        if (!e.isFile() || !TEMP.test(e.name)) continue;
        const file = path.join(e.parentPath, e.name);
        // A younger temp file may be a put still writing; one gone meanwhile was renamed into place.
        const info = await stat(file).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
        if (info && info.mtime < sebelum) {
          await rm(file, { force: true });
          n++;
        }
      }
      return n;
    },
  };
}

/** Every entry under `folder`, however deep; none when the folder does not exist (nothing stored yet). */
async function isiFolder(folder: string) {
  try {
    return await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}
