import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import { PekerjaanList, PekerjaanOut } from '../../contracts/pekerjaan.js';
import { errorResponses } from '../../platform/http.js';
import type { PekerjaanService } from './pekerjaan.service.js';

const TAG = ['Pekerjaan'];

/** The result kinds jobs make; anything else downloads as bytes. */
const JENIS_BERKAS: Record<string, string> = {
  zip: 'application/zip',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const SAYA = 'authenticated' as const;

export function pekerjaanRoutes(pekerjaan: PekerjaanService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/pekerjaan',
      {
        config: { access: SAYA },
        schema: {
          tags: TAG,
          summary: 'Pekerjaan panjang yang saya mulai (terbaru dulu): kemajuan, hasil, atau galatnya',
          response: { 200: PekerjaanList, ...errorResponses(401) },
        },
      },
      async (request) => pekerjaan.daftar(request.actor!),
    );

    app.get(
      '/api/pekerjaan/:id',
      {
        config: { access: SAYA },
        schema: {
          tags: TAG,
          summary: 'Kemajuan satu pekerjaan saya (selesai dari total)',
          params: IdParams,
          response: { 200: PekerjaanOut, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => pekerjaan.satu(request.actor!, request.params.id),
    );

    app.get(
      '/api/pekerjaan/:id/hasil',
      {
        config: { access: SAYA },
        schema: {
          tags: TAG,
          summary: 'Unduh berkas hasil pekerjaan saya yang sudah selesai',
          params: IdParams,
          response: {
            200: {
              description: 'Berkas hasil',
              content: {
                'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
              },
            },
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const hasil = await pekerjaan.hasil(request.actor!, request.params.id);
        return reply
          .type(JENIS_BERKAS[hasil.filename.split('.').pop() ?? ''] ?? 'application/octet-stream')
          .header('content-disposition', `attachment; filename="${hasil.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(hasil.stream);
      },
    );
  };
}
