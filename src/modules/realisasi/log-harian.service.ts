/**
 * The optional daily log of a realisasi, "progress harian" (SPEC §5.2). Only the owner writes, and only
 * while the realisasi may be changed (the draft save's checks: status, window, version); each change
 * sets the realisasi's value to the log's sum (domain/log-harian.ts), bumps its version and is audited,
 * in one transaction. The first entry of an RHK creates its DRAFT realisasi.
 */
import type { z } from 'zod';
import type { LogHarianOut, TambahLogBody, UbahLogBody } from '../../contracts/log-harian.js';
import type { Db, Tx } from '../../db/client.js';
import type { Periode } from '../../domain/jadwal.js';
import {
  checkLogHarian,
  LOG_MAKS_ENTRI,
  type LogHarian,
  nilaiDariLog,
  ringkasanLog,
} from '../../domain/log-harian.js';
import type { StatusRealisasi } from '../../domain/realisasi-workflow.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import * as lq from './log-harian.queries.js';
import * as q from './realisasi.queries.js';
import type { RealisasiService } from './realisasi.service.js';

type Meta = { requestId: string };
/** The entry an offline client may repeat: `klaim` claims its idempotency key first in the transaction. */
type MetaIdempoten = Meta & { klaim?: ((tx: Tx) => Promise<void>) | undefined };
type Realisasi = {
  id: number;
  version: number;
  status: StatusRealisasi;
  nilai: number | null;
  satuan: string | null;
};

const tidakDitemukan = () => new AppError('NOT_FOUND', undefined, 'Entri log harian tidak ditemukan.');

function entriOf(body: z.infer<typeof TambahLogBody>): LogHarian {
  const { tanggal, jamMulai, jamSelesai, kegiatan, kuantitas, satuan, buktiDukung } = body;
  return { tanggal, jamMulai, jamSelesai, kegiatan, kuantitas, satuan, buktiDukung };
}

/** Every problem of the entry at once, nothing stored. */
function periksa(entry: LogHarian, periode: Periode) {
  const masalah = checkLogHarian(entry, periode);
  if (masalah.length) throw new AppError('VALIDATION_FAILED', { masalah }, masalah.join(' '));
}

