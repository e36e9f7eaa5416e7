import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  HapusMasukanRekanQuery,
  MasukanRekanBody,
  MasukanRekanSayaOut,
} from '../../contracts/masukan-rekan.js';
import { PeriodeQuery } from '../../contracts/realisasi.js';
import { errorResponses } from '../../platform/http.js';
import type { MasukanRekanService } from './masukan-rekan.service.js';

/**
 * Everyone signed in writes as himself; the service checks that the employee is a colleague (same
 * pejabat penilai today) and that only the author withdraws. Reading the input about someone goes
 * through the realisasi month view, which decides who sees the authors.
 */
export function masukanRekanRoutes(masukan: MasukanRekanService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/masukan-rekan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Masukan Rekan Kerja'],
          summary:
            'Rekan kerja saya (pejabat penilai yang sama) dan masukan perilaku yang saya tulis pada periode',
          querystring: PeriodeQuery,
          response: { 200: MasukanRekanSayaOut, ...errorResponses(400, 401) },
        },
      },
      async (request) => masukan.saya(request.actor!, request.query.periode),
    );

    app.post(
      '/api/masukan-rekan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Masukan Rekan Kerja'],
          summary: 'Tulis masukan tentang perilaku (satu nilai BerAKHLAK) seorang rekan kerja pada periode',
          description:
            'Opsional; pejabat penilai yang memutuskan. Pegawai yang dinilai membaca masukan tanpa nama penulis.',
          body: MasukanRekanBody,
          response: { 201: MasukanRekanSayaOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await masukan.tulis(request.actor!, request.body, { requestId: request.id })),
    );

    app.delete(
      '/api/masukan-rekan/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Masukan Rekan Kerja'],
          summary: 'Hapus masukan yang saya tulis, selama periodenya belum ditutup',
          params: IdParams,
          querystring: HapusMasukanRekanQuery,
          response: { 200: MasukanRekanSayaOut, ...errorResponses(400, 401, 404, 409) },
        },
      },
      async (request) =>
        masukan.hapus(request.actor!, request.params.id, request.query.version, { requestId: request.id }),
    );
  };
}
