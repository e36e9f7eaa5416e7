import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  AjukanKeberatanBody,
  DiBawahEkspektasiPage,
  DiBawahEkspektasiQuery,
  EvaluasiSkpList,
  EvaluasiTahunQuery,
  EvaluasiView,
  JawabKeteranganBody,
  KeberatanListQuery,
  KeberatanPage,
  KeteranganParams,
  MintaKeteranganBody,
  PutusanBody,
  RekomendasiBody,
  RekomendasiOut,
  SimpanEvaluasiBody,
  VersionBody,
} from '../../contracts/evaluasi.js';
import { errorResponses } from '../../platform/http.js';
import { PEMBACA_EVALUASI } from './evaluasi.policy.js';
import type { EvaluasiService } from './evaluasi.service.js';

const PADA_SKP = { pegawai: PEMBACA_EVALUASI, of: 'skp' } as const;

export function evaluasiRoutes(evaluasi: EvaluasiService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/evaluasi/saya',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Evaluasi Tahunan'],
          summary: 'SKP saya pada satu tahun (satu per jabatan) dengan evaluasi tahunannya',
          querystring: EvaluasiTahunQuery,
          response: { 200: EvaluasiSkpList, ...errorResponses(400, 401) },
        },
      },
      async (request) => evaluasi.daftarSaya(request.actor!, request.query.tahun),
    );

    app.get(
      '/api/evaluasi/dinilai',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Evaluasi Tahunan'],
          summary: 'SKP yang saya nilai pada satu tahun dengan evaluasi tahunannya',
          querystring: EvaluasiTahunQuery,
          response: { 200: EvaluasiSkpList, ...errorResponses(400, 401) },
        },
      },
      async (request) => evaluasi.daftarDinilai(request.actor!, request.query.tahun),
    );

    app.get(
      '/api/evaluasi/skp/:id',
      {
        config: { access: PADA_SKP },
        schema: {
          tags: ['Evaluasi Tahunan'],
          summary: 'Evaluasi tahunan satu SKP: saran dari penilaian periodik, predikat organisasi, keberatan',
          params: IdParams,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => evaluasi.lihat(request.actor!, request.params.id),
    );

    app.put(
      '/api/evaluasi/skp/:id',
      {
        config: { access: PADA_SKP },
        schema: {
          tags: ['Evaluasi Tahunan'],
          summary: 'Pejabat penilai mengisi rating, catatan dan rekomendasi (selama draf)',
          params: IdParams,
          body: SimpanEvaluasiBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        evaluasi.simpan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/evaluasi/skp/:id/tanda-tangan',
      {
        config: { access: PADA_SKP },
        schema: {
          tags: ['Evaluasi Tahunan'],
          summary: 'Tanda tangan pejabat penilai, lalu pegawai (evaluasi menjadi final dan terkunci)',
          params: IdParams,
          body: VersionBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        evaluasi.tandaTangan(request.actor!, request.params.id, request.body.version, {
          requestId: request.id,
        }),
    );

    app.post(
      '/api/evaluasi/skp/:id/keberatan',
      {
        config: { access: PADA_SKP },
        schema: {
          tags: ['Keberatan'],
          summary: 'Pegawai mengajukan keberatan atas evaluasi tahunan yang final, dalam batas waktu',
          params: IdParams,
          body: AjukanKeberatanBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        evaluasi.ajukanKeberatan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/keberatan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Keberatan'],
          summary: 'Keberatan yang saya putus, yang saya ajukan, atau yang meminta keterangan saya',
          querystring: KeberatanListQuery,
          response: { 200: KeberatanPage, ...errorResponses(400, 401) },
        },
      },
      async (request) => evaluasi.daftarKeberatan(request.actor!, request.query),
    );

    app.post(
      '/api/keberatan/:id/keterangan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Keberatan'],
          summary: 'Atasan pejabat penilai meminta keterangan pegawai atau pejabat penilai',
          params: IdParams,
          body: MintaKeteranganBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        evaluasi.mintaKeterangan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/keberatan/:id/keterangan/:keteranganId/jawaban',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Keberatan'],
          summary: 'Pihak yang dimintai keterangan menjawab',
          params: KeteranganParams,
          body: JawabKeteranganBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        evaluasi.jawabKeterangan(
          request.actor!,
          request.params.id,
          request.params.keteranganId,
          request.body,
          {
            requestId: request.id,
          },
        ),
    );

    app.post(
      '/api/keberatan/:id/putusan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Keberatan'],
          summary: 'Atasan pejabat penilai memutus keberatan (dikuatkan atau diubah); keputusan final',
          params: IdParams,
          body: PutusanBody,
          response: { 200: EvaluasiView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        evaluasi.putus(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/tim-penilai/di-bawah-ekspektasi',
      {
        config: { access: { role: ['tim_penilai', 'instansi'] } },
        schema: {
          tags: ['Tim Penilai Kinerja'],
          summary: 'Pegawai dengan predikat di bawah ekspektasi (periodik atau tahunan) dan rekomendasinya',
          querystring: DiBawahEkspektasiQuery,
          response: { 200: DiBawahEkspektasiPage, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => evaluasi.diBawahEkspektasi(request.actor!, request.query),
    );

    app.post(
      '/api/tim-penilai/rekomendasi',
      {
        config: { access: { role: ['tim_penilai', 'instansi'] } },
        schema: {
          tags: ['Tim Penilai Kinerja'],
          summary: 'Tim penilai mencatat rekomendasi (pembinaan, pelatihan, konseling) untuk seorang pegawai',
          body: RekomendasiBody,
          response: { 200: RekomendasiOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => evaluasi.rekomendasi(request.actor!, request.body, { requestId: request.id }),
    );
  };
}
