/**
 * Compliance per day of progres harian (SPEC §12, issue 15; ADR 0017). Who sees what: the BKD admin
 * and the head of region the instansi, an OPD admin his OPDs (the monitoring's scope), an assessor
 * the team he assesses that month; the route lets an employee read only his own calendar. The TPP
 * computation reads each employee's month of a finished month through `untukTpp`.
 */
import type {
  KalenderKepatuhanOut,
  KepatuhanOpdOut,
  KepatuhanPegawaiListOut,
  KepatuhanPegawaiQuery,
} from '../../contracts/kepatuhan-harian.js';
import type { BacaBerat, Db } from '../../db/client.js';
import { labelPeriode, periodeOf } from '../../domain/jadwal.js';
import { STATUS_KEHADIRAN_LABEL } from '../../domain/kehadiran.js';
import {
  type AturanKepatuhanHarian,
  alasanKepatuhanBelumLengkap,
  HARI_KALENDER_KE_DEPAN,
  hariBulanKepatuhan,
  hitungJumlah,
  type JumlahKepatuhan,
  namaTenggat,
  persenPatuh,
  STATUS_KEPATUHAN_LABEL,
  statusHari,
  uraianAturan,
} from '../../domain/kepatuhan-harian.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { tanggalBulan } from '../../domain/progres-harian.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { bacaKursorNama, kursorNama } from '../../platform/kursor.js';
import type { Actor } from '../auth/actor.js';
import type { JadwalService } from '../jadwal/jadwal.service.js';
import type { KehadiranService } from '../kehadiran/kehadiran.service.js';
import type { MonitoringService } from '../monitoring/monitoring.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import type { RealisasiService } from '../realisasi/realisasi.service.js';
import * as q from './kepatuhan-harian.queries.js';

