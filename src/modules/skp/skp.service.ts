/**
 * SKP use cases: the owner plans and submits; the pejabat penilai (for JPT plans: the head of
 * region) approves or returns with a note. Status changes only through the domain workflow.
 */

import type { z } from 'zod';
import type {
  CakupanInstansiQuery,
  CakupanInstansiResponse,
  CakupanRingkasan,
  CreateSkpBody,
  KembalikanBody,
  LampiranBody,
  MatriksResponse,
  MatriksSelBody,
  PengingatBody,
  PerilakuBody,
  SkpBawahanQuery,
  SkpDetail,
  UpdateIsiBody,
} from '../../contracts/skp.js';
import type { Db, Tx } from '../../db/client.js';
import type { AksiAudit } from '../../domain/audit.js';
import { BERAKHLAK } from '../../domain/berakhlak.js';
import { hitungCakupan, persenLengkap, statusCakupan } from '../../domain/cascading.js';
import { formatJpt, isJpt } from '../../domain/jabatan.js';
import { namaLengkap } from '../../domain/pegawai.js';
import {
  batasWaktuSkp,
  checkSkp,
  JENIS_LAMPIRAN,
  JENIS_LAMPIRAN_LABEL,
  keteranganTerlambat,
  type Pendekatan,
  rhkHints,
} from '../../domain/skp.js';
import {
  canStartNewVersion,
  isEditable,
  type SkpTransition,
  STATUS_SKP_LABEL,
  transition,
} from '../../domain/skp-workflow.js';
import { akhiriKalimat } from '../../domain/teks.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { Notifikasi, NotifikasiService } from '../notifikasi/notifikasi.service.js';
import type { Mutasi, PegawaiService } from '../pegawai/pegawai.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import type { PkService } from '../pk/pk.service.js';
import * as cq from './cakupan.queries.js';
import * as q from './skp.queries.js';

type Meta = { requestId: string };

