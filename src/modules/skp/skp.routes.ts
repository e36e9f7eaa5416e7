import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  CakupanResponse,
  CreateSkpBody,
  KembalikanBody,
  PerilakuBody,
  SkpBawahanQuery,
  SkpBawahanResponse,
  SkpDetail,
  SkpListQuery,
  SkpListResponse,
  UpdateIsiBody,
  VersionBody,
} from '../../contracts/skp.js';
import { errorResponses } from '../../platform/http.js';
import type { SkpService } from './skp.service.js';

const OWNER = { pegawai: ['self'], of: 'skp' } as const;
const PENILAI = { pegawai: ['bawahan'], of: 'skp' } as const;

export function skpRoutes(skp: SkpService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/skp',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'SKP saya',
          querystring: SkpListQuery,
          response: { 200: SkpListResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: await skp.list(request.actor!, request.query.tahun) }),
    );

    app.get(
      '/api/skp-bawahan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'SKP bawahan langsung dan statusnya (yang menunggu persetujuan lebih dulu)',
          querystring: SkpBawahanQuery,
          response: { 200: SkpBawahanResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: await skp.bawahan(request.actor!, request.query.tahun) }),
    );

    app.put(
      '/api/skp/:id/perilaku',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Ekspektasi khusus pimpinan per nilai BerAKHLAK (pejabat penilai)',
          params: IdParams,
          body: PerilakuBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.setPerilaku(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'Buat SKP (draf) untuk jabatan saya sekarang',
          body: CreateSkpBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => skp.create(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/salin',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'Salin dari tahun lalu: SKP tahun sebelumnya yang disetujui menjadi draf baru',
          body: CreateSkpBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => skp.salin(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/versi-baru',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Buat versi baru dari SKP yang disetujui (versi lama tetap tersimpan)',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.versiBaru(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.get(
      '/api/skp/:id',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'], of: 'skp' } },
        schema: {
          tags: ['SKP'],
          summary: 'Detail SKP dengan temuan dan saran penulisan',
          params: IdParams,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.detail(request.actor!, request.params.id),
    );

    app.get(
      '/api/skp/:id/cakupan',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'], of: 'skp' } },
        schema: {
          tags: ['SKP'],
          summary: 'Cakupan "dibagi habis": setiap IKI terhadap RHK bawahan yang mengintervensinya',
          params: IdParams,
          response: { 200: CakupanResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.cakupan(request.params.id),
    );

    app.put(
      '/api/skp/:id/isi',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Simpan hasil kerja (RHK, IKI, target, intervensi)',
          params: IdParams,
          body: UpdateIsiBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.updateIsi(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/ajukan',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Ajukan SKP kepada pejabat penilai',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        skp.ajukan(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/setujui',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Setujui SKP bawahan (pejabat penilai; SKP JPT oleh kepala daerah)',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.setujui(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/kembalikan',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Kembalikan SKP bawahan dengan catatan',
          params: IdParams,
          body: KembalikanBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.kembalikan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