const tambahHari = (tanggal: string, n: number) =>
  new Date(Date.parse(`${tanggal}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const jumlahOut = (r: q.JumlahRow) => {
  const j: JumlahKepatuhan = {
    tepatWaktu: r.tepat_waktu,
    terlambat: r.terlambat,
    tidakAda: r.tidak_ada,
    belumJatuhTempo: r.belum_jatuh_tempo,
    dikecualikan: r.dikecualikan,
  };
  return { ...j, persenPatuh: persenPatuh(j) };
};

export function createKepatuhanHarianService(deps: {
  db: Db;
  /** The per-OPD and per-employee lists read where heavy reads go (ADR 0024). */
  bacaBerat: BacaBerat;
  clock: Clock;
  jadwal: Pick<JadwalService, 'config'>;
  pengaturan: Pick<PengaturanService, 'get'>;
  kehadiran: Pick<KehadiranService, 'kalender'>;
  monitoring: Pick<MonitoringService, 'akses'>;
  realisasi: Pick<RealisasiService, 'bawahan'>;
}) {
  const { db, bacaBerat, clock } = deps;

  /** The rule, the month's days with their deadlines (holidays read far enough ahead), the zone. */
  async function konteks(instansiId: number, bulanDiminta: string | undefined) {
    const [cfg, p] = await Promise.all([deps.jadwal.config(instansiId), deps.pengaturan.get(instansiId)]);
    const now = clock.now();
    const bulan = bulanDiminta ?? dateInZone(now, cfg.zonaWaktu).slice(0, 7);
    const tanggal = tanggalBulan(bulan);
    const kal = await deps.kehadiran.kalender(
      instansiId,
      tanggal[0]!,
      tambahHari(tanggal.at(-1)!, HARI_KALENDER_KE_DEPAN),
    );
    const aturan: AturanKepatuhanHarian = p.kepatuhanHarian;
    const hari = hariBulanKepatuhan(
      bulan,
      aturan,
      { jamKerja: kal.jamKerja, libur: new Set(kal.libur.keys()) },
      cfg.zonaWaktu,
    );
    return {
      now,
      bulan,
      zonaWaktu: cfg.zonaWaktu,
      aturan,
      libur: kal.libur,
      hari,
      kerja: hari.flatMap((h) =>
        h.tenggat ? [{ tanggal: h.tanggal, tenggat: h.tenggat.toISOString() }] : [],
      ),
      kepala: {
        bulan,
        label: labelPeriode(periodeOf(bulan, { periode: 'BULANAN' })),
        aktif: aturan.aktif,
        aturan,
        ketentuan: uraianAturan(aturan, cfg.zonaWaktu),
      },
    };
  }

  /** Whose days the actor sees this month; 403 for whoever sees none. */
  async function cakupan(actor: Actor, bulan: string) {
    const akses = await deps.monitoring.akses(actor);
    if (akses.instansi) return { jenis: 'INSTANSI' as const, opdIds: null, pegawaiIds: null };
    if (akses.opd.length > 0)
      return { jenis: 'OPD' as const, opdIds: akses.opd.map((o) => o.id), pegawaiIds: null };
    const { items } = await deps.realisasi.bawahan(actor, bulan);
    if (items.length > 0)
      return { jenis: 'TIM' as const, opdIds: null, pegawaiIds: items.map((i) => i.pegawaiId) };
    throw new AppError(
      'FORBIDDEN',
      undefined,
      'Kepatuhan progres harian hanya untuk admin BKD, admin OPD, kepala daerah, dan pejabat penilai timnya.',
    );
  }

  /** The month's context when the band may judge it: the rule on and every deadline passed. */
  async function siapTpp(instansiId: number, bulan: string) {
    const k = await konteks(instansiId, bulan);
    if (!k.aturan.aktif)
      throw new AppError(
        'VALIDATION_FAILED',
        { field: 'bulan' },
        `TPP bulan ${bulan} belum dapat dihitung: potongan kepatuhan progres harian aktif pada parameter TPP, tetapi aturan kepatuhan progres harian instansi tidak aktif. Aktifkan aturannya di Pengaturan atau matikan potongannya.`,
      );
    const belum = alasanKepatuhanBelumLengkap(k.hari, k.now, k.zonaWaktu);
    if (belum)
      throw new AppError(
        'VALIDATION_FAILED',
        { field: 'bulan' },
        `TPP bulan ${bulan} belum dapat dihitung: ${belum}`,
      );
    return k;
  }

  return {
    /** The month per OPD of the actor's scope (an assessor: his team, grouped by OPD). */
    async perOpd(actor: Actor, bulan: string | undefined): Promise<KepatuhanOpdOut> {
      const k = await konteks(actor.instansiId, bulan);
      const c = await cakupan(actor, k.bulan);
      if (!k.aturan.aktif) return { ...k.kepala, cakupan: c.jenis, total: null, items: [] };
      const found = await q.perOpd(bacaBerat(actor.id), {
        instansiId: actor.instansiId,
        hari: k.kerja,
        now: k.now,
        cakupan: c,
      });
      const sum = (f: (r: (typeof found)[number]) => number) => found.reduce((n, r) => n + f(r), 0);
      return {
        ...k.kepala,
        cakupan: c.jenis,
        total: {
          ...jumlahOut({
            tepat_waktu: sum((r) => r.tepat_waktu),
            terlambat: sum((r) => r.terlambat),
            tidak_ada: sum((r) => r.tidak_ada),
            belum_jatuh_tempo: sum((r) => r.belum_jatuh_tempo),
            dikecualikan: sum((r) => r.dikecualikan),
          }),
          jumlahPegawai: sum((r) => r.jumlah_pegawai),
        },
        items: found.map((r) => ({
          ...jumlahOut(r),
          opdId: r.opd_id,
          opdNama: r.opd_nama ?? 'Tanpa OPD',
          jumlahPegawai: r.jumlah_pegawai,
        })),
      };
    },

    /** The month per employee of the actor's scope, optionally one OPD of it (403 outside it). */
    async perPegawai(actor: Actor, query: KepatuhanPegawaiQuery): Promise<KepatuhanPegawaiListOut> {
      const { bulan, opdId, limit } = query;
      const setelah = bacaKursorNama(query.cursor);
      const k = await konteks(actor.instansiId, bulan);
      const c = await cakupan(actor, k.bulan);
      if (opdId !== undefined && c.opdIds !== null && !c.opdIds.includes(opdId))
        throw new AppError('FORBIDDEN', undefined, 'Perangkat daerah ini di luar kewenangan Anda.');
      if (!k.aturan.aktif) return { ...k.kepala, items: [], nextCursor: null };
      const found = await q.perPegawai(bacaBerat(actor.id), {
        instansiId: actor.instansiId,
        hari: k.kerja,
        now: k.now,
        cakupan: c,
        ...(opdId !== undefined && { opdId }),
        // One more than the page: whether another follows.
        halaman: { setelah, batas: limit + 1 },
      });
      const page = found.slice(0, limit);
      const last = page.at(-1);
      return {
        ...k.kepala,
        nextCursor: found.length > limit && last ? kursorNama(last.nama, last.pegawai_id) : null,
        items: page.map((r) => ({
          ...jumlahOut(r),
          pegawaiId: r.pegawai_id,
          nip: r.nip,
          namaLengkap: namaLengkap({
            gelarDepan: r.gelar_depan,
            nama: r.nama,
            gelarBelakang: r.gelar_belakang,
          }),
          jabatanNama: r.jabatan_nama,
        })),
      };
    },

    /** One employee's month, a day each (the route decides who may read it). */
    async kalender(
      actor: Actor,
      pegawaiId: number,
      bulan: string | undefined,
    ): Promise<KalenderKepatuhanOut> {
      const k = await konteks(actor.instansiId, bulan);
      const p = await q.pegawaiOf(db, actor.instansiId, pegawaiId);
      if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
      const pegawai = {
        id: p.id,
        nip: p.nip,
        namaLengkap: namaLengkap({
          gelarDepan: p.gelar_depan,
          nama: p.nama,
          gelarBelakang: p.gelar_belakang,
        }),
      };
      if (!k.aturan.aktif) return { ...k.kepala, pegawai, jumlah: null, hari: [] };
      const fakta = await q.faktaPegawai(db, pegawaiId, k.hari[0]!.tanggal, k.hari.at(-1)!.tanggal);
      const entri = new Map(
        fakta.entri.map((e) => [e.tanggal, e.pertama === null ? null : new Date(e.pertama)]),
      );
      const izin = new Map(fakta.izin.map((i) => [i.tanggal, i.status]));
      const hari = k.hari.map((h) => {
        const dikecualikan = izin.get(h.tanggal) ?? null;
        const status = statusHari(
          {
            hariKerja: h.hariKerja,
            dikecualikan,
            entri: entri.has(h.tanggal) ? { pertama: entri.get(h.tanggal) ?? null } : null,
            tenggat: h.tenggat,
          },
          k.now,
        );
        const pertama = entri.get(h.tanggal) ?? null;
        return {
          tanggal: h.tanggal,
          status,
          label: STATUS_KEPATUHAN_LABEL[status],
          tenggat: h.tenggat ? namaTenggat(h.tenggat, k.zonaWaktu) : null,
          pertamaDicatat: pertama ? pertama.toISOString() : null,
          keterangan: dikecualikan ? STATUS_KEHADIRAN_LABEL[dikecualikan] : (k.libur.get(h.tanggal) ?? null),
        };
      });
      const jumlah = hitungJumlah(hari.map((h) => h.status));
      return { ...k.kepala, pegawai, jumlah: { ...jumlah, persenPatuh: persenPatuh(jumlah) }, hari };
    },

    /** Refuses a month the band cannot judge yet (before any job is started). */
    async periksaUntukTpp(instansiId: number, bulan: string) {
      await siapTpp(instansiId, bulan);
    },

    /**
     * Every employee's late and missing days of a finished month, for the TPP band: refused while the
     * rule is off (the band would silently count nothing) or a day's deadline has not passed.
     */
    async untukTpp(instansiId: number, bulan: string) {
      const k = await siapTpp(instansiId, bulan);
      const found = await q.perPegawai(db, {
        instansiId,
        hari: k.kerja,
        now: k.now,
        cakupan: { opdIds: null, pegawaiIds: null },
      });
      return {
        ketentuan: k.kepala.ketentuan,
        per: new Map(
          found.map((r) => [
            r.pegawai_id,
            { terlambat: r.terlambat, tidakAda: r.tidak_ada, dikecualikan: r.dikecualikan },
          ]),
        ),
      };
    },
  };
}

export type KepatuhanHarianService = ReturnType<typeof createKepatuhanHarianService>;
