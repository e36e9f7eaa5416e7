/** Pure authorization over the hierarchy and roles: who may act on whom; and over API tokens. */
import type { CakupanToken } from '../../contracts/integrasi.js';
import type { ErrorCode } from '../../platform/errors.js';
import type { Actor, Scope } from './actor.js';

/** How the actor stands to a target employee in the superior chain. */
export type Relation = 'self' | 'bawahan_langsung' | 'bawahan' | 'none';

export interface Target {
  id: number;
  instansiId: number;
  opdId: number | null;
}

export function hasRole(actor: Actor, peran: 'ADMIN_INSTANSI' | 'TIM_PENILAI'): boolean {
  return actor.roles.some((r) => r.peran === peran);
}

export function adminOpdIds(actor: Actor): number[] {
  return actor.roles.filter((r) => r.peran === 'ADMIN_OPD' && r.opdId !== null).map((r) => r.opdId!);
}

/** Facts beyond the superior chain, looked up only when a route's scopes need them. */
export interface Fakta {
  /** The actor assesses the target today in the name of the target's pejabat penilai. */
  delegasi?: boolean;
}

export function grants(
  actor: Actor,
  target: Target,
  relation: Relation,
  scope: Scope,
  fakta: Fakta = {},
): boolean {
  const sameInstansi = actor.instansiId === target.instansiId;
  switch (scope) {
    case 'self':
      return relation === 'self';
    case 'bawahan_langsung':
      return relation === 'bawahan_langsung';
    case 'bawahan':
      return relation === 'bawahan_langsung' || relation === 'bawahan';
    case 'opd':
      return sameInstansi && target.opdId !== null && adminOpdIds(actor).includes(target.opdId);
    case 'instansi':
      return sameInstansi && hasRole(actor, 'ADMIN_INSTANSI');
    case 'tim_penilai':
      return sameInstansi && hasRole(actor, 'TIM_PENILAI');
    case 'delegasi':
      return sameInstansi && fakta.delegasi === true;
  }
}

export function allows(
  actor: Actor,
  target: Target,
  relation: Relation,
  scopes: readonly Scope[],
  fakta: Fakta = {},
): boolean {
  return scopes.some((s) => grants(actor, target, relation, s, fakta));
}

export function hasAnyRole(actor: Actor, roles: readonly ('opd' | 'instansi' | 'tim_penilai')[]): boolean {
  return roles.some((r) =>
    r === 'opd'
      ? adminOpdIds(actor).length > 0
      : hasRole(actor, r === 'instansi' ? 'ADMIN_INSTANSI' : 'TIM_PENILAI'),
  );
}

/**
 * The slice of the instansi a role-based list may show: everything for the BKD admin and the
 * tim penilai, the actor's OPDs for an OPD admin.
 */
export function listScope(actor: Actor): { instansiId: number; opdIds: number[] | null } {
  if (hasRole(actor, 'ADMIN_INSTANSI') || hasRole(actor, 'TIM_PENILAI')) {
    return { instansiId: actor.instansiId, opdIds: null };
  }
  return { instansiId: actor.instansiId, opdIds: adminOpdIds(actor) };
}

/** A stored API token as the bearer check needs it. */
export interface TokenTersimpan {
  cakupan: readonly string[];
  kedaluwarsaAt: Date;
  dicabutAt: Date | null;
}

/**
 * Why a bearer token may not open a route with this scope, or null when it may: an unknown,
 * revoked or expired token is not authenticated (401); a valid one without the scope is refused (403).
 */
export function penolakanToken(
  token: TokenTersimpan | null,
  cakupan: CakupanToken,
  now: Date,
): Extract<ErrorCode, `TOKEN_API_${string}`> | null {
  if (!token) return 'TOKEN_API_TIDAK_DIKENAL';
  if (token.dicabutAt && token.dicabutAt <= now) return 'TOKEN_API_DICABUT';
  if (token.kedaluwarsaAt <= now) return 'TOKEN_API_KEDALUWARSA';
  if (!token.cakupan.includes(cakupan)) return 'TOKEN_API_CAKUPAN';
  return null;
}
