import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TindakLanjutOut, TindakLanjutPageQuery, TindakLanjutQuery } from '../../contracts/tindak-lanjut.js';
import { errorResponses } from '../../platform/http.js';
import { XLSX_TYPE } from '../../platform/xlsx-stream.js';
import type { TindakLanjutService } from './tindak-lanjut.service.js';

const TAG = ['Tindak Lanjut'];
const ACCESS = { role: ['instansi', 'tim_penilai'] } as const;

export function tindakLanjutRoutes(tindakLanjut: TindakLanjutService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tindak-lanjut',
      {
        config: { access: ACCESS },
        schema: {
          tags: TAG,
          summary:
            'Daftar tindak lanjut hasil penilaian tahunan (naik pangkat, talenta, gagal berulang, belum lengkap)',
          querystring: TindakLanjutPageQuery,
          response: { 200: TindakLanjutOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => tindakLanjut.daftar(request.actor!, request.query),
    );

    app.get(
      '/api/tindak-lanjut/ekspor.xlsx',
      {
        config: { access: ACCESS },
        schema: {
          tags: TAG,
          summary: 'Daftar tindak lanjut sebagai XLSX (NIP sebagai teks)',
          querystring: TindakLanjutQuery,
          response: {
            200: {
              description: 'Daftar tindak lanjut (XLSX)',
              content: { [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            },
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const ekspor = tindakLanjut.ekspor(request.actor!, request.query);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${ekspor.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(ekspor.stream);
      },
    );
  };
}
