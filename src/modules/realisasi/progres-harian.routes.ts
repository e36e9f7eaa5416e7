import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BulanQuery } from '../../contracts/kehadiran.js';
import {
  KomentarBody,
  KomentarParams,
  PegawaiBulanParams,
  ProgresPegawaiOut,
  TimProgresOut,
} from '../../contracts/progres-harian.js';
import { errorResponses } from '../../platform/http.js';
import type { ProgresHarianService } from './progres-harian.service.js';

/** Whoever reads the employee's month: the employee, the assessor chain or a delegate, admins, the tim penilai. */
const BACA = { pegawai: ['self', 'bawahan', 'delegasi', 'opd', 'instansi', 'tim_penilai'] } as const;
/** Above the employee or a delegate; the service narrows to the pejabat penilai and his delegate. */
const PENILAI = { pegawai: ['bawahan', 'delegasi'] } as const;

export function progresHarianRoutes(progres: ProgresHarianService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/progres-harian/tim',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary:
            'Progres harian tim yang dinilai satu bulan: menit, entri dan komentar per pegawai per hari',
          querystring: BulanQuery,
          response: { 200: TimProgresOut, ...errorResponses(400, 401) },
        },
      },
      async (request) => progres.tim(request.actor!, request.query.bulan),
    );

    app.get(
      '/api/progres-harian/pegawai/:id',
      {
        config: { access: BACA },
        schema: {
          tags: ['Realisasi'],
          summary: 'Progres harian seorang pegawai satu bulan per hari, dengan komentar penilai',
          params: PegawaiBulanParams,
          querystring: BulanQuery,
          response: { 200: ProgresPegawaiOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => progres.pegawai(request.actor!, request.params.id, request.query.bulan),
    );

    app.post(
      '/api/progres-harian/pegawai/:id/:tanggal/komentar',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Komentar pejabat penilai (atau delegasinya) pada satu hari progres harian pegawai',
          params: KomentarParams,
          body: KomentarBody,
          response: { 201: ProgresPegawaiOut, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await progres.komentari(request.actor!, request.params.id, request.params.tanggal, request.body, {
            requestId: request.id,
          }),
        ),
    );
  };
}
