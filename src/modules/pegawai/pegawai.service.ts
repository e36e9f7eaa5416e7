/** Use cases over employees: profile, search, mutation, superior override, acting assignments. */
import type { z } from 'zod';
import type {
  AtasanOverrideBody,
  MeResponse,
  MutasiBody,
  PenugasanPltBody,
  PeranBody,
  SearchPegawaiQuery,
} from '../../contracts/pegawai.js';
import type { Identitas } from '../../contracts/skp.js';
import type { Db, Tx } from '../../db/client.js';
import { pangkatGolongan } from '../../domain/golongan.js';
import { isStruktural, SEBUTAN_KETUA_TIM, tolakKetuaTim } from '../../domain/jabatan.js';
import {
  type AkibatKuasa,
  KUASA_ADMIN,
  type KuasaAdmin,
  type PelakuAdmin,
  pesanTolak,
  putusanKuasa,
} from '../../domain/kewenangan.js';
import { formatNip } from '../../domain/nip.js';
import { namaLengkap } from '../../domain/pegawai.js';
import type { CacheSingkat } from '../../platform/cache-singkat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, hasRole, listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { MfaService } from '../auth/mfa.service.js';
import * as q from './pegawai.queries.js';

/** The own profile as cached: the employee's detail with the assessor flags and the authenticator. */
export type ProfilSaya = z.infer<typeof MeResponse>;

export interface RequestMeta {
  requestId: string;
}

function previousDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function pelakuOf(actor: Actor): PelakuAdmin {
  return { id: actor.id, bkd: hasRole(actor, 'ADMIN_INSTANSI'), opdIds: adminOpdIds(actor) };
}

/**
 * Checks an admin power against its ceiling (SPEC §11); throws 403 with the reason, or 400 when a
 * reason is owed. Called before the caller's transaction (PGlite has one connection).
 */
export type PeriksaKuasa = (
  actor: Actor,
  targetId: number,
  kuasa: KuasaAdmin,
  alasan?: string | null,
) => Promise<void>;

/** What a mutation tells the modules that keep per-position records (the skp module closes the old plan). */
export interface Mutasi {
  instansiId: number;
  pegawaiId: number;
  jabatanLamaId: number | null;
  tmtMulai: string;
  /** The last day in the old position: the day before tmtMulai. */
  akhirLama: string;
  actorId: number;
  requestId: string;
}
export type SetelahMutasi = (tx: Tx, mutasi: Mutasi) => Promise<void>;

