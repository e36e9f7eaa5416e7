import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, LoginResponse } from '../../contracts/auth.js';
import { Ok } from '../../contracts/common.js';
import { kunciAlamat } from '../../domain/login-throttle.js';
import { namaLengkap } from '../../domain/pegawai.js';
import type { Config } from '../../platform/config.js';
import { errorResponses } from '../../platform/http.js';
import { SESSION_COOKIE } from './access.hooks.js';
import type { Actor } from './actor.js';
import type { AuthService } from './auth.service.js';
import { DEVICE_COOKIE } from './login-throttle.js';

export function sessionUser(actor: Actor) {
  return {
    id: actor.id,
    nip: actor.nip,
    namaLengkap: namaLengkap(actor),
    instansiId: actor.instansiId,
    roles: actor.roles,
    mustChangePassword: actor.mustChangePassword,
  };
}

export function authRoutes(
  auth: AuthService,
  config: Pick<Config, 'COOKIE_SECURE' | 'SESSION_TTL_HOURS' | 'LOGIN_RATE_LIMIT'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: {
          access: 'public',
          rateLimit: {
            max: config.LOGIN_RATE_LIMIT,
            timeWindow: '1 minute',
            keyGenerator: (request) => kunciAlamat(request.ip),
          },
        },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Masuk dengan NIP dan kata sandi',
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
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.COOKIE_SECURE,
          maxAge: config.SESSION_TTL_HOURS * 3600,
        });
        // Sent only back to the login routes; outlives the session (ADR 0006).
        reply.setCookie(DEVICE_COOKIE, result.perangkat.value, {
          path: '/api/auth',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.COOKIE_SECURE,
          maxAge: result.perangkat.maxAge,
        });
        return { user: sessionUser(result.actor), csrfToken: result.csrfToken };
      },
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
          response: { 200: Ok, ...errorResponses(401, 403) },
        },
      },
      async (request, reply) => {
        await auth.logout(request.sessionId!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
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
