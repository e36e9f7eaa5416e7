import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../contracts/common.js';
import {
  DialogBody,
  DialogListQuery,
  DialogOut,
  DialogPage,
  PenilaianDialogBody,
  RhkPilihanOut,
  RhkPilihanQuery,
  UbahDialogBody,
  VersionBody,
} from '../../contracts/dialog.js';
import { errorResponses } from '../../platform/http.js';
import { PEMBACA_DIALOG } from './dialog.policy.js';
import type { DialogService } from './dialog.service.js';

const BACA = { pegawai: PEMBACA_DIALOG } as const;
/** Recording: a leader somewhere above the employee (the pejabat penilai included). */
const PIMPINAN = { pegawai: ['bawahan'] } as const;

export function dialogRoutes(dialog: DialogService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/dialog/pegawai/:id',
      {
        config: { access: BACA },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Dialog kinerja seorang pegawai, terbaru lebih dulu',
          params: IdParams,
          querystring: DialogListQuery,
          response: { 200: DialogPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => dialog.pegawai(request.actor!, request.params.id, request.query),
    );

    app.get(
      '/api/dialog/pegawai/:id/rhk',
      {
        config: { access: BACA },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'RHK dari SKP pegawai pada satu tahun, untuk ditautkan ke dialog',
          params: IdParams,
          querystring: RhkPilihanQuery,
          response: { 200: RhkPilihanOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => dialog.rhkPilihan(request.params.id, request.query.tahun),
    );

    app.post(
      '/api/dialog/pegawai/:id',
      {
        config: { access: PIMPINAN },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Catat dialog kinerja dengan pegawai (pimpinan di atas pegawai dalam rantai atasan)',
          params: IdParams,
          body: DialogBody,
          response: { 201: DialogOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await dialog.catat(request.actor!, request.params.id, request.body, { requestId: request.id }),
          ),
    );

    app.get(
      '/api/dialog/dicatat',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Dialog kinerja yang saya catat sebagai pimpinan, terbaru lebih dulu',
          querystring: DialogListQuery,
          response: { 200: DialogPage, ...errorResponses(400, 401) },
        },
      },
      async (request) => dialog.dicatat(request.actor!, request.query),
    );

    app.get(
      '/api/dialog/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Satu dialog kinerja (peserta, rantai atasan pegawai, admin, tim penilai)',
          params: IdParams,
          response: { 200: DialogOut, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => dialog.detail(request.actor!, request.params.id),
    );

    app.put(
      '/api/dialog/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Ubah dialog kinerja (hanya pimpinan yang mencatat)',
          params: IdParams,
          body: UbahDialogBody,
          response: { 200: DialogOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        dialog.ubah(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );

    app.post(
      '/api/dialog/tindak-lanjut/:id/selesai',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Tandai tindak lanjut selesai (penanggung jawab atau pimpinan yang mencatat)',
          params: IdParams,
          body: VersionBody,
          response: { 200: DialogOut, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        dialog.selesaikan(request.actor!, request.params.id, request.body.version, { requestId: request.id }),
    );

    app.post(
      '/api/dialog/:id/penilaian',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: ['Dialog Kinerja'],
          summary: 'Penilaian pegawai atas dialog bimbingan atau konseling (Format B.1.8, sekali)',
          params: IdParams,
          body: PenilaianDialogBody,
          response: { 200: DialogOut, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) =>
        dialog.nilai(request.actor!, request.params.id, request.body, { requestId: request.id }),
    );
  };
}
