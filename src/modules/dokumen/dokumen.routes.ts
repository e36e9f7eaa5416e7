import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import {
  KodeParams,
  PeriodeAtauTahunQuery,
  VerifikasiBerkasOut,
  VerifikasiOut,
} from '../../contracts/dokumen.js';
import { PekerjaanOut } from '../../contracts/pekerjaan.js';
import { PeriodeQuery } from '../../contracts/realisasi.js';
import { SkpBawahanQuery } from '../../contracts/skp.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http.js';
import type { Berkas, DokumenService } from './dokumen.service.js';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP = 'application/zip';
/** A printed document is a few hundred kilobytes; anything far larger is not one of ours. */
const BERKAS_VERIFIKASI_MAKS = 5 * 1024 * 1024;

/** The employee, his superiors, admins of his OPD or the instansi, the tim penilai. */
const PEGAWAI_DOKUMEN = ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'] as const;

/** A binary 200 in its own content type (errors stay JSON); a Buffer or stream bypasses the serializer. */
const berkas = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
});

function attachment(filename: string) {
  return `attachment; filename="${filename}"`;
}

/** The registered PDF with its code in a header (the browser shows it; tests read it). */
function kirimPdf(reply: FastifyReply, pdf: Berkas) {
  return reply
    .type(PDF)
    .header('content-disposition', attachment(pdf.filename))
    .header('cache-control', 'private, no-store')
    .header('x-kode-verifikasi', pdf.kode)
    .send(pdf.data);
}

export function dokumenRoutes(
  dokumen: DokumenService,
  config: Pick<Config, 'LOGIN_RATE_LIMIT'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/skp/:id/dokumen.pdf',
      {
        config: { access: { pegawai: PEGAWAI_DOKUMEN, of: 'skp' } },
        schema: {
          tags: ['Dokumen'],
          summary: 'Dokumen SKP resmi (PDF A4); SKP yang belum disetujui bertanda DRAF',
          params: IdParams,
          response: { 200: berkas(PDF, 'Dokumen SKP (PDF)'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => kirimPdf(reply, await dokumen.skpPdf(request.actor!, request.params.id)),
    );

    app.get(
      '/api/dokumen/evaluasi/periodik/:id',
      {
        config: { access: { pegawai: PEGAWAI_DOKUMEN } },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Evaluasi Kinerja Pegawai periodik (PDF A4) satu pegawai; periode yang belum dinilai bertanda DRAF',
          params: IdParams,
          querystring: PeriodeQuery,
          response: {
            200: berkas(PDF, 'Evaluasi Kinerja Pegawai (PDF)'),
            ...errorResponses(400, 401, 403, 404, 422),
          },
        },
      },
      async (request, reply) =>
        kirimPdf(
          reply,
          await dokumen.evaluasiPeriodikPdf(request.actor!, request.params.id, request.query.periode),
        ),
    );

    app.get(
      '/api/dokumen/evaluasi/tahunan/:id',
      {
        config: { access: { pegawai: PEGAWAI_DOKUMEN, of: 'skp' } },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Evaluasi Kinerja Pegawai tahunan (PDF A4) dari evaluasi tahunan satu SKP; yang belum final bertanda DRAF',
          params: IdParams,
          response: {
            200: berkas(PDF, 'Evaluasi Kinerja Pegawai tahunan (PDF)'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) =>
        kirimPdf(reply, await dokumen.evaluasiTahunanPdf(request.actor!, request.params.id)),
    );

    app.get(
      '/api/dokumen/evaluasi/ringkas/:id',
      {
        config: { access: { pegawai: PEGAWAI_DOKUMEN, of: 'skp' } },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Dokumen Evaluasi Kinerja Pegawai (ringkasan satu halaman, isian bernomor) dari evaluasi tahunan satu SKP',
          params: IdParams,
          response: {
            200: berkas(PDF, 'Dokumen Evaluasi Kinerja Pegawai (PDF)'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) =>
        kirimPdf(reply, await dokumen.dokumenEvaluasiPdf(request.actor!, request.params.id)),
    );

    app.get(
      '/api/dokumen/penetapan/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Penetapan Predikat Kinerja satu unit untuk periode atau tahun (PDF A4): pimpinan unit dan atasannya, admin, tim penilai',
          params: IdParams,
          querystring: PeriodeAtauTahunQuery,
          response: {
            200: berkas(PDF, 'Penetapan Predikat Kinerja (PDF)'),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) =>
        kirimPdf(reply, await dokumen.penetapanPdf(request.actor!, request.params.id, request.query.periode)),
    );

    app.get(
      '/api/dokumen/unit/:id/zip',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Unduh sekaligus (ZIP) dokumen evaluasi setiap pegawai unit beserta unit di bawahnya: periode → evaluasi periodik, tahun → evaluasi tahunan dan dokumen evaluasi',
          params: IdParams,
          querystring: PeriodeAtauTahunQuery,
          response: { 200: berkas(ZIP, 'Dokumen unit (ZIP)'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const zip = await dokumen.zipUnit(request.actor!, request.params.id, request.query.periode);
        return reply
          .type(ZIP)
          .header('content-disposition', attachment(zip.filename))
          .header('cache-control', 'private, no-store')
          .send(zip.stream);
      },
    );

    app.post(
      '/api/dokumen/unit/:id/zip/latar',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dokumen'],
          summary:
            'Mulai ZIP dokumen evaluasi unit sebagai pekerjaan latar: 202 dengan pekerjaannya; kemajuan di /api/pekerjaan/:id, berkas di /api/pekerjaan/:id/hasil',
          params: IdParams,
          querystring: PeriodeAtauTahunQuery,
          response: { 202: PekerjaanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await dokumen.zipUnitLatar(request.actor!, request.params.id, request.query.periode)),
    );

    // Public: anyone holding a print checks it. Rate-limited like the login, since codes are guessable only by trying.
    const verifikasiLimit = { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' };

    app.get(
      '/api/verifikasi/:kode',
      {
        config: { access: 'public', rateLimit: verifikasiLimit },
        schema: {
          tags: ['Verifikasi Dokumen'],
          summary:
            'Identitas dokumen tercetak dari kode verifikasinya (tanpa data kinerja) dan sidik SHA-256-nya',
          params: KodeParams,
          response: { 200: VerifikasiOut, ...errorResponses(400, 404, 429) },
        },
      },
      async (request) => dokumen.verifikasi(request.params.kode),
    );

    app.post(
      '/api/verifikasi/:kode/berkas',
      {
        config: { access: 'public', rateLimit: verifikasiLimit },
        schema: {
          tags: ['Verifikasi Dokumen'],
          summary: 'Periksa apakah berkas PDF sama persis dengan dokumen yang diterbitkan dengan kode ini',
          description: 'Multipart: field `file` (PDF, paling besar 5 MB). Berkas tidak disimpan.',
          params: KodeParams,
          response: { 200: VerifikasiBerkasOut, ...errorResponses(400, 404, 413, 429) },
        },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        let data: Buffer | null = null;
        try {
          for await (const part of request.parts({
            limits: { fileSize: BERKAS_VERIFIKASI_MAKS, files: 1 },
          })) {
            if (part.type !== 'file') continue;
            const buf = await part.toBuffer();
            if (part.fieldname === 'file' && !data) data = buf;
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError(
              'BERKAS_TERLALU_BESAR',
              { maks: BERKAS_VERIFIKASI_MAKS },
              'Berkas terlalu besar; dokumen yang diperiksa paling besar 5 MB.',
            );
          throw err;
        }
        if (!data)
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        return dokumen.verifikasiBerkas(request.params.kode, data);
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
