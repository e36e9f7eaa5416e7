import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../contracts/common.js';
import {
  BacaanSiasn,
  HasilKirimSiasn,
  KirimUlangBody,
  NipParams,
  PengaturanSiasnBody,
  PengaturanSiasnOut,
  PercobaanSiasnOut,
  PesanSiasnPage,
  PesanSiasnQuery,
} from '../../contracts/siasn.js';
import { errorResponses } from '../../platform/http.js';
import type { SiasnService } from './siasn.service.js';

const TAG = ['Integrasi (SIASN)'];
const BKD = { access: { role: ['instansi'] } } as const;

/** The BKD admin's: the bridge's settings, its outbox, resending, and reads from SIASN. */
export function siasnRoutes(siasn: SiasnService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/siasn/pengaturan',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Pengaturan jembatan SIASN (rahasia tidak pernah ditampilkan)',
          response: { 200: PengaturanSiasnOut, ...errorResponses(401, 403) },
        },
      },
      async (request) => siasn.pengaturan(request.actor!),
    );

    app.put(
      '/api/siasn/pengaturan',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Ubah pengaturan jembatan SIASN (rahasia yang tidak diisi tetap seperti semula)',
          body: PengaturanSiasnBody,
          response: { 200: PengaturanSiasnOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => siasn.simpan(request.actor!, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/siasn/pesan',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Kiriman ke SIASN: terkirim, menunggu, gagal, dengan jawaban SIASN',
          querystring: PesanSiasnQuery,
          response: { 200: PesanSiasnPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => siasn.daftar(request.actor!, request.query),
    );

    app.get(
      '/api/siasn/pesan/:id/percobaan',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Setiap percobaan satu kiriman: waktu, status HTTP dan jawaban SIASN',
          params: IdParams,
          response: { 200: PercobaanSiasnOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => siasn.percobaan(request.actor!, request.params.id),
    );

    app.post(
      '/api/siasn/pesan/:id/kirim-ulang',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Kirim ulang kiriman yang gagal (dengan pemetaan yang berlaku sekarang)',
          params: IdParams,
          body: KirimUlangBody,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        await siasn.kirimUlang(request.actor!, request.params.id, request.body.version, {
          requestId: request.id,
        });
        return { ok: true as const };
      },
    );

    app.post(
      '/api/siasn/kirim-sekarang',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Jalankan pengiriman sekarang (tanpa menunggu jadwal)',
          response: { 200: HasilKirimSiasn, ...errorResponses(401, 403) },
        },
      },
      async (request) => siasn.kirimSekarang(request.actor!),
    );

    const riwayat = (url: string, summary: string, baca: 'riwayatSkp22' | 'riwayatKinerjaPeriodik') =>
      app.get(
        url,
        {
          config: BKD,
          schema: {
            tags: TAG,
            summary,
            params: NipParams,
            response: { 200: BacaanSiasn, ...errorResponses(400, 401, 403, 409, 503) },
          },
        },
        async (request) => siasn[baca](request.actor!, request.params.nip),
      );
    riwayat('/api/siasn/riwayat-skp22/:nip', 'Riwayat SKP tahunan pegawai di SIASN', 'riwayatSkp22');
    riwayat(
      '/api/siasn/riwayat-kinerja-periodik/:nip',
      'Riwayat kinerja periodik pegawai di SIASN',
      'riwayatKinerjaPeriodik',
    );

    app.get(
      '/api/siasn/ref-unor',
      {
        config: BKD,
        schema: {
          tags: TAG,
          summary: 'Referensi unit organisasi (unor) SIASN',
          response: { 200: BacaanSiasn, ...errorResponses(401, 403, 409, 503) },
        },
      },
      async (request) => siasn.refUnor(request.actor!),
    );
  };
}
