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

/** A stored row's content as its hash covers it: without id, place, hashes and partition year, the time as ISO text. */
export function storedContent(
  row: Omit<AuditContent, 'at'> & {
    at: Date;
    id: number;
    urutan: number | null;
    prevHash: string | null;
    hash: string | null;
    tahun: number;
  },
): AuditContent {
  const { id: _id, urutan: _u, prevHash: _p, hash: _h, tahun: _t, ...content } = row;
  return { ...content, at: row.at.toISOString() };
}

/** A chained entry as the verifier reads it, from the database or from an archived dump. */
export type ChainEntry = AuditContent & { id: number; urutan: number; prevHash: string; hash: string };

/** Where a walk starts: the place and hash of the entry before the first one checked. */
export interface ChainStart {
  urutan: number;
  hash: string;
}

export const GENESIS: ChainStart = { urutan: 0, hash: GENESIS_HASH };

export interface ChainBreak {
  id: number;
  /** `urutan`: the entry is not at the place after the previous one (a place given twice, or skipped). */
  reason: 'prev_hash' | 'hash' | 'urutan';
}

/** Checks entries in place order from `start`; returns the first break or null, and where it stopped. */
export function verifyChain(
  entries: Iterable<ChainEntry>,
  start: ChainStart = GENESIS,
): { last: ChainStart; checked: number; broken: ChainBreak | null } {
  let last = start;
  let checked = 0;
  const stop = (id: number, reason: ChainBreak['reason']) => ({ last, checked, broken: { id, reason } });
  for (const e of entries) {
    if (e.prevHash !== last.hash) return stop(e.id, 'prev_hash');
    const { id: _id, urutan, prevHash: _p, hash, ...content } = e;
    if (chainHash(last.hash, content) !== hash) return stop(e.id, 'hash');
    if (urutan !== last.urutan + 1) return stop(e.id, 'urutan');
    last = { urutan, hash };
    checked++;
  }
  return { last, checked, broken: null };
}
