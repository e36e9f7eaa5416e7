import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PkBody, PkImporQuery, PkImporResponse, PkOut, PkQuery } from '../../contracts/pk.js';
import { errorResponses } from '../../platform/http.js';
import {
  type ImportGate,
  imporLatarSchema,
  importLimitsText,
  readImportFile,
} from '../../platform/import-upload.js';
import { BATAS_BERKAS_PK, type PkService } from './pk.service.js';

export function pkRoutes(pk: PkService, gate: ImportGate): FastifyPluginAsyncZod {
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
            'semuanya atau tidak sama sekali.' +
            importLimitsText(BATAS_BERKAS_PK),
          querystring: PkImporQuery,
          response: { 200: PkImporResponse, ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429) },
        },
      },
      async (request) => {
        const file = await readImportFile(request);
        return gate.run(request.actor!.instansiId, () =>
          pk.impor(request.actor!, file, request.query.mode, { requestId: request.id }),
        );
      },
    );

    app.post(
      '/api/perjanjian-kinerja/impor/latar',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: imporLatarSchema({
          tags: ['Perencanaan'],
          langsung: '/api/perjanjian-kinerja/impor',
          limits: BATAS_BERKAS_PK,
          lain: 409,
        }),
      },
      async (request, reply) => {
        const file = await readImportFile(request);
        return reply.status(202).send(await pk.imporLatar(request.actor!, file, { requestId: request.id }));
      },
    );
  };
}
