/**
 * Dialog kinerja (SPEC §5.4): a leader above the employee records a conversation with its
 * participants, linked RHKs (of the employee's plans only) and follow-ups; whoever answers for a
 * follow-up (or the leader) closes it; after a bimbingan or konseling the employee rates it once
 * (Format B.1.8). Open follow-ups are the rows of dialog_tindak_lanjut with selesai_at IS NULL.
 */
import type { z } from 'zod';
import type {
  DialogBody,
  DialogListQuery,
  DialogOut,
  DialogPage,
  PenilaianDialogBody,
  RhkPilihanOut,
  UbahDialogBody,
} from '../../contracts/dialog.js';
import type { Db } from '../../db/client.js';
import {
  bolehMenilaiDialog,
  bolehMenyelesaikan,
  JENIS_DIALOG_LABEL,
  orangDialog,
  periksaTanggalDialog,
  rataRataSkor,
  SKOR_MAKS,
  terlambat,
} from '../../domain/dialog.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { Notifikasi, NotifikasiService } from '../notifikasi/notifikasi.service.js';
import type { PegawaiService } from '../pegawai/pegawai.service.js';
import { bolehMembaca, type DialogAkses, ikutDialog } from './dialog.policy.js';
import * as q from './dialog.queries.js';

type Meta = { requestId: string };
type Isi = z.infer<typeof DialogBody>;
type Dialog = NonNullable<Awaited<ReturnType<typeof q.findDialog>>>;

/** `2026-08-10` → `10 Agustus 2026`. */
const tanggalPanjang = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function kelompok<T extends { dialogId: number }>(items: T[]) {
  const map = new Map<number, T[]>();
  for (const i of items) {
    const list = map.get(i.dialogId);
    if (list) list.push(i);
    else map.set(i.dialogId, [i]);
  }
  return map;
}

