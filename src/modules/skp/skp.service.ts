/**
 * SKP use cases: the owner plans and submits; the pejabat penilai (for JPT plans: the head of
 * region) approves or returns with a note. Status changes only through the domain workflow.
 */
import type { z } from 'zod';
import type {
  CreateSkpBody,
  KembalikanBody,
  PerilakuBody,
  SkpDetail,
  UpdateIsiBody,
} from '../../contracts/skp.js';
import type { Db, Tx } from '../../db/client.js';
import { BERAKHLAK } from '../../domain/berakhlak.js';
import { hitungCakupan } from '../../domain/cascading.js';
import { isJpt } from '../../domain/jabatan.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { checkSkp, rhkHints } from '../../domain/skp.js';
import { canStartNewVersion, isEditable, type SkpTransition, transition } from '../../domain/skp-workflow.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { PegawaiService } from '../pegawai/pegawai.service.js';
import type { PkService } from '../pk/pk.service.js';
import * as q from './skp.queries.js';

type Meta = { requestId: string };

export function createSkpService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pegawai: PegawaiService;
  pk: PkService;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, pegawai } = deps;
  const today = async (instansiId: number) => dateInZone(clock.now(), await deps.zonaWaktu(instansiId));

  async function load(id: number) {
    const found = await q.findSkp(db, id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  }

  /** The superior (whose plan is intervened) and who decides: the superior, or for a JPT plan the head of region. */
  async function atasanDanPenilai(s: { pegawaiId: number; instansiId: number; isJpt: boolean }) {
    const chain = await pegawai.rantaiAtasanIds(s.pegawaiId, s.instansiId);
    return { atasanId: chain[0] ?? null, penilaiId: (s.isJpt ? chain.at(-1) : chain[0]) ?? null };
  }

  async function detail(actor: Actor, id: number): Promise<SkpDetail> {
    const { skp: s, ...names } = await load(id);
    const { atasanId, penilaiId: penilai } = await atasanDanPenilai(s);
    const [isi, perilaku, atasanSkp] = await Promise.all([
      q.loadIsi(db, id),
      q.perilakuOf(db, id),
      atasanId ? q.skpAtasan(db, atasanId, s.tahun) : Promise.resolve(null),
    ]);
    const content = { pendekatan: s.pendekatan, isJpt: s.isJpt, rhk: isi };
    const isOwner = actor.id === s.pegawaiId;
    return {
      id: s.id,
      pegawaiId: s.pegawaiId,
      pegawaiNama:
        [names.gelarDepan, names.pegawaiNama].filter(Boolean).join(' ') +
        (names.gelarBelakang ? `, ${names.gelarBelakang}` : ''),
      jabatanNama: names.jabatanNama,
      tahun: s.tahun,
      periodeMulai: s.periodeMulai,
      periodeAkhir: s.periodeAkhir,
      pendekatan: s.pendekatan,
      isJpt: s.isJpt,
      status: s.status,
      versi: s.versi,
      version: s.version,
      catatanPengembalian: s.catatanPengembalian,
      rhk: isi,
      perilaku: BERAKHLAK.map((b) => ({
        kode: b.kode,
        nama: b.nama,
        panduan: [...b.panduan],
        ekspektasi: perilaku.find((p) => p.kode === b.kode)?.ekspektasi ?? null,
      })),
      skpAtasan: atasanSkp,
      temuan: checkSkp(content, new Set(atasanSkp?.rhk.map((r) => r.id) ?? [])),
      saran: rhkHints(content),
      can: {
        edit: isOwner && isEditable(s.status),
        submit: isOwner && s.status === 'DRAFT',
        assess: penilai === actor.id && s.status === 'DIAJUKAN',
      },
    };
  }

  async function changeStatus(
    actor: Actor,
    id: number,
    version: number,
    t: SkpTransition,
    extra: (s: Awaited<ReturnType<typeof load>>['skp']) => Promise<Record<string, unknown>>,
    meta: Meta,
    inTx?: (tx: Tx, s: Awaited<ReturnType<typeof load>>['skp']) => Promise<void>,
  ) {
    const { skp: s } = await load(id);
    const result = transition(s.status, t);
    if (!result.ok)
      throw new AppError(
        result.code === 'CATATAN_REQUIRED' ? 'VALIDATION_FAILED' : result.code,
        undefined,
        result.message,
      );
    const fields = await extra(s);
    await db.transaction(async (tx) => {
      if (!(await q.updateSkpIfVersion(tx, id, version, { status: result.status, ...fields }))) {
        throw new AppError('VERSION_CONFLICT');
      }
      await inTx?.(tx, s);
      await audit.record(tx, {
        instansiId: s.instansiId,
        actorId: actor.id,
        action: `skp.${t.kind}`,
        entity: 'skp',
        entityId: id,
        before: { status: s.status },
        after: { status: result.status, ...fields },
        reason: t.kind === 'return' ? t.catatan : null,
        requestId: meta.requestId,
      });
    });
    return detail(actor, id);
  }

  async function assertPenilai(actor: Actor, s: { pegawaiId: number; instansiId: number; isJpt: boolean }) {
    if ((await atasanDanPenilai(s)).penilaiId !== actor.id) {
      throw new AppError(
        'FORBIDDEN',
        undefined,
        s.isJpt
          ? 'SKP JPT disetujui oleh kepala daerah.'
          : 'Hanya pejabat penilai yang dapat menilai SKP ini.',
      );
    }
  }

  async function create(actor: Actor, body: z.infer<typeof CreateSkpBody>, meta: Meta) {
    const pos = await q.currentPosition(db, actor.id);
    if (!pos)
      throw new AppError('BAD_REQUEST', undefined, 'Anda belum memiliki jabatan; SKP tidak dapat dibuat.');
    if (await q.hasSkp(db, actor.id, pos.jabatanId, body.tahun)) throw new AppError('SKP_EXISTS');
    const awalTahun = `${body.tahun}-01-01`;
    // After a mid-year mutation the new plan starts at the new position's TMT.
    const periodeMulai =
      pos.tmtMulai && pos.tmtMulai > awalTahun && pos.tmtMulai.startsWith(String(body.tahun))
        ? pos.tmtMulai
        : awalTahun;
    const id = await db.transaction(async (tx) => {
      const created = await q.insertSkp(tx, {
        instansiId: pos.instansiId,
        pegawaiId: actor.id,
        jabatanId: pos.jabatanId,
        tahun: body.tahun,
        periodeMulai,
        periodeAkhir: `${body.tahun}-12-31`,
        pendekatan: body.pendekatan,
        isJpt: isJpt(pos.jenis),
      });
      await audit.record(tx, {
        instansiId: pos.instansiId,
        actorId: actor.id,
        action: 'skp.buat',
        entity: 'skp',
        entityId: created,
        after: { tahun: body.tahun, pendekatan: body.pendekatan, jabatanId: pos.jabatanId, periodeMulai },
        requestId: meta.requestId,
      });
      return created;
    });
    return detail(actor, id);
  }

  return {
    detail,
    ownerOf: (id: number) => q.ownerOf(db, id),
    list: (actor: Actor, tahun: number | undefined) => q.listSkpOf(db, actor.id, tahun),

    /** "Salin dari tahun lalu": last year's approved plan as a new draft (links to the superior are not copied). */
    async salin(actor: Actor, body: z.infer<typeof CreateSkpBody>, meta: Meta) {
      const dari = await q.approvedSkpOf(db, actor.id, body.tahun - 1);
      if (!dari)
        throw new AppError(
          'NOT_FOUND',
          undefined,
          `Tidak ada SKP tahun ${body.tahun - 1} yang disetujui untuk disalin.`,
        );
      const created = await create(actor, body, meta);
      await db.transaction(async (tx) => {
        await q.copyIsi(tx, dari, created.id, { intervensi: false, perilaku: false });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'skp.salin',
          entity: 'skp',
          entityId: created.id,
          after: { dariSkpId: dari },
          requestId: meta.requestId,
        });
      });
      return detail(actor, created.id);
    },

    /** An approved plan changes only through a new version; the approved one stays readable. */
    async versiBaru(actor: Actor, id: number, version: number, meta: Meta) {
      const { skp: s } = await load(id);
      if (!canStartNewVersion(s.status))
        throw new AppError('SKP_INVALID_TRANSITION', undefined, 'Versi baru hanya dari SKP yang disetujui.');
      if (s.version !== version) throw new AppError('VERSION_CONFLICT');
      if (await q.hasNewerVersion(db, id))
        throw new AppError('SKP_EXISTS', undefined, 'Versi baru SKP ini sudah dibuat.');
      const newId = await db.transaction(async (tx) => {
        const created = await q.insertSkp(tx, {
          instansiId: s.instansiId,
          pegawaiId: s.pegawaiId,
          jabatanId: s.jabatanId,
          tahun: s.tahun,
          periodeMulai: s.periodeMulai,
          periodeAkhir: s.periodeAkhir,
          pendekatan: s.pendekatan,
          isJpt: s.isJpt,
          versi: s.versi + 1,
          versiSebelumnyaId: s.id,
        });
        await q.copyIsi(tx, s.id, created, { intervensi: true, perilaku: true });
        await audit.record(tx, {
          instansiId: s.instansiId,
          actorId: actor.id,
          action: 'skp.versi_baru',
          entity: 'skp',
          entityId: created,
          after: { versi: s.versi + 1, versiSebelumnyaId: s.id },
          requestId: meta.requestId,
        });
        return created;
      });
      return detail(actor, newId);
    },

    create,

    async updateIsi(actor: Actor, id: number, body: z.infer<typeof UpdateIsiBody>, meta: Meta) {
      const { skp: s, unorId } = await load(id);
      const pkIds = body.rhk.flatMap((r) => (r.pkSasaranId ? [r.pkSasaranId] : []));
      if (pkIds.length && !s.isJpt) {
        throw new AppError(
          'VALIDATION_FAILED',
          { pkSasaranId: pkIds },
          'Hanya RHK pada SKP JPT yang diturunkan dari perjanjian kinerja.',
        );
      }
      if (!(await deps.pk.sasaranBelongsTo(pkIds, unorId, s.tahun))) {
        throw new AppError(
          'VALIDATION_FAILED',
          { pkSasaranId: pkIds },
          'Sasaran perjanjian kinerja tidak ditemukan pada unit dan tahun SKP ini.',
        );
      }
      if (!isEditable(s.status)) throw new AppError('SKP_NOT_EDITABLE');
      const { atasanId } = await atasanDanPenilai(s);
      const allowed = new Set(
        (atasanId ? await q.skpAtasan(db, atasanId, s.tahun) : null)?.rhk.map((r) => r.id) ?? [],
      );
      const invalid = body.rhk.flatMap((r) => r.intervensi).filter((rid) => !allowed.has(rid));
      if (invalid.length) {
        throw new AppError(
          'VALIDATION_FAILED',
          { intervensi: invalid },
          'Intervensi hanya boleh ke RHK pada SKP atasan langsung tahun yang sama.',
        );
      }
      const before = await q.loadIsi(db, id);
      await db.transaction(async (tx) => {
        // Editing a returned plan makes it a draft again (the revise transition).
        const status = s.status === 'DIKEMBALIKAN' ? 'DRAFT' : s.status;
        if (!(await q.updateSkpIfVersion(tx, id, body.version, { status })))
          throw new AppError('VERSION_CONFLICT');
        await q.replaceIsi(tx, id, body.rhk);
        await audit.record(tx, {
          instansiId: s.instansiId,
          actorId: actor.id,
          action: 'skp.ubah_isi',
          entity: 'skp',
          entityId: id,
          before: { status: s.status, rhk: before },
          after: { status, rhk: body.rhk },
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },

    async ajukan(actor: Actor, id: number, version: number, meta: Meta) {
      return changeStatus(
        actor,
        id,
        version,
        { kind: 'submit' },
        async (s) => {
          const d = await detail(actor, id);
          if (d.temuan.length) throw new AppError('SKP_INVALID', { temuan: d.temuan });
          const { penilaiId: penilai } = await atasanDanPenilai(s);
          if (!penilai) throw new AppError('NO_PEJABAT_PENILAI');
          return { pejabatPenilaiId: penilai, diajukanAt: clock.now(), catatanPengembalian: null };
        },
        meta,
      );
    },

    async setujui(actor: Actor, id: number, version: number, meta: Meta) {
      return changeStatus(
        actor,
        id,
        version,
        { kind: 'approve' },
        async (s) => {
          await assertPenilai(actor, s);
          const [owner, penilai] = await Promise.all([
            pegawai.detail(actor, s.pegawaiId),
            pegawai.detail(actor, actor.id),
          ]);
          const identity = (p: typeof owner) => ({
            nama: p.namaLengkap,
            nip: p.nipFormatted,
            pangkatGolongan: p.pangkatGolongan,
            jabatan: p.jabatan?.nama ?? null,
            unitKerja: [p.jabatan?.unorNama, p.opd?.nama].filter(Boolean).join(', '),
          });
          return {
            disetujuiAt: clock.now(),
            disetujuiOlehId: actor.id,
            identitas: { pegawai: identity(owner), pejabatPenilai: identity(penilai) },
          };
        },
        meta,
        async (tx, current) => {
          // A newer version takes over the subordinates' links to the one it replaces.
          if (current.versiSebelumnyaId) await q.carryIntervensi(tx, current.id);
        },
      );
    },

    /** Dibagi habis for one leader's plan: each IKI against the subordinates' RHKs that intervene it. */
    async cakupan(id: number) {
      const { skp: s } = await load(id);
      const [leaderIki, children] = await Promise.all([
        q.ikiOfSkp(db, id),
        q.rhkBawahan(db, s.pegawaiId, s.tahun, await today(s.instansiId)),
      ]);
      const target = (k: {
        nilai: number | null;
        nilaiMaks: number | null;
        satuan: string | null;
        teks: string | null;
      }) => ({
        // Targets arrive from Drizzle (numeric mode number) and from json; both end as numbers.
        nilai: k.nilai === null ? null : Number(k.nilai),
        nilaiMaks: k.nilaiMaks === null ? null : Number(k.nilaiMaks),
        satuan: k.satuan,
        teks: k.teks,
      });
      const rhkRows = children.filter((c) => c.rhkId !== null);
      const result = hitungCakupan(
        leaderIki.map((l) => ({ rhkId: l.rhkId, ikiId: l.ikiId, aspek: l.aspek, target: target(l) })),
        rhkRows.map((c) => ({
          rhkId: c.rhkId!,
          jenis: c.jenis!,
          intervensi: c.intervensi,
          iki: c.iki.map((k) => ({ aspek: k.aspek, target: target(k) })),
        })),
      );
      const byIki = new Map(leaderIki.map((l) => [l.ikiId, l]));
      const byRhk = new Map(rhkRows.map((c) => [c.rhkId!, c]));
      const people = new Map(children.map((c) => [c.pegawaiId, c]));
      return {
        iki: result.iki.map((r) => {
          const l = byIki.get(r.ikiId)!;
          return { ...r, rencana: l.rencana, indikator: l.indikator, target: target(l) };
        }),
        tanpaInduk: result.tanpaInduk.map((rhkId) => {
          const c = byRhk.get(rhkId)!;
          return { rhkId, rencana: c.rencana!, pegawaiNama: namaLengkap(c) };
        }),
        belumDisetujui: [...people.values()]
          .filter((p) => p.status !== 'DISETUJUI')
          .map((p) => ({ pegawaiId: p.pegawaiId, namaLengkap: namaLengkap(p), status: p.status })),
        masalah: result.masalah,
        persenLengkap: result.persenLengkap,
      };
    },

    /** SKP bawahan: the assessor's direct subordinates and where each plan stands. */
    async bawahan(actor: Actor, tahun: number) {
      const found = await q.skpBawahan(db, actor.id, tahun, await today(actor.instansiId));
      return found.map((r) => ({ ...r, namaLengkap: namaLengkap(r) }));
    },

    /** The assessor's ekspektasi khusus pimpinan per BerAKHLAK value, while the plan is not approved. */
    async setPerilaku(actor: Actor, id: number, body: z.infer<typeof PerilakuBody>, meta: Meta) {
      const { skp: s } = await load(id);
      await assertPenilai(actor, s);
      if (s.status === 'DISETUJUI') throw new AppError('SKP_NOT_EDITABLE');
      const known = new Set<string>(BERAKHLAK.map((b) => b.kode));
      const unknown = body.ekspektasi.filter((e) => !known.has(e.kode)).map((e) => e.kode);
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', { kode: unknown }, 'Kode nilai BerAKHLAK tidak dikenal.');
      const before = await q.perilakuOf(db, id);
      await db.transaction(async (tx) => {
        if (!(await q.updateSkpIfVersion(tx, id, body.version, {}))) throw new AppError('VERSION_CONFLICT');
        await q.replacePerilaku(tx, id, body.ekspektasi);
        await audit.record(tx, {
          instansiId: s.instansiId,
          actorId: actor.id,
          action: 'skp.ekspektasi',
          entity: 'skp',
          entityId: id,
          before,
          after: body.ekspektasi,
          requestId: meta.requestId,
        });
      });
      return detail(actor, id);
    },

    async kembalikan(actor: Actor, id: number, body: z.infer<typeof KembalikanBody>, meta: Meta) {
      return changeStatus(
        actor,
        id,
        body.version,
        { kind: 'return', catatan: body.catatan },
        async (s) => {
          await assertPenilai(actor, s);
          return { catatanPengembalian: body.catatan };
        },
        meta,
      );
    },
  };
}

export type SkpService = ReturnType<typeof createSkpService>;
