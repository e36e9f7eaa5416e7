import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AngkaKreditAwal,
  AngkaKreditAwalBody,
  AngkaKreditListOut,
  AngkaKreditListQuery,
  AngkaKreditPegawaiOut,
  AngkaKreditQuery,
} from '../../contracts/angka-kredit.js';
import { IdParams } from '../../contracts/common.js';
import { errorResponses } from '../../platform/http.js';
import type { AngkaKreditService } from './angka-kredit.service.js';

const TAG = ['Angka Kredit'];

export function angkaKreditRoutes(angkaKredit: AngkaKreditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/angka-kredit',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary: 'Daftar pejabat fungsional dengan angka kredit tahun ini dan kumulatifnya',
          querystring: AngkaKreditListQuery,
          response: { 200: AngkaKreditListOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => angkaKredit.daftar(request.actor!, request.query),
    );

    app.get(
      '/api/angka-kredit/pegawai/:id',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary:
            'Angka kredit seorang pejabat fungsional: per periode, tahunan, dan kumulatif terhadap kenaikan pangkat/jenjang berikutnya',
          params: IdParams,
          querystring: AngkaKreditQuery,
          response: { 200: AngkaKreditPegawaiOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => angkaKredit.pegawai(request.actor!, request.params.id, request.query.tahun),
    );

    app.put(
      '/api/angka-kredit/pegawai/:id/awal',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Tetapkan angka kredit awal (konversi/integrasi) seorang pejabat fungsional (admin BKD)',
          params: IdParams,
          body: AngkaKreditAwalBody,
          response: { 200: AngkaKreditAwal, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        angkaKredit.simpanAwal(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
