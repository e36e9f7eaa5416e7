/**
 * STORAGE=postgres (ADR 0023): files in the database, for installations with several nodes and one
 * backup. Bytes go in 1 MiB chunks under a fresh upload id, each chunk its own statement (no
 * transaction is held while a stream trickles in, which on PGlite would stop every other query);
 * then one transaction points the key at the new upload and drops the old one's chunks, so a put
 * becomes visible all at once. Also: the factory choosing the backend STORAGE names.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Config } from '../platform/config.js';
import { assertKey, assertPrefix, createLocalStorage, type Storage } from '../platform/storage.js';
import { createS3Storage } from '../platform/storage-s3.js';
import { type Db, type DbOrTx, rows } from './client.js';

export const UKURAN_POTONGAN = 1024 * 1024;

/** The advisory-lock class of a key's writers (727001–2 are the audit chain and log harian). */
const KUNCI_BERKAS = 727003;

/** node-postgres gives a Buffer, PGlite a Uint8Array: one Buffer view without copying. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Cuts whatever a stream yields into pieces of exactly `ukuran` bytes (the last may be shorter). */
async function* potong(
  source: AsyncIterable<unknown> | Iterable<unknown>,
  ukuran: number,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of source) {
    let b = typeof chunk === 'string' ? Buffer.from(chunk) : asBuffer(chunk as Uint8Array);
    while (b.length > 0) {
      const ambil = Math.min(ukuran - n, b.length);
      parts.push(b.subarray(0, ambil));
      n += ambil;
      b = b.subarray(ambil);
      if (n === ukuran) {
        yield Buffer.concat(parts);
        parts = [];
        n = 0;
      }
    }
  }
  if (n > 0) yield Buffer.concat(parts);
}

