import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, LoginResponse, LoginSesi } from '../../contracts/auth.js';
import { Ok } from '../../contracts/common.js';
import { LoginKodeBody } from '../../contracts/mfa.js';
import { LogoutResponse } from '../../contracts/sso.js';
import { kunciAlamat } from '../../domain/login-throttle.js';
import { namaLengkap } from '../../domain/pegawai.js';
import type { Config } from '../../platform/config.js';
import { errorResponses } from '../../platform/http.js';
import { SESSION_COOKIE } from './access.hooks.js';
import type { Actor } from './actor.js';
import type { AuthService } from './auth.service.js';
import { DEVICE_COOKIE } from './login-throttle.js';
import type { AsalSso } from './mfa.service.js';

export function sessionUser(actor: Actor) {
  return {
    id: actor.id,
    nip: actor.nip,
    namaLengkap: namaLengkap(actor),
    instansiId: actor.instansiId,
    roles: actor.roles,
    mustChangePassword: actor.mustChangePassword,
    mustEnrolMfa: actor.mustEnrolMfa,
  };
}

type CookieConfig = Pick<Config, 'COOKIE_SECURE' | 'SESSION_MAX_HOURS'>;

/** A login that opened a session (password, code step or SSO): the cookies, and the body the client keeps. */
export function startSession(
  reply: FastifyReply,
  config: CookieConfig,
  session: { token: string; csrfToken: string; actor: Actor; perangkat: { value: string; maxAge: number } },
) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.COOKIE_SECURE,
    // The browser keeps it to the absolute end; the server ends an idle session sooner.
    maxAge: config.SESSION_MAX_HOURS * 3600,
  });
  // Sent only back to the login routes; outlives the session (ADR 0006).
  reply.setCookie(DEVICE_COOKIE, session.perangkat.value, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    maxAge: session.perangkat.maxAge,
  });
  return { user: sessionUser(session.actor), csrfToken: session.csrfToken };
}

/** The login routes' limit per address (each SSO step counts like a password attempt). */
export function loginRateLimit(config: Pick<Config, 'LOGIN_RATE_LIMIT'>) {
  return {
    max: config.LOGIN_RATE_LIMIT,
    timeWindow: '1 minute',
    keyGenerator: (request: { ip: string }) => kunciAlamat(request.ip),
  };
}

export function authRoutes(
  auth: AuthService,
  config: CookieConfig & Pick<Config, 'LOGIN_RATE_LIMIT'>,
  /** The provider's end-session URL for a session that came from SSO (sso.service.ts). */
  urlKeluarSso: (asal: AsalSso) => Promise<string | undefined>,
): FastifyPluginAsyncZod {
  const rateLimit = loginRateLimit(config);

  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Masuk dengan NIP dan kata sandi',
          description:
            'Akun yang sudah mendaftarkan aplikasi autentikator menerima `mfa.tantangan` (tanpa sesi); kirim kode ke POST /api/auth/login/kode.',
          body: LoginBody,
          response: { 200: LoginResponse, ...errorResponses(400, 401, 429, 503) },
        },
      },
      async (request, reply) => {
        const result = await auth.login({
          ...request.body,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          ip: request.ip,
          perangkat: request.cookies[DEVICE_COOKIE] ?? null,
        });
        return 'mfa' in result ? result : startSession(reply, config, result);
      },
    );

    app.post(
      '/api/auth/login/kode',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Masuk, langkah kedua: kode aplikasi autentikator atau kode pemulihan',
          body: LoginKodeBody,
          response: { 200: LoginSesi, ...errorResponses(400, 401, 429) },
        },
      },
      async (request, reply) =>
        startSession(
          reply,
          config,
          await auth.loginKode({
            ...request.body,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: request.id,
            ip: request.ip,
            perangkat: request.cookies[DEVICE_COOKIE] ?? null,
          }),
        ),
    );

    app.get(
      '/api/auth/csrf',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Token CSRF sesi ini (setelah halaman dimuat ulang)',
          response: { 200: z.object({ csrfToken: z.string() }), ...errorResponses(401) },
        },
      },
      async (request) => ({ csrfToken: request.csrfToken! }),
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Keluar',
          description:
            'Sesi yang dibuka lewat SSO menerima `alihkanKe`: alamat keluar penyedia SSO, agar sesi di penyedia ikut berakhir.',
          response: { 200: LogoutResponse, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        const asal = await auth.logout(request.sessionId!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        const alihkanKe = asal ? await urlKeluarSso(asal) : undefined;
        return alihkanKe ? { ok: true as const, alihkanKe } : { ok: true as const };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Ganti kata sandi sendiri',
          body: ChangePasswordBody,
          response: { 200: Ok, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        await auth.changePassword(request.actor!, request.sessionId, request.body, request.id);
        return { ok: true as const };
      },
    );
  };
}
