import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  CabutDelegasiBody,
  CalonPenerimaOut,
  CalonPenerimaQuery,
  DelegasiBody,
  DelegasiOut,
  DelegasiPage,
  DelegasiQuery,
} from '../../contracts/delegasi.js';
import { errorResponses } from '../../platform/http.js';
import type { DelegasiService } from './delegasi.service.js';

/** Everyone signed in; the service decides whose delegation the caller may create, see or revoke. */
export function delegasiRoutes(delegasi: DelegasiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/delegasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Delegasi Penilaian'],
          summary: 'Delegasi penilaian yang saya berikan atau terima, atau seluruhnya dalam lingkup admin',
          querystring: DelegasiQuery,
          response: { 200: DelegasiPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => delegasi.list(request.actor!, request.query),
    );

    app.get(
      '/api/delegasi/calon',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Delegasi Penilaian'],
          summary: 'Pejabat struktural setingkat atau lebih tinggi yang dapat menerima delegasi',
          querystring: CalonPenerimaQuery,
          response: { 200: CalonPenerimaOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => delegasi.calon(request.actor!, request.query),
    );

    app.post(
      '/api/delegasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Delegasi Penilaian'],
          summary: 'Delegasikan penilaian bawahan kepada pejabat lain untuk rentang tanggal (mis. saat cuti)',
          body: DelegasiBody,
          response: { 201: DelegasiOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await delegasi.buat(request.actor!, request.body, { requestId: request.id })),
    );

    app.post(
      '/api/delegasi/:id/cabut',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Delegasi Penilaian'],
          summary: 'Cabut delegasi yang belum berakhir (pemberi, pembuat, atau admin)',
          params: IdParams,
          body: CabutDelegasiBody,
          response: { 200: DelegasiOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        delegasi.cabut(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
