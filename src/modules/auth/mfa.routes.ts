import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { KodePemulihanResponse, KonfirmasiMfaBody, MulaiDaftarMfaResponse } from '../../contracts/mfa.js';
import { errorResponses } from '../../platform/http.js';
import type { MfaService } from './mfa.service.js';

export function mfaRoutes(mfa: MfaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/mfa/daftar',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary: 'Mulai mendaftarkan aplikasi autentikator (kode QR dan kunci rahasia)',
          response: { 200: MulaiDaftarMfaResponse, ...errorResponses(401, 403) },
        },
      },
      async (request) => mfa.mulaiDaftar(request.actor!, request.id),
    );

    app.post(
      '/api/auth/mfa/konfirmasi',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Autentikasi'],
          summary:
            'Konfirmasi aplikasi autentikator dengan kode pertama; menerima 10 kode pemulihan (sekali tampil)',
          body: KonfirmasiMfaBody,
          response: { 200: KodePemulihanResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => mfa.konfirmasiDaftar(request.actor!, request.body.kode, request.id),
    );
  };
}
