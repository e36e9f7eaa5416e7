import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  DaftarTriwulanResponse,
  EvaluasiTriwulanParams,
  EvaluasiTriwulanView,
  FinalTriwulanBody,
  LaporanTriwulanQuery,
  LaporanTriwulanResponse,
  SimpanTriwulanBody,
  TriwulanQuery,
} from '../../contracts/pppk-paruh-waktu.js';
import { errorResponses, kirimXlsx, xlsxResponse } from '../../platform/http.js';
import type { PppkParuhWaktuService } from './pppk-paruh-waktu.service.js';

const TAG = ['PPPK Paruh Waktu'];
const EVALUASI = '/api/pppk-paruh-waktu/pegawai/:id/triwulan/:tahun/:triwulan';

export function pppkParuhWaktuRoutes(pppk: PppkParuhWaktuService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/pppk-paruh-waktu/bawahan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'PPPK paruh waktu bawahan langsung saya dengan evaluasi triwulannya',
          querystring: TriwulanQuery,
          response: { 200: DaftarTriwulanResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => pppk.bawahan(request.actor!, request.query),
    );

    app.get(
      EVALUASI,
      {
        config: { access: { pegawai: ['self', 'bawahan_langsung', 'opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Evaluasi triwulan seorang PPPK paruh waktu: hasil periodik, saran predikat, kekurangan',
          params: EvaluasiTriwulanParams,
          response: { 200: EvaluasiTriwulanView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { id, ...t } = request.params;
        return pppk.lihat(request.actor!, id, t);
      },
    );

    app.put(
      EVALUASI,
      {
        config: { access: { pegawai: ['bawahan_langsung'] } },
        schema: {
          tags: TAG,
          summary: 'Simpan draf evaluasi triwulan (hanya atasan langsung)',
          description:
            'Predikat selain saran wajib disertai `alasanPerubahan`. Tanpa `version` untuk penyimpanan pertama.',
          params: EvaluasiTriwulanParams,
          body: SimpanTriwulanBody,
          response: { 200: EvaluasiTriwulanView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { id, ...t } = request.params;
        return pppk.simpan(request.actor!, id, t, request.body, { requestId: request.id });
      },
    );

    app.post(
      `${EVALUASI}/final`,
      {
        config: { access: { pegawai: ['bawahan_langsung'] } },
        schema: {
          tags: TAG,
          summary: 'Finalkan evaluasi triwulan: setelah triwulan berakhir dan semua periode dinilai',
          params: EvaluasiTriwulanParams,
          body: FinalTriwulanBody,
          response: { 200: EvaluasiTriwulanView, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const { id, ...t } = request.params;
        return pppk.finalkan(request.actor!, id, t, request.body.version, { requestId: request.id });
      },
    );

    app.get(
      '/api/pppk-paruh-waktu/laporan',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Laporan triwulanan PPPK paruh waktu satu OPD untuk keputusan perpanjangan kontrak',
          querystring: LaporanTriwulanQuery,
          response: { 200: LaporanTriwulanResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => pppk.laporan(request.actor!, request.query),
    );

    app.get(
      '/api/pppk-paruh-waktu/laporan.xlsx',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Laporan triwulanan PPPK paruh waktu satu OPD (XLSX, NIP sebagai teks)',
          querystring: LaporanTriwulanQuery.omit({ cursor: true, limit: true }),
          response: {
            200: xlsxResponse('Laporan triwulanan PPPK paruh waktu (XLSX)'),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => kirimXlsx(reply, await pppk.unduh(request.actor!, request.query)),
    );
  };
}
