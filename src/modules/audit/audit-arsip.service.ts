/**
 * Archiving audit years (ADR 0029). Segments are cut by place, not by date: a late commit of
 * December can be placed after January's rows. For each instansi, the segment after its previous
 * anchor runs to the last place among its rows of the years archived; it is written to a dump (JSON
 * lines in place order, each link checked on the way), its anchor is signed and stored, and then the
 * year partitions are dropped, only if every row in them lies inside a segment. Rows of later years
 * placed inside a segment stay in the live table and are in the dump too.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { checkpointsOf } from './audit.queries.js';
import { livePages, type Walk, walkChain } from './audit.verify.js';
import { type Anchor, anchorValid, type BerkasJangkar, signAnchor } from './audit-arsip.js';
import {
  anchorsOf,
  auditPartitionsUpTo,
  detachAndCountOutside,
  dropTable,
  insertAnchor,
  segmentEnds,
} from './audit-arsip.queries.js';
import { type ChainEntry, GENESIS } from './audit-chain.js';
import { anchorCheck, signatureValid } from './audit-checkpoint.js';
import { rantaiAudit } from './audit-rantai.js';

const PAGE = 5000;

/** Refusals of the archive, in words for the operator. */
export class ArsipDitolak extends Error {}

/** Passes pages through while writing them as JSON lines to `out` and hashing what was written. */
async function* tulis(
  pages: AsyncIterable<ChainEntry[]>,
  out: WriteStream,
  sha: ReturnType<typeof createHash>,
) {
  for await (const page of pages) {
    const text = page.map((e) => `${JSON.stringify(e)}\n`).join('');
    sha.update(text);
    if (!out.write(text)) await once(out, 'drain');
    yield page;
  }
}

/** A dump's entries, a page at a time. */
async function* bacaDump(file: string): AsyncGenerator<ChainEntry[]> {
  let page: ChainEntry[] = [];
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (!line) continue;
    page.push(JSON.parse(line) as ChainEntry);
    if (page.length === PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

async function sha256Of(file: string): Promise<string> {
  const sha = createHash('sha256');
  for await (const chunk of createReadStream(file)) sha.update(chunk as Buffer);
  return sha.digest('hex');
}

const startOf = (a: Anchor | null) => (a ? { urutan: a.sampaiUrutan, hash: a.hash } : GENESIS);

/** Drops the year partitions up to `tahun`, all or none: refused while one holds a row outside every segment. */
export async function lepasPartisiAudit(db: Db, tahun: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    const partisi = await auditPartitionsUpTo(tx, tahun);
    for (const nama of partisi) {
      const luar = await detachAndCountOutside(tx, nama);
      if (luar > 0)
        throw new ArsipDitolak(
          `Partisi ${nama} memuat ${luar} entri di luar segmen yang sudah diarsipkan (belum dirantai atau ditulis setelah arsip dibuat); tidak ada partisi yang dilepas. Jalankan audit:arsip lagi.`,
        );
      await dropTable(tx, nama);
    }
    return partisi;
  });
}

/** The result of checking one dump offline against its anchor and the anchor before it. */
export interface PeriksaArsip {
  arsipSah: boolean;
  /** null: the first segment, which starts at the chain's first entry. */
  sebelumnyaSah: boolean | null;
  /** The previous anchor is of the same instansi and ends before this one. */
  urutanCocok: boolean;
  sha256Cocok: boolean;
  walk: Walk;
  /** The walk ended on the anchor's place, row and hash, with the anchor's row count. */
  ujungCocok: boolean;
}

/** Checks a dump with the same walk as the live chain, from the previous anchor (needs only the key). */
export async function periksaArsip(key: string, fileJangkar: string): Promise<PeriksaArsip> {
  const { berkas, arsip, sebelumnya } = JSON.parse(await readFile(fileJangkar, 'utf8')) as BerkasJangkar;
  const dump = path.join(path.dirname(fileJangkar), berkas);
  let lastId: number | null = null;
  const walk = await walkChain(bacaDump(dump), startOf(sebelumnya), (e) => {
    lastId = e.id;
  });
  return {
    arsipSah: anchorValid(key, arsip),
    sebelumnyaSah: sebelumnya ? anchorValid(key, sebelumnya) : null,
    urutanCocok:
      !sebelumnya ||
      (sebelumnya.instansiId === arsip.instansiId && sebelumnya.sampaiUrutan < arsip.sampaiUrutan),
    sha256Cocok: (await sha256Of(dump)) === arsip.sha256,
    walk,
    ujungCocok:
      walk.last.urutan === arsip.sampaiUrutan &&
      walk.last.hash === arsip.hash &&
      lastId === arsip.sampaiId &&
      walk.checked === arsip.jumlah,
  };
}

