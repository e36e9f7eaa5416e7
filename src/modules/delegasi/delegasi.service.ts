/**
 * Delegation of assessment: a pejabat penilai on leave (or an admin for them) names another official
 * who assesses their subordinates in their name for an inclusive range of dates (domain/delegasi.ts);
 * no two unrevoked delegations of one giver overlap; revoking ends it at once. Whoever actually
 * assesses stays recorded as the actor of each verdict and rating.
 */
import type { z } from 'zod';
import type {
  CabutDelegasiBody,
  CalonPenerimaOut,
  CalonPenerimaQuery,
  DelegasiBody,
  DelegasiOut,
  DelegasiPage,
  DelegasiQuery,
} from '../../contracts/delegasi.js';
import type { Db } from '../../db/client.js';
import { alasanPenerimaDitolak, alasanRentangDitolak, statusDelegasi } from '../../domain/delegasi.js';
import { JENIS_JABATAN } from '../../domain/jabatan.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { labelTanggal } from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, allows, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { NotifikasiService } from '../notifikasi/notifikasi.service.js';
import * as q from './delegasi.queries.js';

type Meta = { requestId: string };

const rentang = (mulai: string, selesai: string) =>
  mulai === selesai ? labelTanggal(mulai) : `${labelTanggal(mulai)} s.d. ${labelTanggal(selesai)}`;

/** The BKD admin, or the OPD admin of the giver's OPD. */
const mengelola = (actor: Actor, pemberi: { id: number; instansiId: number; opdId: number | null }) =>
  allows(actor, pemberi, 'none', ['opd', 'instansi']);

