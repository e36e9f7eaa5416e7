import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contracts/common.js';
import {
  AjukanBody,
  AjukanOut,
  BawahanRealisasiOut,
  BERKAS_MAKS_BYTE,
  BerkasParams,
  DeskripsiBerkas,
  NilaiBody,
  PenilaianBody,
  PeriodeQuery,
  RealisasiBulanOut,
  RealisasiOut,
  RhkPeriodeParams,
  SimpanRealisasiBody,
  UnggahBerkasOut,
} from '../../contracts/realisasi.js';
import { AppError } from '../../platform/errors.js';
import { errorResponses } from '../../platform/http.js';
import { IDEMPOTEN_DESKRIPSI, jawabSekali } from '../idempoten/idempoten.http.js';
import type { IdempotenService } from '../idempoten/idempoten.service.js';
import type { RealisasiService } from './realisasi.service.js';

/**
 * Reading a subordinate's month: the superior chain (the atasan pejabat penilai reads, SPEC §11, and
 * takes over escalated items), a delegate of the pejabat penilai, admins, the tim penilai. Who may
 * assess is checked by the service.
 */
const BACA = { pegawai: ['bawahan', 'delegasi', 'opd', 'instansi', 'tim_penilai'] } as const;
/** Assessing: somewhere above the employee (JPT plans are assessed by the head of region), or a delegate. */
const PENILAI = { pegawai: ['bawahan', 'delegasi'] } as const;
const PENILAI_REALISASI = { pegawai: ['bawahan', 'delegasi'], of: 'realisasi' } as const;
/** The owner of the realisasi. */
export const PEMILIK_REALISASI = { pegawai: ['self'], of: 'realisasi' } as const;
/** Whoever reads the month view: the owner, the assessor chain or a delegate, admins and the tim penilai. */
export const BACA_REALISASI = {
  pegawai: ['self', 'bawahan', 'delegasi', 'opd', 'instansi', 'tim_penilai'],
  of: 'realisasi',
} as const;

