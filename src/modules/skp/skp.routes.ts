import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  CakupanInstansiQuery,
  CakupanInstansiResponse,
  CakupanResponse,
  CreateSkpBody,
  JalurParams,
  JalurResponse,
  KembalikanBody,
  LampiranBody,
  MatriksResponse,
  MatriksSelBody,
  PengingatBody,
  PengingatResponse,
  PerilakuBody,
  SkpBawahanQuery,
  SkpBawahanResponse,
  SkpDetail,
  SkpListQuery,
  SkpListResponse,
  UpdateIsiBody,
  VersionBody,
} from '../../contracts/skp.js';
import { errorResponses } from '../../platform/http.js';
import type { SkpService } from './skp.service.js';

const OWNER = { pegawai: ['self'], of: 'skp' } as const;
const PENILAI = { pegawai: ['bawahan'], of: 'skp' } as const;
const READ = { pegawai: ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'], of: 'skp' } as const;

export function skpRoutes(skp: SkpService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/skp',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'SKP saya',
          querystring: SkpListQuery,
          response: { 200: SkpListResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => ({ items: await skp.list(request.actor!, request.query.tahun) }),
    );

    app.get(
      '/api/skp-bawahan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'SKP bawahan langsung dan statusnya (yang menunggu persetujuan lebih dulu)',
          querystring: SkpBawahanQuery,
          response: { 200: SkpBawahanResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => skp.bawahan(request.actor!, request.query),
    );

    app.put(
      '/api/skp/:id/perilaku',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Ekspektasi khusus pimpinan per nilai BerAKHLAK (pejabat penilai)',
          params: IdParams,
          body: PerilakuBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.setPerilaku(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'Buat SKP (draf) untuk jabatan saya sekarang',
          body: CreateSkpBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => skp.create(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/salin',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'Salin dari tahun lalu: SKP tahun sebelumnya yang disetujui menjadi draf baru',
          body: CreateSkpBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => skp.salin(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/versi-baru',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Buat versi baru dari SKP yang disetujui (versi lama tetap tersimpan)',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.versiBaru(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.get(
      '/api/skp/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['SKP'],
          summary: 'Detail SKP dengan temuan dan saran penulisan',
          params: IdParams,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.detail(request.actor!, request.params.id),
    );

    app.get(
      '/api/skp/:id/cakupan',
      {
        config: { access: READ },
        schema: {
          tags: ['SKP'],
          summary: 'Cakupan "dibagi habis": setiap IKI terhadap RHK bawahan yang mengintervensinya',
          params: IdParams,
          response: { 200: CakupanResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.cakupan(request.params.id),
    );

    app.put(
      '/api/skp/:id/isi',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Simpan hasil kerja (RHK, IKI, target, intervensi)',
          params: IdParams,
          body: UpdateIsiBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.updateIsi(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/ajukan',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Ajukan SKP kepada pejabat penilai',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        skp.ajukan(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/setujui',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Setujui SKP bawahan (pejabat penilai; SKP JPT oleh kepala daerah)',
          params: IdParams,
          body: VersionBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.setujui(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.post(
      '/api/skp/:id/kembalikan',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary: 'Kembalikan SKP bawahan dengan catatan',
          params: IdParams,
          body: KembalikanBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.kembalikan(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/skp-bawahan/pengingat',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['SKP'],
          summary: 'Kirim pengingat (notifikasi) kepada bawahan langsung yang SKP-nya belum disetujui',
          body: PengingatBody,
          response: { 200: PengingatResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => skp.pengingat(request.actor!, request.body, { requestId: request.id }),
    );

    app.put(
      '/api/skp/:id/lampiran',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['SKP'],
          summary:
            'Lampiran SKP: dukungan sumber daya, skema pertanggungjawaban, konsekuensi (pejabat penilai)',
          params: IdParams,
          body: LampiranBody,
          response: { 200: SkpDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.setLampiran(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/skp/:id/matriks',
      {
        config: { access: READ },
        schema: {
          tags: ['SKP'],
          summary: 'Matriks Peran Hasil: RHK pimpinan × bawahan langsung, dengan tautan yatim setelah mutasi',
          params: IdParams,
          response: { 200: MatriksResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.matriks(request.actor!, request.params.id),
    );

    app.post(
      '/api/skp/:id/matriks',
      {
        config: { access: OWNER },
        schema: {
          tags: ['SKP'],
          summary: 'Tulis hasil peran pada sel matriks: menjadi RHK Utama pada draf SKP bawahan',
          params: IdParams,
          body: MatriksSelBody,
          response: { 200: MatriksResponse, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        skp.isiMatriks(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/skp/:id/rhk/:rhkId/jalur',
      {
        config: { access: READ },
        schema: {
          tags: ['SKP'],
          summary: 'Kontribusi: jalur dari sebuah RHK ke atas sampai perjanjian kinerja',
          params: JalurParams,
          response: { 200: JalurResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.jalur(request.params.id, request.params.rhkId),
    );

    app.get(
      '/api/cakupan',
      {
        config: { access: { role: ['opd', 'instansi', 'tim_penilai'] } },
        schema: {
          tags: ['SKP'],
          summary: 'Dibagi habis seluruh instansi (per OPD) atau sebuah unit (per sub-unit)',
          querystring: CakupanInstansiQuery,
          response: { 200: CakupanInstansiResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => skp.cakupanInstansi(request.actor!, request.query),
    );
  };
}
