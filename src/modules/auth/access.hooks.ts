/**
 * Every /api route declares its access rule (config.access); start-up fails when one does not.
 * The session is read on each request, and the declared rule is enforced before the handler runs.
 * Token routes (/api/v1) read only the bearer token, never the session cookie.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CakupanToken } from '../../contracts/integrasi.js';
import { AppError } from '../../platform/errors.js';
import { allows, hasAnyRole } from './access.policy.js';
import type { Access, TokenActor } from './actor.js';
import type { AuthService } from './auth.service.js';
import { safeEqual, sessionIdOf } from './auth.service.js';

export const SESSION_COOKIE = 'ekinerja_sesi';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface PegawaiRelations {
  findTarget(id: number): Promise<{ id: number; instansiId: number; opdId: number | null } | null>;
  relationOf(
    actorId: number,
    targetId: number,
    instansiId: number,
  ): Promise<'self' | 'bawahan_langsung' | 'bawahan' | 'none'>;
  /** The actor holds today a delegation of assessment from the target's pejabat penilai. */
  menilaiAtasNama(actorId: number, targetId: number, instansiId: number): Promise<boolean>;
}

/** Finds the employee who owns a record named by a route's :id. */
export type OwnerResolvers = Record<'skp' | 'realisasi', (id: number) => Promise<number | null>>;

/** Checks a bearer API token for a scope: the token, or an AppError (401 unknown/revoked/expired, 403 scope). */
export interface TokenVerifier {
  verify(token: string, cakupan: CakupanToken): Promise<TokenActor>;
}

function tokenAccess(access: Access | undefined): CakupanToken | null {
  return typeof access === 'object' && 'token' in access ? access.token : null;
}

/** The credentials the hooks below read, as OpenAPI security schemes. */
export const SECURITY_SCHEMES = {
  sesi: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Sesi dari POST /api/auth/login (cookie httpOnly).',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'Token CSRF sesi (csrfToken dari login atau GET /api/auth/csrf), wajib pada setiap penulisan.',
  },
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'Token API dari admin BKD (ekin_…)' },
} as const;

/**
 * What the hooks below demand of a route, as its OpenAPI security requirement: nothing for a public
 * route, the bearer token for a token route, else the session cookie and, for a write, the CSRF header.
 * (The token's scope is not a scope list: OpenAPI 3.0 allows those for OAuth2 only.)
 */
export function securityOf(access: Access | undefined, method: string): Record<string, string[]>[] {
  if (!access || access === 'public') return [];
  if (tokenAccess(access)) return [{ bearerAuth: [] }];
  return [SAFE_METHODS.has(method) ? { sesi: [] } : { sesi: [], csrf: [] }];
}

export function registerAccessHooks(
  app: FastifyInstance,
  auth: AuthService,
  relations: PegawaiRelations,
  owners: OwnerResolvers,
  tokens: TokenVerifier,
) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('tokenApi', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} tidak mendeklarasikan config.access`);
    }
  });

  // Checked at onRequest so the per-token rate limit (a route-level onRequest hook, run after this
  // one) can key on the token; no CSRF check: a bearer token is not an ambient credential.
  app.addHook('onRequest', async (request, reply) => {
    const cakupan = tokenAccess(request.routeOptions.config?.access);
    if (!cakupan) return;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    try {
      if (!bearer) throw new AppError('TOKEN_API_TIDAK_ADA');
      request.tokenApi = await tokens.verify(bearer, cakupan);
    } catch (err) {
      if (err instanceof AppError) {
        const error = err.status === 403 ? 'insufficient_scope' : bearer ? 'invalid_token' : null;
        reply.header('www-authenticate', `Bearer realm="e-Kinerja"${error ? `, error="${error}"` : ''}`);
      }
      throw err;
    }
  });

  app.addHook('onRequest', async (request) => {
    if (tokenAccess(request.routeOptions.config?.access)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const actor = await auth.actorForToken(token, !SAFE_METHODS.has(request.method));
    if (!actor) return;
    const { csrfToken, ...rest } = actor;
    request.actor = rest;
    request.sessionId = sessionIdOf(token);
    request.csrfToken = csrfToken;
  });

  // Who may call at all is settled before the body is validated, so an anonymous or restricted
  // session learns nothing from validation messages.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access as Access | undefined;
    if (!access || access === 'public') return;
    // Token routes were checked at onRequest.
    if (typeof access === 'object' && 'token' in access) return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !safeEqual(sent, request.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
    if (access === 'akun') return;
    // A temporary password (after an admin reset) opens only the own-account routes.
    if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    // Likewise a password-only session while the policy requires a code none is enrolled for.
    if (actor.mustEnrolMfa) throw new AppError('MFA_WAJIB_DAFTAR');
    if (access === 'authenticated') return;
    if ('role' in access && !hasAnyRole(actor, access.role)) throw new AppError('FORBIDDEN');
  });

  // The employee named by :id is known once the params are validated (and coerced to a number).
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const access = request.routeOptions.config.access as Access | undefined;
    if (typeof access !== 'object' || !('pegawai' in access)) return;
    const actor = request.actor!;
    const param = (request.params as { id?: number }).id;
    if (typeof param !== 'number') throw new Error('A pegawai-scoped route needs a numeric :id param');
    const id = access.of ? await owners[access.of](param) : param;
    const target = id === null ? null : await relations.findTarget(id);
    // Non-admins get 403 for a missing id as for a foreign one, so ids cannot be probed.
    if (!target) throw new AppError(actor.roles.length ? 'NOT_FOUND' : 'FORBIDDEN');
    const needsRelation = access.pegawai.some(
      (s) => s === 'self' || s === 'bawahan' || s === 'bawahan_langsung',
    );
    const relation = needsRelation
      ? await relations.relationOf(actor.id, target.id, target.instansiId)
      : 'none';
    if (allows(actor, target, relation, access.pegawai)) return;
    // A delegation is looked up only when nothing cheaper granted access.
    const delegasi =
      access.pegawai.includes('delegasi') &&
      (await relations.menilaiAtasNama(actor.id, target.id, target.instansiId));
    if (!allows(actor, target, relation, access.pegawai, { delegasi })) throw new AppError('FORBIDDEN');
  });
}
