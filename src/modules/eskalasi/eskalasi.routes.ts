import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EskalasiPage, EskalasiQuery } from '../../contracts/kotak-masuk.js';
import { errorResponses } from '../../platform/http.js';
import type { EskalasiService } from './eskalasi.service.js';

export function eskalasiRoutes(eskalasi: EskalasiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/realisasi/eskalasi',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Realisasi'],
          summary:
            'Pejabat penilai yang melewati batas penilaian pada periode: realisasinya dieskalasi ke atasan pejabat penilai',
          querystring: EskalasiQuery,
          response: { 200: EskalasiPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => eskalasi.list(request.actor!, request.query),
    );
  };
}
