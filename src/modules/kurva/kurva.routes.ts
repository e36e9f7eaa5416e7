import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  KalibrasiBody,
  KalibrasiOut,
  KalibrasiParams,
  KurvaQuery,
  KurvaUnitOut,
  LaporanKurvaOut,
  LeniensiOut,
  PenetapanBody,
  PeriodeUnitOut,
  PredikatOrganisasiBody,
  UnitPimpinanOut,
  UnorParams,
} from '../../contracts/kurva.js';
import { errorResponses } from '../../platform/http.js';
import type { KurvaService } from './kurva.service.js';

const TAG = ['Kurva & Predikat'];

/** Unit routes are open to any signed-in employee: the service decides by the units they head and their roles. */
export function kurvaRoutes(kurva: KurvaService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/kurva/unit-saya',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Unit yang saya pimpin dan unit satu tingkat di bawahnya',
          response: { 200: UnitPimpinanOut, ...errorResponses(401) },
        },
      },
      async (request) => kurva.unitPimpinan(request.actor!),
    );

    app.get(
      '/api/kurva/unor/:unorId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Predikat kinerja organisasi dan kurva distribusi predikat pegawai satu unit per periode',
          params: UnorParams,
          querystring: KurvaQuery,
          response: { 200: KurvaUnitOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kurva.unit(request.actor!, request.params.unorId, request.query.periode),
    );

    app.put(
      '/api/kurva/unor/:unorId/predikat-organisasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Tetapkan predikat kinerja organisasi unit (pimpinan satu tingkat di atas atau admin BKD)',
          params: UnorParams,
          body: PredikatOrganisasiBody,
          response: { 200: KurvaUnitOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        kurva.setPredikatOrganisasi(request.actor!, request.params.unorId, request.body, {
          requestId: request.id,
        }),
    );

    app.post(
      '/api/kurva/unor/:unorId/penetapan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Penetapan predikat kinerja unit dan distribusinya oleh pimpinan unit',
          params: UnorParams,
          body: PenetapanBody,
          response: { 200: KurvaUnitOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        kurva.tetapkan(request.actor!, request.params.unorId, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/kurva/unor/:unorId/periode',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Periode yang sudah berisi penilaian di unit ini, terbaru lebih dulu (paling banyak 24)',
          params: UnorParams,
          response: { 200: PeriodeUnitOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kurva.periodeUnit(request.actor!, request.params.unorId),
    );

    app.get(
      '/api/kurva/unor/:unorId/kalibrasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Papan kalibrasi: pegawai unit dengan rating hasil kerja dan perilaku, dan kurvanya',
          params: UnorParams,
          querystring: KurvaQuery,
          response: { 200: KalibrasiOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kurva.kalibrasi(request.actor!, request.params.unorId, request.query.periode),
    );

    app.put(
      '/api/kurva/unor/:unorId/kalibrasi/:penilaianId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Ubah rating pegawai dalam kalibrasi (pimpinan unit, dengan alasan, sebelum penetapan)',
          params: KalibrasiParams,
          body: KalibrasiBody,
          response: { 200: KurvaUnitOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        kurva.ubahRating(request.actor!, request.params.unorId, request.params.penilaianId, request.body, {
          requestId: request.id,
        }),
    );

    app.get(
      '/api/kurva/unor/:unorId/leniensi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Kecenderungan penilai: porsi Di Atas Ekspektasi per penilai dibanding median unit',
          params: UnorParams,
          querystring: KurvaQuery,
          response: { 200: LeniensiOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kurva.leniensi(request.actor!, request.params.unorId, request.query.periode),
    );

    app.get(
      '/api/kurva/laporan',
      {
        config: { access: { role: ['instansi', 'opd', 'tim_penilai'] } },
        schema: {
          tags: TAG,
          summary: 'Monitoring kurva: distribusi predikat setiap unit dalam satu periode',
          querystring: KurvaQuery,
          response: { 200: LaporanKurvaOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => kurva.laporan(request.actor!, request.query.periode),
    );
  };
}
