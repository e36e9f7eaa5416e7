/**
 * Predikat kinerja organisasi and the kurva distribusi (SPEC §6.3, §6.4).
 *
 * Who does what:
 * - The organisation predikat of a unit is set by the leader one level up: whoever heads the parent
 *   unit (for an OPD that is the instansi's root unit, i.e. the head of region), or the BKD admin.
 * - The unit's head finalises the penetapan (predikat + distribution; a breaching distribution needs
 *   a justification) and calibrates the unit's periodic ratings before that, each change with a
 *   reason; after the penetapan the ratings of the unit are locked for calibration.
 * - Reading a unit's curve: its head, the heads of the units above it, the BKD admin, the tim
 *   penilai and the unit's OPD admin. The instansi report: the BKD, the tim penilai, OPD admins
 *   (their OPDs).
 */
import type { z } from 'zod';
import type {
  DasarPredikatOrganisasi,
  KalibrasiBody,
  KalibrasiOut,
  KurvaUnitOut,
  LaporanKurvaOut,
  LeniensiOut,
  PenetapanBody,
  PeriodeUnitOut,
  PredikatOrganisasiBody,
  UnitPimpinanOut,
} from '../../contracts/kurva.js';
import type { BacaBerat, Db } from '../../db/client.js';
import {
  type Distribusi,
  distribusiKosong,
  jumlahPegawai,
  nilaiKurva,
  periodeTahunan,
  ratingDariPredikatOrganisasi,
} from '../../domain/kurva.js';
import { namaLengkap } from '../../domain/pegawai.js';
import {
  PREDIKAT_ORGANISASI_LABEL,
  type PredikatPegawai,
  predikatKinerja,
  RATING_LABEL,
  type SaranRating,
} from '../../domain/predikat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { hasRole, listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import { type JadwalService, resolvePeriode } from '../jadwal/jadwal.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import * as q from './kurva.queries.js';

type Meta = { requestId: string };
type Unor = NonNullable<Awaited<ReturnType<typeof q.findUnor>>>;

/** The calibration board shows at most this many employees (a unit leader's board, not a report). */
export const BATAS_KALIBRASI = 500;

const iso = (d: Date | string) => new Date(d).toISOString();
const idsOfPath = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The distribution of the final results, and how many are not final yet (annual evaluations only). */
function distribusiDari(found: { predikat: PredikatPegawai; final: boolean; n: number }[]) {
  const distribusi: Distribusi = distribusiKosong();
  let belumFinal = 0;
  for (const r of found)
    if (r.final) distribusi[r.predikat] += r.n;
    else belumFinal += r.n;
  return { distribusi, belumFinal };
}

/**
 * The one write of a unit's row for a period: the row read is updated under its version, or a new
 * row is inserted; losing a race either way (changed meanwhile, or created meanwhile) is a 409.
 */
async function tulisBerversi(
  id: number | null,
  update: (id: number) => Promise<boolean>,
  insert: () => Promise<number | null>,
): Promise<number> {
  if (id !== null) {
    if (!(await update(id))) throw new AppError('VERSION_CONFLICT');
    return id;
  }
  const inserted = await insert();
  if (inserted === null) throw new AppError('VERSION_CONFLICT');
  return inserted;
}

