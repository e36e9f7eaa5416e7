import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuery } from '../../contracts/common.js';
import {
  TokenApiBody,
  TokenApiDibuat,
  TokenApiItem,
  TokenApiPage,
  TokenApiParams,
} from '../../contracts/integrasi.js';
import { errorResponses } from '../../platform/http.js';
import type { TokenApiService } from './token-api.service.js';

const TAG = ['Integrasi (Token API)'];

/** Token management is the BKD admin's, over a session like every screen. */
export function tokenApiRoutes(tokens: TokenApiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/token-api',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Buat token API dengan cakupan dan masa berlaku (token hanya ditampilkan sekali)',
          body: TokenApiBody,
          response: { 200: TokenApiDibuat, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => tokens.buat(request.actor!, request.body, request.id),
    );

    app.get(
      '/api/token-api',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Daftar token API instansi (prefiks, cakupan, kedaluwarsa, terakhir dipakai)',
          querystring: PageQuery,
          response: { 200: TokenApiPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => tokens.daftar(request.actor!, request.query),
    );

    app.post(
      '/api/token-api/:tokenId/cabut',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Cabut token API (berlaku seketika)',
          params: TokenApiParams,
          response: { 200: TokenApiItem, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => tokens.cabut(request.actor!, request.params.tokenId, request.id),
    );
  };
}
