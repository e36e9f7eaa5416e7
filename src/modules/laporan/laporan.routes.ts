import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LaporanQuery } from '../../contracts/laporan.js';
import { errorResponses } from '../../platform/http.js';
import { XLSX_TYPE } from '../../platform/xlsx-stream.js';
import type { Ekspor, LaporanService } from './laporan.service.js';

const TAG = ['Laporan'];

/** A binary 200 (errors stay JSON); the stream bypasses the serializer. */
const xlsx = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

function kirim(reply: FastifyReply, ekspor: Ekspor) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ekspor.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(ekspor.stream);
}

export function laporanRoutes(laporan: LaporanService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/laporan/skp.xlsx',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary:
            'Laporan SKP (format aplikasi nasional, XLSX): satu baris per SKP tahun itu, NIP sebagai teks',
          querystring: LaporanQuery,
          response: { 200: xlsx('Laporan SKP (XLSX)'), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => kirim(reply, laporan.laporanSkp(request.actor!, request.query)),
    );

    app.get(
      '/api/laporan/penilaian-skp.xlsx',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary: 'Laporan Penilaian SKP (format aplikasi nasional, XLSX): predikat per bulan dan tahunan',
          querystring: LaporanQuery,
          response: { 200: xlsx('Laporan Penilaian SKP (XLSX)'), ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => kirim(reply, laporan.laporanPenilaianSkp(request.actor!, request.query)),
    );
  };
}
