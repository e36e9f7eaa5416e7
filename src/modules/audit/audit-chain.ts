/** The hash chain of the audit log: each entry's hash covers its content and the previous hash. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  instansiId: number;
  opdId: number | null;
  at: string;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
}

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** A stored row's content as its hash covers it: without id, place and hashes, the time as ISO text. */
export function storedContent(
  row: Omit<AuditContent, 'at'> & {
    at: Date;
    id: number;
    urutan: number | null;
    prevHash: string | null;
    hash: string | null;
  },
): AuditContent {
  const { id: _id, urutan: _u, prevHash: _p, hash: _h, ...content } = row;
  return { ...content, at: row.at.toISOString() };
}

export interface ChainBreak {
  id: number;
  reason: 'prev_hash' | 'hash';
}

/** Checks entries in id order; returns the first break or null. */
export function verifyChain(
  entries: Iterable<AuditContent & { id: number; prevHash: string; hash: string }>,
  startHash = GENESIS_HASH,
): { lastHash: string; checked: number; broken: ChainBreak | null } {
  let prev = startHash;
  let checked = 0;
  for (const e of entries) {
    if (e.prevHash !== prev) return { lastHash: prev, checked, broken: { id: e.id, reason: 'prev_hash' } };
    const { id: _id, prevHash: _p, hash, ...content } = e;
    if (chainHash(prev, content) !== hash)
      return { lastHash: prev, checked, broken: { id: e.id, reason: 'hash' } };
    prev = hash;
    checked++;
  }
  return { lastHash: prev, checked, broken: null };
}
