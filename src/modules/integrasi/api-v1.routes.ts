import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type CakupanToken,
  V1EvaluasiPage,
  V1EvaluasiQuery,
  V1KehadiranBody,
  V1KehadiranOut,
  V1PegawaiPage,
  V1PegawaiQuery,
  V1SinkronPegawaiBody,
  V1SinkronPegawaiOut,
} from '../../contracts/integrasi.js';
import type { Config } from '../../platform/config.js';
import { errorResponses } from '../../platform/http.js';
import type { ApiV1Service } from './api-v1.service.js';

const TAG = ['Integrasi (API v1)'];
/** 5,000 rows of JSON do not fit the application's 1 MB default. */
const BATAS_BADAN = 8 * 1024 * 1024;

export function apiV1Routes(v1: ApiV1Service, config: Config): FastifyPluginAsyncZod {
  /** The token is known by the time the limiter runs (access hooks, onRequest), so each token has its own budget. */
  const config_ = (token: CakupanToken) => ({
    access: { token },
    rateLimit: {
      max: config.API_RATE_LIMIT,
      timeWindow: '1 minute',
      keyGenerator: (request: { tokenApi: { id: number } | null; ip: string }) =>
        request.tokenApi ? `token:${request.tokenApi.id}` : `ip:${request.ip}`,
    },
  });
  const penjelasan =
    'Kirim token pada header `Authorization: Bearer <token>`. Data selalu dari instansi pemilik token. ' +
    `Dibatasi ${config.API_RATE_LIMIT} permintaan per menit per token (429 bila terlampaui).`;

  return async (app) => {
    app.get(
      '/api/v1/pegawai',
      {
        config: config_('BACA_PEGAWAI'),
        schema: {
          tags: TAG,
          summary: 'Data induk pegawai (cakupan BACA_PEGAWAI)',
          description: `${penjelasan} Halaman berikutnya dengan \`cursor\` = \`nextCursor\`; \`diubahSejak\` untuk salinan bertahap.`,
          querystring: V1PegawaiQuery,
          response: { 200: V1PegawaiPage, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => v1.pegawai(request.tokenApi!, request.query),
    );

    app.put(
      '/api/v1/pegawai',
      {
        config: config_('TULIS_PEGAWAI'),
        bodyLimit: BATAS_BADAN,
        schema: {
          tags: TAG,
          summary: 'Sinkronisasi data pegawai berdasarkan NIP (cakupan TULIS_PEGAWAI)',
          description:
            `${penjelasan} Paling banyak 5.000 baris. Aturan sama dengan impor berkas pegawai. \`dry-run\` hanya ` +
            'memeriksa dan melaporkan; `commit` menyimpan semua atau tidak sama sekali (422 dengan daftar baris ' +
            'yang salah). `perubahan` menyebut per NIP: DIBUAT, DIUBAH (kolom sebelum → sesudah) atau TETAP.',
          body: V1SinkronPegawaiBody,
          response: { 200: V1SinkronPegawaiOut, ...errorResponses(400, 401, 403, 413, 422, 429) },
        },
      },
      async (request) => v1.sinkronPegawai(request.tokenApi!, request.body, request.id),
    );

    app.get(
      '/api/v1/evaluasi',
      {
        config: config_('BACA_EVALUASI'),
        schema: {
          tags: TAG,
          summary: 'Predikat periodik dan evaluasi tahunan per pegawai (cakupan BACA_EVALUASI)',
          description: `${penjelasan} Pegawai yang memiliki SKP pada tahun tersebut, berurutan; halaman berikutnya dengan \`cursor\`.`,
          querystring: V1EvaluasiQuery,
          response: { 200: V1EvaluasiPage, ...errorResponses(400, 401, 403, 429) },
        },
      },
      async (request) => v1.evaluasi(request.tokenApi!, request.query),
    );

    app.post(
      '/api/v1/kehadiran',
      {
        config: config_('TULIS_KEHADIRAN'),
        bodyLimit: BATAS_BADAN,
        schema: {
          tags: TAG,
          summary: 'Kirim data kehadiran dari sistem presensi (cakupan TULIS_KEHADIRAN)',
          description:
            `${penjelasan} Paling banyak 5.000 baris. \`dry-run\` hanya memeriksa; \`commit\` menyimpan semua ` +
            'atau tidak sama sekali (422 dengan daftar baris yang salah). Baris NIP dan tanggal yang sudah ada diganti.',
          body: V1KehadiranBody,
          response: { 200: V1KehadiranOut, ...errorResponses(400, 401, 403, 413, 422, 429) },
        },
      },
      async (request) => v1.kehadiran(request.tokenApi!, request.body, request.id),
    );
  };
}
