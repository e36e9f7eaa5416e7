import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImporNasionalQuery, ImporNasionalResponse } from '../../contracts/impor-nasional.js';
import { errorResponses } from '../../platform/http.js';
import {
  type ImportGate,
  imporLatarSchema,
  importLimitsText,
  readImportFile,
} from '../../platform/import-upload.js';
import { BATAS_BERKAS_NASIONAL } from './impor-nasional.parse.js';
import type { ImporNasionalService } from './impor-nasional.service.js';

const FORMAT =
  'Berkas: Laporan Penilaian SKP atau Laporan SKP yang diunduh dari aplikasi e-Kinerja nasional (XLSX ' +
  'atau CSV); jenisnya dibaca dari baris judul, atau dari kolomnya. Baris judul boleh ada di atas; ' +
  'baris kepala tabel adalah yang pertama memuat kolom NIP (NIP, NIP Baru, NIP Pegawai), lalu Nama, ' +
  'satu kolom per bulan (Januari … Desember, atau Jan, Predikat Januari, Januari 2026; kepala dua ' +
  'baris juga dibaca) dan/atau kolom tahunan (Tahunan, Predikat Tahunan, Predikat, Predikat Kinerja, ' +
  'Hasil Kinerja, Hasil Penilaian) berisi predikat (Sangat Baik, Baik, Butuh Perbaikan, ' +
  'Kurang/Misconduct, Sangat Kurang; kosong atau "-" berarti belum ada). NIP sebagai teks, boleh ' +
  'berspasi; NIP yang tersimpan sebagai angka ditolak karena digitnya tidak utuh.';

export function imporNasionalRoutes(impor: ImporNasionalService, gate: ImportGate): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/impor/nasional',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: ['Impor'],
          summary: 'Impor hasil penilaian periodik dan tahunan dari aplikasi e-Kinerja nasional',
          description:
            `Unggah berkas pada field multipart \`file\`. ${FORMAT} Pegawai dicocokkan dengan NIP di ` +
            'instansi ini; tiap bulan menjadi penilaian periodik bersumber IMPOR_NASIONAL pada SKP yang ' +
            'disetujui untuk bulan itu, dan kolom tahunan menjadi evaluasi tahunan FINAL bersumber ' +
            'IMPOR_NASIONAL pada SKP terakhir yang disetujui tahun itu. `mode=dry-run` menyebut jenis ' +
            'berkas dan melaporkan NIP tak dikenal, nilai yang tidak terbaca, hasil tanpa SKP, dan konflik ' +
            'dengan penilaian lokal, final maupun draf (dengan `kunci`); `mode=commit` ' +
            'menerapkan semuanya atau tidak sama sekali: penilaian lokal dipertahankan kecuali kuncinya ' +
            'disebut dalam `ambilNasional`.' +
            importLimitsText(BATAS_BERKAS_NASIONAL),
          querystring: ImporNasionalQuery,
          response: {
            200: ImporNasionalResponse,
            ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429),
          },
        },
      },
      async (request) => {
        const file = await readImportFile(request);
        const { tahun, mode, ambilNasional } = request.query;
        return gate.run(request.actor!.instansiId, () =>
          impor.impor(request.actor!, tahun, file, mode, ambilNasional, { requestId: request.id }),
        );
      },
    );

    app.post(
      '/api/impor/nasional/latar',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          ...imporLatarSchema({
            tags: ['Impor'],
            langsung: '/api/impor/nasional',
            limits: BATAS_BERKAS_NASIONAL,
            lain: 409,
          }),
          querystring: ImporNasionalQuery.omit({ mode: true }),
        },
      },
      async (request, reply) => {
        const file = await readImportFile(request);
        const { tahun, ambilNasional } = request.query;
        return reply
          .status(202)
          .send(
            await impor.imporLatar(request.actor!, tahun, file, ambilNasional, { requestId: request.id }),
          );
      },
    );
  };
}
