import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  KalenderKepatuhanOut,
  KepatuhanOpdOut,
  KepatuhanPegawaiListOut,
  KepatuhanPegawaiParams,
  KepatuhanPegawaiQuery,
  KepatuhanQuery,
} from '../../contracts/kepatuhan-harian.js';
import { errorResponses } from '../../platform/http.js';
import type { KepatuhanHarianService } from './kepatuhan-harian.service.js';

const TAG = ['Monitoring'];

/**
 * The lists are open to any signed-in employee because the head of region and assessors hold no
 * admin role: the service narrows to the actor's scope and refuses anyone without one.
 */
export function kepatuhanHarianRoutes(kepatuhan: KepatuhanHarianService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/kepatuhan-harian/opd',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Kepatuhan progres harian satu bulan per perangkat daerah (sesuai cakupan pengguna)',
          querystring: KepatuhanQuery,
          response: { 200: KepatuhanOpdOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => kepatuhan.perOpd(request.actor!, request.query.bulan),
    );

    app.get(
      '/api/kepatuhan-harian/pegawai',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary:
            'Kepatuhan progres harian satu bulan per pegawai (satu perangkat daerah atau tim penilaian)',
          querystring: KepatuhanPegawaiQuery,
          response: { 200: KepatuhanPegawaiListOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => kepatuhan.perPegawai(request.actor!, request.query),
    );

    app.get(
      '/api/kepatuhan-harian/pegawai/:id',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'delegasi', 'opd', 'instansi', 'tim_penilai'] } },
        schema: {
          tags: TAG,
          summary: 'Kalender kepatuhan progres harian seorang pegawai satu bulan, status per hari',
          params: KepatuhanPegawaiParams,
          querystring: KepatuhanQuery,
          response: { 200: KalenderKepatuhanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kepatuhan.kalender(request.actor!, request.params.id, request.query.bulan),
    );
  };
}
