import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LaporanQuery } from '../../contracts/laporan.js';
import { PekerjaanOut } from '../../contracts/pekerjaan.js';
import { errorResponses, kirimXlsx, xlsxResponse } from '../../platform/http.js';
import type { JenisLaporan, LaporanService } from './laporan.service.js';

const TAG = ['Laporan'];

const LAPORAN: { jenis: JenisLaporan; judul: string; isi: string }[] = [
  {
    jenis: 'skp',
    judul: 'Laporan SKP',
    isi: 'format aplikasi nasional, XLSX: satu baris per SKP tahun itu, NIP sebagai teks',
  },
  {
    jenis: 'penilaian-skp',
    judul: 'Laporan Penilaian SKP',
    isi: 'format aplikasi nasional, XLSX: predikat per bulan dan tahunan',
  },
];

export function laporanRoutes(laporan: LaporanService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const l of LAPORAN) {
      app.get(
        `/api/laporan/${l.jenis}.xlsx`,
        {
          config: { access: { role: ['instansi', 'opd'] } },
          schema: {
            tags: TAG,
            summary: `${l.judul} (${l.isi})`,
            querystring: LaporanQuery,
            response: { 200: xlsxResponse(`${l.judul} (XLSX)`), ...errorResponses(400, 401, 403) },
          },
        },
        async (request, reply) => kirimXlsx(reply, laporan.unduh(request.actor!, l.jenis, request.query)),
      );

      app.post(
        `/api/laporan/${l.jenis}/latar`,
        {
          config: { access: { role: ['instansi', 'opd'] } },
          schema: {
            tags: TAG,
            summary: `Mulai ${l.judul} sebagai pekerjaan latar: 202 dengan pekerjaannya; kemajuan (baris) di /api/pekerjaan/:id, berkas di /api/pekerjaan/:id/hasil`,
            querystring: LaporanQuery,
            response: { 202: PekerjaanOut, ...errorResponses(400, 401, 403) },
          },
        },
        async (request, reply) =>
          reply.status(202).send(await laporan.latar(request.actor!, l.jenis, request.query)),
      );
    }
  };
}
