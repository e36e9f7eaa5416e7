import { describe, expect, it } from 'vitest';
import { type AuditContent, canonicalJson, chainHash, GENESIS_HASH, verifyChain } from './audit-chain.js';

const base: AuditContent = {
  instansiId: 1,
  opdId: 2,
  at: '2026-03-03T02:00:00.000Z',
  actorId: 7,
  action: 'pegawai.mutasi',
  entity: 'pegawai',
  entityId: '9',
  before: { jabatanId: 1, unorId: 3 },
  after: { unorId: 4, jabatanId: 2 },
  reason: 'Mutasi',
  requestId: 'r1',
};

function chain(n: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const content = { ...base, entityId: String(i) };
    const hash = chainHash(prev, content);
    const entry = { ...content, id: i + 1, urutan: i + 1, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

describe('audit hash chain', () => {
  it('canonical JSON does not depend on key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ checked: 5, broken: null });
  });

  it('detects an altered entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, after: { jabatanId: 99 } };
    expect(verifyChain(entries).broken).toEqual({ id: 3, reason: 'hash' });
  });

  it('detects a removed entry', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyChain(entries).broken).toEqual({ id: 3, reason: 'prev_hash' });
  });

  it('detects an entry not at the place after the one before it', () => {
    const entries = chain(3);
    entries[2] = { ...entries[2]!, urutan: 2 };
    expect(verifyChain(entries).broken).toEqual({ id: 3, reason: 'urutan' });
  });

  it('starts after an anchor: its place and hash', () => {
    const entries = chain(5);
    expect(verifyChain(entries.slice(3), { urutan: 3, hash: entries[2]!.hash })).toMatchObject({
      checked: 2,
      broken: null,
      last: { urutan: 5, hash: entries[4]!.hash },
    });
    expect(verifyChain(entries.slice(3), { urutan: 2, hash: entries[2]!.hash }).broken?.reason).toBe(
      'urutan',
    );
  });
});
