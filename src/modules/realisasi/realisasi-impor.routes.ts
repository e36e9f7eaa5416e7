import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PeriodeQuery } from '../../contracts/realisasi.js';
import { ImporRealisasiQuery, ImporRealisasiResponse } from '../../contracts/realisasi-impor.js';
import { errorResponses } from '../../platform/http.js';
import {
  type ImportGate,
  imporLatarSchema,
  importLimitsText,
  readImportFile,
} from '../../platform/import-upload.js';
import { BATAS_BERKAS_REALISASI, type RealisasiImporService } from './realisasi-impor.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function realisasiImporRoutes(impor: RealisasiImporService, gate: ImportGate): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/realisasi/templat',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary:
            'Templat XLSX realisasi saya untuk satu periode: satu baris per RHK, terisi nilai tersimpan',
          querystring: PeriodeQuery,
          response: {
            200: {
              description: 'Templat realisasi (XLSX)',
              content: { [XLSX]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            },
            ...errorResponses(400, 401, 422),
          },
        },
      },
      async (request, reply) => {
        const f = await impor.templat(request.actor!, request.query.periode);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(f.data);
      },
    );

    app.post(
      '/api/realisasi/impor',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Impor realisasi saya dari templat XLSX (atau CSV dengan kolom yang sama) sebagai draf',
          description:
            'Unggah berkas pada field multipart `file`. Kolom: ID RHK (wajib), Rencana Aksi, Target Aksi, ' +
            'Realisasi (angka; koma desimal boleh), Satuan, Realisasi (teks), Tautan bukti dan Deskripsi tautan ' +
            '(satu per baris dalam sel). Kolom yang tidak ada tidak mengubah isian; sel kosong mengosongkannya. ' +
            'Baris yang sama dengan yang tersimpan dibiarkan. `mode=dry-run` hanya memeriksa dan melaporkan ' +
            'setiap baris yang salah; `mode=commit` menyimpan semua baris yang berubah sebagai draf atau tidak ' +
            'sama sekali (tidak mengajukan), selama jendela input (atau perbaikan untuk realisasi yang ' +
            'dikembalikan) dibuka.' +
            importLimitsText(BATAS_BERKAS_REALISASI),
          querystring: ImporRealisasiQuery,
          response: { 200: ImporRealisasiResponse, ...errorResponses(400, 401, 409, 413, 415, 422, 429) },
        },
      },
      async (request) => {
        const file = await readImportFile(request);
        return gate.run(request.actor!.instansiId, () =>
          impor.impor(request.actor!, request.query.periode, file, request.query.mode, {
            requestId: request.id,
          }),
        );
      },
    );

    app.post(
      '/api/realisasi/impor/latar',
      {
        config: { access: 'authenticated' },
        schema: {
          ...imporLatarSchema({
            tags: ['Realisasi'],
            langsung: '/api/realisasi/impor',
            limits: BATAS_BERKAS_REALISASI,
            lain: 409,
          }),
          querystring: PeriodeQuery,
        },
      },
      async (request, reply) => {
        const file = await readImportFile(request);
        return reply
          .status(202)
          .send(
            await impor.imporLatar(request.actor!, request.query.periode, file, { requestId: request.id }),
          );
      },
    );
  };
}