const kunciTulis = (tx: DbOrTx, key: string) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(${KUNCI_BERKAS}, hashtext(${key}))`);

export function createDbStorage(db: Db, ukuranPotongan = UKURAN_POTONGAN): Storage {
  /** Writes the chunks under a new upload id, then swaps it in; a failure removes what was written. */
  async function tulis(key: string, source: AsyncIterable<unknown> | Iterable<unknown>): Promise<number> {
    assertKey(key);
    const unggahan = randomUUID();
    let urutan = 0;
    let ukuran = 0;
    try {
      for await (const data of potong(source, ukuranPotongan)) {
        await db.execute(
          sql`INSERT INTO berkas_potongan (unggahan, urutan, data) VALUES (${unggahan}, ${urutan}, ${data})`,
        );
        urutan++;
        ukuran += data.length;
      }
      await db.transaction(async (tx) => {
        // Writers of one key take turns, so each drops exactly the upload it replaced.
        await kunciTulis(tx, key);
        await tx.execute(
          sql`WITH lama AS (SELECT unggahan FROM berkas WHERE kunci = ${key})
              DELETE FROM berkas_potongan p USING lama WHERE p.unggahan = lama.unggahan`,
        );
        await tx.execute(
          sql`INSERT INTO berkas (kunci, unggahan, ukuran, jumlah_potongan, diperbarui)
              VALUES (${key}, ${unggahan}, ${ukuran}, ${urutan}, now())
              ON CONFLICT (kunci) DO UPDATE SET unggahan = excluded.unggahan, ukuran = excluded.ukuran,
                jumlah_potongan = excluded.jumlah_potongan, diperbarui = excluded.diperbarui`,
        );
      });
      return ukuran;
    } catch (err) {
      // The write's own failure is the one to report, not a failed clean-up after it.
      await db.execute(sql`DELETE FROM berkas_potongan WHERE unggahan = ${unggahan}`).catch(() => undefined);
      throw err;
    }
  }

  return {
    async put(key, data) {
      await tulis(key, [data]);
    },
    putStream: tulis,
    async get(key) {
      assertKey(key);
      // One statement: one snapshot, so a concurrent overwrite never mixes two versions.
      const hasil = await rows<{ data: Uint8Array | null }>(
        db,
        sql`SELECT p.data FROM berkas b
              LEFT JOIN berkas_potongan p ON p.unggahan = b.unggahan
             WHERE b.kunci = ${key} ORDER BY p.urutan`,
      );
      if (hasil.length === 0) return null;
      return Buffer.concat(hasil.flatMap((r) => (r.data ? [asBuffer(r.data)] : [])));
    },
    async openStream(key) {
      assertKey(key);
      const [b] = await rows<{ unggahan: string; jumlah: number }>(
        db,
        sql`SELECT unggahan, jumlah_potongan AS jumlah FROM berkas WHERE kunci = ${key}`,
      );
      if (!b) return null;
      // One chunk per query, read as the consumer asks: a 100 MB ZIP holds 1 MiB in memory.
      async function* potongan() {
        for (let urutan = 0; urutan < b!.jumlah; urutan++) {
          const [p] = await rows<{ data: Uint8Array }>(
            db,
            sql`SELECT data FROM berkas_potongan WHERE unggahan = ${b!.unggahan} AND urutan = ${urutan}`,
          );
          // The key was overwritten or deleted meanwhile: its old chunks are gone.
          if (!p) throw new Error(`Berkas ${key} berubah ketika sedang dibaca.`);
          yield asBuffer(p.data);
        }
      }
      return Readable.from(potongan(), { objectMode: false });
    },
    async delete(key) {
      assertKey(key);
      await db.transaction(async (tx) => {
        await kunciTulis(tx, key);
        await tx.execute(
          sql`WITH d AS (DELETE FROM berkas WHERE kunci = ${key} RETURNING unggahan)
              DELETE FROM berkas_potongan p USING d WHERE p.unggahan = d.unggahan`,
        );
      });
    },
    async *list(prefix = '') {
      assertPrefix(prefix);
      let setelah = '';
      for (;;) {
        const page = await rows<{ kunci: string }>(
          db,
          sql`SELECT kunci FROM berkas WHERE kunci > ${setelah} AND starts_with(kunci, ${prefix})
               ORDER BY kunci LIMIT 500`,
        );
        for (const r of page) yield r.kunci;
        if (page.length < 500) return;
        setelah = page.at(-1)!.kunci;
      }
    },
    async sapuSisa(sebelum) {
      // Chunks of an upload no key names: a write cut off before its swap (a failed one cleans up
      // after itself). Only old ones, since a put still streaming has unnamed chunks too.
      const [r] = await rows<{ n: number }>(
        db,
        sql`WITH d AS (
              DELETE FROM berkas_potongan p
               WHERE p.dibuat < ${sebelum}
                 AND NOT EXISTS (SELECT 1 FROM berkas b WHERE b.unggahan = p.unggahan)
              RETURNING 1)
            SELECT count(*)::int AS n FROM d`,
      );
      return r!.n;
    },
  };
}

export type JenisStorage = Config['STORAGE'];

/**
 * The backend `jenis` names, configured from the environment; `db` holds STORAGE=postgres files (the
 * mover opens none when neither side is postgres).
 */
export function bukaStorage(jenis: JenisStorage, config: Config, db: Db | undefined): Storage {
  if (jenis === 'postgres') {
    if (!db) throw new Error('Penyimpanan postgres memerlukan basis data yang terbuka.');
    return createDbStorage(db);
  }
  if (jenis === 'local') return createLocalStorage(config.STORAGE_DIR);
  // loadConfig refuses STORAGE=s3 without a bucket; the mover may name s3 with any STORAGE.
  if (!config.S3_BUCKET) throw new Error('S3_BUCKET wajib diisi untuk penyimpanan S3.');
  return createS3Storage({
    bucket: config.S3_BUCKET,
    endpoint: config.S3_ENDPOINT,
    region: config.S3_REGION,
    credentials:
      config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
