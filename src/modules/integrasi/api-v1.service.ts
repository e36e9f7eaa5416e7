/**
 * The integration API (/api/v1) for external systems holding a token: reads of employees and
 * evaluations of the token's instansi, and writes through the same services the screens use.
 */
import type { z } from 'zod';
import type {
  V1EvaluasiPage,
  V1EvaluasiQuery,
  V1Pegawai,
  V1PegawaiPage,
  V1PegawaiQuery,
  V1SinkronPegawaiBody,
  V1SinkronPegawaiOut,
} from '../../contracts/integrasi.js';
import type { BarisKehadiranMasuk, HasilImporKehadiran } from '../../contracts/kehadiran.js';
import type { Db } from '../../db/client.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { TokenActor } from '../auth/actor.js';
import type { ImporService } from '../impor/impor.service.js';
import type { KehadiranService } from '../kehadiran/kehadiran.service.js';
import * as q from './api-v1.queries.js';
import { sumberToken } from './token-api.service.js';

/** The cursor is the last employee id of the page (opaque to clients). */
function afterIdOf(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const id = Number(cursor);
  if (!Number.isInteger(id) || id < 0)
    throw new AppError('VALIDATION_FAILED', { field: 'cursor' }, 'Cursor tidak valid.');
  return id;
}

function page<R extends { id: number }, T>(found: R[], limit: number, map: (r: R) => T) {
  const items = found.slice(0, limit);
  return { items: items.map(map), nextCursor: found.length > limit ? String(items.at(-1)!.id) : null };
}

export function createApiV1Service(deps: {
  db: Db;
  clock: Clock;
  impor: ImporService;
  kehadiran: KehadiranService;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock } = deps;

  return {
    async pegawai(token: TokenActor, query: z.output<typeof V1PegawaiQuery>): Promise<V1PegawaiPage> {
      const tanggal = dateInZone(clock.now(), await deps.zonaWaktu(token.instansiId));
      const found = await q.pegawaiPage(db, {
        instansiId: token.instansiId,
        afterId: afterIdOf(query.cursor),
        limit: query.limit,
        opdKode: query.opdKode ?? null,
        diubahSejak: query.diubahSejak ?? null,
        tanggal,
      });
      return page(found, query.limit, ({ id: _id, diubahAt, ...r }) => ({
        ...(r as Omit<V1Pegawai, 'diubahAt'>),
        kelasJabatan: r.kelasJabatan === null ? null : Number(r.kelasJabatan),
        diubahAt: new Date(diubahAt).toISOString(),
      }));
    },

    async evaluasi(token: TokenActor, query: z.output<typeof V1EvaluasiQuery>): Promise<V1EvaluasiPage> {
      const found = await q.evaluasiPage(db, {
        instansiId: token.instansiId,
        tahun: query.tahun,
        afterId: afterIdOf(query.cursor),
        limit: query.limit,
      });
      return page(found, query.limit, ({ id: _id, ...r }) => r as V1EvaluasiPage['items'][number]);
    },

    /** Upsert by NIP through the employee import, so the rules and the audit are the file import's. */
    sinkronPegawai(
      token: TokenActor,
      body: z.output<typeof V1SinkronPegawaiBody>,
      requestId: string,
    ): Promise<V1SinkronPegawaiOut> {
      return deps.impor.sinkronPegawai({
        instansiId: token.instansiId,
        sumber: sumberToken(token),
        pegawai: body.pegawai,
        mode: body.mode,
        requestId,
      });
    },

    kehadiran(
      token: TokenActor,
      body: { mode: 'dry-run' | 'commit'; baris: BarisKehadiranMasuk[] },
      requestId: string,
    ): Promise<HasilImporKehadiran> {
      return deps.kehadiran.simpanBaris({
        instansiId: token.instansiId,
        opdIds: null,
        baris: body.baris,
        mode: body.mode,
        actorId: null,
        sumber: sumberToken(token),
        requestId,
      });
    },
  };
}

export type ApiV1Service = ReturnType<typeof createApiV1Service>;