export function createPegawaiService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  zonaWaktu: (instansiId: number) => Promise<string>;
  mfa: Pick<MfaService, 'status'>;
  /** Own profiles by session, employee and day (GET /api/me); emptied after a change that alters one. */
  cacheProfil: CacheSingkat<ProfilSaya>;
}) {
  const { db, clock, audit } = deps;
  // Registered after construction: the modules listening are built on top of this one.
  const setelahMutasi: SetelahMutasi[] = [];

  async function today(instansiId: number) {
    return dateInZone(clock.now(), await deps.zonaWaktu(instansiId));
  }

  /**
   * Refuses an admin power above its ceiling. `tanggal` (the actor's today) is read before the
   * transaction, since the time zone may need the one PGlite connection.
   */
  async function tegakkanKuasa(
    tx: Db | Tx,
    actor: Actor,
    targetId: number,
    kuasa: KuasaAdmin,
    tanggal: string,
    opts: { alasan?: string | null; akibat?: AkibatKuasa } = {},
  ) {
    const fakta = await q.faktaSasaran(tx, actor.id, targetId, tanggal);
    if (!fakta || fakta.instansiId !== actor.instansiId) throw new AppError('NOT_FOUND');
    const putusan = putusanKuasa(pelakuOf(actor), fakta, kuasa, opts.akibat);
    if (!putusan.boleh) {
      throw new AppError('FORBIDDEN', { kuasa, alasan: putusan.alasan }, pesanTolak(putusan.alasan, kuasa));
    }
    if (putusan.perluAlasan && !opts.alasan?.trim()) {
      throw new AppError(
        'VALIDATION_FAILED',
        { field: 'alasan' },
        'Alasan wajib diisi: pegawai ini juga admin instansi (BKD).',
      );
    }
  }

  /** Whoever fills this position would have the actor above him; and whether it is a JPT one. */
  async function akibatJabatan(
    tx: Tx,
    actor: Actor,
    jabatanId: number,
    tanggal: string,
  ): Promise<AkibatKuasa> {
    const j = await q.jabatanDiBawahPegawai(tx, jabatanId, actor.id, tanggal);
    return { pelakuMenjadiAtasan: j.diBawah, jabatanJpt: j.jpt };
  }

  async function detail(actor: Actor, id: number, tx: Db | Tx = db) {
    const found = await q.findPegawai(tx, id);
    if (!found) throw new AppError('NOT_FOUND');
    const { p } = found;
    const tanggal = await today(p.instansiId);
    const pelaku = pelakuOf(actor);
    // Nobody holds a power over himself, nor does a non-admin over anyone (the ceiling's first
    // rules): /api/me and ordinary views skip the facts query.
    const bisaBerkuasa = id !== actor.id && (pelaku.bkd || pelaku.opdIds.length > 0);
    const [rantaiLinks, bawahanIds, riwayat, roles, f] = await Promise.all([
      q.rantaiAtasan(tx, id, tanggal),
      q.bawahanLangsungIds(tx, id, tanggal),
      q.riwayatJabatan(tx, id),
      q.rolesOf(tx, id),
      bisaBerkuasa ? q.faktaSasaran(tx, actor.id, id, tanggal) : null,
    ]);
    const rantaiIds = rantaiLinks.map((r) => r.id);
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
    const rantai = rantaiLinks.flatMap((r) =>
      pick([r.id]).map((o) => ({ ...o, sebutan: r.ketuaTim ? SEBUTAN_KETUA_TIM : null })),
    );
    const bawahan = pick(bawahanIds);
    const override = p.atasanOverrideId ? pick([p.atasanOverrideId]) : [];
    const kuasa = f ? KUASA_ADMIN.filter((k) => putusanKuasa(pelaku, f, k).boleh) : [];
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
      atasanOverride:
        override[0] && p.atasanOverrideJenis
          ? { pegawai: override[0], alasan: p.atasanOverrideAlasan, jenis: p.atasanOverrideJenis }
          : null,
      rantaiAtasan: rantai,
      bawahanLangsung: bawahan,
      riwayatJabatan: riwayat,
      penugasanAktif: riwayat.filter(isAktif),
      can: { manage: kuasa.length > 0, kuasa },
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

  /** A team lead (SPEC §3) only for someone in a functional position, from his own OPD; 400 otherwise. */
  async function periksaKetuaTim(
    tx: Tx,
    sasaran: { jabatanId: number | null; opdId: number | null },
    ketua: { isActive: boolean; opdId: number | null },
  ) {
    const j = sasaran.jabatanId === null ? null : await q.findJabatanWithOpd(tx, sasaran.jabatanId);
    const pesan = tolakKetuaTim({ jenisJabatan: j?.jabatan.jenis ?? null, opdId: sasaran.opdId }, ketua);
    if (pesan) throw new AppError('BAD_REQUEST', { field: 'jenis' }, pesan);
  }

  const periksaKuasa: PeriksaKuasa = async (actor, targetId, kuasa, alasan) =>
    tegakkanKuasa(db, actor, targetId, kuasa, await today(actor.instansiId), { alasan });

  return {
    detail,
    periksaKuasa,

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

    /**
     * The one answer to "who assesses this SKP and its periods": the pejabat penilai and the atasan
     * pejabat penilai (for a plan of a position the employee has left, that position's superiors on
     * its last day; SPEC §4.1). Every route that assesses or approves asks this.
     */
    async penilaiSkp(skpId: number, instansiId: number) {
      return q.penilaiSkp(db, skpId, await today(instansiId));
    },

    async relationOf(actorId: number, targetId: number, instansiId: number) {
      return q.relationOf(db, actorId, targetId, await today(instansiId));
    },

    /**
     * The own profile. Its positions, superiors and authenticator come from the node's short cache
     * (ADR 0021), per session (a login with a recovery code starts afresh); roles and the account's
     * flags are the session's, read on this request.
     */
    async me(actor: Actor, sessionId: string | null) {
      const tanggal = await today(actor.instansiId);
      const profil = await deps.cacheProfil.ambil(`${sessionId}:${actor.id}:${tanggal}`, async () => {
        const d = await detail(actor, actor.id);
        const bawahanIds = d.bawahanLangsung.map((b) => b.id);
        return {
          ...d,
          isPejabatPenilai: bawahanIds.length > 0,
          isAtasanPejabatPenilai: await q.hasBawahanTingkatDua(db, bawahanIds, tanggal),
          mfa: await deps.mfa.status(actor),
        };
      });
      return {
        ...profil,
        roles: actor.roles,
        mustChangePassword: actor.mustChangePassword,
        mfa: { ...profil.mfa, mustEnrol: actor.mustEnrolMfa },
      };
    },

    async search(actor: Actor, query: z.infer<typeof SearchPegawaiQuery>) {
      let unorPathPrefix: string | undefined;
      if (query.unorId) {
        const u = await q.unorPath(db, query.unorId);
        if (!u || u.instansiId !== actor.instansiId) return { items: [], nextCursor: null, total: 0 };
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
      const tanggal = await today(actor.instansiId);
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, id, body.version);
        const { jabatan: target, opdId } = await loadJabatanFor(tx, actor, body.jabatanId);
        await tegakkanKuasa(tx, actor, id, 'MUTASI', tanggal, {
          alasan: body.alasan,
          akibat: await akibatJabatan(tx, actor, target.id, tanggal),
        });
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
            atasanOverrideJenis: before.atasanOverrideJenis,
          },
          after: { jabatanId: target.id, unorId: target.unorId, opdId, tmtMulai: body.tmtMulai },
          reason: body.alasan,
          requestId: meta.requestId,
        });
        const mutasi = {
          instansiId: before.instansiId,
          pegawaiId: id,
          jabatanLamaId: before.jabatanId,
          tmtMulai: body.tmtMulai,
          akhirLama: previousDay(body.tmtMulai),
          actorId: actor.id,
          requestId: meta.requestId,
        };
        for (const listener of setelahMutasi) await listener(tx, mutasi);
      });
      return detail(actor, id);
    },

    /** Runs `listener` inside every mutation's transaction, after the move is written. */
    padaMutasi(listener: SetelahMutasi) {
      setelahMutasi.push(listener);
    },

    async overrideAtasan(
      actor: Actor,
      id: number,
      body: z.infer<typeof AtasanOverrideBody>,
      meta: RequestMeta,
    ) {
      const tanggal = await today(actor.instansiId);
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, id, body.version);
        // Naming himself, or anyone under him, would put the actor in the target's chain.
        const pelakuMenjadiAtasan =
          body.atasanId !== null && (await q.relationOf(tx, actor.id, body.atasanId, tanggal)) !== 'none';
        await tegakkanKuasa(tx, actor, id, 'ATASAN', tanggal, {
          alasan: body.alasan,
          akibat: { pelakuMenjadiAtasan },
        });
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
          if ((await q.relationOf(tx, id, body.atasanId, tanggal)) !== 'none')
            throw new AppError('SUPERIOR_CYCLE');
          if (body.jenis === 'KETUA_TIM') await periksaKetuaTim(tx, before, atasan);
        }
        const jenis = body.atasanId === null ? null : body.jenis;
        await q.setAtasanOverride(
          tx,
          id,
          body.atasanId === null ? null : { atasanId: body.atasanId, alasan: body.alasan, jenis: body.jenis },
        );
        await audit.record(tx, {
          instansiId: before.instansiId,
          opdId: before.opdId,
          actorId: actor.id,
          action: body.atasanId === null ? 'pegawai.atasan.hapus_override' : 'pegawai.atasan.override',
          entity: 'pegawai',
          entityId: id,
          before: {
            atasanOverrideId: before.atasanOverrideId,
            atasanOverrideJenis: before.atasanOverrideJenis,
          },
          after: { atasanOverrideId: body.atasanId, atasanOverrideJenis: jenis },
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
      const tanggal = await today(actor.instansiId);
      await db.transaction(async (tx) => {
        const p = await q.lockPegawai(tx, id);
        if (!p) throw new AppError('NOT_FOUND');
        const { jabatan: target } = await loadJabatanFor(tx, actor, body.jabatanId);
        await tegakkanKuasa(tx, actor, id, 'PLT', tanggal, {
          alasan: body.alasan,
          akibat: await akibatJabatan(tx, actor, target.id, tanggal),
        });
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
          action: body.jenis === 'PLT' ? 'pegawai.plt' : 'pegawai.plh',
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

    async aturPeran(actor: Actor, id: number, body: z.infer<typeof PeranBody>, meta: RequestMeta) {
      const roles = [...new Map(body.peran.map((r) => [`${r.peran}:${r.opdId}`, r])).values()];
      for (const r of roles) {
        if ((r.peran === 'ADMIN_OPD') !== (r.opdId !== null)) {
          throw new AppError(
            'VALIDATION_FAILED',
            { field: 'peran' },
            'Admin OPD harus disertai OPD-nya; peran lain berlaku untuk seluruh instansi tanpa OPD.',
          );
        }
      }
      const tanggal = await today(actor.instansiId);
      await db.transaction(async (tx) => {
        const before = await lockForWrite(tx, id, body.version);
        await tegakkanKuasa(tx, actor, id, 'PERAN', tanggal, { alasan: body.alasan });
        const opdIds = roles.flatMap((r) => (r.opdId === null ? [] : [r.opdId]));
        if ((await q.opdIdsOf(tx, before.instansiId, opdIds)).length !== new Set(opdIds).size) {
          throw new AppError('NOT_FOUND', { field: 'peran' }, 'OPD tidak ditemukan di instansi ini.');
        }
        const sebelum = await q.rolesOf(tx, id);
        await q.gantiPeran(tx, id, roles);
        await audit.record(tx, {
          instansiId: before.instansiId,
          opdId: before.opdId,
          actorId: actor.id,
          action: 'pegawai.peran',
          entity: 'pegawai',
          entityId: id,
          before: { peran: sebelum },
          after: { peran: roles },
          reason: body.alasan,
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },
  };
}

export type PegawaiService = ReturnType<typeof createPegawaiService>;
