/**
 * Peer input on behaviour (SPEC §5.3, optional; the assessor decides): a colleague under the same
 * pejabat penilai writes on one BerAKHLAK value of an employee for a period, and may withdraw it
 * while the period is open. The assessor reads it with its author on the assessment page; the
 * employee reads it without, and no response sent to him carries the author.
 */
import type { z } from 'zod';
import type { MasukanRekanBody, MasukanRekanSayaOut } from '../../contracts/masukan-rekan.js';
import type { MasukanRekanDiterima } from '../../contracts/realisasi.js';
import type { Db } from '../../db/client.js';
import { labelPeriode } from '../../domain/jadwal.js';
import { izinMasukanRekan, tolakMasukanRekan } from '../../domain/masukan-rekan.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { type JadwalService, resolvePeriode } from '../jadwal/jadwal.service.js';
import * as q from './masukan-rekan.queries.js';

type Meta = { requestId: string };

export function createMasukanRekanService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  jadwal: Pick<JadwalService, 'config'>;
}) {
  const { db, clock, audit, jadwal } = deps;

  /** The period a code names under the instansi's schedule, and whether input is open on it now. */
  async function periodeOf(instansiId: number, kode: string) {
    const cfg = await jadwal.config(instansiId);
    const periode = resolvePeriode(kode, cfg);
    return {
      periode,
      izin: izinMasukanRekan(clock.now(), periode, cfg),
      tanggal: dateInZone(clock.now(), cfg.zonaWaktu),
    };
  }

  function tertutup(pesan: string, periodeKode: string) {
    return new AppError('WINDOW_CLOSED', { periode: periodeKode }, pesan);
  }

  async function saya(actor: Actor, kode: string): Promise<MasukanRekanSayaOut> {
    const { periode, izin, tanggal } = await periodeOf(actor.instansiId, kode);
    const [rekan, items] = await Promise.all([
      q.rekanKerja(db, actor.id, tanggal),
      q.milikPenulis(db, actor.id, periode.kode),
    ]);
    return {
      periode: { kode: periode.kode, label: labelPeriode(periode) },
      terbuka: izin.ok,
      pesan: izin.ok ? null : izin.pesan,
      rekan: rekan.map((r) => ({
        id: r.id,
        nip: r.nip,
        namaLengkap: r.namaLengkap,
        jabatanNama: r.jabatanNama,
      })),
      items: items.map((m) => ({
        id: m.id,
        pegawai: { id: m.pegawaiId, namaLengkap: namaLengkap(m) },
        kode: m.kode,
        teks: m.teks,
        version: m.version,
        at: m.createdAt.toISOString(),
      })),
    };
  }

  return {
    saya,

    async tulis(actor: Actor, body: z.infer<typeof MasukanRekanBody>, meta: Meta) {
      const { periode, izin, tanggal } = await periodeOf(actor.instansiId, body.periode);
      const f = await q.faktaRekan(db, actor.id, body.pegawaiId, tanggal);
      if (!f || f.instansiId !== actor.instansiId)
        throw new AppError('NOT_FOUND', { field: 'pegawaiId' }, 'Pegawai tidak ditemukan.');
      const tolak = tolakMasukanRekan({
        penulisId: actor.id,
        pegawaiId: body.pegawaiId,
        pegawaiAktif: f.isActive,
        atasanPenulis: f.atasanPenulis,
        atasanPegawai: f.atasanPegawai,
      });
      if (tolak) throw new AppError('FORBIDDEN', { field: 'pegawaiId' }, tolak);
      if (!izin.ok) throw tertutup(izin.pesan, periode.kode);
      await db.transaction(async (tx) => {
        const id = await q.insertMasukan(tx, {
          instansiId: actor.instansiId,
          pegawaiId: body.pegawaiId,
          penulisId: actor.id,
          periodeKode: periode.kode,
          kode: body.kode,
          teks: body.teks,
          createdAt: clock.now(),
        });
        if (id === null)
          throw new AppError(
            'MASUKAN_SUDAH_ADA',
            { kode: body.kode },
            'Anda sudah memberi masukan tentang nilai ini untuk rekan tersebut pada periode ini; hapus dahulu untuk menggantinya.',
          );
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: f.opdId,
          actorId: actor.id,
          action: 'masukan_rekan.tulis',
          entity: 'masukan_rekan',
          entityId: id,
          after: { pegawaiId: body.pegawaiId, periodeKode: periode.kode, kode: body.kode, teks: body.teks },
          requestId: meta.requestId,
        });
      });
      return saya(actor, periode.kode);
    },

    async hapus(actor: Actor, id: number, version: number, meta: Meta) {
      const m = await q.findMasukan(db, id);
      // Someone else's input is not his to see, let alone delete.
      if (!m || m.penulisId !== actor.id)
        throw new AppError('NOT_FOUND', undefined, 'Masukan tidak ditemukan.');
      const { izin } = await periodeOf(m.instansiId, m.periodeKode);
      if (!izin.ok) throw tertutup(izin.pesan, m.periodeKode);
      await db.transaction(async (tx) => {
        if (!(await q.deleteMasukan(tx, id, actor.id, version)))
          throw new AppError('VERSION_CONFLICT', { currentVersion: m.version });
        await audit.record(tx, {
          instansiId: m.instansiId,
          actorId: actor.id,
          action: 'masukan_rekan.hapus',
          entity: 'masukan_rekan',
          entityId: id,
          before: { pegawaiId: m.pegawaiId, periodeKode: m.periodeKode, kode: m.kode, teks: m.teks },
          requestId: meta.requestId,
        });
      });
      return saya(actor, m.periodeKode);
    },

    /**
     * The input shown in an employee's period view: to the employee without authors, to whoever
     * assesses the period (`menilai`, as the realisasi service decides) with them, to anyone else none.
     */
    async untukBulan(
      actor: Actor,
      pegawaiId: number,
      periodeKode: string,
      menilai: boolean,
    ): Promise<MasukanRekanDiterima[]> {
      const pemilik = actor.id === pegawaiId;
      if (!pemilik && !menilai) return [];
      const found = await q.tentangPegawai(db, pegawaiId, periodeKode);
      return found.map((m) => ({
        kode: m.kode,
        teks: m.teks,
        penulis: pemilik ? null : { id: m.penulisId, namaLengkap: namaLengkap(m) },
      }));
    },
  };
}

export type MasukanRekanService = ReturnType<typeof createMasukanRekanService>;
