import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import { RiwayatPegawaiOut, RiwayatQuery, RiwayatTimOut, RiwayatTimQuery } from '../../contracts/riwayat.js';
import { errorResponses } from '../../platform/http.js';
import type { RiwayatService } from './riwayat.service.js';

/** The employee, his superiors, admins of his OPD or the instansi, the tim penilai. */
const BACA = { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'] } as const;

export function riwayatRoutes(riwayat: RiwayatService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/riwayat/pegawai/:id',
      {
        config: { access: BACA },
        schema: {
          tags: ['Riwayat Kinerja'],
          summary: 'Riwayat kinerja pegawai satu tahun: realisasi per RHK dan predikat per periode',
          params: IdParams,
          querystring: RiwayatQuery,
          response: { 200: RiwayatPegawaiOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => riwayat.pegawai(request.params.id, request.query.tahun),
    );

    app.get(
      '/api/riwayat/tim',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Riwayat Kinerja'],
          summary:
            'Riwayat kinerja tim satu tahun: bawahan langsung saya, atau satu unit (admin, tim penilai) × periode',
          querystring: RiwayatTimQuery,
          response: { 200: RiwayatTimOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => riwayat.tim(request.actor!, request.query),
    );
  };
}