/** The keyset cursor: the (tanggal, id) of the last row of a page. */
function encodeCursor(row: { tanggal: string; id: number }) {
  return Buffer.from(JSON.stringify([row.tanggal, row.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { tanggal: string; id: number } | null {
  if (cursor === undefined) return null;
  try {
    const [tanggal, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof tanggal === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(tanggal) && Number.isInteger(id))
      return { tanggal, id: id as number };
  } catch {
    // a tampered cursor is refused below
  }
  throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
}

const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', { field, ...details }, message);

export function createDialogService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifikasi: Pick<NotifikasiService, 'kirim'>;
  pegawai: Pick<PegawaiService, 'relationOf'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, notifikasi } = deps;

  const hariIniOf = async (instansiId: number) => dateInZone(clock.now(), await deps.zonaWaktu(instansiId));

  async function pegawaiOf(id: number) {
    const p = await q.findPegawai(db, id);
    if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
    return p;
  }

  async function dialogOf(id: number) {
    const d = await q.findDialog(db, id);
    if (!d) throw new AppError('NOT_FOUND', undefined, 'Dialog kinerja tidak ditemukan.');
    return d;
  }

  /** The dialogs as the actor sees them: children in one query each, whatever the page size. */
  async function keluaran(actor: Actor, rows: Dialog[]): Promise<DialogOut[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const [peserta, rhks, tls, nilai, hariIni] = await Promise.all([
      q.pesertaOf(db, ids),
      q.rhkOf(db, ids),
      q.tindakLanjutOf(db, ids),
      q.penilaianOf(db, ids),
      hariIniOf(actor.instansiId),
    ]);
    const [pesertaBy, rhkBy, tlBy] = [kelompok(peserta), kelompok(rhks), kelompok(tls)];
    const nilaiBy = new Map(nilai.map((n) => [n.dialogId, n]));
    return rows.map((d) => {
      const n = nilaiBy.get(d.id);
      return {
        id: d.id,
        tanggal: d.tanggal,
        jenis: d.jenis,
        jenisLabel: JENIS_DIALOG_LABEL[d.jenis],
        topik: d.topik,
        kesepakatan: d.kesepakatan,
        pegawai: {
          id: d.pegawaiId,
          nip: d.pegawaiNip,
          namaLengkap: namaLengkap({
            gelarDepan: d.pegawaiGelarDepan,
            nama: d.pegawaiNama,
            gelarBelakang: d.pegawaiGelarBelakang,
          }),
        },
        pimpinan: {
          id: d.pimpinanId,
          namaLengkap: namaLengkap({
            gelarDepan: d.pimpinanGelarDepan,
            nama: d.pimpinanNama,
            gelarBelakang: d.pimpinanGelarBelakang,
          }),
        },
        peserta: (pesertaBy.get(d.id) ?? []).map((p) => ({ id: p.id, namaLengkap: namaLengkap(p) })),
        rhk: (rhkBy.get(d.id) ?? []).map(({ dialogId: _, ...r }) => r),
        tindakLanjut: (tlBy.get(d.id) ?? []).map((t) => ({
          id: t.id,
          uraian: t.uraian,
          penanggungJawab: { id: t.penanggungJawabId, namaLengkap: namaLengkap(t) },
          tenggat: t.tenggat,
          selesaiAt: t.selesaiAt?.toISOString() ?? null,
          version: t.version,
          terlambat: terlambat({ tenggat: t.tenggat, selesai: t.selesaiAt !== null }, hariIni),
          dapatDiselesaikan: t.selesaiAt === null && bolehMenyelesaikan(t, d, actor.id),
        })),
        penilaian: n
          ? { skor: n.skor, rataRata: rataRataSkor(n.skor), saran: n.saran, at: n.at.toISOString() }
          : null,
        version: d.version,
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
        dapatDiubah: actor.id === d.pimpinanId,
        dapatDinilai: bolehMenilaiDialog({ ...d, sudahDinilai: n !== undefined }, actor.id).ok,
      };
    });
  }

  async function satu(actor: Actor, id: number) {
    return (await keluaran(actor, [await dialogOf(id)]))[0]!;
  }

  async function pesertaIdsOf(dialogId: number) {
    return (await q.pesertaOf(db, [dialogId])).map((p) => p.id);
  }

  /** Reads a dialog for a check: the hierarchy is asked only when the actor did not take part. */
  async function assertBaca(actor: Actor, d: Dialog) {
    const akses: DialogAkses = { ...d, pesertaIds: await pesertaIdsOf(d.id) };
    const relation = ikutDialog(actor, akses)
      ? 'none'
      : await deps.pegawai.relationOf(actor.id, d.pegawaiId, d.instansiId);
    if (!bolehMembaca(actor, akses, relation)) throw new AppError('FORBIDDEN');
  }

  /**
   * Everything the body names must fit the employee: a date not after today, participants of the
   * instansi other than the two in the conversation, RHKs of the employee's own plans, follow-ups
   * answered for by someone in the conversation (and, on an edit, only the dialog's own ids).
   * Reads outside any transaction.
   */
  async function validasi(
    p: { id: number; instansiId: number },
    pimpinanId: number,
    body: Isi,
    tindakLanjutLama: number[],
  ) {
    const salahTanggal = periksaTanggalDialog(body.tanggal, await hariIniOf(p.instansiId));
    if (salahTanggal) throw invalid('tanggal', salahTanggal);
    if (body.pesertaIds.some((id) => id === p.id || id === pimpinanId))
      throw invalid(
        'pesertaIds',
        'Pegawai dan pimpinan yang mencatat sudah termasuk dalam dialog; pilih peserta lain.',
      );
    const [aktif, milik] = await Promise.all([
      q.pegawaiAktif(db, p.instansiId, body.pesertaIds),
      q.rhkMilik(db, p.id, body.rhkIds),
    ]);
    const asing = body.pesertaIds.filter((id) => !aktif.has(id));
    if (asing.length)
      throw invalid('pesertaIds', 'Peserta dialog harus pegawai aktif pada instansi yang sama.', {
        pesertaIds: asing,
      });
    const bukanMilik = body.rhkIds.filter((id) => !milik.has(id));
    if (bukanMilik.length)
      throw invalid('rhkIds', 'RHK yang ditautkan harus RHK dari SKP pegawai yang menjalani dialog.', {
        rhkIds: bukanMilik,
      });
    const orang = orangDialog({ pegawaiId: p.id, pimpinanId, pesertaIds: body.pesertaIds });
    body.tindakLanjut.forEach((t, i) => {
      if (t.id !== undefined && !tindakLanjutLama.includes(t.id))
        throw invalid(`tindakLanjut.${i}.id`, 'Tindak lanjut tersebut bukan bagian dari dialog ini.');
      if (!orang.has(t.penanggungJawabId))
        throw invalid(
          `tindakLanjut.${i}.penanggungJawabId`,
          'Penanggung jawab tindak lanjut harus pegawai, pimpinan atau peserta dialog.',
        );
    });
  }

  /** Notices for follow-ups given to someone other than the leader who wrote them. */
  function pemberitahuanTindakLanjut(
    actor: Actor,
    dialogId: number,
    items: { uraian: string; penanggungJawabId: number; tenggat: string }[],
  ): Notifikasi[] {
    return items
      .filter((t) => t.penanggungJawabId !== actor.id)
      .map((t) => ({
        pegawaiId: t.penanggungJawabId,
        jenis: 'TINDAK_LANJUT_DIALOG',
        judul: 'Tindak lanjut dialog kinerja',
        pesan: `${namaLengkap(actor)} menetapkan tindak lanjut untuk Anda: "${t.uraian}", tenggat ${tanggalPanjang(t.tenggat)}.`,
        tautan: `/dialog?id=${dialogId}`,
        dariId: actor.id,
      }));
  }

  const isiAudit = (body: Isi) => ({
    tanggal: body.tanggal,
    jenis: body.jenis,
    topik: body.topik,
    kesepakatan: body.kesepakatan,
    pesertaIds: body.pesertaIds,
    rhkIds: body.rhkIds,
  });

  async function halaman(
    actor: Actor,
    query: z.infer<typeof DialogListQuery>,
    load: (after: { tanggal: string; id: number } | null, limit: number) => Promise<Dialog[]>,
  ): Promise<DialogPage> {
    const found = await load(decodeCursor(query.cursor), query.limit + 1);
    const page = found.slice(0, query.limit);
    return {
      items: await keluaran(actor, page),
      nextCursor: found.length > query.limit ? encodeCursor(page.at(-1)!) : null,
    };
  }

  return {
    /** An employee's dialogs, newest first (route access decides who reads). */
    pegawai: (actor: Actor, pegawaiId: number, query: z.infer<typeof DialogListQuery>) =>
      halaman(actor, query, (after, limit) => q.pageOfPegawai(db, pegawaiId, after, limit)),

    /** The dialogs the actor recorded as the leader, newest first. */
    dicatat: (actor: Actor, query: z.infer<typeof DialogListQuery>) =>
      halaman(actor, query, (after, limit) => q.pageOfPimpinan(db, actor.id, after, limit)),

    async detail(actor: Actor, id: number): Promise<DialogOut> {
      const d = await dialogOf(id);
      await assertBaca(actor, d);
      return satu(actor, id);
    },

    /** The RHKs of the employee's plans of a year, to link a dialog to. */
    async rhkPilihan(pegawaiId: number, tahun: number): Promise<RhkPilihanOut> {
      return { items: await q.rhkPilihan(db, pegawaiId, tahun) };
    },

    /** A leader above the employee (route access) records a dialog with them. */
    async catat(actor: Actor, pegawaiId: number, body: Isi, meta: Meta): Promise<DialogOut> {
      const p = await pegawaiOf(pegawaiId);
      await validasi(p, actor.id, body, []);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const id = await q.insertDialog(tx, {
          instansiId: p.instansiId,
          pegawaiId,
          pimpinanId: actor.id,
          tanggal: body.tanggal,
          jenis: body.jenis,
          topik: body.topik,
          kesepakatan: body.kesepakatan,
          createdAt: now,
          updatedAt: now,
        });
        await q.replacePeserta(tx, id, body.pesertaIds);
        await q.replaceRhk(tx, id, body.rhkIds);
        const tindakLanjut = body.tindakLanjut.map(({ id: _, ...t }) => t);
        const tlIds = await q.insertTindakLanjut(tx, id, tindakLanjut);
        await notifikasi.kirim(tx, [
          {
            pegawaiId,
            jenis: 'DIALOG_KINERJA',
            judul: 'Dialog kinerja dicatat',
            pesan: `${namaLengkap(actor)} mencatat dialog ${JENIS_DIALOG_LABEL[body.jenis].toLowerCase()} dengan Anda pada ${tanggalPanjang(body.tanggal)}.`,
            tautan: `/dialog?id=${id}`,
            dariId: actor.id,
          },
          ...pemberitahuanTindakLanjut(actor, id, tindakLanjut),
        ]);
        await audit.record(tx, {
          instansiId: p.instansiId,
          opdId: p.opdId,
          actorId: actor.id,
          action: 'dialog.catat',
          entity: 'dialog_kinerja',
          entityId: id,
          after: {
            pegawaiId,
            ...isiAudit(body),
            tindakLanjut: tindakLanjut.map((t, i) => ({ id: tlIds[i], ...t })),
          },
          requestId: meta.requestId,
        });
        return id;
      });
      return satu(actor, id);
    },

    /**
     * The leader who recorded it changes it (version-checked): participants and links are replaced,
     * follow-ups kept by id (their done state stays), added or removed.
     */
    async ubah(
      actor: Actor,
      id: number,
      body: z.infer<typeof UbahDialogBody>,
      meta: Meta,
    ): Promise<DialogOut> {
      const d = await dialogOf(id);
      if (d.pimpinanId !== actor.id)
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya pimpinan yang mencatat dialog ini yang dapat mengubahnya.',
        );
      if (body.version !== d.version) throw new AppError('VERSION_CONFLICT');
      const [lama, pesertaLama, rhkLama] = await Promise.all([
        q.tindakLanjutOf(db, [id]),
        pesertaIdsOf(id),
        q.rhkOf(db, [id]),
      ]);
      await validasi(
        { id: d.pegawaiId, instansiId: d.instansiId },
        actor.id,
        body,
        lama.map((t) => t.id),
      );
      const lamaBy = new Map(lama.map((t) => [t.id, t]));
      const baru = body.tindakLanjut.filter((t) => t.id === undefined).map(({ id: _, ...t }) => t);
      const diubah = body.tindakLanjut.flatMap(({ id: tlId, ...t }) => {
        const old = tlId === undefined ? undefined : lamaBy.get(tlId);
        return old &&
          (old.uraian !== t.uraian ||
            old.penanggungJawabId !== t.penanggungJawabId ||
            old.tenggat !== t.tenggat)
          ? [{ id: old.id, old, t }]
          : [];
      });
      const disimpan = body.tindakLanjut.flatMap((t) => (t.id === undefined ? [] : [t.id]));
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (
          !(await q.updateDialogIfVersion(tx, id, body.version, {
            tanggal: body.tanggal,
            jenis: body.jenis,
            topik: body.topik,
            kesepakatan: body.kesepakatan,
            updatedAt: now,
          }))
        )
          throw new AppError('VERSION_CONFLICT');
        await q.replacePeserta(tx, id, body.pesertaIds);
        await q.replaceRhk(tx, id, body.rhkIds);
        const dihapus = await q.deleteTindakLanjutKecuali(tx, id, disimpan);
        for (const c of diubah) await q.updateTindakLanjut(tx, c.id, c.t);
        const tlIds = await q.insertTindakLanjut(tx, id, baru);
        // Only a new assignment is news: a follow-up that changed hands, or a new one.
        await notifikasi.kirim(
          tx,
          pemberitahuanTindakLanjut(actor, id, [
            ...baru,
            ...diubah.filter((c) => c.old.penanggungJawabId !== c.t.penanggungJawabId).map((c) => c.t),
          ]),
        );
        await audit.record(tx, {
          instansiId: d.instansiId,
          opdId: d.pegawaiOpdId,
          actorId: actor.id,
          action: 'dialog.ubah',
          entity: 'dialog_kinerja',
          entityId: id,
          before: {
            tanggal: d.tanggal,
            jenis: d.jenis,
            topik: d.topik,
            kesepakatan: d.kesepakatan,
            pesertaIds: pesertaLama,
            rhkIds: rhkLama.map((r) => r.id),
            tindakLanjut: lama.map((t) => ({
              id: t.id,
              uraian: t.uraian,
              penanggungJawabId: t.penanggungJawabId,
              tenggat: t.tenggat,
            })),
          },
          after: {
            ...isiAudit(body),
            tindakLanjut: [
              ...body.tindakLanjut.filter((t) => t.id !== undefined),
              ...baru.map((t, i) => ({ id: tlIds[i], ...t })),
            ],
            tindakLanjutDihapus: dihapus,
          },
          requestId: meta.requestId,
        });
      });
      return satu(actor, id);
    },

    /** Whoever answers for the follow-up, or the leader, marks it done (version-checked). */
    async selesaikan(actor: Actor, tindakLanjutId: number, version: number, meta: Meta): Promise<DialogOut> {
      const t = await q.findTindakLanjut(db, tindakLanjutId);
      if (!t) throw new AppError('NOT_FOUND', undefined, 'Tindak lanjut tidak ditemukan.');
      if (!bolehMenyelesaikan(t, t, actor.id))
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya penanggung jawab tindak lanjut atau pimpinan yang mencatat dialog yang dapat menandainya selesai.',
        );
      if (t.selesaiAt) throw new AppError('TINDAK_LANJUT_SUDAH_SELESAI');
      if (t.version !== version) throw new AppError('VERSION_CONFLICT');
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await q.selesaikanIfVersion(tx, tindakLanjutId, version, now)))
          throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: t.instansiId,
          opdId: t.pegawaiOpdId,
          actorId: actor.id,
          action: 'dialog.tindak_lanjut_selesai',
          entity: 'dialog_kinerja',
          entityId: t.dialogId,
          before: { tindakLanjutId, selesaiAt: null },
          after: { tindakLanjutId, selesaiAt: now.toISOString() },
          requestId: meta.requestId,
        });
      });
      return satu(actor, t.dialogId);
    },

    /** The employee rates a bimbingan or konseling once (Format B.1.8); the leader is told. */
    async nilai(
      actor: Actor,
      id: number,
      body: z.infer<typeof PenilaianDialogBody>,
      meta: Meta,
    ): Promise<DialogOut> {
      const d = await dialogOf(id);
      const sudah = (await q.penilaianOf(db, [id])).length > 0;
      const boleh = bolehMenilaiDialog({ ...d, sudahDinilai: sudah }, actor.id);
      if (!boleh.ok) throw new AppError(boleh.code, undefined, boleh.message);
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await q.insertPenilaian(tx, { dialogId: id, skor: body.skor, saran: body.saran, at: now })))
          throw new AppError('DIALOG_SUDAH_DINILAI');
        await notifikasi.kirim(tx, [
          {
            pegawaiId: d.pimpinanId,
            jenis: 'DIALOG_DINILAI',
            judul: 'Umpan balik atas dialog kinerja',
            pesan: `${namaLengkap(actor)} memberi umpan balik atas dialog ${JENIS_DIALOG_LABEL[d.jenis].toLowerCase()} ${tanggalPanjang(d.tanggal)} (rata-rata ${rataRataSkor(body.skor).toLocaleString('id-ID')} dari ${SKOR_MAKS}).`,
            tautan: `/dialog?id=${id}`,
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: d.instansiId,
          opdId: d.pegawaiOpdId,
          actorId: actor.id,
          action: 'dialog.nilai',
          entity: 'dialog_kinerja',
          entityId: id,
          after: { skor: body.skor, saran: body.saran },
          requestId: meta.requestId,
        });
      });
      return satu(actor, id);
    },
  };
}

export type DialogService = ReturnType<typeof createDialogService>;
