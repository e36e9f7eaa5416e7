import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PengaturanBody, PengaturanOut } from '../../contracts/pengaturan.js';
import { errorResponses } from '../../platform/http.js';
import type { PengaturanService } from './pengaturan.service.js';

export function pengaturanRoutes(pengaturan: PengaturanService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/pengaturan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Pengaturan'],
          summary:
            'Pengaturan instansi (batas waktu SKP, cakupan memblokir persetujuan, periode dan jendela jadwal)',
          response: { 200: PengaturanOut, ...errorResponses(401) },
        },
      },
      async (request) => pengaturan.get(request.actor!.instansiId),
    );

    app.put(
      '/api/pengaturan',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Pengaturan'],
          summary: 'Ubah pengaturan instansi (admin instansi/BKD)',
          body: PengaturanBody,
          response: { 200: PengaturanOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => pengaturan.save(request.actor!, request.body, { requestId: request.id }),
    );
  };
}
