import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../contracts/common.js';
import { SesiAktifList, SesiParams } from '../../contracts/mfa.js';
import { errorResponses } from '../../platform/http.js';
import { SESSION_COOKIE } from './access.hooks.js';
import type { SesiService } from './sesi.service.js';

export function sesiRoutes(sesi: SesiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/auth/sesi',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Sesi aktif saya',
          response: { 200: SesiAktifList, ...errorResponses(401) },
        },
      },
      async (request) => sesi.list(request.actor!, request.sessionId),
    );

    app.delete(
      '/api/auth/sesi/:id',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Akhiri salah satu sesi saya',
          params: SesiParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { isSesiIni } = await sesi.akhiri(
          request.actor!,
          request.sessionId,
          request.params.id,
          request.id,
        );
        if (isSesiIni) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
  };
}
