/** Use cases over employees: profile, search, mutation, superior override, acting assignments. */
import type { z } from 'zod';
import type {
  AtasanOverrideBody,
  MutasiBody,
  PenugasanPltBody,
  SearchPegawaiQuery,
} from '../../contracts/pegawai.js';
import type { Identitas } from '../../contracts/skp.js';
import type { Db, Tx } from '../../db/client.js';
import { pangkatGolongan } from '../../domain/golongan.js';
import { isStruktural } from '../../domain/jabatan.js';
import { formatNip } from '../../domain/nip.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, allows, hasRole, listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { MfaService } from '../auth/mfa.service.js';
import * as q from './pegawai.queries.js';

export interface RequestMeta {
  requestId: string;
}

function previousDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function createPegawaiService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  zonaWaktu: (instansiId: number) => Promise<string>;
  mfa: Pick<MfaService, 'status'>;
}) {
  const { db, clock, audit } = deps;

  async function today(instansiId: number) {
    return dateInZone(clock.now(), await deps.zonaWaktu(instansiId));
  }

  async function detail(actor: Actor, id: number, tx: Db | Tx = db) {
    const found = await q.findPegawai(tx, id);
    if (!found) throw new AppError('NOT_FOUND');
    const { p } = found;
    const tanggal = await today(p.instansiId);
    const [rantaiIds, bawahanIds, riwayat, roles] = await Promise.all([
      q.rantaiAtasanIds(tx, id, tanggal),
      q.bawahanLangsungIds(tx, id, tanggal),
      q.riwayatJabatan(tx, id),
      q.rolesOf(tx, id),
    ]);
    // One lookup for everyone shown on the page.
    const people = new Map(
      (
        await q.ringkasByIds(tx, [
          ...rantaiIds,
          ...bawahanIds,
          ...(p.atasanOverrideId ? [p.atasanOverrideId] : []),
        ])
      ).map((r) => [r.id, r]),
    );
    const pick = (ids: number[]) => ids.flatMap((i) => people.get(i) ?? []);
    const rantai = pick(rantaiIds);
    const bawahan = pick(bawahanIds);
    const override = p.atasanOverrideId ? pick([p.atasanOverrideId]) : [];
    const target = { id: p.id, instansiId: p.instansiId, opdId: p.opdId };
    const isAktif = (r: { tmtMulai: string; tmtSelesai: string | null }) =>
      r.tmtMulai <= tanggal && (r.tmtSelesai === null || r.tmtSelesai >= tanggal);
    return {
      id: p.id,
      nip: p.nip,
      nipFormatted: formatNip(p.nip),
      gelarDepan: p.gelarDepan,
      nama: p.nama,
      gelarBelakang: p.gelarBelakang,
      namaLengkap: namaLengkap(p),
      jenisAsn: p.jenisAsn,
      golongan: p.golongan,
      pangkatGolongan: pangkatGolongan(p.jenisAsn, p.golongan),
      isActive: p.isActive,
      version: p.version,
      jabatan: found.jabatan ? { ...found.jabatan, unorNama: found.unorNama ?? '' } : null,
      opd: found.opd,
      roles,
      atasanOverride: override[0] ? { pegawai: override[0], alasan: p.atasanOverrideAlasan } : null,
      rantaiAtasan: rantai,
      bawahanLangsung: bawahan,
      riwayatJabatan: riwayat,
      penugasanAktif: riwayat.filter(isAktif),
      can: { manage: allows(actor, target, 'none', ['opd', 'instansi']) },
      mustChangePassword: p.mustChangePassword,
    };
  }

  /** Loads the employee for a write, checking the optimistic-concurrency version. */
  async function lockForWrite(tx: Tx, id: number, version: number) {
    const row = await q.lockPegawai(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== version) throw new AppError('VERSION_CONFLICT', { currentVersion: row.version });
    return row;
  }

  /** A position the actor may place people in: same instansi; an OPD admin only inside their OPD. */
  async function loadJabatanFor(tx: Tx, actor: Actor, jabatanId: number) {
    const j = await q.findJabatanWithOpd(tx, jabatanId);
    if (!j || j.jabatan.instansiId !== actor.instansiId) {
      throw new AppError('NOT_FOUND', { field: 'jabatanId' }, 'Jabatan tidak ditemukan.');
    }
    if (!hasRole(actor, 'ADMIN_INSTANSI') && (j.opdId === null || !adminOpdIds(actor).includes(j.opdId))) {
      throw new AppError(
        'FORBIDDEN',
        { field: 'jabatanId' },
        'Jabatan tujuan berada di luar OPD yang Anda kelola.',
      );
    }
    return j;
  }

  return {
    detail,

    /** Who someone is today, as documents print it (the SKP, evaluations). */
    async identitas(actor: Actor, id: number): Promise<Identitas> {
      const p = await detail(actor, id);
      return {
        nama: p.namaLengkap,
        nip: p.nipFormatted,
        pangkatGolongan: p.pangkatGolongan,
        jabatan: p.jabatan?.nama ?? null,
        // An OPD head's unit is the OPD itself: named once.
        unitKerja: [...new Set([p.jabatan?.unorNama, p.opd?.nama].filter(Boolean))].join(', '),
      };
    },

    findTarget: (id: number) => q.findTarget(db, id),

    /** Superiors upward: [pejabat penilai, atasan pejabat penilai, …, head of region]. */
    async rantaiAtasanIds(pegawaiId: number, instansiId: number) {
      return q.rantaiAtasanIds(db, pegawaiId, await today(instansiId));
    },

    async relationOf(actorId: number, targetId: number, instansiId: number) {
      return q.relationOf(db, actorId, targetId, await today(instansiId));
    },

    async me(actor: Actor) {
      const d = await detail(actor, actor.id);
      const tanggal = await today(actor.instansiId);
      const bawahanIds = d.bawahanLangsung.map((b) => b.id);
      return {
        ...d,
        isPejabatPenilai: bawahanIds.length > 0,
        isAtasanPejabatPenilai: await q.hasBawahanTingkatDua(db, bawahanIds, tanggal),
        mfa: await deps.mfa.status(actor),
      };
    },

    async search(actor: Actor, query: z.infer<typeof SearchPegawaiQuery>) {
      let unorPathPrefix: string | undefined;
      if (query.unorId) {
        const u = await q.unorPath(db, query.unorId);
        if (!u || u.instansiId !== actor.instansiId) return { items: [], nextCursor: null };
        unorPathPrefix = u.path;
      }
      const cursor = q.decodeCursor(query.cursor);
      if (query.cursor && !cursor) throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      return q.searchPegawai(
        db,
        listScope(actor),
        query.q,
        { opdId: query.opdId, unorPath: unorPathPrefix },
        cursor,
        query.limit,
      );
    },

    async mutasi(actor: Actor, id: number, body: z.infer<typeof MutasiBody>, meta: RequestMeta) {
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, id, body.version);
        const { jabatan: target, opdId } = await loadJabatanFor(tx, actor, body.jabatanId);
        if (target.id === before.jabatanId) {
          throw new AppError(
            'BAD_REQUEST',
            { field: 'jabatanId' },
            'Pegawai sudah menduduki jabatan tersebut.',
          );
        }
        if (isStruktural(target.jenis)) {
          const holder = await q.definitiveHolder(tx, target.id);
          if (holder) throw new AppError('POSITION_OCCUPIED', { pemangkuId: holder.id });
        }
        await q.movePegawai(tx, {
          pegawaiId: id,
          jabatanId: target.id,
          unorId: target.unorId,
          opdId,
          tmtMulai: body.tmtMulai,
          tmtSelesaiLama: previousDay(body.tmtMulai),
          alasan: body.alasan,
          actorId: actor.id,
        });
        await audit.record(tx, {
          instansiId: before.instansiId,
          opdId: opdId ?? before.opdId,
          actorId: actor.id,
          action: 'pegawai.mutasi',
          entity: 'pegawai',
          entityId: id,
          before: {
            jabatanId: before.jabatanId,
            unorId: before.unorId,
            opdId: before.opdId,
            atasanOverrideId: before.atasanOverrideId,
          },
          after: { jabatanId: target.id, unorId: target.unorId, opdId, tmtMulai: body.tmtMulai },
          reason: body.alasan,
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },

    async overrideAtasan(
      actor: Actor,
      id: number,
      body: z.infer<typeof AtasanOverrideBody>,
      meta: RequestMeta,
    ) {
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, id, body.version);
        if (body.atasanId !== null) {
          if (body.atasanId === id) {
            throw new AppError(
              'SUPERIOR_CYCLE',
              { field: 'atasanId' },
              'Pegawai tidak dapat menjadi atasannya sendiri.',
            );
          }
          const atasan = await q.findTarget(tx, body.atasanId);
          if (!atasan || atasan.instansiId !== before.instansiId) {
            throw new AppError(
              'NOT_FOUND',
              { field: 'atasanId' },
              'Atasan tidak ditemukan di instansi yang sama.',
            );
          }
          const tanggal = await today(before.instansiId);
          if ((await q.relationOf(tx, id, body.atasanId, tanggal)) !== 'none')
            throw new AppError('SUPERIOR_CYCLE');
        }
        await q.setAtasanOverride(tx, id, body.atasanId, body.atasanId === null ? null : body.alasan);
        await audit.record(tx, {
          instansiId: before.instansiId,
          opdId: before.opdId,
          actorId: actor.id,
          action: body.atasanId === null ? 'pegawai.atasan.hapus_override' : 'pegawai.atasan.override',
          entity: 'pegawai',
          entityId: id,
          before: { atasanOverrideId: before.atasanOverrideId },
          after: { atasanOverrideId: body.atasanId },
          reason: body.alasan,
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },

    async assignPlt(actor: Actor, id: number, body: z.infer<typeof PenugasanPltBody>, meta: RequestMeta) {
      if (body.tmtSelesai !== null && body.tmtSelesai < body.tmtMulai) {
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'tmtSelesai' },
          'Tanggal selesai tidak boleh sebelum tanggal mulai.',
        );
      }
      await db.transaction(async (tx) => {
        const p = await q.lockPegawai(tx, id);
        if (!p) throw new AppError('NOT_FOUND');
        const { jabatan: target } = await loadJabatanFor(tx, actor, body.jabatanId);
        if (!isStruktural(target.jenis)) {
          throw new AppError(
            'BAD_REQUEST',
            { field: 'jabatanId' },
            'Plt/Plh hanya untuk jabatan struktural (JPT, Administrator, Pengawas).',
          );
        }
        if (target.id === p.jabatanId) {
          throw new AppError(
            'BAD_REQUEST',
            { field: 'jabatanId' },
            'Pegawai sudah menduduki jabatan tersebut secara definitif.',
          );
        }
        const penugasanId = await q.insertActing(tx, {
          pegawaiId: id,
          jabatanId: target.id,
          jenis: body.jenis,
          tmtMulai: body.tmtMulai,
          tmtSelesai: body.tmtSelesai,
          alasan: body.alasan,
          createdBy: actor.id,
        });
        await audit.record(tx, {
          instansiId: p.instansiId,
          opdId: p.opdId,
          actorId: actor.id,
          action: `pegawai.${body.jenis.toLowerCase()}`,
          entity: 'pegawai',
          entityId: id,
          after: {
            penugasanId,
            jabatanId: target.id,
            jenis: body.jenis,
            tmtMulai: body.tmtMulai,
            tmtSelesai: body.tmtSelesai,
          },
          reason: body.alasan,
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },
  };
}

export type PegawaiService = ReturnType<typeof createPegawaiService>;
