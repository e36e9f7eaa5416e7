import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Ok } from '../../contracts/common.js';
import {
  BulanQuery,
  DaftarLiburOut,
  HariLiburBody,
  HariLiburOut,
  HasilImporKehadiran,
  ImporKehadiranQuery,
  JamKerjaBody,
  JamKerjaOut,
  KehadiranBulanOut,
  LiburQuery,
} from '../../contracts/kehadiran.js';
import { errorResponses } from '../../platform/http.js';
import {
  type ImportGate,
  imporLatarSchema,
  importLimitsText,
  readImportFile,
} from '../../platform/import-upload.js';
import { BATAS_BERKAS_KEHADIRAN } from './kehadiran.berkas.js';
import type { KehadiranService } from './kehadiran.service.js';

const TAG = ['Kehadiran'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function kehadiranRoutes(kehadiran: KehadiranService, gate: ImportGate): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/kehadiran/impor',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary: 'Impor kehadiran harian dari ekspor mesin sidik jari atau aplikasi presensi (CSV/XLSX)',
          description:
            'Unggah berkas pada field multipart `file`. Kolom: NIP, Tanggal, Jam Masuk (Check In/Masuk), ' +
            'Jam Pulang (Check Out/Pulang), Status (atau Keterangan): Hadir/H, DL, Cuti/C, Sakit/S, Izin/I, ' +
            'TK/Alpa. `mode=dry-run` hanya memeriksa dan melaporkan setiap baris yang salah; `mode=commit` ' +
            'menyimpan semuanya atau tidak sama sekali; hari yang sudah ada diganti. Admin OPD hanya untuk ' +
            'pegawai OPD-nya.' +
            importLimitsText(BATAS_BERKAS_KEHADIRAN),
          querystring: ImporKehadiranQuery,
          response: { 200: HasilImporKehadiran, ...errorResponses(400, 401, 403, 413, 415, 422, 429) },
        },
      },
      async (request) => {
        const file = await readImportFile(request);
        return gate.run(request.actor!.instansiId, () =>
          kehadiran.impor(request.actor!, file.data, request.query.mode, { requestId: request.id }),
        );
      },
    );

    app.post(
      '/api/kehadiran/impor/latar',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: imporLatarSchema({
          tags: TAG,
          langsung: '/api/kehadiran/impor',
          limits: BATAS_BERKAS_KEHADIRAN,
        }),
      },
      async (request, reply) => {
        const file = await readImportFile(request);
        return reply
          .status(202)
          .send(await kehadiran.imporLatar(request.actor!, file, { requestId: request.id }));
      },
    );

    app.get(
      '/api/kehadiran/templat',
      {
        config: { access: { role: ['instansi', 'opd'] } },
        schema: {
          tags: TAG,
          summary: 'Templat XLSX impor kehadiran dengan contoh baris',
          response: {
            200: {
              description: 'Templat kehadiran (XLSX)',
              content: { [XLSX]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            },
            ...errorResponses(401, 403),
          },
        },
      },
      async (request, reply) => {
        const f = await kehadiran.templat(request.actor!);
        return reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(f.data);
      },
    );

    app.get(
      '/api/kehadiran/libur',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Kalender hari libur dan cuti bersama instansi satu tahun',
          querystring: LiburQuery,
          response: { 200: DaftarLiburOut, ...errorResponses(400, 401) },
        },
      },
      async (request) => kehadiran.daftarLibur(request.actor!, request.query.tahun),
    );

    app.post(
      '/api/kehadiran/libur',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Tambah hari libur atau cuti bersama (admin BKD)',
          body: HariLiburBody,
          response: { 200: HariLiburOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => kehadiran.tambahLibur(request.actor!, request.body, { requestId: request.id }),
    );

    app.delete(
      '/api/kehadiran/libur/:id',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Hapus hari libur (admin BKD)',
          params: IdParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kehadiran.hapusLibur(request.actor!, request.params.id, { requestId: request.id }),
    );

    app.get(
      '/api/kehadiran/jam-kerja',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Jam kerja instansi per hari (bawaan Senin–Kamis 07.30–16.00, Jumat 07.30–16.30)',
          response: { 200: JamKerjaOut, ...errorResponses(401) },
        },
      },
      async (request) => kehadiran.jamKerja(request.actor!),
    );

    app.put(
      '/api/kehadiran/jam-kerja',
      {
        config: { access: { role: ['instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Ubah jam kerja instansi per hari (admin BKD)',
          body: JamKerjaBody,
          response: { 200: JamKerjaOut, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => kehadiran.simpanJamKerja(request.actor!, request.body, { requestId: request.id }),
    );

    app.get(
      '/api/kehadiran/pegawai/:id',
      {
        config: { access: { pegawai: ['self', 'bawahan', 'opd', 'instansi'] } },
        schema: {
          tags: TAG,
          summary: 'Kehadiran pegawai satu bulan: hari kerja, status, jam, menit terlambat dan pulang cepat',
          params: IdParams,
          querystring: BulanQuery,
          response: { 200: KehadiranBulanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kehadiran.bulanPegawai(request.params.id, request.query.bulan),
    );
  };
}