export function createAuditArsipService({ db, clock, hmacKey }: { db: Db; clock: Clock; hmacKey: string }) {
  /** Dumps and anchors one instansi's segment up to place `sampai`; null when it is archived already. */
  async function arsipkanSegmen(instansiId: number, tahun: number, sampai: number, folder: string) {
    const sebelumnya = (await anchorsOf(db, instansiId)).at(-1) ?? null;
    if (sebelumnya && !anchorValid(hmacKey, sebelumnya))
      throw new ArsipDitolak(
        `Tanda tangan jangkar arsip #${sebelumnya.id} instansi ${instansiId} tidak sah; arsip dibatalkan. Jalankan audit:verify.`,
      );
    if (sebelumnya && sebelumnya.sampaiUrutan >= sampai) return null;
    const start = startOf(sebelumnya);
    const nama = `audit-${instansiId}-${start.urutan + 1}-${sampai}`;
    const file = path.join(folder, `${nama}.jsonl`);
    const out = createWriteStream(file, { flags: 'wx' });
    const sha = createHash('sha256');
    // The signed heads inside the segment are checked here for the last time: once archived, the
    // live check starts after them.
    const heads = anchorCheck(
      (await checkpointsOf(db, instansiId)).filter(
        (cp) => cp.entryCount <= sampai && signatureValid(hmacKey, cp),
      ),
      start.urutan,
    );
    let sampaiId = 0;
    const walk = await walkChain(
      tulis(livePages(db, instansiId, start.urutan, PAGE, sampai), out, sha),
      start,
      (e) => {
        sampaiId = e.id;
        heads.visit(e.id, e.hash);
      },
    );
    out.end();
    await finished(out);
    const head = walk.broken ? null : heads.finish();
    if (walk.broken || walk.last.urutan !== sampai || head) {
      await rm(file);
      const sebab = walk.broken
        ? ` pada entri #${walk.broken.id} (${walk.broken.reason})`
        : head
          ? `: tidak cocok dengan titik periksa #${head.checkpointId}`
          : '';
      throw new ArsipDitolak(
        `Rantai audit instansi ${instansiId} tidak utuh${sebab}; arsip dibatalkan. Jalankan audit:verify.`,
      );
    }
    const fields = {
      instansiId,
      tahun,
      sampaiUrutan: sampai,
      sampaiId,
      hash: walk.last.hash,
      jumlah: walk.checked,
      sha256: sha.digest('hex'),
      at: clock.now().toISOString(),
    };
    const arsip = await insertAnchor(db, { ...fields, signature: signAnchor(hmacKey, fields) });
    const jangkar: BerkasJangkar = { berkas: `${nama}.jsonl`, arsip, sebelumnya };
    await writeFile(path.join(folder, `${nama}.arsip.json`), `${JSON.stringify(jangkar, null, 2)}\n`);
    return arsip;
  }

  /** Writes and anchors the segments of the years up to `tahun`, without dropping anything yet. */
  async function simpanSegmen(tahun: number, folder: string): Promise<Anchor[]> {
    await rantaiAudit(db);
    await mkdir(folder, { recursive: true });
    const saved: Anchor[] = [];
    for (const { instansiId, sampaiUrutan } of await segmentEnds(db, tahun)) {
      const arsip = await arsipkanSegmen(instansiId, tahun, sampaiUrutan, folder);
      if (arsip) saved.push(arsip);
    }
    return saved;
  }

  return {
    simpanSegmen,
    /** `npm run audit:arsip`: the segments, then the partitions they cover. */
    async arsipkan(tahun: number, folder: string) {
      const segmen = await simpanSegmen(tahun, folder);
      return { segmen, dilepas: await lepasPartisiAudit(db, tahun) };
    },
  };
}
