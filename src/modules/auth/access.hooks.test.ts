import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { registerErrorHandling } from '../../platform/http.js';
import { registerAccessHooks, type TokenVerifier } from './access.hooks.js';
import type { AuthService } from './auth.service.js';

const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('not called at registration')) });

describe('route access declaration', () => {
  it('refuses an /api route without config.access when it is added', async () => {
    const app = Fastify();
    registerAccessHooks(app, unused as AuthService, unused as never, unused as never, unused as never);
    app.get('/api/dinyatakan', { config: { access: 'public' } }, async () => ({}));
    expect(() => app.get('/api/lupa-deklarasi', async () => ({}))).toThrow(
      /tidak mendeklarasikan config.access/,
    );
    await app.close();
  });
});

describe('token routes', () => {
  async function tokenApp() {
    const app = Fastify();
    registerErrorHandling(app);
    await app.register(fastifyCookie);
    const calls: [string, string][] = [];
    const tokens: TokenVerifier = {
      async verify(token, cakupan) {
        calls.push([token, cakupan]);
        if (token !== 'ekin_baik') throw new AppError('TOKEN_API_TIDAK_DIKENAL');
        return { id: 7, instansiId: 1, nama: 'Uji', cakupan: [cakupan] };
      },
    };
    // The session lookup rejects: a token route must never consult it.
    registerAccessHooks(app, unused as AuthService, unused as never, unused as never, tokens);
    app.post('/api/v1/uji', { config: { access: { token: 'TULIS_PEGAWAI' } } }, async (request) => ({
      token: request.tokenApi?.id,
    }));
    return { app, calls };
  }

  it('reads only the bearer token (no cookie, no CSRF) and hands the token to the handler', async () => {
    const { app, calls } = await tokenApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/uji',
      headers: { authorization: 'Bearer ekin_baik', cookie: 'ekinerja_sesi=abc' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ token: 7 });
    expect(calls).toEqual([['ekin_baik', 'TULIS_PEGAWAI']]);
    await app.close();
  });

  it.each([
    ['no header', undefined, 'TOKEN_API_TIDAK_ADA', 'Bearer realm="e-Kinerja"'],
    ['another scheme', 'Basic YTpi', 'TOKEN_API_TIDAK_ADA', 'Bearer realm="e-Kinerja"'],
    [
      'an unknown token',
      'Bearer ekin_lain',
      'TOKEN_API_TIDAK_DIKENAL',
      'Bearer realm="e-Kinerja", error="invalid_token"',
    ],
  ])('%s → 401 with WWW-Authenticate', async (_, authorization, code, challenge) => {
    const { app } = await tokenApp();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/uji',
      headers: authorization ? { authorization } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe(code);
    expect(res.headers['www-authenticate']).toBe(challenge);
    await app.close();
  });
});
