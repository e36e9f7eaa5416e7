import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PkBody, PkOut, PkQuery } from '../../contracts/pk.js';
import { errorResponses } from '../../platform/http.js';
import type { PkService } from './pk.service.js';

export function pkRoutes(pk: PkService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/perjanjian-kinerja',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Perencanaan'],
          summary: 'Perjanjian kinerja sebuah unit untuk satu tahun (dibaca seluruh instansi)',
          querystring: PkQuery,
          response: { 200: PkOut, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => pk.get(request.actor!, request.query.unorId, request.query.tahun),
    );

    app.put(
      '/api/perjanjian-kinerja',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Perencanaan'],
          summary: 'Simpan perjanjian kinerja unit (BKD, atau admin OPD untuk OPD-nya)',
          body: PkBody,
          response: { 200: PkOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => pk.save(request.actor!, request.body, { requestId: request.id }),
    );
  };
}