export function createLogHarianService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  realisasi: Pick<RealisasiService, 'targetDraf' | 'dapatDiubah' | 'periode'>;
}) {
  const { db, clock, audit, realisasi } = deps;

  async function daftar(realisasiId: number): Promise<LogHarianOut> {
    const r = await q.findRealisasi(db, realisasiId);
    if (!r) throw new AppError('NOT_FOUND', undefined, 'Realisasi tidak ditemukan.');
    const [entri, total] = await Promise.all([lq.logOf(db, realisasiId), lq.totalLog(db, [realisasiId])]);
    return {
      realisasiId,
      version: r.version,
      nilai: r.nilai === null ? null : Number(r.nilai),
      satuan: r.satuan,
      entri,
      ringkasan: ringkasanLog(total, r.satuan),
    };
  }

  /** After a change to the entries: the realisasi takes the log's sum under the version read. */
  async function jumlahkanKe(tx: Tx, r: Realisasi) {
    const total = await lq.totalLog(tx, [r.id]);
    if (total.reduce((n, t) => n + t.jumlah, 0) > LOG_MAKS_ENTRI)
      throw new AppError(
        'VALIDATION_FAILED',
        { maks: LOG_MAKS_ENTRI },
        `Paling banyak ${LOG_MAKS_ENTRI} entri log harian per realisasi.`,
      );
    const { nilai, satuan } = nilaiDariLog(total, r.satuan);
    if (
      !(await q.updateRealisasiIfVersion(tx, r.id, r.version, r.status, {
        nilai,
        satuan,
        updatedAt: clock.now(),
      }))
    )
      throw new AppError('VERSION_CONFLICT');
    return { nilai, satuan };
  }

  /** The realisasi of the actor that may change now, at the version the client read, and its period. */
  async function dapatDiubah(actor: Actor, realisasiId: number, version: number) {
    const r = await realisasi.dapatDiubah(actor, realisasiId);
    if (version !== r.version) throw new AppError('VERSION_CONFLICT');
    const rv: Realisasi = { ...r, nilai: r.nilai === null ? null : Number(r.nilai) };
    return { r: rv, instansiId: r.instansiId, periode: await realisasi.periode(r.instansiId, r.periodeKode) };
  }

  return {
    /** The entries by date and time with their sum (route access decides who reads: as for the month). */
    daftar,

    /** Adds an entry to the log of one RHK in a period, creating the DRAFT realisasi on the first one. */
    async tambah(
      actor: Actor,
      rhkId: number,
      kode: string,
      body: z.infer<typeof TambahLogBody>,
      meta: MetaIdempoten,
    ): Promise<LogHarianOut> {
      const t = await realisasi.targetDraf(actor, rhkId, kode, body.version);
      const entry = entriOf(body);
      periksa(entry, t.periode);
      const now = clock.now();
      const realisasiId = await db.transaction(async (tx) => {
        await meta.klaim?.(tx);
        let id: number;
        let hasil: { nilai: number | null; satuan: string | null };
        let logId: number;
        if (t.existing) {
          id = t.existing.id;
          logId = await lq.insertLog(tx, id, entry);
          hasil = await jumlahkanKe(tx, t.existing);
        } else {
          const awal = nilaiDariLog([entry], null);
          hasil = { nilai: awal.nilai, satuan: awal.satuan };
          const inserted = await q.insertRealisasi(tx, {
            instansiId: t.instansiId,
            skpId: t.skpId,
            rhkId,
            pegawaiId: actor.id,
            periodeKode: t.periodeKode,
            rencanaAksi: null,
            targetAksi: null,
            ...hasil,
            teks: null,
            createdAt: now,
            updatedAt: now,
          });
          // A concurrent first write of the same RHK and period won.
          if (inserted === null) throw new AppError('VERSION_CONFLICT');
          id = inserted;
          logId = await lq.insertLog(tx, id, entry);
        }
        await audit.record(tx, {
          instansiId: t.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'realisasi.log_tambah',
          entity: 'realisasi',
          entityId: id,
          before: t.existing && { nilai: t.existing.nilai, satuan: t.existing.satuan },
          after: { rhkId, periodeKode: t.periodeKode, logId, entri: entry, ...hasil },
          requestId: meta.requestId,
        });
        return id;
      });
      return daftar(realisasiId);
    },

    async ubah(
      actor: Actor,
      realisasiId: number,
      logId: number,
      body: z.infer<typeof UbahLogBody>,
      meta: Meta,
    ): Promise<LogHarianOut> {
      const { r, instansiId, periode } = await dapatDiubah(actor, realisasiId, body.version);
      const entry = entriOf(body);
      periksa(entry, periode);
      const lama = await lq.findLog(db, realisasiId, logId);
      if (!lama) throw tidakDitemukan();
      await db.transaction(async (tx) => {
        if (!(await lq.updateLog(tx, realisasiId, logId, entry))) throw tidakDitemukan();
        const hasil = await jumlahkanKe(tx, r);
        const { id: _, ...entriLama } = lama;
        await audit.record(tx, {
          instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'realisasi.log_ubah',
          entity: 'realisasi',
          entityId: realisasiId,
          before: { logId, entri: entriLama, nilai: r.nilai, satuan: r.satuan },
          after: { logId, entri: entry, ...hasil },
          requestId: meta.requestId,
        });
      });
      return daftar(realisasiId);
    },

    /** Removes an entry; removing the last one leaves the realisasi without a value (domain rule). */
    async hapus(
      actor: Actor,
      realisasiId: number,
      logId: number,
      version: number,
      meta: Meta,
    ): Promise<LogHarianOut> {
      const { r, instansiId } = await dapatDiubah(actor, realisasiId, version);
      const lama = await lq.findLog(db, realisasiId, logId);
      if (!lama) throw tidakDitemukan();
      await db.transaction(async (tx) => {
        if (!(await lq.deleteLog(tx, realisasiId, logId))) throw tidakDitemukan();
        const hasil = await jumlahkanKe(tx, r);
        const { id: _, ...entriLama } = lama;
        await audit.record(tx, {
          instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'realisasi.log_hapus',
          entity: 'realisasi',
          entityId: realisasiId,
          before: { logId, entri: entriLama, nilai: r.nilai, satuan: r.satuan },
          after: hasil,
          requestId: meta.requestId,
        });
      });
      return daftar(realisasiId);
    },
  };
}

export type LogHarianService = ReturnType<typeof createLogHarianService>;
