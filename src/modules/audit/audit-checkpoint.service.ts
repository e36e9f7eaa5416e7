/**
 * Checkpoints of the audit chains' heads (ADR 0007): signed, stored outside audit_log and logged, by
 * the hourly job and by `npm run audit:verify`, which also checks the chains against them.
 */
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { chainHeads, insertCheckpoints } from './audit.queries.js';
import { verifyAuditChains } from './audit.verify.js';
import { type Checkpoint, signCheckpoint } from './audit-checkpoint.js';
import { rantaiAudit } from './audit-rantai.js';

export interface AuditCheckpointDeps {
  db: Db;
  clock: Clock;
  /** AUDIT_HMAC_KEY (platform/audit-key.ts). */
  hmacKey: string;
  /** Receives each checkpoint, so that a copy of the heads lives outside the database. */
  log: { info(obj: object, msg: string): void };
}

export function createAuditCheckpointService({ db, clock, hmacKey, log }: AuditCheckpointDeps) {
  /** Chains what waits, then signs and stores the head of every chain, and logs it. */
  async function checkpoint(): Promise<Checkpoint[]> {
    await rantaiAudit(db);
    const at = clock.now();
    const saved = await db.transaction(async (tx) => {
      const heads = await chainHeads(tx);
      return insertCheckpoints(
        tx,
        heads.map((head) => ({ ...head, at, signature: signCheckpoint(hmacKey, head, at.toISOString()) })),
      );
    });
    for (const cp of saved) log.info({ auditCheckpoint: cp }, 'titik periksa log audit');
    return saved;
  }

  return {
    checkpoint,

    /**
     * Chains what waits, checks every chain and its checkpoints, then checkpoints the heads as they are
     * now.
     */
    async verify() {
      await rantaiAudit(db);
      const reports = await verifyAuditChains(db, hmacKey);
      return { reports, checkpoints: await checkpoint() };
    },
  };
}

export type AuditCheckpointService = ReturnType<typeof createAuditCheckpointService>;
