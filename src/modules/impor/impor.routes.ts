import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImporQuery, ImporResponse } from '../../contracts/impor.js';
import { errorResponses } from '../../platform/http.js';
import {
  type ImportGate,
  imporLatarSchema,
  importLimitsText,
  readImportFile,
} from '../../platform/import-upload.js';
import { BATAS_BERKAS_PEGAWAI } from './impor.parse.js';
import type { ImporService } from './impor.service.js';

export function imporRoutes(impor: ImporService, gate: ImportGate): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/impor/pegawai',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Impor'],
          summary: 'Impor pegawai dari CSV/XLSX (kolom gaya SIASN)',
          description:
            'Unggah berkas pada field multipart `file`. Kolom: NIP, Nama, Jenis ASN, Golongan, Jabatan, Unor, ' +
            'dan opsional Gelar Depan, Gelar Belakang, Jenis Jabatan, Jenjang, NIP Atasan. `mode=dry-run` ' +
            'hanya memeriksa dan melaporkan setiap baris yang salah; `mode=commit` menerapkan semuanya atau ' +
            'tidak sama sekali. Pegawai baru belum memiliki kata sandi sampai admin meresetnya.' +
            importLimitsText(BATAS_BERKAS_PEGAWAI),
          querystring: ImporQuery,
          response: { 200: ImporResponse, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
        },
      },
      async (request) => {
        const file = await readImportFile(request);
        return gate.run(request.actor!.instansiId, () =>
          impor.importPegawai(request.actor!, file, request.query.mode, { requestId: request.id }),
        );
      },
    );

    app.post(
      '/api/impor/pegawai/latar',
      {
        config: { access: { role: ['instansi'] } },
        schema: imporLatarSchema({
          tags: ['Impor'],
          langsung: '/api/impor/pegawai',
          limits: BATAS_BERKAS_PEGAWAI,
        }),
      },
      async (request, reply) => {
        const file = await readImportFile(request);
        return reply
          .status(202)
          .send(await impor.importPegawaiLatar(request.actor!, file, { requestId: request.id }));
      },
    );
  };
}
