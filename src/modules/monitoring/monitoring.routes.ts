import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AksesOut,
  KepatuhanOut,
  OpdOut,
  OpdParams,
  PerbaruiBody,
  PerbaruiOut,
  RingkasanOut,
  RingkasanQuery,
  TahunQuery,
  TerlambatOut,
  TerlambatQuery,
  TrenOut,
  TrenQuery,
} from '../../contracts/monitoring.js';
import { errorResponses } from '../../platform/http.js';
import type { MonitoringService } from './monitoring.service.js';

const TAG = ['Monitoring'];

/**
 * The reads are open to any signed-in employee because the head of region holds no admin role: the
 * service lets in the BKD admin, OPD admins (their OPDs) and whoever heads the instansi's root unit.
 */
export function monitoringRoutes(monitoring: MonitoringService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/monitoring/akses',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Cakupan monitoring pengguna: seluruh instansi dan/atau perangkat daerah',
          response: { 200: AksesOut, ...errorResponses(401) },
        },
      },
      async (request) => monitoring.akses(request.actor!),
    );

    app.get(
      '/api/monitoring/ringkasan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary:
            'Ringkasan monitoring satu periode: status SKP, pengisian, predikat, dan kurva per perangkat daerah',
          querystring: RingkasanQuery,
          response: { 200: RingkasanOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => monitoring.ringkasan(request.actor!, request.query.periode),
    );

    app.get(
      '/api/monitoring/kepatuhan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Kepatuhan pelaporan (e-Lapkin) per perangkat daerah per periode, berperingkat',
          querystring: TahunQuery,
          response: { 200: KepatuhanOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => monitoring.kepatuhan(request.actor!, request.query.tahun),
    );

    app.get(
      '/api/monitoring/tren',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary:
            'Tren pengisian dan predikat per periode dalam satu tahun (instansi atau satu perangkat daerah)',
          querystring: TrenQuery,
          response: { 200: TrenOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => monitoring.tren(request.actor!, request.query),
    );

    app.get(
      '/api/monitoring/opd/:opdId',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Monitoring pengisian satu perangkat daerah per unit kerja',
          params: OpdParams,
          querystring: RingkasanQuery,
          response: { 200: OpdOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => monitoring.opd(request.actor!, request.params.opdId, request.query.periode),
    );

    app.get(
      '/api/monitoring/opd/:opdId/terlambat',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary:
            'Daftar pegawai terlambat satu perangkat daerah: belum/terlambat melapor, belum dinilai atau diperbaiki',
          params: OpdParams,
          querystring: TerlambatQuery,
          response: { 200: TerlambatOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => monitoring.terlambat(request.actor!, request.params.opdId, request.query),
    );

    app.post(
      '/api/monitoring/perbarui',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary: 'Perbarui data rekap monitoring satu periode (admin BKD/OPD)',
          body: PerbaruiBody,
          response: { 200: PerbaruiOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => monitoring.perbaruiOleh(request.actor!, request.body, { requestId: request.id }),
    );
  };
}
