/**
 * Attendance (SPEC §7.1). One write path for a file import and the integration API (simpanBaris):
 * every row checked on its own and against the employees the caller may write for, a dry run that
 * stores nothing, a commit that stores all or nothing with one audit row. The BKD keeps the holiday
 * calendar and the working hours; an employee's month is read by themselves, their superiors and
 * the admins.
 */
import type { z } from 'zod';
import type {
  BarisKehadiranMasuk,
  HariLiburBody,
  HasilImporKehadiran,
  JamKerjaBody,
  KehadiranBulanOut,
} from '../../contracts/kehadiran.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { parseYearMonth } from '../../domain/jadwal.js';
import {
  apelTerlewat,
  JAM_KERJA_BAKU,
  kalenderBulan,
  periksaBaris,
  STATUS_KEHADIRAN,
  type StatusKehadiran,
} from '../../domain/kehadiran.js';
import { normalizeNip } from '../../domain/nip.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { ImportFile } from '../../platform/import-upload.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { KemajuanImpor, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import { bacaBerkasKehadiran, templatKehadiran } from './kehadiran.berkas.js';
import * as q from './kehadiran.queries.js';

type Meta = { requestId: string };

export interface SimpanBarisInput {
  instansiId: number;
  /** The OPDs whose employees may be written; null = the whole instansi. */
  opdIds: number[] | null;
  baris: BarisKehadiranMasuk[];
  mode: 'dry-run' | 'commit';
  actorId: number | null;
  /** Where the rows come from, stored on each: 'IMPOR' for a file, the token's name for the API. */
  sumber: string;
  requestId?: string | null;
  /** Row numbers to report (a file's spreadsheet rows); default 1, 2, 3 … */
  nomorBaris?: number[];
  /** Problems found while reading, by row number. */
  masalah?: ReadonlyMap<number, string[]>;
}

const hitungKosong = () =>
  Object.fromEntries(STATUS_KEHADIRAN.map((s) => [s, 0])) as Record<StatusKehadiran, number>;

function akhirBulan(bulan: string) {
  const { tahun, bulan: b } = parseYearMonth(bulan);
  return `${bulan}-${String(new Date(Date.UTC(tahun, b, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function createKehadiranService({
  db,
  clock,
  audit,
  zonaWaktu,
  pekerjaan,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  zonaWaktu: (instansiId: number) => Promise<string>;
  pekerjaan: Pick<PekerjaanService, 'impor'>;
}) {
  async function hariIni(instansiId: number) {
    return dateInZone(clock.now(), await zonaWaktu(instansiId));
  }

  async function periksa(handle: DbOrTx, input: SimpanBarisInput, today: string) {
    const nips = input.baris.map((b) => normalizeNip(b.nip));
    const pegawai = new Map(
      (await q.pegawaiByNips(handle, [...new Set(nips.filter(Boolean))])).map((p) => [p.nip, p]),
    );
    const opd = input.opdIds === null ? null : new Set(input.opdIds);
    const pertama = new Map<string, number>();
    const kesalahan: HasilImporKehadiran['kesalahan'] = [];
    const valid: q.KehadiranWrite[] = [];
    input.baris.forEach((b, i) => {
      const baris = input.nomorBaris?.[i] ?? i + 1;
      const nip = nips[i]!;
      const alasan = [...(input.masalah?.get(baris) ?? [])];
      const p = nip ? pegawai.get(nip) : undefined;
      if (!nip) alasan.push('NIP wajib diisi.');
      else if (!p) alasan.push(`NIP ${nip} tidak terdaftar.`);
      else if (p.instansiId !== input.instansiId) alasan.push('NIP terdaftar di instansi lain.');
      else if (opd && (p.opdId === null || !opd.has(p.opdId)))
        alasan.push('Pegawai ini bukan pegawai OPD yang Anda kelola.');
      const cek = periksaBaris(b, today);
      if (!cek.ok) alasan.push(...cek.alasan);
      else if (nip) {
        const kunci = `${nip}|${cek.nilai.tanggal}`;
        const dulu = pertama.get(kunci);
        if (dulu !== undefined) alasan.push(`NIP dan tanggal ganda: sudah ada di baris ${dulu}.`);
        else pertama.set(kunci, baris);
      }
      if (alasan.length) kesalahan.push({ baris, nip: nip || null, alasan });
      else if (cek.ok && p) valid.push({ ...cek.nilai, pegawaiId: p.id });
    });
    const perStatus = hitungKosong();
    for (const v of valid) perStatus[v.status]++;
    return { kesalahan, valid, perStatus };
  }

  /** The one write path of attendance rows (file import and integration API). */
  async function simpanBaris(
    input: SimpanBarisInput,
    kemajuan?: KemajuanImpor,
  ): Promise<HasilImporKehadiran> {
    // Read before the transaction: on PGlite the outer handle must not be used inside it.
    const today = await hariIni(input.instansiId);
    const laporan = (r: Awaited<ReturnType<typeof periksa>>) => ({
      mode: input.mode,
      jumlahBaris: input.baris.length,
      barisValid: r.valid.length,
      kesalahan: r.kesalahan,
      perStatus: r.perStatus,
    });
    if (input.mode === 'dry-run') return { ...laporan(await periksa(db, input, today)), disimpan: null };
    kemajuan?.(0, input.baris.length);
    return db.transaction(async (tx) => {
      const r = await periksa(tx, input, today);
      if (r.kesalahan.length) throw new AppError('IMPORT_INVALID', { ...laporan(r), disimpan: null });
      if (r.valid.length === 0)
        throw new AppError('VALIDATION_FAILED', laporan(r), 'Tidak ada baris kehadiran.');
      const disimpan = await q.upsertKehadiran(tx, input.instansiId, input.sumber, r.valid);
      kemajuan?.(input.baris.length, input.baris.length);
      const tanggal = r.valid.map((v) => v.tanggal).sort();
      await audit.record(tx, {
        instansiId: input.instansiId,
        actorId: input.actorId,
        action: 'kehadiran.impor',
        entity: 'kehadiran',
        entityId: input.requestId ?? input.sumber,
        after: {
          sumber: input.sumber,
          jumlahBaris: input.baris.length,
          ...disimpan,
          perStatus: r.perStatus,
          dari: tanggal[0],
          sampai: tanggal.at(-1),
        },
        requestId: input.requestId ?? null,
      });
      return { ...laporan(r), disimpan };
    });
  }

  /** The BKD admin writes for the whole instansi, an OPD admin for the OPDs they manage. */
  function cakupanTulis(actor: Actor): number[] | null {
    if (hasRole(actor, 'ADMIN_INSTANSI')) return null;
    const opd = adminOpdIds(actor);
    if (opd.length === 0) throw new AppError('FORBIDDEN');
    return opd;
  }

  function wajibBkd(actor: Actor) {
    if (!hasRole(actor, 'ADMIN_INSTANSI'))
      throw new AppError(
        'FORBIDDEN',
        undefined,
        'Hanya admin BKD yang dapat mengubah kalender dan jam kerja.',
      );
  }

  async function jamKerjaBerlaku(handle: DbOrTx, instansiId: number) {
    const row = await q.findJamKerja(handle, instansiId);
    return { jamKerja: row.jamKerja ?? JAM_KERJA_BAKU, bawaan: row.jamKerja === null, version: row.version };
  }

  async function impor(
    actor: Actor,
    data: Buffer,
    mode: 'dry-run' | 'commit',
    meta: Meta,
    kemajuan?: KemajuanImpor,
  ) {
    const opdIds = cakupanTulis(actor);
    const berkas = await bacaBerkasKehadiran(data);
    return simpanBaris(
      {
        instansiId: actor.instansiId,
        opdIds,
        baris: berkas.baris,
        nomorBaris: berkas.nomorBaris,
        masalah: berkas.masalah,
        mode,
        actorId: actor.id,
        sumber: 'IMPOR',
        requestId: meta.requestId,
      },
      kemajuan,
    );
  }

  return {
    simpanBaris,

    impor,

    /** The commit as a job (ADR 0011): no write scope, or a file that does not read, is refused here. */
    async imporLatar(actor: Actor, file: ImportFile, meta: Meta) {
      cakupanTulis(actor);
      await bacaBerkasKehadiran(file.data);
      return pekerjaan.impor(actor, {
        judul: `Impor kehadiran (${file.filename})`,
        berkas: file,
        halaman: '/kehadiran',
        terapkan: (berkas, kemajuan) => impor(actor, berkas.data, 'commit', meta, kemajuan),
      });
    },

    async templat(actor: Actor) {
      cakupanTulis(actor);
      return { filename: 'templat-kehadiran.xlsx', data: await templatKehadiran() };
    },

    async daftarLibur(actor: Actor, tahun: number) {
      const items = await q.liburRentang(db, actor.instansiId, `${tahun}-01-01`, `${tahun}-12-31`);
      return { tahun, items };
    },

    async tambahLibur(actor: Actor, body: z.infer<typeof HariLiburBody>, meta: Meta) {
      wajibBkd(actor);
      return db.transaction(async (tx) => {
        const row = await q.insertLibur(tx, actor.instansiId, body.tanggal, body.keterangan);
        if (!row) throw new AppError('LIBUR_SUDAH_ADA');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'kehadiran.libur.tambah',
          entity: 'hari_libur',
          entityId: row.id,
          after: row,
          requestId: meta.requestId,
        });
        return row;
      });
    },

    async hapusLibur(actor: Actor, id: number, meta: Meta) {
      wajibBkd(actor);
      return db.transaction(async (tx) => {
        const row = await q.deleteLibur(tx, actor.instansiId, id);
        if (!row) throw new AppError('NOT_FOUND', undefined, 'Hari libur tidak ditemukan.');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'kehadiran.libur.hapus',
          entity: 'hari_libur',
          entityId: row.id,
          before: row,
          requestId: meta.requestId,
        });
        return { ok: true as const };
      });
    },

    jamKerja: (actor: Actor) => jamKerjaBerlaku(db, actor.instansiId),

    /** An instansi's calendar over [dari, sampai]: the hours per weekday and the holidays by date. */
    async kalender(instansiId: number, dari: string, sampai: string) {
      const [{ jamKerja }, libur] = await Promise.all([
        jamKerjaBerlaku(db, instansiId),
        q.liburRentang(db, instansiId, dari, sampai),
      ]);
      return { jamKerja, libur: new Map(libur.map((l) => [l.tanggal, l.keterangan])) };
    },

    async simpanJamKerja(actor: Actor, body: z.infer<typeof JamKerjaBody>, meta: Meta) {
      wajibBkd(actor);
      return db.transaction(async (tx) => {
        const before = await jamKerjaBerlaku(tx, actor.instansiId);
        if (!(await q.saveJamKerjaIfVersion(tx, actor.instansiId, body.version, body.jamKerja)))
          throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'kehadiran.jam-kerja.ubah',
          entity: 'pengaturan',
          entityId: actor.instansiId,
          before: before.jamKerja,
          after: body.jamKerja,
          requestId: meta.requestId,
        });
        return jamKerjaBerlaku(tx, actor.instansiId);
      });
    },

    /** An employee's month: working days with their records, lateness and early leave (access checked by the route). */
    async bulanPegawai(pegawaiId: number, bulan: string): Promise<KehadiranBulanOut> {
      const p = await q.pegawaiSingkat(db, pegawaiId);
      if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
      const dari = `${bulan}-01`;
      const sampai = akhirBulan(bulan);
      const [{ jamKerja }, libur, catatan, today] = await Promise.all([
        jamKerjaBerlaku(db, p.instansiId),
        q.liburRentang(db, p.instansiId, dari, sampai),
        q.kehadiranRentang(db, pegawaiId, dari, sampai),
        hariIni(p.instansiId),
      ]);
      const hari = kalenderBulan(
        bulan,
        jamKerja,
        new Map(libur.map((l) => [l.tanggal, l.keterangan])),
        catatan,
      );
      const perStatus = hitungKosong();
      for (const c of catatan) perStatus[c.status]++;
      const kerja = hari.filter((h) => h.jadwal);
      const jam = (v: string | null | undefined) => (v ? v.slice(0, 5) : null);
      return {
        pegawai: { id: p.id, nip: p.nip, nama: namaLengkap(p) },
        bulan,
        hari: hari.map((h) => ({
          tanggal: h.tanggal,
          jadwal: h.jadwal,
          libur: h.libur,
          status: h.catatan?.status ?? null,
          jamMasuk: jam(h.catatan?.jamMasuk),
          jamPulang: jam(h.catatan?.jamPulang),
          keterangan: h.catatan?.keterangan ?? null,
          apel: h.catatan?.apel ?? null,
          menitTerlambat: h.menitTerlambat,
          menitPulangCepat: h.menitPulangCepat,
        })),
        ringkasan: {
          hariKerja: kerja.length,
          tanpaCatatan: kerja.filter((h) => !h.catatan && h.tanggal <= today).length,
          terlambat: hari.filter((h) => (h.menitTerlambat ?? 0) > 0).length,
          pulangCepat: hari.filter((h) => (h.menitPulangCepat ?? 0) > 0).length,
          apelTerlewat: kerja.filter((h) => h.catatan && apelTerlewat(h.catatan)).length,
          perStatus,
        },
      };
    },
  };
}

export type KehadiranService = ReturnType<typeof createKehadiranService>;
