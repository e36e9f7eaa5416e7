import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImporQuery, ImporResponse } from '../../contracts/impor.js';
import { bersihkanTeks } from '../../domain/teks.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http.js';
import type { ImporService } from './impor.service.js';

export function imporRoutes(impor: ImporService): FastifyPluginAsyncZod {
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
            'tidak sama sekali. Pegawai baru belum memiliki kata sandi sampai admin meresetnya.',
          querystring: ImporQuery,
          response: { 200: ImporResponse, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (request) => {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file)
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        const data = await file.toBuffer();
        const filename = bersihkanTeks(file.filename);
        return impor.importPegawai(request.actor!, { filename, data }, request.query.mode, {
          requestId: request.id,
        });
      },
    );
  };
}
