import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import { SkpBawahanQuery } from '../../contracts/skp.js';
import { errorResponses } from '../../platform/http.js';
import type { DokumenService } from './dokumen.service.js';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A binary 200 in its own content type (errors stay JSON); a Buffer or stream bypasses the serializer. */
const berkas = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

function attachment(filename: string) {
  return `attachment; filename="${filename}"`;
}

export function dokumenRoutes(dokumen: DokumenService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/skp/:id/dokumen.pdf',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'], of: 'skp' } },
        schema: {
          tags: ['Dokumen'],
          summary: 'Dokumen SKP resmi (PDF A4); SKP yang belum disetujui bertanda DRAF',
          params: IdParams,
          response: { 200: berkas(PDF, 'Dokumen SKP (PDF)'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const pdf = await dokumen.skpPdf(request.actor!, request.params.id);
        return reply
          .type(PDF)
          .header('content-disposition', attachment(pdf.filename))
          .header('cache-control', 'private, no-store')
          .send(pdf.data);
      },
    );

    app.get(
      '/api/skp-bawahan/ekspor.xlsx',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dokumen'],
          summary: 'Ekspor daftar SKP bawahan langsung (XLSX, NIP sebagai teks)',
          querystring: SkpBawahanQuery,
          response: { 200: berkas(XLSX, 'Daftar SKP bawahan (XLSX)'), ...errorResponses(400, 401) },
        },
      },
      async (request, reply) => {
        const xlsx = await dokumen.skpBawahanXlsx(request.actor!, request.query);
        return reply
          .type(XLSX)
          .header('content-disposition', attachment(xlsx.filename))
          .header('cache-control', 'private, no-store')
          .send(xlsx.stream);
      },
    );
  };
}
