import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PkBody, PkImporQuery, PkImporResponse, PkOut, PkQuery } from '../../contracts/pk.js';
import { bersihkanTeks } from '../../domain/teks.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http.js';
import type { PkService } from './pk.service.js';

export function pkRoutes(pk: PkService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/perjanjian-kinerja',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Perencanaan'],
          summary: 'Perjanjian kinerja sebuah unit untuk satu tahun (dibaca seluruh instansi)',
          querystring: PkQuery,
          response: { 200: PkOut, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => pk.get(request.actor!, request.query.unorId, request.query.tahun),
    );

    app.put(
      '/api/perjanjian-kinerja',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Perencanaan'],
          summary: 'Simpan perjanjian kinerja unit (BKD, atau admin OPD untuk OPD-nya)',
          body: PkBody,
          response: { 200: PkOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => pk.save(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/perjanjian-kinerja/impor',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Perencanaan'],
          summary: 'Impor perjanjian kinerja dari CSV/XLSX (BKD, atau admin OPD untuk unit di OPD-nya)',
          description:
            'Unggah berkas pada field multipart `file`. Kolom: Kode Unor (atau Unor: nama unor persis), Tahun, ' +
            'Sasaran, Indikator, Target (angka; koma desimal boleh, atau kosong), Satuan, dan opsional Target ' +
            'Teks. Baris dengan unor dan tahun yang sama menjadi satu perjanjian kinerja yang menggantikan ' +
            'perjanjian unit itu untuk tahun tersebut; sasaran yang sudah diturunkan ke RHK tetap tertaut. ' +
            '`mode=dry-run` hanya memeriksa dan melaporkan setiap baris yang salah; `mode=commit` menerapkan ' +
            'semuanya atau tidak sama sekali.',
          querystring: PkImporQuery,
          response: { 200: PkImporResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422) },
        },
      },
      async (request) => {
        const file = request.isMultipart() ? await request.file() : undefined;
        if (!file)
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        const data = await file.toBuffer();
        const filename = bersihkanTeks(file.filename);
        return pk.impor(request.actor!, { filename, data }, request.query.mode, {
          requestId: request.id,
        });
      },
    );
  };
}
