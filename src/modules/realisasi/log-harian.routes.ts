import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  HapusLogQuery,
  LogHarianOut,
  LogParams,
  TambahLogBody,
  UbahLogBody,
} from '../../contracts/log-harian.js';
import { RhkPeriodeParams } from '../../contracts/realisasi.js';
import { errorResponses } from '../../platform/http.js';
import { IDEMPOTEN_DESKRIPSI, jawabSekali } from '../idempoten/idempoten.http.js';
import type { IdempotenService } from '../idempoten/idempoten.service.js';
import type { LogHarianService } from './log-harian.service.js';
import { BACA_REALISASI, PEMILIK_REALISASI } from './realisasi.routes.js';

const ATURAN =
  'Tanggal di dalam periode, jam JJ:MM dengan jam selesai setelah jam mulai, kuantitas bilangan bulat nol ' +
  'atau lebih. Nilai realisasi menjadi jumlah kuantitas log; bila satuannya berbeda-beda, yang dijumlahkan ' +
  'hanya entri bersatuan sama dengan satuan realisasi (atau satuan entri pertama). Hanya pemilik, selama ' +
  'realisasi berstatus Draf (jendela input) atau Perlu Perbaikan (jendela perbaikan).';

export function logHarianRoutes(log: LogHarianService, idempoten: IdempotenService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/realisasi/:id/log',
      {
        config: { access: BACA_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Log harian satu realisasi dengan jumlahnya (pemilik, rantai atasan, admin, tim penilai)',
          params: IdParams,
          response: { 200: LogHarianOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => log.daftar(request.params.id),
    );

    app.post(
      '/api/realisasi/:rhkId/:periode/log',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Tambah entri log harian satu RHK; entri pertama membuat draf realisasinya',
          description: `${ATURAN} Kirim \`version\` realisasi bila sudah ada. ${IDEMPOTEN_DESKRIPSI}`,
          params: RhkPeriodeParams,
          body: TambahLogBody,
          response: { 201: LogHarianOut, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        jawabSekali(idempoten, request, reply, 201, (klaim) =>
          log.tambah(request.actor!, request.params.rhkId, request.params.periode, request.body, {
            requestId: request.id,
            klaim,
          }),
        ),
    );

    app.put(
      '/api/realisasi/:id/log/:logId',
      {
        config: { access: PEMILIK_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Ubah entri log harian',
          description: ATURAN,
          params: LogParams,
          body: UbahLogBody,
          response: { 200: LogHarianOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        log.ubah(request.actor!, request.params.id, request.params.logId, request.body, {
          requestId: request.id,
        }),
    );

    app.delete(
      '/api/realisasi/:id/log/:logId',
      {
        config: { access: PEMILIK_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Hapus entri log harian (menghapus entri terakhir mengosongkan nilai realisasi)',
          params: LogParams,
          querystring: HapusLogQuery,
          response: { 200: LogHarianOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        log.hapus(request.actor!, request.params.id, request.params.logId, request.query.version, {
          requestId: request.id,
        }),
    );
  };
}
