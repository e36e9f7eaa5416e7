import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginResponse } from '../../contracts/auth.js';
import {
  SsoMulaiBody,
  SsoMulaiResponse,
  SsoPengaturanBody,
  SsoPengaturanOut,
  SsoPenyediaList,
  SsoSelesaiBody,
} from '../../contracts/sso.js';
import type { Config } from '../../platform/config.js';
import { errorResponses } from '../../platform/http.js';
import { loginRateLimit, startSession } from './auth.routes.js';
import type { SsoService } from './sso.service.js';
import type { SsoPengaturanService } from './sso-pengaturan.service.js';

/** Carries the sealed state, nonce and PKCE verifier from the start of an SSO login to its end. */
export const SSO_COOKIE = 'ekinerja_sso';
const SSO_COOKIE_PATH = '/api/auth/sso';

export function ssoRoutes(
  sso: SsoService,
  pengaturan: SsoPengaturanService,
  config: Pick<Config, 'COOKIE_SECURE' | 'SESSION_MAX_HOURS' | 'LOGIN_RATE_LIMIT'>,
): FastifyPluginAsyncZod {
  const rateLimit = loginRateLimit(config);
  return async (app) => {
    app.get(
      '/api/auth/sso',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Instansi yang mengaktifkan masuk dengan SSO (tombol di halaman masuk)',
          response: { 200: SsoPenyediaList },
        },
      },
      async () => pengaturan.daftarAktif(),
    );

    app.post(
      '/api/auth/sso/mulai',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Masuk dengan SSO, langkah pertama: alamat login penyedia SSO',
          description:
            'Membuat state, nonce dan PKCE, menyimpannya dalam cookie tersegel peramban ini, lalu menjawab alamat yang harus dibuka peramban.',
          body: SsoMulaiBody,
          response: { 200: SsoMulaiResponse, ...errorResponses(400, 404, 429, 503) },
        },
      },
      async (request, reply) => {
        const { url, cookie, maxAge } = await sso.mulai(request.body.instansiId);
        reply.setCookie(SSO_COOKIE, cookie, {
          path: SSO_COOKIE_PATH,
          httpOnly: true,
          // The answer comes back through a top-level navigation from the provider's site.
          sameSite: 'lax',
          secure: config.COOKIE_SECURE,
          maxAge,
        });
        return { url };
      },
    );

    app.post(
      '/api/auth/sso/selesai',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Masuk dengan SSO, langkah terakhir: jawaban penyedia SSO',
          description:
            'Mengirim query string yang dibawa peramban kembali dari penyedia. Menjawab seperti POST /api/auth/login: sesi, atau `mfa.tantangan` bila kode autentikator masih diminta.',
          body: SsoSelesaiBody,
          response: { 200: LoginResponse, ...errorResponses(400, 401, 404, 429, 503) },
        },
      },
      async (request, reply) => {
        // One answer per start: whatever happens, the cookie is spent.
        reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
        const hasil = await sso.selesai(request.body.parameter, request.cookies[SSO_COOKIE], {
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
          ip: request.ip,
        });
        return 'mfa' in hasil ? hasil : startSession(reply, config, hasil);
      },
    );

    app.get(
      '/api/pengaturan/sso',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Pengaturan'],
          summary: 'Pengaturan masuk dengan SSO (client secret tidak pernah ditampilkan)',
          response: { 200: SsoPengaturanOut, ...errorResponses(401, 403) },
        },
      },
      async (request) => pengaturan.get(request.actor!.instansiId),
    );

    app.put(
      '/api/pengaturan/sso',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Pengaturan'],
          summary: 'Ubah pengaturan masuk dengan SSO (admin BKD)',
          description:
            '`rahasiaKlien` yang tidak dikirim tetap seperti tersimpan. Saat SSO diaktifkan, dokumen OpenID penerbit diperiksa dulu.',
          body: SsoPengaturanBody,
          response: { 200: SsoPengaturanOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => pengaturan.save(request.actor!, request.body, { requestId: request.id }),
    );
  };
}