/** content-disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266). */
function attachment(nama: string) {
  const ascii = nama.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nama)}`;
}

const MB = (BERKAS_MAKS_BYTE / (1024 * 1024)).toLocaleString('id-ID');

export function realisasiRoutes(
  realisasi: RealisasiService,
  idempoten: IdempotenService,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/realisasi',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Realisasi saya per RHK dari SKP yang disetujui untuk satu periode, dengan jendela jadwal',
          querystring: PeriodeQuery,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => realisasi.saya(request.actor!, request.query.periode),
    );

    app.get(
      '/api/realisasi/bawahan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Bawahan langsung dan jumlah realisasi per status pada periode (yang menunggu lebih dulu)',
          querystring: PeriodeQuery,
          response: { 200: BawahanRealisasiOut, ...errorResponses(400, 401) },
        },
      },
      async (request) => realisasi.bawahan(request.actor!, request.query.periode),
    );

    app.get(
      '/api/realisasi/pegawai/:id',
      {
        config: { access: BACA },
        schema: {
          tags: ['Realisasi'],
          summary: 'Realisasi seorang bawahan pada satu periode, dengan saran rating hasil kerja',
          params: IdParams,
          querystring: PeriodeQuery,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => realisasi.pegawai(request.actor!, request.params.id, request.query.periode),
    );

    app.put(
      '/api/realisasi/:rhkId/:periode',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Simpan draf realisasi satu RHK (rencana aksi, nilai/uraian, tautan bukti dukung)',
          description:
            'Bila log harian RHK ini berisi entri, nilai realisasi adalah jumlah kuantitas log (nilai yang ' +
            `dikirim diabaikan); satuan yang dikirim memilih satuan log mana yang dijumlahkan. ${IDEMPOTEN_DESKRIPSI}`,
          params: RhkPeriodeParams,
          body: SimpanRealisasiBody,
          response: { 200: RealisasiOut, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        jawabSekali(idempoten, request, reply, 200, (klaim) =>
          realisasi.simpan(request.actor!, request.params.rhkId, request.params.periode, request.body, {
            requestId: request.id,
            klaim,
          }),
        ),
    );

    app.post(
      '/api/realisasi/ajukan',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Realisasi'],
          summary: 'Ajukan semua realisasi Draf (dan perbaikan) pada periode ke pejabat penilai',
          body: AjukanBody,
          response: { 200: AjukanOut, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request) => realisasi.ajukan(request.actor!, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/realisasi/:id/nilai',
      {
        config: { access: PENILAI_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Terima realisasi dengan capaiannya, atau minta perbaikan dengan arahan (pejabat penilai)',
          params: IdParams,
          body: NilaiBody,
          response: { 200: RealisasiOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        realisasi.nilai(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.put(
      '/api/realisasi/pegawai/:id/penilaian',
      {
        config: { access: PENILAI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Rating hasil kerja dan perilaku kerja periode → predikat (pejabat penilai)',
          params: IdParams,
          body: PenilaianBody,
          response: { 200: RealisasiBulanOut, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        realisasi.penilaian(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/realisasi/:id/berkas',
      {
        config: { access: PEMILIK_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Unggah berkas bukti dukung (PDF, PNG atau JPEG, paling besar 2 MB, paling banyak 5)',
          description:
            'Multipart: field `deskripsi` lalu field `file`. Jenis berkas diperiksa dari isinya, bukan dari ' +
            'nama atau tipe yang dikirim. `duplikat` menandai berkas yang sama (SHA-256) yang sudah diunggah ' +
            `pegawai lain pada instansi. ${IDEMPOTEN_DESKRIPSI}`,
          params: IdParams,
          response: { 201: UnggahBerkasOut, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        let file: { filename: string; data: Buffer } | null = null;
        let deskripsi: unknown;
        try {
          for await (const part of request.parts({ limits: { fileSize: BERKAS_MAKS_BYTE, files: 1 } })) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file' || file) {
                await part.toBuffer();
                continue;
              }
              file = { filename: part.filename, data: await part.toBuffer() };
            } else if (part.fieldname === 'deskripsi') deskripsi = part.value;
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError(
              'BERKAS_TERLALU_BESAR',
              { maks: BERKAS_MAKS_BYTE },
              `Berkas terlalu besar; ukuran berkas bukti dukung paling besar ${MB} MB.`,
            );
          throw err;
        }
        if (!file)
          throw new AppError('VALIDATION_FAILED', { field: 'file' }, 'Unggah berkas pada field "file".');
        const d = DeskripsiBerkas.safeParse(deskripsi ?? '');
        if (!d.success)
          throw new AppError(
            'VALIDATION_FAILED',
            { field: 'deskripsi' },
            d.error.issues[0]?.message ?? 'Deskripsi bukti dukung wajib diisi.',
          );
        const input = { namaBerkas: file.filename, data: file.data, deskripsi: d.data };
        const isi = {
          params: request.params,
          deskripsi: d.data,
          namaBerkas: file.filename,
          sha256: createHash('sha256').update(file.data).digest('hex'),
        };
        return jawabSekali(
          idempoten,
          request,
          reply,
          201,
          (klaim) =>
            realisasi.unggahBerkas(request.actor!, request.params.id, input, {
              requestId: request.id,
              klaim,
            }),
          isi,
        );
      },
    );

    app.get(
      '/api/realisasi/:id/berkas/:buktiId',
      {
        config: { access: BACA_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Unduh berkas bukti dukung (pemilik, rantai atasan, admin, tim penilai)',
          params: BerkasParams,
          response: {
            200: {
              description: 'Berkas bukti dukung (PDF, PNG atau JPEG)',
              content: {
                'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
              },
            },
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const f = await realisasi.berkas(request.params.id, request.params.buktiId);
        return reply
          .type(f.mime)
          .header('content-disposition', attachment(f.namaBerkas))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(f.data);
      },
    );

    app.delete(
      '/api/realisasi/:id/berkas/:buktiId',
      {
        config: { access: PEMILIK_REALISASI },
        schema: {
          tags: ['Realisasi'],
          summary: 'Hapus berkas bukti dukung (pemilik, selama realisasi dapat diubah)',
          params: BerkasParams,
          response: { 200: RealisasiOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        realisasi.hapusBerkas(request.actor!, request.params.id, request.params.buktiId, {
          requestId: request.id,
        }),
    );
  };
}
