/**
 * Recomputes every instansi's audit chain from the stored rows, a page at a time, from its latest
 * archive anchor (ADR 0029), and compares it with the signed checkpoints of its head. The same walk
 * checks an archived dump offline (audit-arsip.service.ts).
 */
import type { DbOrTx } from '../../db/client.js';
import { chainPage, checkpointsOf, countUnchained, instansiWithAudit } from './audit.queries.js';
import { anchorValid } from './audit-arsip.js';
import { anchorsOf } from './audit-arsip.queries.js';
import {
  type ChainBreak,
  type ChainEntry,
  type ChainStart,
  GENESIS,
  storedContent,
  verifyChain,
} from './audit-chain.js';
import { type AnchorBreak, anchorCheck, type Checkpoint, signatureValid } from './audit-checkpoint.js';

export interface ChainReport {
  instansiId: number;
  checked: number;
  /** The first row that is altered, inserted, out of place, or follows a removed one. */
  broken: ChainBreak | null;
  /** Checkpoints whose signature verified; the chain is compared with these. */
  checkpoints: number;
  /** Checkpoints whose signature does not verify: forged, altered, or signed with another key. */
  forged: number[];
  /** The newest checkpoint the chain no longer matches: rows after it were removed (not checked once broken). */
  anchor: AnchorBreak | null;
  /** The place of the latest valid archive anchor, where the check started (0: from the first entry). */
  arsip: number;
  /** Archive anchors whose signature does not verify: not trusted, the check starts before them. */
  arsipForged: number[];
  /** Rows written but not chained yet (ADR 0019): not covered by this check. */
  unchained: number;
}

export interface Walk {
  checked: number;
  broken: ChainBreak | null;
  /** The last entry checked (the start when none was). */
  last: ChainStart;
}

/** Checks pages of one chain, in place order, from `start`; `visit` sees each entry that checked. */
export async function walkChain(
  pages: AsyncIterable<ChainEntry[]>,
  start: ChainStart,
  visit: (entry: ChainEntry) => void = () => {},
): Promise<Walk> {
  let last = start;
  let checked = 0;
  for await (const page of pages) {
    const result = verifyChain(page, last);
    for (const entry of page.slice(0, result.checked)) visit(entry);
    checked += result.checked;
    last = result.last;
    if (result.broken) return { checked, broken: result.broken, last };
  }
  return { checked, broken: null, last };
}

/** The chained rows of one instansi after place `from`, up to place `until`, a page at a time. */
export async function* livePages(
  db: DbOrTx,
  instansiId: number,
  from: number,
  pageSize: number,
  until = Number.POSITIVE_INFINITY,
): AsyncGenerator<ChainEntry[]> {
  let after: { urutan: number; id: number | null } = { urutan: from, id: null };
  for (;;) {
    const page = await chainPage(db, instansiId, after, pageSize);
    const within = page.filter((r) => r.urutan! <= until);
    if (within.length > 0)
      yield within.map((r) => ({
        ...storedContent(r),
        id: r.id,
        urutan: r.urutan!,
        prevHash: r.prevHash!,
        hash: r.hash!,
      }));
    if (within.length < pageSize) return;
    after = { urutan: page.at(-1)!.urutan!, id: page.at(-1)!.id };
  }
}

export async function verifyAuditChains(db: DbOrTx, key: string, pageSize = 5000): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const instansiId of await instansiWithAudit(db)) {
    const signed: Checkpoint[] = [];
    const forged: number[] = [];
    for (const cp of await checkpointsOf(db, instansiId)) {
      if (signatureValid(key, cp)) signed.push(cp);
      else forged.push(cp.id);
    }
    const arsip = await anchorsOf(db, instansiId);
    const latest = arsip.filter((a) => anchorValid(key, a)).at(-1);
    const start = latest ? { urutan: latest.sampaiUrutan, hash: latest.hash } : GENESIS;
    const anchors = anchorCheck(signed, start.urutan);
    const walk = await walkChain(livePages(db, instansiId, start.urutan, pageSize), start, (e) =>
      anchors.visit(e.id, e.hash),
    );
    reports.push({
      instansiId,
      checked: walk.checked,
      broken: walk.broken,
      checkpoints: signed.length,
      forged,
      anchor: walk.broken ? null : anchors.finish(),
      arsip: start.urutan,
      arsipForged: arsip.filter((a) => !anchorValid(key, a)).map((a) => a.id),
      unchained: await countUnchained(db, instansiId),
    });
  }
  return reports;
}
