import { describe, expect, it } from 'vitest';
import { anchorCheck, type Checkpoint, signatureValid, signCheckpoint } from './audit-checkpoint.js';

const KEY = 'k'.repeat(32);
const AT = '2026-03-03T02:00:00.000Z';

function checkpoint(id: number, lastId: number, entryCount: number, lastHash = `h${lastId}`): Checkpoint {
  const head = { instansiId: 1, lastId, lastHash, entryCount };
  return { ...head, id, at: AT, signature: signCheckpoint(KEY, head, AT) };
}

/** Visits rows with these ids (hash `h<id>` unless given) and returns the report. */
function walk(checkpoints: Checkpoint[], ids: number[], hashes: Record<number, string> = {}) {
  const check = anchorCheck(checkpoints);
  for (const id of ids) check.visit(id, hashes[id] ?? `h${id}`);
  return check.finish();
}

describe('audit checkpoint signature', () => {
  it('verifies with the key that signed it, over every field', () => {
    const cp = checkpoint(1, 10, 10);
    expect(signatureValid(KEY, cp)).toBe(true);
    expect(signatureValid('x'.repeat(32), cp)).toBe(false);
    for (const changed of [
      { lastId: 11 },
      { entryCount: 9 },
      { lastHash: 'h11' },
      { instansiId: 2 },
      { at: '2026-03-03T03:00:00.000Z' },
      { signature: 'zz' },
    ])
      expect(signatureValid(KEY, { ...cp, ...changed })).toBe(false);
  });
});

describe('chain against its checkpoints', () => {
  it('matches when every checkpointed head is still in the chain, rows appended after it', () => {
    expect(
      walk([checkpoint(1, 2, 2), checkpoint(2, 4, 4), checkpoint(3, 4, 4)], [1, 2, 3, 4, 5, 6]),
    ).toBeNull();
  });

  it('reports the newest checkpoint whose head lies beyond the end of the chain', () => {
    expect(walk([checkpoint(1, 2, 2), checkpoint(2, 5, 5), checkpoint(3, 6, 6)], [1, 2, 3])).toEqual({
      checkpointId: 3,
      at: AT,
      lastId: 6,
      entryCount: 6,
      found: 3,
      reason: 'removed',
    });
  });

  it('reports a checkpointed head that is gone although later rows follow it', () => {
    expect(walk([checkpoint(1, 3, 3)], [1, 2, 7, 8])).toMatchObject({
      lastId: 3,
      found: 2,
      reason: 'removed',
    });
  });

  it('reports a checkpointed head that is there with another hash', () => {
    expect(walk([checkpoint(1, 2, 2)], [1, 2, 3], { 2: 'lain' })).toMatchObject({
      lastId: 2,
      found: 2,
      reason: 'hash',
    });
  });
});
