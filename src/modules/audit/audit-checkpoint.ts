/**
 * Signed checkpoints of the chains' heads (ADR 0007). The hash chain shows a changed or removed row
 * in the middle; only a record of the head kept elsewhere shows that the newest rows were removed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ChainHead {
  instansiId: number;
  lastId: number;
  lastHash: string;
  /** Entries of the chain up to and including lastId. */
  entryCount: number;
}

export interface Checkpoint extends ChainHead {
  id: number;
  at: string;
  signature: string;
}

function payload(head: ChainHead, at: string): string {
  return [
    'ekinerja-audit-checkpoint-v1',
    head.instansiId,
    head.lastId,
    head.lastHash,
    head.entryCount,
    at,
  ].join('\n');
}

/** HMAC-SHA256 (hex) over the head and the time it was taken. */
export function signCheckpoint(key: string, head: ChainHead, at: string): string {
  return createHmac('sha256', key).update(payload(head, at)).digest('hex');
}

export function signatureValid(key: string, checkpoint: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint, checkpoint.at), 'hex');
  const given = Buffer.from(checkpoint.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface AnchorBreak {
  checkpointId: number;
  at: string;
  lastId: number;
  entryCount: number;
  /** Entries the chain now has up to lastId. */
  found: number;
  /** `removed`: the checkpointed head is no longer in the chain; `hash`: it is, with another hash. */
  reason: 'removed' | 'hash';
}

/**
 * Compares an intact chain, visited in id order, with its signed checkpoints. Every checkpoint's
 * head must still be in the chain with the same hash; the newest one that is not is reported.
 */
export function anchorCheck(checkpoints: readonly Checkpoint[]) {
  const pending = [...checkpoints].sort((a, b) => a.lastId - b.lastId || a.id - b.id);
  let next = 0;
  let visited = 0;
  let newest: AnchorBreak | null = null;
  const fail = (cp: Checkpoint, reason: AnchorBreak['reason']) => {
    if (newest && newest.checkpointId > cp.id) return;
    const { id: checkpointId, at, lastId, entryCount } = cp;
    newest = { checkpointId, at, lastId, entryCount, found: visited, reason };
  };
  return {
    visit(id: number, hash: string) {
      // Checkpointed heads the chain has passed without meeting were removed.
      for (; next < pending.length && pending[next]!.lastId < id; next++) fail(pending[next]!, 'removed');
      visited++;
      for (; next < pending.length && pending[next]!.lastId === id; next++) {
        if (pending[next]!.lastHash !== hash) fail(pending[next]!, 'hash');
      }
    },
    /** After the last entry: heads beyond the end of the chain were removed with the rows after it. */
    finish(): AnchorBreak | null {
      for (; next < pending.length; next++) fail(pending[next]!, 'removed');
      return newest;
    },
  };
}
