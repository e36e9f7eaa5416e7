import { describe, expect, it } from 'vitest';
import {
  canStartNewVersion,
  isEditable,
  type SkpTransition,
  type StatusSkp,
  transition,
} from './skp-workflow.js';

const submit: SkpTransition = { kind: 'submit' };
const approve: SkpTransition = { kind: 'approve' };
const ret: SkpTransition = { kind: 'return', catatan: 'RHK kedua belum mengintervensi RHK atasan.' };
const revise: SkpTransition = { kind: 'revise' };

describe('SKP workflow (SPEC §4.6)', () => {
  it.each([
    ['DRAFT', submit, 'DIAJUKAN'],
    ['DIAJUKAN', approve, 'DISETUJUI'],
    ['DIAJUKAN', ret, 'DIKEMBALIKAN'],
    ['DIKEMBALIKAN', revise, 'DRAFT'],
  ] as [StatusSkp, SkpTransition, StatusSkp][])('allows %s --%o--> %s', (from, t, to) => {
    expect(transition(from, t)).toEqual({ ok: true, status: to });
  });

  it.each([
    ['DIAJUKAN', submit],
    ['DISETUJUI', submit],
    ['DIKEMBALIKAN', submit],
    ['DRAFT', approve],
    ['DISETUJUI', approve],
    ['DIKEMBALIKAN', approve],
    ['DRAFT', ret],
    ['DISETUJUI', ret],
    ['DRAFT', revise],
    ['DISETUJUI', revise],
  ] as [StatusSkp, SkpTransition][])('refuses %s with %o', (from, t) => {
    const r = transition(from, t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('SKP_INVALID_TRANSITION');
  });

  it('a return needs a note', () => {
    expect(transition('DIAJUKAN', { kind: 'return', catatan: ' ' })).toEqual({
      ok: false,
      code: 'CATATAN_REQUIRED',
      message: 'Catatan pengembalian wajib diisi.',
    });
  });

  it('only drafts and returned plans are edited; only approved plans get a new version', () => {
    expect(['DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN'].map((s) => isEditable(s as StatusSkp))).toEqual(
      [true, false, false, true],
    );
    expect(
      ['DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN'].map((s) => canStartNewVersion(s as StatusSkp)),
    ).toEqual([false, false, true, false]);
  });
});