export function createSkpService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pegawai: PegawaiService;
  pk: PkService;
  pengaturan: PengaturanService;
  notifikasi: NotifikasiService;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, pegawai, notifikasi } = deps;
  const today = async (instansiId: number) => dateInZone(clock.now(), await deps.zonaWaktu(instansiId));
  const tautanSkp = (id: number) => `/skp/${id}`;

  async function load(id: number) {
    const found = await q.findSkp(db, id);
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  }
  type Loaded = Awaited<ReturnType<typeof load>>['skp'];

  /**
   * Who decides on the plan (pegawai.penilaiSkp: the superior, the head of region for a JPT plan, the
   * old position's superior for a plan left by a mutation) and whose plan it intervenes: the same
   * superior, or for a JPT plan the direct one.
   */
  async function atasanDanPenilai(s: { id: number; pegawaiId: number; instansiId: number; isJpt: boolean }) {
    const { penilaiId } = await pegawai.penilaiSkp(s.id, s.instansiId);
    if (!s.isJpt) return { atasanId: penilaiId, penilaiId };
    const chain = await pegawai.rantaiAtasanIds(s.pegawaiId, s.instansiId);
    return { atasanId: chain[0] ?? null, penilaiId };
  }

  /** The plan this SKP's owner intervenes under that superior and what it looks like; null without a superior. */
  async function rencanaAtasanOf(
    s: Pick<Loaded, 'pegawaiId' | 'tahun' | 'instansiId'>,
    atasanId: number | null,
  ) {
    if (!atasanId) return { skp: null, atasan: null };
    const rencana = await q.rencanaAtasan(db, s.pegawaiId, atasanId, s.tahun, await today(s.instansiId));
    const [found, atasan] = await Promise.all([
      q.skpAtasan(db, rencana, s.tahun),
      q.atasanRingkas(db, atasanId, rencana, s.tahun),
    ]);
    return { skp: found, atasan };
  }

  /** The plan's deadline (instansi setting) and whether it was missed. */
  async function batasOf(s: Pick<Loaded, 'instansiId' | 'tahun' | 'periodeMulai' | 'disetujuiAt'>) {
    const [setting, zone] = await Promise.all([
      deps.pengaturan.get(s.instansiId),
      deps.zonaWaktu(s.instansiId),
    ]);
    const batasWaktu = batasWaktuSkp(s.tahun, s.periodeMulai, setting.batasSkp);
    const disetujuiPada = s.disetujuiAt ? dateInZone(s.disetujuiAt, zone) : null;
    const keterangan = keteranganTerlambat(batasWaktu, dateInZone(clock.now(), zone), disetujuiPada);
    return {
      batasWaktu,
      terlambat: keterangan !== null,
      keteranganTerlambat: keterangan,
      memblokir: setting.cakupanMemblokir,
    };
  }

  const target = (k: {
    nilai: number | string | null;
    nilaiMaks: number | string | null;
    satuan: string | null;
    teks: string | null;
  }) => ({
    // Targets arrive from Drizzle (numeric mode number) and from json or raw SQL; all end as numbers.
    nilai: k.nilai === null ? null : Number(k.nilai),
    nilaiMaks: k.nilaiMaks === null ? null : Number(k.nilaiMaks),
    satuan: k.satuan,
    teks: k.teks,
  });

  /** Dibagi habis for one leader's plan; null when its owner has no direct subordinates. */
  async function cakupanSkp(s: Pick<Loaded, 'id' | 'pegawaiId' | 'tahun' | 'instansiId'>) {
    const [leaderIki, children] = await Promise.all([
      q.ikiOfSkp(db, s.id),
      q.rhkBawahan(db, s.id, s.tahun, await today(s.instansiId)),
    ]);
    if (children.length === 0) return null;
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
  }

  async function detail(actor: Actor, id: number): Promise<SkpDetail> {
    const { skp: s, ...names } = await load(id);
    const { atasanId, penilaiId: penilai } = await atasanDanPenilai(s);
    const [isi, perilaku, lampiran, { skp: atasanSkp, atasan }, batas, newer, cakupan, identitas] =
      await Promise.all([
        q.loadIsi(db, id),
        q.perilakuOf(db, id),
        q.lampiranOf(db, id),
        rencanaAtasanOf(s, atasanId),
        batasOf(s),
        q.hasNewerVersion(db, id),
        cakupanSkp(s),
        // Printed identity is frozen at approval; before that it is read fresh.
        s.identitas
          ? Promise.resolve(s.identitas as SkpDetail['identitas'])
          : Promise.all([
              pegawai.identitas(actor, s.pegawaiId),
              penilai ? pegawai.identitas(actor, penilai) : Promise.resolve(null),
            ]).then(([p, pp]) => ({ pegawai: p, pejabatPenilai: pp })),
      ]);
    const content = { pendekatan: s.pendekatan, formatJpt: s.formatJpt, rhk: isi };
    const isOwner = actor.id === s.pegawaiId;
    const isPenilai = penilai === actor.id;
    return {
      id: s.id,
      instansiNama: names.instansiNama,
      pegawaiId: s.pegawaiId,
      pegawaiNama: namaLengkap({
        gelarDepan: names.gelarDepan,
        nama: names.pegawaiNama,
        gelarBelakang: names.gelarBelakang,
      }),
      jabatanNama: names.jabatanNama,
      unorId: names.unorId,
      tahun: s.tahun,
      periodeMulai: s.periodeMulai,
      periodeAkhir: s.periodeAkhir,
      pendekatan: s.pendekatan,
      isJpt: s.isJpt,
      formatJpt: s.formatJpt,
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
      lampiran: JENIS_LAMPIRAN.map((jenis) => ({
        jenis,
        label: JENIS_LAMPIRAN_LABEL[jenis],
        items: lampiran.filter((l) => l.jenis === jenis).map((l) => l.teks),
      })),
      identitas,
      diajukanAt: s.diajukanAt?.toISOString() ?? null,
      disetujuiAt: s.disetujuiAt?.toISOString() ?? null,
      batasWaktu: batas.batasWaktu,
      terlambat: batas.terlambat,
      keteranganTerlambat: batas.keteranganTerlambat,
      cakupan: cakupan && { masalah: cakupan.masalah, memblokir: batas.memblokir },
      atasan: atasan && {
        pegawaiId: atasan.pegawaiId,
        namaLengkap: namaLengkap(atasan),
        statusSkp: atasan.statusSkp,
      },
      skpAtasan: atasanSkp,
      temuan: checkSkp(content, new Set(atasanSkp?.rhk.map((r) => r.id) ?? [])),
      saran: [
        ...rhkHints(content),
        ...isi.flatMap((r, i) =>
          r.perluDitinjau
            ? [
                {
                  rhkIndex: i,
                  message: `RHK '${r.rencana}' perlu ditinjau: RHK atasan yang diintervensinya berubah.`,
                },
              ]
            : [],
        ),
      ],
      can: {
        edit: isOwner && isEditable(s.status),
        submit: isOwner && s.status === 'DRAFT',
        assess: isPenilai && s.status === 'DIAJUKAN',
        ekspektasi: isPenilai && s.status !== 'DISETUJUI',
        newVersion: isOwner && canStartNewVersion(s.status) && !newer,
      },
    };
  }

  async function changeStatus(
    actor: Actor,
    id: number,
    version: number,
    t: SkpTransition,
    steps: {
      /** Checks and the fields to set besides the status. */
      fields: (s: Loaded) => Promise<Record<string, unknown>>;
      /** Who to tell, in the same transaction. */
      kabar: (s: Loaded, fields: Record<string, unknown>) => Notifikasi[];
      inTx?: (tx: Tx, s: Loaded) => Promise<void>;
    },
    meta: Meta,
  ) {
    const { skp: s } = await load(id);
    const result = transition(s.status, t);
    if (!result.ok)
      throw new AppError(
        result.code === 'CATATAN_REQUIRED' ? 'VALIDATION_FAILED' : result.code,
        undefined,
        result.message,
      );
    const fields = await steps.fields(s);
    await db.transaction(async (tx) => {
      if (!(await q.updateSkpIfVersion(tx, id, version, { status: result.status, ...fields }))) {
        throw new AppError('VERSION_CONFLICT');
      }
      await steps.inTx?.(tx, s);
      await notifikasi.kirim(tx, steps.kabar(s, fields));
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

  async function assertPenilai(
    actor: Actor,
    s: { id: number; pegawaiId: number; instansiId: number; isJpt: boolean },
  ) {
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

  /** The assessor's parts of a plan (ekspektasi, lampiran): until approval, version-checked, audited. */
  async function tulisBagianPenilai(
    actor: Actor,
    id: number,
    version: number,
    meta: Meta,
    part: {
      action: AksiAudit;
      read: () => Promise<unknown>;
      write: (tx: Tx) => Promise<void>;
      after: unknown;
    },
  ) {
    const { skp: s } = await load(id);
    await assertPenilai(actor, s);
    if (s.status === 'DISETUJUI') throw new AppError('SKP_NOT_EDITABLE');
    const before = await part.read();
    await db.transaction(async (tx) => {
      if (!(await q.updateSkpIfVersion(tx, id, version, {}))) throw new AppError('VERSION_CONFLICT');
      await part.write(tx);
      await audit.record(tx, {
        instansiId: s.instansiId,
        actorId: actor.id,
        action: part.action,
        entity: 'skp',
        entityId: id,
        before,
        after: part.after,
        requestId: meta.requestId,
      });
    });
    return detail(actor, id);
  }

  /** A new draft for an employee's current position (the employee's own, or written from the matriks). */
  async function insertDraft(
    tx: Tx,
    actor: Actor,
    pegawaiId: number,
    tahun: number,
    pendekatan: Pendekatan,
    meta: Meta,
  ) {
    const pos = await q.currentPosition(tx, pegawaiId);
    if (!pos)
      throw new AppError('BAD_REQUEST', undefined, 'Pegawai belum memiliki jabatan; SKP tidak dapat dibuat.');
    if (await q.hasSkp(tx, pegawaiId, pos.jabatanId, tahun))
      throw new AppError('SKP_EXISTS', { field: 'tahun' });
    const awalTahun = `${tahun}-01-01`;
    // After a mid-year mutation the new plan starts at the new position's TMT.
    const periodeMulai =
      pos.tmtMulai && pos.tmtMulai > awalTahun && pos.tmtMulai.startsWith(String(tahun))
        ? pos.tmtMulai
        : awalTahun;
    const created = await q.insertSkp(tx, {
      instansiId: pos.instansiId,
      pegawaiId,
      jabatanId: pos.jabatanId,
      tahun,
      periodeMulai,
      periodeAkhir: `${tahun}-12-31`,
      pendekatan,
      isJpt: isJpt(pos.jenis),
      formatJpt: formatJpt(pos),
    });
    await audit.record(tx, {
      instansiId: pos.instansiId,
      actorId: actor.id,
      action: 'skp.buat',
      entity: 'skp',
      entityId: created,
      after: { pegawaiId, tahun, pendekatan, jabatanId: pos.jabatanId, periodeMulai },
      requestId: meta.requestId,
    });
    return created;
  }

  async function create(actor: Actor, body: z.infer<typeof CreateSkpBody>, meta: Meta) {
    const id = await db.transaction((tx) =>
      insertDraft(tx, actor, actor.id, body.tahun, body.pendekatan, meta),
    );
    return detail(actor, id);
  }

  /** Intervensi must point at the superior's current plan of the same year and never close a loop. */
  async function assertIntervensi(s: Loaded, ids: number[]) {
    if (ids.length === 0) return;
    const { atasanId } = await atasanDanPenilai(s);
    const allowed = new Set((await rencanaAtasanOf(s, atasanId)).skp?.rhk.map((r) => r.id) ?? []);
    const invalid = ids.filter((rid) => !allowed.has(rid));
    if (invalid.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        { intervensi: invalid },
        'Intervensi hanya boleh ke RHK pada SKP atasan langsung tahun yang sama.',
      );
    }
    if (await q.closesCycle(db, s.id, ids)) throw new AppError('CASCADE_CYCLE', { intervensi: ids });
  }

  const kabarDitinjau = (actor: Actor, affected: { pegawaiId: number; skpId: number; rencana: string }[]) =>
    [...new Map(affected.map((a) => [a.skpId, a])).values()].map((a) => ({
      pegawaiId: a.pegawaiId,
      jenis: 'SKP_PERLU_DITINJAU',
      judul: 'RHK perlu ditinjau',
      pesan: `RHK atasan yang diintervensi RHK '${a.rencana}' berubah atau dihapus. Tinjau kembali SKP Anda.`,
      tautan: tautanSkp(a.skpId),
      dariId: actor.id,
    }));

  async function matriks(actor: Actor, id: number): Promise<MatriksResponse> {
    const { skp: s } = await load(id);
    const tanggal = await today(s.instansiId);
    const [kolom, children, yatim] = await Promise.all([
      q.loadIsi(db, id),
      q.rhkBawahan(db, id, s.tahun, tanggal),
      q.tautanYatim(db, id, s.tahun, tanggal),
    ]);
    // Only the leader writes, and only into a plan that can intervene a submitted or approved one.
    const intervenable = actor.id === s.pegawaiId && (s.status === 'DIAJUKAN' || s.status === 'DISETUJUI');
    const people = [...new Map(children.map((c) => [c.pegawaiId, c])).values()];
    return {
      skpId: id,
      kolom: kolom.map((r) => ({ rhkId: r.id, jenis: r.jenis, rencana: r.rencana })),
      baris: people.map((p) => {
        const own = children.filter((c) => c.pegawaiId === p.pegawaiId && c.rhkId !== null);
        return {
          pegawaiId: p.pegawaiId,
          namaLengkap: namaLengkap(p),
          jabatanNama: p.jabatanNama,
          skpId: p.skpId,
          status: p.status,
          dapatDiisi: intervenable && (p.status === null || isEditable(p.status)),
          sel: kolom.map((k) => ({
            atasanRhkId: k.id,
            rhk: own
              .filter((c) => c.intervensi.includes(k.id))
              .map((c) => ({ id: c.rhkId!, rencana: c.rencana!, perluDitinjau: c.perluDitinjau ?? false })),
          })),
        };
      }),
      tautanYatim: yatim.map((y) => ({ ...y, namaLengkap: namaLengkap(y) })),
    };
  }

  /** SKP bawahan: the assessor's direct subordinates and where each plan stands, filtered. */
  async function bawahan(actor: Actor, query: z.infer<typeof SkpBawahanQuery>) {
    const [setting, zone] = await Promise.all([
      deps.pengaturan.get(actor.instansiId),
      deps.zonaWaktu(actor.instansiId),
    ]);
    const tanggal = dateInZone(clock.now(), zone);
    const found = await q.skpBawahan(db, actor.id, query.tahun, tanggal, zone);
    const yearly = batasWaktuSkp(query.tahun, `${query.tahun}-01-01`, setting.batasSkp);
    const needle = query.q?.toLowerCase();
    const items = found
      .map(({ periodeMulai, disetujuiPada, gelarDepan, nama, gelarBelakang, ...r }) => {
        const keterangan = keteranganTerlambat(
          periodeMulai ? batasWaktuSkp(query.tahun, periodeMulai, setting.batasSkp) : yearly,
          tanggal,
          disetujuiPada,
        );
        return {
          ...r,
          namaLengkap: namaLengkap({ gelarDepan, nama, gelarBelakang }),
          terlambat: keterangan !== null,
          keteranganTerlambat: keterangan,
        };
      })
      .filter(
        (r) =>
          (query.status === undefined || (r.status ?? 'BELUM_ADA') === query.status) &&
          (query.terlambat === undefined || r.terlambat === query.terlambat) &&
          (!needle || r.namaLengkap.toLowerCase().includes(needle) || r.nip.startsWith(needle)),
      );
    return { items, batasWaktu: yearly };
  }

  function ringkasan(): CakupanRingkasan {
    return {
      pegawai: 0,
      skpDisetujui: 0,
      tanpaSkpDisetujui: 0,
      iki: 0,
      lengkap: 0,
      kurang: 0,
      lebih: 0,
      bedaSatuan: 0,
      tanpaBawahan: 0,
      rhkTanpaInduk: 0,
      menungguAtasan: 0,
      persenLengkap: 100,
    };
  }
  const KOLOM_STATUS = {
    LENGKAP: 'lengkap',
    KURANG: 'kurang',
    LEBIH: 'lebih',
    BEDA_SATUAN: 'bedaSatuan',
    TANPA_BAWAHAN: 'tanpaBawahan',
  } as const;

  return {
    detail,
    matriks,
    ownerOf: (id: number) => q.ownerOf(db, id),
    list: (actor: Actor, tahun: number | undefined) => q.listSkpOf(db, actor.id, tahun),

    /**
     * A mutation ends the plans of the old position the day before the new TMT (SPEC §4.1); they stay
     * readable and printable, and their months keep their assessor (penilai_skp).
     */
    async tutupKarenaMutasi(tx: Tx, m: Mutasi) {
      if (m.jabatanLamaId === null) return;
      const akhir = m.akhirLama;
      for (const t of await q.tutupSkpJabatan(tx, m.pegawaiId, m.jabatanLamaId, akhir)) {
        await audit.record(tx, {
          instansiId: t.instansiId,
          actorId: m.actorId,
          action: 'skp.tutup_mutasi',
          entity: 'skp',
          entityId: t.id,
          before: { periodeAkhir: t.periodeAkhirLama },
          after: { periodeAkhir: akhir },
          requestId: m.requestId,
        });
      }
    },

    /** "Salin dari tahun lalu": last year's approved plan as a new draft (links to the superior are not copied). */
    async salin(actor: Actor, body: z.infer<typeof CreateSkpBody>, meta: Meta) {
      const dari = await q.approvedSkpOf(db, actor.id, body.tahun - 1);
      if (!dari)
        throw new AppError(
          'NOT_FOUND',
          undefined,
          `Tidak ada SKP tahun ${body.tahun - 1} yang disetujui untuk disalin.`,
        );
      const id = await db.transaction(async (tx) => {
        const created = await insertDraft(tx, actor, actor.id, body.tahun, body.pendekatan, meta);
        await q.copyIsi(tx, dari, created, { intervensi: false, perilaku: false });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'skp.salin',
          entity: 'skp',
          entityId: created,
          after: { dariSkpId: dari },
          requestId: meta.requestId,
        });
        return created;
      });
      return detail(actor, id);
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
          formatJpt: s.formatJpt,
          versi: s.versi + 1,
          versiSebelumnyaId: s.id,
        });
        await q.copyIsi(tx, s.id, created, { intervensi: true, perilaku: true });
        await q.copyLampiran(tx, s.id, created);
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
      if (pkIds.length && !s.formatJpt) {
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
      await assertIntervensi(s, [...new Set(body.rhk.flatMap((r) => r.intervensi))]);
      const before = await q.loadIsi(db, id);
      // RHKs removed, or whose result or indicators changed: whoever intervenes them must look again.
      const sent = new Map(body.rhk.flatMap((r) => (r.id ? [[r.id, r] as const] : [])));
      const ikiKey = (iki: { aspek: unknown; indikator: string; target: unknown }[]) =>
        JSON.stringify(iki.map((k) => [k.aspek, k.indikator, k.target]));
      const berubah = before
        .filter((b) => {
          const now = sent.get(b.id);
          return !now || now.rencana !== b.rencana || ikiKey(now.iki) !== ikiKey(b.iki);
        })
        .map((b) => b.id);
      await db.transaction(async (tx) => {
        // Editing a returned plan makes it a draft again (the revise transition).
        const status = s.status === 'DIKEMBALIKAN' ? 'DRAFT' : s.status;
        if (!(await q.updateSkpIfVersion(tx, id, body.version, { status })))
          throw new AppError('VERSION_CONFLICT');
        const affected = await q.flagIntervening(tx, berubah);
        await q.replaceIsi(tx, s, body.rhk);
        await notifikasi.kirim(tx, kabarDitinjau(actor, affected));
        await audit.record(tx, {
          instansiId: s.instansiId,
          actorId: actor.id,
          action: 'skp.ubah_isi',
          entity: 'skp',
          entityId: id,
          before: { status: s.status, rhk: before },
          after: { status, rhk: body.rhk, perluDitinjau: affected.map((a) => a.skpId) },
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
        {
          fields: async (s) => {
            const d = await detail(actor, id);
            if (d.temuan.length) throw new AppError('SKP_INVALID', { temuan: d.temuan });
            const { penilaiId: penilai } = await atasanDanPenilai(s);
            if (!penilai) throw new AppError('NO_PEJABAT_PENILAI');
            return { pejabatPenilaiId: penilai, diajukanAt: clock.now(), catatanPengembalian: null };
          },
          kabar: (s, f) => [
            {
              pegawaiId: f.pejabatPenilaiId as number,
              jenis: 'SKP_DIAJUKAN',
              judul: 'SKP diajukan',
              pesan: `${namaLengkap(actor)} mengajukan SKP tahun ${s.tahun} untuk persetujuan Anda.`,
              tautan: tautanSkp(s.id),
              dariId: actor.id,
            },
          ],
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
        {
          fields: async (s) => {
            await assertPenilai(actor, s);
            const [batas, cakupan] = await Promise.all([batasOf(s), cakupanSkp(s)]);
            if (batas.memblokir && cakupan && cakupan.masalah > 0)
              throw new AppError('CAKUPAN_BELUM_LENGKAP', { masalah: cakupan.masalah });
            const [owner, penilai] = await Promise.all([
              pegawai.identitas(actor, s.pegawaiId),
              pegawai.identitas(actor, actor.id),
            ]);
            return {
              disetujuiAt: clock.now(),
              disetujuiOlehId: actor.id,
              identitas: { pegawai: owner, pejabatPenilai: penilai },
            };
          },
          kabar: (s) => [
            {
              pegawaiId: s.pegawaiId,
              jenis: 'SKP_DISETUJUI',
              judul: 'SKP disetujui',
              pesan: akhiriKalimat(`SKP tahun ${s.tahun} Anda disetujui oleh ${namaLengkap(actor)}`),
              tautan: tautanSkp(s.id),
              dariId: actor.id,
            },
          ],
          inTx: async (tx, current) => {
            // A newer version takes over the subordinates' links to the one it replaces.
            if (!current.versiSebelumnyaId) return;
            const affected = await q.carryIntervensi(tx, current.id);
            await notifikasi.kirim(tx, kabarDitinjau(actor, affected));
          },
        },
        meta,
      );
    },

    async kembalikan(actor: Actor, id: number, body: z.infer<typeof KembalikanBody>, meta: Meta) {
      return changeStatus(
        actor,
        id,
        body.version,
        { kind: 'return', catatan: body.catatan },
        {
          fields: async (s) => {
            await assertPenilai(actor, s);
            return { catatanPengembalian: body.catatan };
          },
          kabar: (s) => [
            {
              pegawaiId: s.pegawaiId,
              jenis: 'SKP_DIKEMBALIKAN',
              judul: 'SKP dikembalikan',
              pesan: `SKP tahun ${s.tahun} Anda dikembalikan: ${body.catatan}`,
              tautan: tautanSkp(s.id),
              dariId: actor.id,
            },
          ],
        },
        meta,
      );
    },

    /** Dibagi habis for one leader's plan: each IKI against the subordinates' RHKs that intervene it. */
    async cakupan(id: number) {
      const { skp: s } = await load(id);
      return (
        (await cakupanSkp(s)) ?? {
          iki: [],
          tanpaInduk: [],
          belumDisetujui: [],
          masalah: 0,
          persenLengkap: 100,
        }
      );
    },

    /**
     * Dibagi habis across the instansi (by OPD) or a unit's subtree (by child unit). The BKD and tim
     * penilai see everything; an OPD admin sees their OPDs.
     */
    async cakupanInstansi(
      actor: Actor,
      query: z.infer<typeof CakupanInstansiQuery>,
    ): Promise<CakupanInstansiResponse> {
      const { opdIds } = listScope(actor);
      const unorId = query.unorId ?? (opdIds ? (opdIds[0] ?? null) : null);
      const [root, unit] = await Promise.all([
        cq.unorRef(db, actor.instansiId, null),
        unorId === null ? Promise.resolve(null) : cq.unorRef(db, actor.instansiId, unorId),
      ]);
      if (!root || (unorId !== null && !unit))
        throw new AppError('NOT_FOUND', undefined, 'Unor tidak ditemukan.');
      if (opdIds && (!unit || unit.opdId === null || !opdIds.includes(unit.opdId)))
        throw new AppError('FORBIDDEN');
      const lingkup: cq.Lingkup = {
        instansiId: actor.instansiId,
        tahun: query.tahun,
        tanggal: await today(actor.instansiId),
        unor: unit && { id: unit.id, path: unit.path },
        rootId: root.id,
      };
      const {
        grup: pegawaiRows,
        iki: ikiRows,
        menunggu,
      } = await db.transaction((tx) => cq.laporanCakupan(tx, lingkup, 100));
      const groups = new Map<number, CakupanRingkasan>();
      const group = (grp: number) => {
        const g = groups.get(grp) ?? ringkasan();
        groups.set(grp, g);
        return g;
      };
      const total = ringkasan();
      for (const r of pegawaiRows) {
        for (const g of [group(r.grp), total]) {
          g.pegawai += r.pegawai;
          g.skpDisetujui += r.skpDisetujui;
          g.tanpaSkpDisetujui += r.pegawai - r.skpDisetujui;
          g.rhkTanpaInduk += r.rhkTanpaInduk;
          g.menungguAtasan += r.menungguAtasan;
        }
      }
      for (const r of ikiRows) {
        const { status } = statusCakupan(
          {
            aspek: r.aspek,
            target: target({ nilai: r.nilai, nilaiMaks: r.nilaiMaks, satuan: null, teks: null }),
          },
          { anak: r.anak, cocok: r.cocok, jumlah: r.jumlah },
        );
        for (const g of [group(r.grp), total]) {
          g.iki++;
          g[KOLOM_STATUS[status]]++;
        }
      }
      for (const g of [...groups.values(), total]) g.persenLengkap = persenLengkap(g.lengkap, g.iki);
      const names = await cq.unorNames(db, [...groups.keys()]);
      return {
        unor: unit && { id: unit.id, nama: unit.nama },
        ringkasan: total,
        unit: names
          .sort((a, b) => a.urutan - b.urutan || a.nama.localeCompare(b.nama))
          .map((n) => ({ unorId: n.id, nama: n.nama, ...groups.get(n.id)! })),
        menunggu: menunggu.map((m) => ({
          pegawaiId: m.pegawaiId,
          namaLengkap: namaLengkap(m),
          atasanId: m.atasanId,
          atasanNama: namaLengkap({
            gelarDepan: m.atasanGelarDepan,
            nama: m.atasanNama,
            gelarBelakang: m.atasanGelarBelakang,
          }),
          atasanStatus: m.atasanStatus,
        })),
      };
    },

    bawahan,

    /** Bulk reminders to direct subordinates whose plan is not approved yet (in-app notifications). */
    async pengingat(actor: Actor, body: z.infer<typeof PengingatBody>, meta: Meta) {
      const { items, batasWaktu } = await bawahan(actor, { tahun: body.tahun });
      const chosen = new Set(body.pegawaiIds);
      const targets = items.filter((i) => chosen.has(i.pegawaiId) && i.status !== 'DISETUJUI');
      const strangers = body.pegawaiIds.filter((id) => !items.some((i) => i.pegawaiId === id));
      if (strangers.length)
        throw new AppError(
          'FORBIDDEN',
          { pegawaiIds: strangers },
          'Pengingat hanya untuk bawahan langsung Anda.',
        );
      await db.transaction(async (tx) => {
        await notifikasi.kirim(
          tx,
          targets.map((t) => ({
            pegawaiId: t.pegawaiId,
            jenis: 'SKP_PENGINGAT',
            judul: `Pengingat SKP ${body.tahun}`,
            pesan:
              body.pesan ??
              `SKP tahun ${body.tahun} Anda ${t.status ? `masih berstatus ${STATUS_SKP_LABEL[t.status]}` : 'belum dibuat'}; batas waktu ${batasWaktu}.`,
            tautan: t.skpId ? tautanSkp(t.skpId) : '/skp',
            dariId: actor.id,
          })),
        );
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'skp.pengingat',
          entity: 'pegawai',
          entityId: actor.id,
          after: { tahun: body.tahun, pegawaiIds: targets.map((t) => t.pegawaiId) },
          requestId: meta.requestId,
        });
      });
      return { terkirim: targets.length };
    },

    /** The assessor's ekspektasi khusus pimpinan per BerAKHLAK value, while the plan is not approved. */
    async setPerilaku(actor: Actor, id: number, body: z.infer<typeof PerilakuBody>, meta: Meta) {
      const known = new Set<string>(BERAKHLAK.map((b) => b.kode));
      const unknown = body.ekspektasi.filter((e) => !known.has(e.kode)).map((e) => e.kode);
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', { kode: unknown }, 'Kode nilai BerAKHLAK tidak dikenal.');
      return tulisBagianPenilai(actor, id, body.version, meta, {
        action: 'skp.ekspektasi',
        read: () => q.perilakuOf(db, id),
        write: (tx) => q.replacePerilaku(tx, id, body.ekspektasi),
        after: body.ekspektasi,
      });
    },

    /** Lampiran SKP (dukungan sumber daya, skema pertanggungjawaban, konsekuensi), written by the assessor. */
    async setLampiran(actor: Actor, id: number, body: z.infer<typeof LampiranBody>, meta: Meta) {
      const jenis = body.lampiran.map((l) => l.jenis);
      if (new Set(jenis).size !== jenis.length)
        throw new AppError(
          'VALIDATION_FAILED',
          { jenis },
          'Setiap jenis lampiran hanya boleh muncul sekali.',
        );
      return tulisBagianPenilai(actor, id, body.version, meta, {
        action: 'skp.lampiran',
        read: () => q.lampiranOf(db, id),
        write: (tx) => q.replaceLampiran(tx, id, body.lampiran),
        after: body.lampiran,
      });
    },

    /**
     * Matriks Peran Hasil: the leader writes a role-result into a subordinate's cell; it becomes a
     * UTAMA RHK of the subordinate's draft (created when missing) intervening that leader RHK.
     */
    async isiMatriks(actor: Actor, id: number, body: z.infer<typeof MatriksSelBody>, meta: Meta) {
      const { skp: s } = await load(id);
      if (s.status !== 'DIAJUKAN' && s.status !== 'DISETUJUI')
        throw new AppError(
          'SKP_INVALID_TRANSITION',
          undefined,
          'Ajukan SKP Anda terlebih dahulu; bawahan hanya dapat mengintervensi SKP yang diajukan atau disetujui.',
        );
      if (!(await q.rhkBelongsTo(db, body.atasanRhkId, id)))
        throw new AppError(
          'VALIDATION_FAILED',
          { atasanRhkId: body.atasanRhkId },
          'RHK tersebut bukan milik SKP ini.',
        );
      const m = await matriks(actor, id);
      const row = m.baris.find((b) => b.pegawaiId === body.pegawaiId);
      if (!row) throw new AppError('FORBIDDEN', undefined, 'Pegawai tersebut bukan bawahan langsung Anda.');
      if (!row.dapatDiisi)
        throw new AppError(
          'SKP_NOT_EDITABLE',
          undefined,
          `SKP ${row.namaLengkap} sudah ${row.status ? STATUS_SKP_LABEL[row.status].toLowerCase() : 'dibuat'}; hasil peran tidak dapat ditambahkan.`,
        );
      await db.transaction(async (tx) => {
        const existing = await q.latestSkpOf(tx, body.pegawaiId, s.tahun);
        const skpId =
          existing?.id ?? (await insertDraft(tx, actor, body.pegawaiId, s.tahun, s.pendekatan, meta));
        if (existing && !(await q.updateSkpIfVersion(tx, existing.id, existing.version, {})))
          throw new AppError('VERSION_CONFLICT');
        const rhkId = await q.appendRhkUtama(tx, skpId, body.rencana, body.atasanRhkId);
        await notifikasi.kirim(tx, [
          {
            pegawaiId: body.pegawaiId,
            jenis: 'SKP_HASIL_PERAN',
            judul: 'Hasil peran dari atasan',
            pesan: `${namaLengkap(actor)} menambahkan RHK '${body.rencana}' ke SKP ${s.tahun} Anda.`,
            tautan: tautanSkp(skpId),
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: s.instansiId,
          actorId: actor.id,
          action: 'skp.matriks_isi',
          entity: 'skp',
          entityId: skpId,
          after: { rhkId, rencana: body.rencana, intervensi: [body.atasanRhkId], dariSkpId: id },
          requestId: meta.requestId,
        });
      });
      return matriks(actor, id);
    },

    /** From one of this plan's RHKs up to the Perjanjian Kinerja. */
    async jalur(id: number, rhkId: number) {
      if (!(await q.rhkBelongsTo(db, rhkId, id))) throw new AppError('NOT_FOUND');
      const { langkah, pk } = await q.jalur(db, rhkId);
      return {
        langkah: langkah.map((l) => ({
          rhkId: l.rhkId,
          rencana: l.rencana,
          pegawaiNama: namaLengkap(l),
          jabatanNama: l.jabatanNama,
          tahun: l.tahun,
        })),
        pk,
      };
    },
  };
}

export type SkpService = ReturnType<typeof createSkpService>;