export function createDelegasiService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifikasi: Pick<NotifikasiService, 'kirim'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, notifikasi } = deps;

  const hariIni = async (instansiId: number) => dateInZone(clock.now(), await deps.zonaWaktu(instansiId));

  function out(row: q.DelegasiRow, actor: Actor, hari: string): DelegasiOut {
    const status = statusDelegasi(
      { mulai: row.mulai, selesai: row.selesai, dicabut: row.dicabutAt !== null },
      hari,
    );
    const orang = (p: typeof row.penerima) => ({
      id: p.id,
      nip: p.nip,
      namaLengkap: namaLengkap(p),
      jabatanNama: p.jabatanNama,
    });
    const bolehCabut =
      actor.id === row.pemberi.id ||
      actor.id === row.dibuatOlehId ||
      mengelola(actor, { ...row.pemberi, instansiId: row.instansiId });
    return {
      id: row.id,
      pemberi: orang(row.pemberi),
      penerima: orang(row.penerima),
      mulai: row.mulai,
      selesai: row.selesai,
      alasan: row.alasan,
      dibuatOleh: { id: row.dibuatOlehId, namaLengkap: namaLengkap(row.pembuat) },
      createdAt: row.createdAt.toISOString(),
      dicabutAt: row.dicabutAt?.toISOString() ?? null,
      status,
      arah: actor.id === row.pemberi.id ? 'DIBERIKAN' : actor.id === row.penerima.id ? 'DITERIMA' : null,
      dapatDicabut: bolehCabut && (status === 'AKTIF' || status === 'BELUM_BERLAKU'),
    };
  }

  /** The giver a request names: the caller, or an employee in an admin's scope. */
  async function pemberiOf(actor: Actor, pemberiId: number | undefined) {
    const p = await q.findPegawaiJabatan(db, pemberiId ?? actor.id);
    if (!p || p.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', { field: 'pemberiId' }, 'Pegawai pemberi delegasi tidak ditemukan.');
    if (p.id !== actor.id && !mengelola(actor, p))
      throw new AppError(
        'FORBIDDEN',
        { field: 'pemberiId' },
        'Anda hanya dapat membuat delegasi untuk diri sendiri atau untuk pejabat pada lingkup yang Anda kelola.',
      );
    return p;
  }

  const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', { field }, message);

  return {
    /** For the route access hook: the actor assesses the target today in the name of the target's superior. */
    async menilaiAtasNama(actorId: number, targetId: number, instansiId: number) {
      return q.menilaiAtasNama(db, actorId, targetId, await hariIni(instansiId));
    },

    /** For the assessment checks: the giver's delegation to the receiver is in force today. */
    async berlaku(penerimaId: number, pemberiId: number, instansiId: number) {
      return q.berlaku(db, penerimaId, pemberiId, await hariIni(instansiId));
    },

    async buat(actor: Actor, body: z.infer<typeof DelegasiBody>, meta: Meta): Promise<DelegasiOut> {
      const pemberi = await pemberiOf(actor, body.pemberiId);
      const penerima = await q.findPegawaiJabatan(db, body.penerimaId);
      if (!penerima || penerima.instansiId !== pemberi.instansiId || !penerima.isActive)
        throw invalid('penerimaId', 'Penerima delegasi harus pegawai aktif pada instansi yang sama.');
      if (penerima.id === pemberi.id)
        throw invalid('penerimaId', 'Penerima delegasi tidak boleh pemberi delegasi sendiri.');
      const ditolak = alasanPenerimaDitolak(pemberi.jenisJabatan, penerima.jenisJabatan);
      if (ditolak) throw invalid('penerimaId', ditolak);
      const hari = await hariIni(pemberi.instansiId);
      const rentangDitolak = alasanRentangDitolak(body.mulai, body.selesai, hari);
      if (rentangDitolak) throw invalid(body.selesai < body.mulai ? 'selesai' : 'mulai', rentangDitolak);
      if (!(await q.punyaBawahan(db, pemberi.id, hari)))
        throw invalid('pemberiId', 'Pemberi delegasi tidak memiliki bawahan yang dinilai.');

      const now = clock.now();
      const periode = rentang(body.mulai, body.selesai);
      const id = await db.transaction(async (tx) => {
        await q.lockPemberi(tx, pemberi.id);
        if (await q.adaTumpangTindih(tx, pemberi.id, body.mulai, body.selesai))
          throw new AppError(
            'DELEGASI_TUMPANG_TINDIH',
            { pemberiId: pemberi.id },
            `${namaLengkap(pemberi)} sudah memiliki delegasi penilaian yang beririsan dengan ${periode}; cabut delegasi itu lebih dahulu.`,
          );
        const id = await q.insertDelegasi(tx, {
          instansiId: pemberi.instansiId,
          pemberiId: pemberi.id,
          penerimaId: penerima.id,
          mulai: body.mulai,
          selesai: body.selesai,
          alasan: body.alasan,
          dibuatOlehId: actor.id,
          createdAt: now,
        });
        await notifikasi.kirim(tx, [
          {
            pegawaiId: penerima.id,
            jenis: 'DELEGASI_PENILAIAN',
            judul: 'Delegasi penilaian untuk Anda',
            pesan: `Anda menilai bawahan ${namaLengkap(pemberi)} atas nama beliau pada ${periode}. Alasan: ${body.alasan}`,
            tautan: '/kotak-masuk',
            dariId: actor.id,
          },
          ...(pemberi.id === actor.id
            ? []
            : [
                {
                  pegawaiId: pemberi.id,
                  jenis: 'DELEGASI_PENILAIAN',
                  judul: 'Delegasi penilaian dibuat',
                  pesan: `Penilaian bawahan Anda didelegasikan kepada ${namaLengkap(penerima)} pada ${periode}.`,
                  tautan: '/delegasi',
                  dariId: actor.id,
                },
              ]),
        ]);
        await audit.record(tx, {
          instansiId: pemberi.instansiId,
          opdId: pemberi.opdId,
          actorId: actor.id,
          action: 'delegasi.buat',
          entity: 'delegasi_penilai',
          entityId: id,
          after: { pemberiId: pemberi.id, penerimaId: penerima.id, mulai: body.mulai, selesai: body.selesai },
          reason: body.alasan,
          requestId: meta.requestId,
        });
        return id;
      });
      return out((await q.findDelegasi(db, id))!, actor, hari);
    },

    /** The caller's delegations (given or received), or an admin's scope; newest first. */
    async list(actor: Actor, query: z.infer<typeof DelegasiQuery>): Promise<DelegasiPage> {
      const before = query.cursor === undefined ? null : Number(query.cursor);
      if (before !== null && !(Number.isInteger(before) && before > 0))
        throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
      let opdIds: number[] | null = null;
      if (query.lingkup === 'KELOLA') {
        if (!hasRole(actor, 'ADMIN_INSTANSI')) {
          opdIds = adminOpdIds(actor);
          if (!opdIds.length)
            throw new AppError('FORBIDDEN', undefined, 'Daftar seluruh delegasi hanya untuk admin.');
        }
      }
      const found = await q.listDelegasi(db, {
        instansiId: actor.instansiId,
        pegawaiId: query.lingkup === 'SAYA' ? actor.id : null,
        opdIds,
        beforeId: before,
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const hari = await hariIni(actor.instansiId);
      return {
        items: page.map((r) => out(r, actor, hari)),
        nextCursor: found.length > query.limit ? String(page.at(-1)!.id) : null,
      };
    },

    /** Ends a delegation that has not ended yet: the giver, its creator or an admin in scope. */
    async cabut(
      actor: Actor,
      id: number,
      body: z.infer<typeof CabutDelegasiBody>,
      meta: Meta,
    ): Promise<DelegasiOut> {
      const row = await q.findDelegasi(db, id);
      if (!row || row.instansiId !== actor.instansiId)
        throw new AppError('NOT_FOUND', undefined, 'Delegasi tidak ditemukan.');
      const pemberi = { ...row.pemberi, instansiId: row.instansiId };
      if (actor.id !== row.pemberi.id && actor.id !== row.dibuatOlehId && !mengelola(actor, pemberi))
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya pemberi delegasi atau admin yang dapat mencabutnya.',
        );
      const hari = await hariIni(row.instansiId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await q.cabutDelegasi(tx, id, now, hari))) throw new AppError('DELEGASI_TIDAK_AKTIF');
        await notifikasi.kirim(tx, [
          {
            pegawaiId: row.penerima.id,
            jenis: 'DELEGASI_PENILAIAN',
            judul: 'Delegasi penilaian dicabut',
            pesan: `Delegasi penilaian dari ${namaLengkap(row.pemberi)} (${rentang(row.mulai, row.selesai)}) dicabut.`,
            tautan: '/delegasi',
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: row.instansiId,
          opdId: row.pemberi.opdId,
          actorId: actor.id,
          action: 'delegasi.cabut',
          entity: 'delegasi_penilai',
          entityId: id,
          before: { dicabutAt: null },
          after: { dicabutAt: now.toISOString() },
          reason: body.alasan ?? null,
          requestId: meta.requestId,
        });
      });
      return out((await q.findDelegasi(db, id))!, actor, hari);
    },

    /** Officials who may receive the giver's delegation (domain/delegasi.ts), by name or NIP. */
    async calon(actor: Actor, query: z.infer<typeof CalonPenerimaQuery>): Promise<CalonPenerimaOut> {
      const pemberi = await pemberiOf(actor, query.pemberiId);
      const jenis = JENIS_JABATAN.filter((j) => alasanPenerimaDitolak(pemberi.jenisJabatan, j) === null);
      const found = await q.calonPenerima(db, {
        instansiId: pemberi.instansiId,
        kecuali: pemberi.id,
        jenis,
        q: query.q,
        limit: 20,
      });
      return {
        items: found.map((p) => ({
          id: p.id,
          nip: p.nip,
          namaLengkap: namaLengkap(p),
          jabatanNama: p.jabatanNama,
        })),
      };
    },
  };
}

export type DelegasiService = ReturnType<typeof createDelegasiService>;