export function createKurvaService({
  db,
  bacaBerat,
  clock,
  audit,
  jadwal,
  pengaturan,
}: {
  db: Db;
  /** The instansi report and the leniency report read where heavy reads go (ADR 0024). */
  bacaBerat: BacaBerat;
  clock: Clock;
  audit: AuditService;
  jadwal: Pick<JadwalService, 'config'>;
  pengaturan: Pick<PengaturanService, 'aturanKurva'>;
}) {
  /** The period code as stored: a year for the annual evaluation, else the period under the instansi's schedule. */
  async function periodeKode(instansiId: number, kode: string) {
    if (periodeTahunan(kode)) return { kode, tahunan: true };
    const cfg = await jadwal.config(instansiId);
    return { kode: resolvePeriode(kode, cfg).kode, tahunan: false };
  }

  async function hariIni(instansiId: number) {
    return dateInZone(clock.now(), (await jadwal.config(instansiId)).zonaWaktu);
  }

  async function unorOf(actor: Actor, unorId: number): Promise<Unor> {
    const u = await q.findUnor(db, unorId);
    if (!u || u.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Unit organisasi tidak ditemukan.');
    return u;
  }

  /** What the actor may do in the unit, from the units they head today and their roles. */
  async function hakOf(actor: Actor, u: Unor) {
    const dipimpin = new Set(await q.unorDipimpin(db, actor.id, await hariIni(actor.instansiId)));
    const kepala = dipimpin.has(u.id);
    const atasan = u.parentId !== null && dipimpin.has(u.parentId);
    const { opdIds } = listScope(actor);
    const admin = hasRole(actor, 'ADMIN_INSTANSI');
    return {
      baca:
        idsOfPath(u.path).some((id) => dipimpin.has(id)) ||
        opdIds === null ||
        (u.opdId !== null && opdIds.includes(u.opdId)),
      predikatOrganisasi: atasan || admin,
      kepala,
    };
  }

  async function kurvaUnit(actor: Actor, u: Unor, periode: { kode: string; tahunan: boolean }) {
    const hak = await hakOf(actor, u);
    if (!hak.baca)
      throw new AppError('FORBIDDEN', undefined, 'Kurva distribusi unit ini di luar kewenangan Anda.');
    const [found, po, pt, aturan] = await Promise.all([
      q.distribusiUnor(db, u, periode.kode, periode.tahunan),
      q.findPredikatOrganisasi(db, u.id, periode.kode),
      q.findPenetapan(db, u.id, periode.kode),
      pengaturan.aturanKurva(u.instansiId),
    ]);
    const { distribusi, belumFinal } = distribusiDari(found);
    const out: KurvaUnitOut = {
      unor: { id: u.id, nama: u.nama, jenis: u.jenis },
      periode: periode.kode,
      tahunan: periode.tahunan,
      predikatOrganisasi: po && {
        predikat: po.predikat,
        dasar: po.dasar as DasarPredikatOrganisasi,
        ditetapkanOleh: { id: po.ditetapkan_oleh_id, namaLengkap: namaLengkap(po) },
        version: po.version,
        updatedAt: iso(po.updated_at),
      },
      distribusi,
      belumFinal,
      hasil: po && nilaiKurva(distribusi, po.predikat, aturan.kurva),
      penetapan: pt && {
        predikatOrganisasi: pt.predikat_organisasi,
        distribusi: pt.distribusi as Distribusi,
        belumFinal: Number(pt.distribusi.belumFinal ?? 0),
        pelanggaran: pt.pelanggaran,
        justifikasi: pt.justifikasi,
        ditetapkanOleh: { id: pt.ditetapkan_oleh_id, namaLengkap: namaLengkap(pt) },
        ditetapkanAt: iso(pt.ditetapkan_at),
        version: pt.version,
      },
      hak: {
        predikatOrganisasi: hak.predikatOrganisasi,
        penetapan: hak.kepala && po !== null,
        kalibrasi: hak.kepala && !periode.tahunan && pt === null,
      },
    };
    return out;
  }

  return {
    async unitPimpinan(actor: Actor): Promise<UnitPimpinanOut> {
      const found = await q.unorPimpinan(db, actor.id, await hariIni(actor.instansiId));
      return { items: found.map((u) => ({ id: u.id, nama: u.nama, jenis: u.jenis, dipimpin: u.dipimpin })) };
    },

    async unit(actor: Actor, unorId: number, kode: string): Promise<KurvaUnitOut> {
      const u = await unorOf(actor, unorId);
      return kurvaUnit(actor, u, await periodeKode(actor.instansiId, kode));
    },

    /** The last 24 periods with data in the unit (q.periodeBerdata), for whoever may read its curve. */
    async periodeUnit(actor: Actor, unorId: number): Promise<PeriodeUnitOut> {
      const u = await unorOf(actor, unorId);
      if (!(await hakOf(actor, u)).baca)
        throw new AppError('FORBIDDEN', undefined, 'Kurva distribusi unit ini di luar kewenangan Anda.');
      return { items: await q.periodeBerdata(db, u, 24) };
    },

    /** Sets or changes the unit's organisation predikat with its evidence (the leader one level up). */
    async setPredikatOrganisasi(
      actor: Actor,
      unorId: number,
      body: z.infer<typeof PredikatOrganisasiBody>,
      meta: Meta,
    ): Promise<KurvaUnitOut> {
      const u = await unorOf(actor, unorId);
      const periode = await periodeKode(actor.instansiId, body.periode);
      if (!(await hakOf(actor, u)).predikatOrganisasi)
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Predikat kinerja organisasi ditetapkan oleh pimpinan satu tingkat di atas unit ini (atau admin BKD).',
        );
      const existing = await q.findPredikatOrganisasi(db, u.id, periode.kode);
      if (existing ? body.version !== existing.version : body.version !== undefined)
        throw new AppError('VERSION_CONFLICT');
      const values = { predikat: body.predikat, dasar: body.dasar, ditetapkanOlehId: actor.id };
      await db.transaction(async (tx) => {
        const id = await tulisBerversi(
          existing?.id ?? null,
          (rowId) => q.updatePredikatOrganisasiIfVersion(tx, rowId, existing!.version, values),
          () =>
            q.insertPredikatOrganisasi(
              tx,
              { instansiId: u.instansiId, unorId: u.id, periodeKode: periode.kode },
              values,
            ),
        );
        await audit.record(tx, {
          instansiId: u.instansiId,
          opdId: u.opdId,
          actorId: actor.id,
          action: existing ? 'predikat_organisasi.ubah' : 'predikat_organisasi.buat',
          entity: 'predikat_organisasi',
          entityId: id,
          before: existing && { predikat: existing.predikat, dasar: existing.dasar },
          after: { unorId: u.id, periodeKode: periode.kode, predikat: body.predikat, dasar: body.dasar },
          requestId: meta.requestId,
        });
      });
      return kurvaUnit(actor, u, periode);
    },

    /**
     * The unit head finalises the organisation predikat and the distribution as it stands now. A
     * breaching distribution needs a justification; finalising again (after a change) needs the version.
     */
    async tetapkan(
      actor: Actor,
      unorId: number,
      body: z.infer<typeof PenetapanBody>,
      meta: Meta,
    ): Promise<KurvaUnitOut> {
      const u = await unorOf(actor, unorId);
      const periode = await periodeKode(actor.instansiId, body.periode);
      const kurva = await kurvaUnit(actor, u, periode);
      if (!(await hakOf(actor, u)).kepala)
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Penetapan predikat kinerja dilakukan oleh pimpinan unit ini.',
        );
      if (!kurva.predikatOrganisasi || !kurva.hasil)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'periode' },
          'Predikat kinerja organisasi unit ini untuk periode tersebut belum ditetapkan oleh pimpinan satu tingkat di atas.',
        );
      const justifikasi = body.justifikasi || null;
      if (kurva.hasil.pelanggaran.length && !justifikasi)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'justifikasi', pelanggaran: kurva.hasil.pelanggaran },
          'Distribusi predikat menyimpang dari kurva; tuliskan justifikasi sebelum menetapkan.',
        );
      const existing = kurva.penetapan;
      if (existing ? body.version !== existing.version : body.version !== undefined)
        throw new AppError('VERSION_CONFLICT');
      const values = {
        predikatOrganisasi: kurva.predikatOrganisasi.predikat,
        distribusi: { ...kurva.distribusi, n: kurva.hasil.n, belumFinal: kurva.belumFinal },
        pelanggaran: kurva.hasil.pelanggaran,
        justifikasi,
        ditetapkanOlehId: actor.id,
        ditetapkanAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        const found = existing && (await q.findPenetapan(tx, u.id, periode.kode));
        const id = await tulisBerversi(
          found ? found.id : null,
          (rowId) => q.updatePenetapanIfVersion(tx, rowId, existing!.version, values),
          () =>
            q.insertPenetapan(
              tx,
              { instansiId: u.instansiId, unorId: u.id, periodeKode: periode.kode },
              values,
            ),
        );
        await audit.record(tx, {
          instansiId: u.instansiId,
          opdId: u.opdId,
          actorId: actor.id,
          action: existing ? 'penetapan_predikat.ubah' : 'penetapan_predikat.buat',
          entity: 'penetapan_predikat',
          entityId: id,
          before: existing,
          after: { unorId: u.id, periodeKode: periode.kode, ...values },
          requestId: meta.requestId,
        });
      });
      return kurvaUnit(actor, u, periode);
    },

    /** The leader's calibration board: the unit's assessed employees with both ratings, and the curve. */
    async kalibrasi(actor: Actor, unorId: number, kode: string): Promise<KalibrasiOut> {
      const u = await unorOf(actor, unorId);
      const periode = await periodeKode(actor.instansiId, kode);
      if (periode.tahunan)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'periode' },
          'Kalibrasi dilakukan pada penilaian periodik.',
        );
      const kurva = await kurvaUnit(actor, u, periode);
      const found = await q.anggotaDinilai(db, u, periode.kode, BATAS_KALIBRASI + 1);
      return {
        kurva,
        pegawai: found.slice(0, BATAS_KALIBRASI).map((r) => ({
          penilaianId: r.penilaian_id,
          pegawai: { id: r.pegawai_id, nip: r.nip, namaLengkap: namaLengkap(r), jabatanNama: r.jabatan_nama },
          penilai: {
            id: r.penilai_id,
            namaLengkap: namaLengkap({
              gelarDepan: r.penilai_gelar_depan,
              nama: r.penilai_nama,
              gelarBelakang: r.penilai_gelar_belakang,
            }),
          },
          ratingHasilKerja: r.rating_hasil_kerja,
          ratingPerilaku: r.rating_perilaku,
          predikat: r.predikat,
          version: r.version,
        })),
        lengkap: found.length <= BATAS_KALIBRASI,
      };
    },

    /**
     * The unit head changes one employee's periodic ratings on the board, with a reason; the predikat
     * follows the §6.2 matrix. Only before the unit's penetapan; the audit row keeps the reason.
     */
    async ubahRating(
      actor: Actor,
      unorId: number,
      penilaianId: number,
      body: z.infer<typeof KalibrasiBody>,
      meta: Meta,
    ): Promise<KurvaUnitOut> {
      const u = await unorOf(actor, unorId);
      const p = await q.findPenilaian(db, penilaianId);
      if (
        !p ||
        p.instansi_id !== u.instansiId ||
        !p.path.startsWith(u.path) ||
        (p.unor_id === u.id && p.is_kepala_unor)
      )
        throw new AppError('NOT_FOUND', undefined, 'Penilaian pegawai ini tidak ada di unit tersebut.');
      const periode = { kode: p.periode_kode, tahunan: false };
      const kurva = await kurvaUnit(actor, u, periode);
      if (!(await hakOf(actor, u)).kepala)
        throw new AppError('FORBIDDEN', undefined, 'Kalibrasi predikat dilakukan oleh pimpinan unit ini.');
      if (kurva.penetapan)
        throw new AppError(
          'VERSION_CONFLICT',
          { penetapan: true },
          'Predikat kinerja unit ini untuk periode tersebut sudah ditetapkan; kalibrasi tidak dapat diubah lagi.',
        );
      if (body.version !== p.version) throw new AppError('VERSION_CONFLICT');
      const values = {
        ratingHasilKerja: body.ratingHasilKerja,
        ratingPerilaku: body.ratingPerilaku,
        predikat: predikatKinerja(body.ratingHasilKerja, body.ratingPerilaku),
      };
      await db.transaction(async (tx) => {
        if (!(await q.updateRatingIfVersion(tx, p.id, p.version, values)))
          throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: u.instansiId,
          opdId: p.opd_id,
          actorId: actor.id,
          action: 'penilaian.kalibrasi',
          entity: 'penilaian',
          entityId: p.id,
          before: {
            ratingHasilKerja: p.rating_hasil_kerja,
            ratingPerilaku: p.rating_perilaku,
            predikat: p.predikat,
          },
          after: { unorId: u.id, skpId: p.skp_id, periodeKode: p.periode_kode, ...values },
          reason: body.alasan,
          requestId: meta.requestId,
        });
      });
      return kurvaUnit(actor, u, periode);
    },

    /** Per assessor of the unit: the share of Di Atas Ekspektasi given, against the unit's median. */
    async leniensi(actor: Actor, unorId: number, kode: string): Promise<LeniensiOut> {
      const u = await unorOf(actor, unorId);
      const periode = await periodeKode(actor.instansiId, kode);
      if (!(await hakOf(actor, u)).baca)
        throw new AppError('FORBIDDEN', undefined, 'Kurva distribusi unit ini di luar kewenangan Anda.');
      const found = await q.leniensi(bacaBerat(actor.id), u, periode.kode, periode.tahunan);
      const persen = found.map((r) => (r.di_atas_hasil_kerja * 100) / r.jumlah);
      const urut = [...persen].sort((a, b) => a - b);
      const tengah = Math.floor(urut.length / 2);
      const median =
        urut.length === 0 ? null : urut.length % 2 ? urut[tengah]! : (urut[tengah - 1]! + urut[tengah]!) / 2;
      const bulat = (x: number) => Math.round(x * 10) / 10;
      return {
        periode: periode.kode,
        median: median === null ? null : bulat(median),
        items: found.map((r, i) => ({
          penilai: { id: r.penilai_id, namaLengkap: namaLengkap(r) },
          jumlah: r.jumlah,
          diAtasHasilKerja: r.di_atas_hasil_kerja,
          diAtasPerilaku: r.di_atas_perilaku,
          persenDiAtas: bulat(persen[i]!),
          selisihMedian: bulat(persen[i]! - (median ?? 0)),
        })),
      };
    },

    /** Every unit's curve in the actor's scope for a period (the BKD's monitoring, SPEC §8). */
    async laporan(actor: Actor, kode: string): Promise<LaporanKurvaOut> {
      const periode = await periodeKode(actor.instansiId, kode);
      const { opdIds } = listScope(actor);
      const [found, aturan] = await Promise.all([
        q.laporan(bacaBerat(actor.id), actor.instansiId, periode.kode, periode.tahunan, opdIds),
        pengaturan.aturanKurva(actor.instansiId),
      ]);
      return {
        periode: periode.kode,
        items: found.map((r) => {
          const distribusi: Distribusi = {
            SANGAT_BAIK: r.sb,
            BAIK: r.b,
            BUTUH_PERBAIKAN: r.bp,
            KURANG: r.k,
            SANGAT_KURANG: r.sk,
          };
          const hasil = r.predikat && nilaiKurva(distribusi, r.predikat, aturan.kurva);
          const n = jumlahPegawai(distribusi);
          return {
            unor: { id: r.id, nama: r.nama, jenis: r.jenis, parentId: r.parent_id },
            distribusi,
            n,
            belumFinal: r.belum_final,
            predikatOrganisasi: r.predikat,
            unitKecil: n < aturan.kurva.minimalPegawai,
            pelanggaran: hasil ? hasil.pelanggaran : [],
            ditetapkan: r.ditetapkan,
          };
        }),
      };
    },

    /**
     * The rating hasil kerja of an employee who heads a unit with an organisation predikat for the
     * period (SPEC §6.3), by the instansi's mapping, with the reason shown; null when none applies.
     * The realisasi service shows it as the suggestion and applies it when the ratings are saved.
     */
    async saranKepalaUnit(pegawaiId: number, instansiId: number, kode: string): Promise<SaranRating | null> {
      const [first] = await q.predikatOrganisasiKepala(db, pegawaiId, kode, await hariIni(instansiId));
      if (!first) return null;
      const rating = ratingDariPredikatOrganisasi(
        first.predikat,
        (await pengaturan.aturanKurva(instansiId)).pemetaan,
      );
      return {
        rating,
        alasan: `Pimpinan unit: predikat kinerja organisasi ${first.nama} ${PREDIKAT_ORGANISASI_LABEL[first.predikat]} menjadi rating hasil kerja ${RATING_LABEL[rating]}.`,
      };
    },
  };
}

export type KurvaService = ReturnType<typeof createKurvaService>;
