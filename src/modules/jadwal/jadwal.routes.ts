import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  BukaanBody,
  BukaanOut,
  BukaanPage,
  BukaanQuery,
  CabutBody,
  JadwalOut,
} from '../../contracts/jadwal.js';
import { errorResponses } from '../../platform/http.js';
import type { JadwalService } from './jadwal.service.js';

export function jadwalRoutes(jadwal: JadwalService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/jadwal',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Jadwal'],
          summary: 'Jadwal instansi: periode penilaian, jendela yang sedang dibuka dan yang berikutnya',
          description:
            'Waktu dalam ISO 8601 (UTC) beserta tanggal lokal dan singkatan zona waktu instansi (WIB/WITA/WIT).',
          response: { 200: JadwalOut, ...errorResponses(401) },
        },
      },
      async (request) => jadwal.lihat(request.actor!),
    );

    app.get(
      '/api/jadwal/bukaan',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Jadwal'],
          summary: 'Bukaan jendela di luar jadwal, aktif dan lampau (admin OPD: hanya OPD-nya)',
          querystring: BukaanQuery,
          response: { 200: BukaanPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => jadwal.list(request.actor!, request.query),
    );

    app.post(
      '/api/jadwal/bukaan',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Jadwal'],
          summary: 'Buka jendela untuk seorang pegawai atau sebuah unit, dengan alasan dan batas waktu',
          description:
            'Tepat satu dari `pegawaiId` atau `unorId`; bukaan untuk unit berlaku juga bagi unit di bawahnya. ' +
            'Bukaan tertutup sendiri pada waktu `berakhir` (paling lama 31 hari).',
          body: BukaanBody,
          response: { 200: BukaanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => jadwal.buka(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/jadwal/bukaan/:id/cabut',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Jadwal'],
          summary: 'Cabut bukaan jendela sebelum waktunya berakhir',
          params: IdParams,
          body: CabutBody,
          response: { 200: BukaanOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        jadwal.cabut(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
