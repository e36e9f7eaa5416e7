import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ResetBody, ResetPasswordResponse } from '../../contracts/auth.js';
import { IdParams, Ok } from '../../contracts/common.js';
import { ResetMfaBody } from '../../contracts/mfa.js';
import {
  AtasanOverrideBody,
  MeResponse,
  MutasiBody,
  PegawaiDetail,
  PenugasanPltBody,
  PeranBody,
  SearchPegawaiQuery,
  SearchPegawaiResponse,
} from '../../contracts/pegawai.js';
import { errorResponses } from '../../platform/http.js';
import type { AuthService } from '../auth/auth.service.js';
import type { PegawaiService } from './pegawai.service.js';

const MANAGE = { pegawai: ['opd', 'instansi'] } as const;

export function pegawaiRoutes(pegawai: PegawaiService, auth: AuthService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me',
      {
        config: { access: 'akun' },
        schema: {
          tags: ['Pegawai'],
          summary: 'Profil saya',
          response: { 200: MeResponse, ...errorResponses(401) },
        },
      },
      async (request) => pegawai.me(request.actor!, request.sessionId),
    );

    app.get(
      '/api/pegawai',
      {
        config: { access: { role: ['opd', 'instansi', 'tim_penilai'] } },
        schema: {
          tags: ['Pegawai'],
          summary: 'Cari pegawai menurut NIP atau nama',
          querystring: SearchPegawaiQuery,
          response: { 200: SearchPegawaiResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => pegawai.search(request.actor!, request.query),
    );

    app.get(
      '/api/pegawai/:id',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'] } },
        schema: {
          tags: ['Pegawai'],
          summary: 'Detail pegawai dengan rantai atasan dan bawahan langsung',
          params: IdParams,
          response: { 200: PegawaiDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => pegawai.detail(request.actor!, request.params.id),
    );

    app.post(
      '/api/pegawai/:id/mutasi',
      {
        config: { access: MANAGE },
        schema: {
          tags: ['Pegawai'],
          summary: 'Mutasi: pindahkan pegawai ke jabatan lain',
          params: IdParams,
          body: MutasiBody,
          response: { 200: PegawaiDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        pegawai.mutasi(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.put(
      '/api/pegawai/:id/atasan',
      {
        config: { access: MANAGE },
        schema: {
          tags: ['Pegawai'],
          summary: 'Tetapkan atau hapus atasan pengganti (override)',
          params: IdParams,
          body: AtasanOverrideBody,
          response: { 200: PegawaiDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        pegawai.overrideAtasan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/pegawai/:id/plt',
      {
        config: { access: MANAGE },
        schema: {
          tags: ['Pegawai'],
          summary: 'Tugaskan pegawai sebagai Plt/Plh pada jabatan struktural',
          params: IdParams,
          body: PenugasanPltBody,
          response: { 200: PegawaiDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        pegawai.assignPlt(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.put(
      '/api/pegawai/:id/peran',
      {
        config: { access: { pegawai: ['instansi'] } },
        schema: {
          tags: ['Pegawai'],
          summary: 'Tetapkan peran administratif pegawai (admin instansi, admin OPD, tim penilai)',
          description:
            'Hanya admin instansi (BKD), tidak untuk dirinya sendiri atau atasannya; alasan wajib.',
          params: IdParams,
          body: PeranBody,
          response: { 200: PegawaiDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        pegawai.aturPeran(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/pegawai/:id/reset-password',
      {
        config: { access: MANAGE },
        schema: {
          tags: ['Pegawai'],
          summary: 'Reset kata sandi pegawai (kata sandi sementara, wajib diganti)',
          description:
            'Admin OPD: hanya pegawai biasa di OPD-nya (bukan admin, kepala unit di atasnya, JPT, dirinya ' +
            'sendiri atau atasannya). Admin instansi: siapa pun selain dirinya dan atasannya; untuk admin ' +
            'instansi lain wajib dengan `alasan`.',
          params: IdParams,
          body: ResetBody,
          response: { 200: ResetPasswordResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        auth.resetPassword(request.actor!, request.params.id, request.body.alasan ?? null, request.id),
    );

    app.post(
      '/api/pegawai/:id/reset-mfa',
      {
        config: { access: MANAGE },
        schema: {
          tags: ['Pegawai'],
          summary: 'Reset aplikasi autentikator pegawai (perangkat hilang); mengakhiri semua sesinya',
          description:
            'Batas kewenangan sama dengan reset kata sandi; `alasan` selalu wajib dan dicatat di log audit.',
          params: IdParams,
          body: ResetMfaBody,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        await auth.resetMfa(request.actor!, request.params.id, request.body.alasan, request.id);
        return { ok: true as const };
      },
    );
  };
}
