import { describe, expect, it } from 'vitest';
import { allows, hasAnyRole, listScope, penolakanToken, type Relation } from './access.policy.js';
import type { Actor, Scope } from './actor.js';

function actor(roles: Actor['roles'] = [], instansiId = 1): Actor {
  return {
    id: 1,
    nip: '198503122010011002',
    gelarDepan: null,
    nama: 'A',
    gelarBelakang: null,
    instansiId,
    opdId: 10,
    mustChangePassword: false,
    mustEnrolMfa: false,
    roles,
  };
}

const target = { id: 2, instansiId: 1, opdId: 10 };
const pelaksana = actor();
const adminOpd10 = actor([{ peran: 'ADMIN_OPD', opdId: 10 }]);
const adminOpd11 = actor([{ peran: 'ADMIN_OPD', opdId: 11 }]);
const bkd = actor([{ peran: 'ADMIN_INSTANSI', opdId: null }]);
const bkdOther = actor([{ peran: 'ADMIN_INSTANSI', opdId: null }], 2);
const tim = actor([{ peran: 'TIM_PENILAI', opdId: null }]);

describe('allows (authorization over the hierarchy and roles)', () => {
  const cases: [string, Actor, Relation, Scope[], boolean][] = [
    ['self reads own', pelaksana, 'self', ['self'], true],
    ['stranger is not self', pelaksana, 'none', ['self', 'bawahan'], false],
    ['direct superior', pelaksana, 'bawahan_langsung', ['bawahan_langsung'], true],
    ['indirect superior is not direct', pelaksana, 'bawahan', ['bawahan_langsung'], false],
    ['indirect superior within all subordinates', pelaksana, 'bawahan', ['bawahan'], true],
    ['direct superior within all subordinates', pelaksana, 'bawahan_langsung', ['bawahan'], true],
    ['subordinate cannot act on superior', pelaksana, 'none', ['bawahan'], false],
    ['OPD admin of the OPD', adminOpd10, 'none', ['opd'], true],
    ['OPD admin of another OPD', adminOpd11, 'none', ['opd'], false],
    ['OPD admin is not instansi admin', adminOpd10, 'none', ['instansi'], false],
    ['BKD admin', bkd, 'none', ['instansi'], true],
    ['BKD admin of another instansi', bkdOther, 'none', ['instansi', 'opd'], false],
    ['tim penilai reads', tim, 'none', ['tim_penilai'], true],
    ['tim penilai cannot manage', tim, 'none', ['opd', 'instansi'], false],
    ['pelaksana cannot manage', pelaksana, 'self', ['opd', 'instansi'], false],
  ];
  it.each(cases)('%s', (_name, a, relation, scopes, expected) => {
    expect(allows(a, target, relation, scopes)).toBe(expected);
  });

  it('a delegate of the target’s pejabat penilai, only with the delegasi fact and in the same instansi', () => {
    expect(allows(pelaksana, target, 'none', ['bawahan', 'delegasi'], { delegasi: true })).toBe(true);
    expect(allows(pelaksana, target, 'none', ['bawahan', 'delegasi'])).toBe(false);
    expect(allows(pelaksana, target, 'none', ['bawahan'], { delegasi: true })).toBe(false);
    expect(allows(bkdOther, target, 'none', ['delegasi'], { delegasi: true })).toBe(false);
  });

  it('target without OPD is not in any OPD admin scope', () => {
    expect(allows(adminOpd10, { ...target, opdId: null }, 'none', ['opd'])).toBe(false);
  });
});

describe('role-based routes', () => {
  it.each([
    [pelaksana, false],
    [adminOpd10, true],
    [bkd, true],
    [tim, true],
  ] as const)('hasAnyRole %#', (a, expected) => {
    expect(hasAnyRole(a, ['opd', 'instansi', 'tim_penilai'])).toBe(expected);
  });

  it('narrows lists: OPD admin to their OPDs, BKD to the instansi', () => {
    expect(listScope(adminOpd10)).toEqual({ instansiId: 1, opdIds: [10] });
    expect(listScope(bkd)).toEqual({ instansiId: 1, opdIds: null });
    expect(listScope(pelaksana)).toEqual({ instansiId: 1, opdIds: [] });
  });
});

describe('API tokens (bearer)', () => {
  const now = new Date('2026-03-03T02:00:00Z');
  const valid = {
    cakupan: ['BACA_PEGAWAI'],
    kedaluwarsaAt: new Date('2026-06-01T00:00:00Z'),
    dicabutAt: null,
  };
  it.each([
    ['unknown', null, 'TOKEN_API_TIDAK_DIKENAL'],
    ['revoked', { ...valid, dicabutAt: new Date('2026-03-01T00:00:00Z') }, 'TOKEN_API_DICABUT'],
    ['expired at this instant', { ...valid, kedaluwarsaAt: now }, 'TOKEN_API_KEDALUWARSA'],
    [
      'revoked and expired: revoked wins',
      { ...valid, kedaluwarsaAt: now, dicabutAt: now },
      'TOKEN_API_DICABUT',
    ],
    ['valid without the scope', { ...valid, cakupan: ['BACA_EVALUASI'] }, 'TOKEN_API_CAKUPAN'],
    [
      'expired without the scope: 401 first',
      { cakupan: [], kedaluwarsaAt: now, dicabutAt: null },
      'TOKEN_API_KEDALUWARSA',
    ],
    ['valid with the scope', valid, null],
  ] as const)('%s', (_, token, expected) => {
    expect(penolakanToken(token, 'BACA_PEGAWAI', now)).toBe(expected);
  });
});
