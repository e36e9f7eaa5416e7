import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PekerjaanOut } from '../../contracts/pekerjaan.js';
import {
  BulanParams,
  BulanPegawaiParams,
  ParameterTppBody,
  ParameterTppOut,
  SetujuiBody,
  TppBarisDetail,
  TppBarisPage,
  TppBarisQuery,
  TppBulanList,
  TppBulanOut,
  TppSayaOut,
} from '../../contracts/tpp.js';
import { errorResponses } from '../../platform/http.js';
import { XLSX_TYPE } from '../../platform/xlsx-stream.js';
import type { TppService } from './tpp.service.js';

const TAG = ['TPP'];
const BACA = { role: ['instansi', 'opd'] } as const;
const BKD = { role: ['instansi'] } as const;

/** A month's work started as a job (ADR 0011): 202 with the running row, or the refusal. */
const latar = (access: typeof BKD | typeof BACA, summary: string, refusal: 404 | 409) => ({
  config: { access },
  schema: {
    tags: TAG,
    summary,
    params: BulanParams,
    response: { 202: PekerjaanOut, ...errorResponses(400, 401, 403, refusal) },
  },
});

export function tppRoutes(tpp: TppService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/tpp/parameter',
      {
        config: { access: BACA },
        schema: {
          tags: TAG,
          summary:
            'Parameter TPP instansi (besaran per kelas jabatan, bobot, pita potongan, faktor predikat)',
          response: { 200: ParameterTppOut, ...errorResponses(401, 403) },
        },
      },
      async (request) => tpp.parameter(request.actor!),
    );

    app.put(
      '/api/tpp/parameter',
      {
        config: { access: BKD },
        schema: {
          tags: TAG,
          summary: 'Ubah parameter TPP sesuai Perkada (admin BKD); bulan yang sudah disetujui tidak berubah',
          body: ParameterTppBody,
          response: { 200: ParameterTppOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => tpp.simpanParameter(request.actor!, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/tpp',
      {
        config: { access: BACA },
        schema: {
          tags: TAG,
          summary: 'Daftar bulan TPP yang sudah dihitung',
          response: { 200: TppBulanList, ...errorResponses(401, 403) },
        },
      },
      async (request) => tpp.daftarBulan(request.actor!),
    );

    app.get(
      '/api/tpp/saya',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'TPP saya: rincian perhitungan dua belas bulan terakhir',
          response: { 200: TppSayaOut, ...errorResponses(401) },
        },
      },
      async (request) => tpp.saya(request.actor!),
    );

    app.get(
      '/api/tpp/:bulan',
      {
        config: { access: BACA },
        schema: {
          tags: TAG,
          summary: 'Ringkasan TPP satu bulan: status, parameter yang dipakai, jumlah per OPD',
          params: BulanParams,
          response: { 200: TppBulanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => tpp.bulan(request.actor!, request.params.bulan),
    );

    app.post(
      '/api/tpp/:bulan/hitung',
      {
        config: { access: BKD },
        schema: {
          tags: TAG,
          summary: 'Hitung (ulang) TPP satu bulan untuk seluruh pegawai sebagai draf (admin BKD)',
          params: BulanParams,
          response: { 200: TppBulanOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) =>
        tpp.hitung(request.actor!, request.params.bulan, {
          requestId: request.id,
          log: (info) => request.log.info(info, 'TPP dihitung'),
        }),
    );

    app.post(
      '/api/tpp/:bulan/hitung/latar',
      latar(
        BKD,
        'Mulai hitung (ulang) TPP satu bulan sebagai pekerjaan latar (admin BKD): 202 dengan pekerjaannya; kemajuan di /api/pekerjaan/:id',
        409,
      ),
      async (request, reply) =>
        reply.status(202).send(
          await tpp.hitungLatar(request.actor!, request.params.bulan, {
            requestId: request.id,
            log: (info) => request.log.info(info, 'TPP dihitung'),
          }),
        ),
    );

    app.post(
      '/api/tpp/:bulan/setujui',
      {
        config: { access: BKD },
        schema: {
          tags: TAG,
          summary:
            'Setujui TPP satu bulan (admin BKD); selama kehadiran belum diimpor atau penilaian belum ada hanya dengan alasan; setelah disetujui tidak dapat dihitung ulang',
          params: BulanParams,
          body: SetujuiBody,
          response: { 200: TppBulanOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        tpp.setujui(request.actor!, request.params.bulan, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/tpp/:bulan/baris',
      {
        config: { access: BACA },
        schema: {
          tags: TAG,
          summary: 'Baris TPP per pegawai (filter OPD, cari NIP atau nama)',
          params: BulanParams,
          querystring: TppBarisQuery,
          response: { 200: TppBarisPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => tpp.baris(request.actor!, request.params.bulan, request.query),
    );

    app.get(
      '/api/tpp/:bulan/pegawai/:id',
      {
        config: { access: { pegawai: ['self', 'opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary: 'TPP satu pegawai dengan rincian perhitungannya',
          params: BulanPegawaiParams,
          response: { 200: TppBarisDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => tpp.barisPegawai(request.actor!, request.params.bulan, request.params.id),
    );

    app.get(
      '/api/tpp/:bulan/xlsx',
      {
        config: { access: BACA },
        schema: {
          tags: TAG,
          summary: 'Ekspor TPP satu bulan untuk penggajian (XLSX, NIP sebagai teks, baris jumlah)',
          params: BulanParams,
          response: {
            200: {
              description: 'Daftar TPP (XLSX)',
              content: { [XLSX_TYPE]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            },
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const xlsx = await tpp.xlsx(request.actor!, request.params.bulan);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${xlsx.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(xlsx.stream);
      },
    );

    app.post(
      '/api/tpp/:bulan/xlsx/latar',
      latar(
        BACA,
        'Mulai ekspor TPP satu bulan (XLSX) sebagai pekerjaan latar: 202 dengan pekerjaannya; kemajuan (baris) di /api/pekerjaan/:id, berkas di /api/pekerjaan/:id/hasil',
        404,
      ),
      async (request, reply) =>
        reply.status(202).send(await tpp.xlsxLatar(request.actor!, request.params.bulan)),
    );
  };
}
