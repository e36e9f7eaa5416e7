/**
 * Progres harian of a realisasi (SPEC §5.2, §12). Only the owner writes, and only while the realisasi
 * may be changed (the draft save's checks: status, window, version). An entry's fields are checked by
 * domain/log-harian.ts; its day (overlap, daily cap, working day, the plan's dates) by
 * domain/progres-harian.ts against the employee's other entries of that date across RHKs, read under a
 * per-employee lock in the write's transaction. An edit that keeps date and times is not judged by the
 * day rules again (fixing a typo in an entry from before them stays possible). Each change sets the
 * realisasi's value to the log's sum, bumps its version and is audited, in one transaction. The first
 * entry of an RHK creates its DRAFT realisasi.
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
import { bukanHariKerja, type KonteksHari, periksaHari } from '../../domain/progres-harian.js';
import type { StatusRealisasi } from '../../domain/realisasi-workflow.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { KehadiranService } from '../kehadiran/kehadiran.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
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

function entriOf(body: z.infer<typeof TambahLogBody>): lq.EntriSimpan {
  const { tanggal, jamMulai, jamSelesai, kegiatan, kuantitas, satuan, buktiDukung, buktiBerkasId } = body;
  return { tanggal, jamMulai, jamSelesai, kegiatan, kuantitas, satuan, buktiDukung, buktiBerkasId };
}

/** Every problem of the entry at once, nothing stored. */
function periksa(entry: LogHarian, periode: Periode) {
  const masalah = checkLogHarian(entry, periode);
  if (masalah.length) throw new AppError('VALIDATION_FAILED', { masalah }, masalah.join(' '));
}

const berkasBukan = () =>
  new AppError(
    'VALIDATION_FAILED',
    [{ field: 'body.buktiBerkasId', message: 'Berkas bukti dukung tidak ditemukan pada realisasi ini.' }],
    'Berkas bukti dukung tidak ditemukan pada realisasi ini.',
  );

export function createLogHarianService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  realisasi: Pick<RealisasiService, 'targetDraf' | 'dapatDiubah' | 'periode'>;
  pengaturan: Pick<PengaturanService, 'get'>;
  kehadiran: Pick<KehadiranService, 'kalender'>;
}) {
  const { db, clock, audit, realisasi } = deps;

  /** What the day rules need but the day's entries, read before the transaction (PGlite is one connection). */
  async function konteksHari(
    instansiId: number,
    skpId: number,
    tanggal: string,
  ): Promise<Omit<KonteksHari, 'lain'>> {
    const [p, kalender, skp] = await Promise.all([
      deps.pengaturan.get(instansiId),
      deps.kehadiran.kalender(instansiId, tanggal, tanggal),
      lq.rentangSkp(db, skpId),
    ]);
    return {
      aturan: p.progresHarian,
      bukanHariKerja: bukanHariKerja(tanggal, kalender.jamKerja, kalender.libur),
      skp,
    };
  }

  /** In the write's transaction: the employee's days locked, the day's other entries read, the rules applied. */
  async function periksaHariIni(
    tx: Tx,
    pegawaiId: number,
    entry: lq.EntriSimpan,
    k: Omit<KonteksHari, 'lain'>,
    kecuali: number | null,
  ) {
    await lq.kunciHariPegawai(tx, pegawaiId);
    const lain = await lq.entriHari(tx, pegawaiId, entry.tanggal, kecuali);
    const masalah = periksaHari(entry, { ...k, lain });
    if (masalah.length)
      throw new AppError(
        'VALIDATION_FAILED',
        masalah.map((m) => ({ field: `body.${m.kolom}`, message: m.pesan })),
        masalah.map((m) => m.pesan).join(' '),
      );
  }

  /** The file an entry points at must be evidence of the same realisasi. */
  async function periksaBerkas(realisasiId: number | null, entry: lq.EntriSimpan) {
    if (entry.buktiBerkasId === null) return;
    if (realisasiId === null || !(await lq.berkasMilik(db, realisasiId, entry.buktiBerkasId)))
      throw berkasBukan();
  }

  async function daftar(realisasiId: number): Promise<LogHarianOut> {
    const r = await q.findRealisasi(db, realisasiId);
    if (!r) throw new AppError('NOT_FOUND', undefined, 'Realisasi tidak ditemukan.');
    const [entri, total] = await Promise.all([lq.logOf(db, realisasiId), lq.totalLog(db, [realisasiId])]);
    return {
      realisasiId,
      version: r.version,
      rencanaAksi: r.rencanaAksi,
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
    return {
      r: rv,
      instansiId: r.instansiId,
      skpId: r.skpId,
      periode: await realisasi.periode(r.instansiId, r.periodeKode),
    };
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
      await periksaBerkas(t.existing?.id ?? null, entry);
      const hari = await konteksHari(t.instansiId, t.skpId, entry.tanggal);
      const now = clock.now();
      const realisasiId = await db.transaction(async (tx) => {
        await meta.klaim?.(tx);
        await periksaHariIni(tx, actor.id, entry, hari, null);
        let id: number;
        let hasil: { nilai: number | null; satuan: string | null };
        let logId: number;
        if (t.existing) {
          id = t.existing.id;
          logId = await lq.insertLog(tx, id, t.periode.tahun, entry, now);
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
          logId = await lq.insertLog(tx, id, t.periode.tahun, entry, now);
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
      const { r, instansiId, skpId, periode } = await dapatDiubah(actor, realisasiId, body.version);
      const entry = entriOf(body);
      periksa(entry, periode);
      await periksaBerkas(realisasiId, entry);
      const lama = await lq.findLog(db, realisasiId, logId);
      if (!lama) throw tidakDitemukan();
      const waktuBerubah = (['tanggal', 'jamMulai', 'jamSelesai'] as const).some((k) => lama[k] !== entry[k]);
      const hari = waktuBerubah ? await konteksHari(instansiId, skpId, entry.tanggal) : null;
      await db.transaction(async (tx) => {
        if (hari) await periksaHariIni(tx, actor.id, entry, hari, logId);
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
