import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  AjukanBody,
  AjukanOut,
  BawahanRealisasiOut,
  NilaiBody,
  PenilaianBody,
  PeriodeQuery,
  RealisasiBulanOut,
  RealisasiOut,
  RhkPeriodeParams,
  SimpanRealisasiBody,
} from '../../contracts/realisasi.js';
import { errorResponses } from '../../platform/http.js';
import type { RealisasiService } from './realisasi.service.js';

/** Reading a subordinate's month; only the pejabat penilai assesses (checked by the service). */
const BACA = { pegawai: ['bawahan_langsung', 'opd', 'instansi', 'tim_penilai'] } as const;
/** Assessing: somewhere above the employee (JPT plans are assessed by the head of region). */
const PENILAI = { pegawai: ['bawahan'] } as const;
const PENILAI_REALISASI = { pegawai: ['bawahan'], of: 'realisasi' } as const;

export function realisasiRoutes(realisasi: RealisasiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/realisasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Realisasi saya per RHK dari SKP yang disetujui untuk satu periode, dengan jendela jadwal',
          querystring: PeriodeQuery,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => realisasi.saya(request.actor!, request.query.periode),
    );

    app.get(
      '/api/realisasi/bawahan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Bawahan langsung dan jumlah realisasi per status pada periode (yang menunggu lebih dulu)',
          querystring: PeriodeQuery,
          response: { 200: BawahanRealisasiOut, ...errorResponses(400, 401) },
        },
      },
      async (request) => realisasi.bawahan(request.actor!, request.query.periode),
    );

    app.get(
      '/api/realisasi/pegawai/:id',
      {
        config: { access: BACA },
        schema: {
          tags: ['Realisasi'],
          summary: 'Realisasi seorang bawahan pada satu periode, dengan saran rating hasil kerja',
          params: IdParams,
          querystring: PeriodeQuery,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => realisasi.pegawai(request.actor!, request.params.id, request.query.periode),
    );

    app.put(
      '/api/realisasi/:rhkId/:periode',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Simpan draf realisasi satu RHK (rencana aksi, nilai/uraian, tautan bukti dukung)',
          params: RhkPeriodeParams,
          body: SimpanRealisasiBody,
          response: { 200: RealisasiOut, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request) =>
        realisasi.simpan(request.actor!, request.params.rhkId, request.params.periode, request.body, {
          requestId: request.id,
        }),
    );

    app.post(
      '/api/realisasi/ajukan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Ajukan semua realisasi Draf (dan perbaikan) pada periode ke pejabat penilai',
          body: AjukanBody,
          response: { 200: AjukanOut, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request) => realisasi.ajukan(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/realisasi/:id/nilai',
      {
        config: { access: PENILAI_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Terima realisasi dengan capaiannya, atau minta perbaikan dengan arahan (pejabat penilai)',
          params: IdParams,
          body: NilaiBody,
          response: { 200: RealisasiOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        realisasi.nilai(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.put(
      '/api/realisasi/pegawai/:id/penilaian',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Rating hasil kerja dan perilaku kerja periode → predikat (pejabat penilai)',
          params: IdParams,
          body: PenilaianBody,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        realisasi.penilaian(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
