/**
 * Escalation (SPEC §3, §5.3): items still waiting after the pejabat penilai's last window of a period
 * closed go to the atasan pejabat penilai (the rule: domain/tenggat.ts). The admins' list shows, per
 * assessor who missed it, how many employees and items wait and since when.
 */
import type { z } from 'zod';
import type { EskalasiPage, EskalasiQuery } from '../../contracts/kotak-masuk.js';
import type { Db } from '../../db/client.js';
import { labelPeriode } from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { aturanEskalasi, batasPenilaian } from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import { type JadwalService, resolvePeriode } from '../jadwal/jadwal.service.js';
import * as q from './eskalasi.queries.js';

/** The cursor is the last row's oldest submission and assessor: '2026-08-03T02:00:00.000Z_123'. */
function parseCursor(cursor: string | undefined) {
  if (cursor === undefined) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d+)$/.exec(cursor);
  if (!m) throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
  return { tertua: m[1]!, penilaiId: Number(m[2]) };
}

export function createEskalasiService(deps: { db: Db; clock: Clock; jadwal: Pick<JadwalService, 'config'> }) {
  const { db, clock, jadwal } = deps;
  return {
    /** Assessors who missed the period's deadline; an OPD admin sees the employees of their OPDs only. */
    async list(actor: Actor, query: z.infer<typeof EskalasiQuery>): Promise<EskalasiPage> {
      const after = parseCursor(query.cursor);
      const cfg = await jadwal.config(actor.instansiId);
      const periode = resolvePeriode(query.periode, cfg);
      const now = clock.now();
      const found = await q.eskalasiPerPenilai(db, {
        ...listScope(actor),
        periodeKode: periode.kode,
        tanggal: dateInZone(now, cfg.zonaWaktu),
        aturan: aturanEskalasi(periode, cfg),
        now,
        after,
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        batasPenilaian: batasPenilaian('DIAJUKAN', periode, cfg).toISOString(),
        items: page.map((r) => ({
          penilai: {
            id: r.penilaiId,
            nip: r.penilaiNip,
            namaLengkap: namaLengkap({
              gelarDepan: r.penilaiGelarDepan,
              nama: r.penilaiNama,
              gelarBelakang: r.penilaiGelarBelakang,
            }),
            jabatanNama: r.penilaiJabatan,
          },
          atasan:
            r.atasanId === null
              ? null
              : {
                  id: r.atasanId,
                  nip: r.atasanNip!,
                  namaLengkap: namaLengkap({
                    gelarDepan: r.atasanGelarDepan,
                    nama: r.atasanNama!,
                    gelarBelakang: r.atasanGelarBelakang,
                  }),
                  jabatanNama: r.atasanJabatan,
                },
          jumlahPegawai: r.jumlahPegawai,
          jumlahRealisasi: r.jumlahRealisasi,
          diajukanTerlama: r.diajukanTerlama ? new Date(r.diajukanTerlama).toISOString() : null,
        })),
        nextCursor:
          found.length > query.limit && last?.diajukanTerlama
            ? `${new Date(last.diajukanTerlama).toISOString()}_${last.penilaiId}`
            : null,
      };
    },
  };
}

export type EskalasiService = ReturnType<typeof createEskalasiService>;
