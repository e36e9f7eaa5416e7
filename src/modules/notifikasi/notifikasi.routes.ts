import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Ok } from '../../contracts/common.js';
import { BacaBody, NotifikasiPage, NotifikasiQuery } from '../../contracts/notifikasi.js';
import { errorResponses } from '../../platform/http.js';
import type { NotifikasiService } from './notifikasi.service.js';

export function notifikasiRoutes(notifikasi: NotifikasiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifikasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Notifikasi'],
          summary: 'Notifikasi saya, terbaru lebih dulu, dengan jumlah yang belum dibaca',
          querystring: NotifikasiQuery,
          response: { 200: NotifikasiPage, ...errorResponses(400, 401) },
        },
      },
      async (request) => notifikasi.list(request.actor!, request.query),
    );

    app.post(
      '/api/notifikasi/baca',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Notifikasi'],
          summary: 'Tandai notifikasi dibaca (tanpa ids: semuanya)',
          body: BacaBody,
          response: { 200: Ok, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        await notifikasi.baca(request.actor!, request.body.ids);
        return { ok: true as const };
      },
    );
  };
}
