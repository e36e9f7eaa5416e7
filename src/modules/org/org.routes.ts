import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  JabatanSearchQuery,
  JabatanSearchResponse,
  UnitMandiriBody,
  UnitMandiriOut,
  UnorChildrenQuery,
  UnorChildrenResponse,
  UnorDetail,
} from '../../contracts/org.js';
import { errorResponses } from '../../platform/http.js';
import type { OrgService } from './org.service.js';

const ADMINS = { role: ['opd', 'instansi', 'tim_penilai'] } as const;

export function orgRoutes(org: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/unor',
      {
        config: { access: ADMINS },
        schema: {
          tags: ['Organisasi'],
          summary: 'Sub-unor dari sebuah unor (tanpa parentId: akar yang terlihat oleh pengguna)',
          querystring: UnorChildrenQuery,
          response: { 200: UnorChildrenResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => org.children(request.actor!, request.query.parentId),
    );

    app.get(
      '/api/unor/:id',
      {
        config: { access: ADMINS },
        schema: {
          tags: ['Organisasi'],
          summary: 'Detail unor: jalur, jabatan, dan pemangkunya',
          params: IdParams,
          response: { 200: UnorDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => org.detail(request.actor!, request.params.id),
    );

    app.get(
      '/api/jabatan',
      {
        config: { access: ADMINS },
        schema: {
          tags: ['Organisasi'],
          summary: 'Cari jabatan (untuk mutasi dan Plt/Plh)',
          querystring: JabatanSearchQuery,
          response: { 200: JabatanSearchResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => org.searchJabatan(request.actor!, request.query),
    );

    app.put(
      '/api/jabatan/:id/unit-mandiri',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Organisasi'],
          summary: 'Tandai jabatan sebagai kepala unit kerja mandiri (format SKP JPT; admin BKD)',
          params: IdParams,
          body: UnitMandiriBody,
          response: { 200: UnitMandiriOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        org.setUnitMandiri(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
