/**
 * Signed checkpoints of the chains' heads (ADR 0007). The hash chain shows a changed or removed row
 * in the middle; only a record of the head kept elsewhere shows that the newest rows were removed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ChainHead {
  instansiId: number;
  lastId: number;
  lastHash: string;
  /** Entries of the chain up to and including lastId: the head's place in the chain. */
  entryCount: number;
}

export interface Checkpoint extends ChainHead {
  id: number;
  at: string;
  signature: string;
}

/** HMAC-SHA256 (hex) of fields, one a line, under the key; the first field names what is signed. */
export function signFields(key: string, fields: readonly (string | number)[]): string {
  return createHmac('sha256', key).update(fields.join('\n')).digest('hex');
}

export function fieldsSignedBy(
  key: string,
  fields: readonly (string | number)[],
  signature: string,
): boolean {
  const expected = Buffer.from(signFields(key, fields), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function fields(head: ChainHead, at: string) {
  return ['ekinerja-audit-checkpoint-v1', head.instansiId, head.lastId, head.lastHash, head.entryCount, at];
}

/** HMAC-SHA256 (hex) over the head and the time it was taken. */
export function signCheckpoint(key: string, head: ChainHead, at: string): string {
  return signFields(key, fields(head, at));
}

export function signatureValid(key: string, checkpoint: Checkpoint): boolean {
  return fieldsSignedBy(key, fields(checkpoint, checkpoint.at), checkpoint.signature);
}

export interface AnchorBreak {
  checkpointId: number;
  at: string;
  lastId: number;
  entryCount: number;
  /** Entries the chain now has before the head's place (removed) or up to it (hash). */
  found: number;
  /** `removed`: the checkpointed head is no longer in the chain; `hash`: it is, with another hash. */
  reason: 'removed' | 'hash';
}

/**
 * Compares an intact chain, visited in chain order, with its signed checkpoints. A checkpoint's head
 * was entry number `entryCount`: that place must still hold the same row (`lastId`) with the same
 * hash. Another row there means the head and what followed were removed (and new rows chained after
 * the cut); no entry there means the chain now ends before it. The newest failing one is reported.
 * The walk starts after place `from` (an archive's anchor, ADR 0029): heads up to it were checked
 * when their segment was archived, and its rows are no longer here.
 */
export function anchorCheck(checkpoints: readonly Checkpoint[], from = 0) {
  const atPlace = new Map<number, Checkpoint[]>();
  for (const cp of checkpoints)
    if (cp.entryCount > from) atPlace.set(cp.entryCount, [...(atPlace.get(cp.entryCount) ?? []), cp]);
  let visited = from;
  let newest: AnchorBreak | null = null;
  const fail = (cp: Checkpoint, reason: AnchorBreak['reason'], found: number) => {
    if (newest && newest.checkpointId > cp.id) return;
    const { id: checkpointId, at, lastId, entryCount } = cp;
    newest = { checkpointId, at, lastId, entryCount, found, reason };
  };
  return {
    visit(id: number, hash: string) {
      visited++;
      for (const cp of atPlace.get(visited) ?? []) {
        if (cp.lastId !== id) fail(cp, 'removed', visited - 1);
        else if (cp.lastHash !== hash) fail(cp, 'hash', visited);
      }
      atPlace.delete(visited);
    },
    /** After the last entry: heads beyond the end of the chain were removed with the rows after it. */
    finish(): AnchorBreak | null {
      for (const cps of atPlace.values()) for (const cp of cps) fail(cp, 'removed', visited);
      return newest;
    },
  };
}
