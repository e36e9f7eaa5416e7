/**
 * Recomputes every instansi's audit chain from the stored rows, a page at a time, and compares it
 * with the signed checkpoints of its head.
 */
import type { DbOrTx } from '../../db/client.js';
import { chainPage, checkpointsOf, countUnchained, instansiWithAudit } from './audit.queries.js';
import { type ChainBreak, GENESIS_HASH, storedContent, verifyChain } from './audit-chain.js';
import { type AnchorBreak, anchorCheck, type Checkpoint, signatureValid } from './audit-checkpoint.js';

export interface ChainReport {
  instansiId: number;
  checked: number;
  /** The first row that is altered, inserted, or follows a removed one. */
  broken: ChainBreak | null;
  /** Checkpoints whose signature verified; the chain is compared with these. */
  checkpoints: number;
  /** Checkpoints whose signature does not verify: forged, altered, or signed with another key. */
  forged: number[];
  /** The newest checkpoint the chain no longer matches: rows after it were removed (not checked once broken). */
  anchor: AnchorBreak | null;
  /** Rows written but not chained yet (ADR 0019): not covered by this check. */
  unchained: number;
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
    const anchors = anchorCheck(signed);
    let lastHash = GENESIS_HASH;
    let afterUrutan = 0;
    let checked = 0;
    let broken: ChainBreak | null = null;
    for (;;) {
      // Chained rows only: place and hashes are set.
      const page = await chainPage(db, instansiId, afterUrutan, pageSize);
      if (page.length === 0) break;
      const result = verifyChain(
        page.map((r) => ({ ...storedContent(r), id: r.id, prevHash: r.prevHash!, hash: r.hash! })),
        lastHash,
      );
      for (const row of page.slice(0, result.checked)) anchors.visit(row.id, row.hash!);
      checked += result.checked;
      if (result.broken) {
        broken = result.broken;
        break;
      }
      lastHash = result.lastHash;
      afterUrutan = page.at(-1)!.urutan!;
    }
    reports.push({
      instansiId,
      checked,
      broken,
      checkpoints: signed.length,
      forged,
      anchor: broken ? null : anchors.finish(),
      unchained: await countUnchained(db, instansiId),
    });
  }
  return reports;
}
