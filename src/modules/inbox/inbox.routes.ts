import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KotakMasukOut } from '../../contracts/kotak-masuk.js';
import { errorResponses } from '../../platform/http.js';
import type { InboxService } from './inbox.service.js';

export function inboxRoutes(inbox: InboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/kotak-masuk',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Kotak Masuk'],
          summary:
            'Yang menunggu saya: realisasi untuk dilaporkan atau diperbaiki, realisasi bawahan untuk dinilai, tindak lanjut dialog; dengan hitung mundur tenggat',
          response: { 200: KotakMasukOut, ...errorResponses(401) },
        },
      },
      async (request) => inbox.kotakMasuk(request.actor!),
    );
  };
}
