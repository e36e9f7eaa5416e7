/** Recomputes every instansi's audit chain from the stored rows, a page at a time. */
import type { DbOrTx } from '../../db/client.js';
import { chainPage, instansiWithAudit } from './audit.queries.js';
import { type ChainBreak, GENESIS_HASH, verifyChain } from './audit-chain.js';

export interface ChainReport {
  instansiId: number;
  checked: number;
  broken: ChainBreak | null;
}

export async function verifyAuditChains(db: DbOrTx, pageSize = 5000): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const instansiId of await instansiWithAudit(db)) {
    let lastHash = GENESIS_HASH;
    let afterId = 0;
    let checked = 0;
    let broken: ChainBreak | null = null;
    for (;;) {
      const page = await chainPage(db, instansiId, afterId, pageSize);
      if (page.length === 0) break;
      const result = verifyChain(
        page.map((r) => ({ ...r, at: r.at.toISOString() })),
        lastHash,
      );
      checked += result.checked;
      if (result.broken) {
        broken = result.broken;
        break;
      }
      lastHash = result.lastHash;
      afterId = page.at(-1)!.id;
    }
    reports.push({ instansiId, checked, broken });
  }
  return reports;
}
