/**
 * TPP (SPEC §7.1). Who does what:
 * - The BKD admin edits the instansi's parameters, computes a month (a draft, recomputed at will)
 *   and approves it; an approved month is frozen with the parameters it was computed with.
 * - OPD admins read the months, lines and export of their OPDs; an employee reads his own line.
 */
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import type {
  ParameterTppBody,
  ParameterTppOut,
  SetujuiBody,
  TppBarisDetail,
  TppBarisPage,
  TppBarisQuery,
  TppBulanList,
  TppBulanOut,
  TppSayaOut,
} from '../../contracts/tpp.js';
import type { BacaBerat, Db } from '../../db/client.js';
import { type JadwalConfig, labelPeriode, parseYearMonth, periodeOf } from '../../domain/jadwal.js';
import { hariKerjaBulan, JAM_KERJA_BAKU, menitDariJam } from '../../domain/kehadiran.js';
import { namaLengkap } from '../../domain/pegawai.js';
import {
  adaKekurangan,
  alasanBulanBelumSelesai,
  alasanTolakPersetujuan,
  hariBelumDiimpor,
  hitungTpp,
  type KekuranganBulan,
  PARAMETER_TPP_BAKU,
  type ParameterTpp,
  type RingkasanTpp,
  tahunEvaluasiWajib,
  validasiParameterTpp,
} from '../../domain/tpp.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { bacaKursorNama, kursorNama } from '../../platform/kursor.js';
import type { AuditService } from '../audit/audit.service.js';
import { hasRole, listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { JadwalService } from '../jadwal/jadwal.service.js';
import type { KepatuhanHarianService } from '../kepatuhan-harian/kepatuhan-harian.service.js';
import type { KonteksPekerjaan, PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import { barisOut, xlsxBulan } from './tpp.ekspor.js';
import * as q from './tpp.queries.js';
import * as rq from './tpp-ringkasan.queries.js';

/**
 * `log` receives the computation's size and time (the route hands it the request logger);
 * `kemajuan` the lines written so far, when the computation runs as a job (ADR 0011).
 */
type Meta = {
  requestId: string;
  log?: (info: Record<string, unknown>) => void;
  kemajuan?: KonteksPekerjaan['kemajuan'];
};

const iso = (d: Date | string) => new Date(d).toISOString();

/** The month's gaps from its per-OPD counts (all OPDs: approval is for the whole instansi). */
function kekuranganOf(m: q.BulanRow, opd: { menunggu_penilaian: number; belum_diimpor: number }[]) {
  return {
    hariBelumDiimpor: m.belumDiimpor.reduce((n, o) => n + o.tanggal.length, 0),
    pegawaiBelumDiimpor: opd.reduce((n, o) => n + o.belum_diimpor, 0),
    menungguPenilaian: opd.reduce((n, o) => n + o.menunggu_penilaian, 0),
  } satisfies KekuranganBulan;
}

/** The explained lines, rendered from the stored ringkasan with the month's parameter snapshot. */
const detailOut = (
  r: q.BarisRow & { ringkasan: RingkasanTpp },
  m: { bulan: string; status: 'DRAF' | 'DISETUJUI'; dasarHukum: string | null; parameter: ParameterTpp },
): TppBarisDetail => ({
  ...barisOut(r),
  bulan: m.bulan,
  status: m.status,
  dasarHukum: m.dasarHukum,
  rincian: hitungTpp(m.parameter, r.ringkasan).rincian,
});

/** Lines computed and written this many at a time, so 100,000 explanations never sit in memory at once. */
const BATCH_BARIS = 2000;

interface PegawaiBulan {
  pegawaiId: number;
  opdId: number | null;
  jabatanNama: string;
  ringkasan: RingkasanTpp;
}

function barisBaru(parameter: ParameterTpp, e: PegawaiBulan): q.BarisBaru {
  const h = hitungTpp(parameter, e.ringkasan);
  return {
    pegawai_id: e.pegawaiId,
    opd_id: e.opdId,
    kelas_jabatan: e.ringkasan.kelasJabatan,
    dasar: h.dasar,
    produktivitas: h.produktivitas,
    disiplin: h.disiplin,
    jumlah: h.jumlah,
    ditahan: h.ditahan,
    rincian: {
      ringkasan: e.ringkasan,
      potonganPersen: h.potonganPersen,
      menungguPenilaian: h.menungguPenilaian,
      jabatanNama: e.jabatanNama,
    },
  };
}

export function createTppService({
  db,
  bacaBerat,
  clock,
  audit,
  jadwal,
  pekerjaan,
  kepatuhanHarian,
}: {
  db: Db;
  bacaBerat: BacaBerat;
  clock: Clock;
  audit: AuditService;
  jadwal: Pick<JadwalService, 'config'>;
  pekerjaan: Pick<PekerjaanService, 'mulai' | 'ekspor'>;
  kepatuhanHarian: Pick<KepatuhanHarianService, 'untukTpp' | 'periksaUntukTpp'>;
}) {
  async function parameterOf(instansiId: number) {
    const row = await q.findParameter(db, instansiId);
    return {
      parameter: row?.parameter ?? PARAMETER_TPP_BAKU,
      dasarHukum: row?.dasarHukum ?? null,
      version: row?.version ?? null,
      updatedAt: row ? iso(row.updatedAt) : null,
    };
  }

  async function bulanOf(actor: Actor, bulan: string) {
    const m = await q.findBulan(db, actor.instansiId, bulan);
    if (!m) throw new AppError('NOT_FOUND', undefined, `TPP bulan ${bulan} belum dihitung.`);
    return m;
  }

  /**
   * The month's payroll workbook for the actor (a missing month refuses before any file or job); its
   * lines are read where his heavy reads go, chosen before a job's own row is written (ADR 0024).
   */
  async function ekspor(actor: Actor, bulan: string) {
    const m = await bulanOf(actor, bulan);
    const { opdIds } = listScope(actor);
    const sumber = bacaBerat(actor.id);
    return {
      m,
      opdIds,
      sumber,
      tulis: (onRows?: (written: number) => void) => ({
        filename: `TPP-${bulan}${m.status === 'DRAF' ? '-DRAF' : ''}.xlsx`,
        stream: xlsxBulan(sumber, m, opdIds, onRows),
      }),
    };
  }

  async function bulanOut(actor: Actor, m: q.BulanRow): Promise<TppBulanOut> {
    const { opdIds } = listScope(actor);
    const [opd, orang] = await Promise.all([
      q.perOpd(db, m, opdIds),
      q.orang(db, [m.dihitungOlehId, ...(m.disetujuiOlehId ? [m.disetujuiOlehId] : [])]),
    ]);
    const nama = (id: number) => ({ id, namaLengkap: namaLengkap(orang.find((o) => o.id === id)!) });
    const namaOpd = (id: number | null) => opd.find((o) => o.opd_id === id)?.opd_nama ?? 'Tanpa OPD';
    const belumDiimpor = m.belumDiimpor.filter((o) => opdIds === null || opdIds.includes(o.opdId ?? -1));
    const admin = hasRole(actor, 'ADMIN_INSTANSI');
    const draf = m.status === 'DRAF';
    return {
      bulan: m.bulan,
      status: m.status,
      hariKerja: m.hariKerja,
      jumlahPegawai: opdIds === null ? m.jumlahPegawai : opd.reduce((n, o) => n + o.jumlah_pegawai, 0),
      total: opdIds === null ? Number(m.total) : opd.reduce((n, o) => n + Number(o.total), 0),
      parameter: m.parameter,
      dasarHukum: m.dasarHukum,
      dihitungOleh: nama(m.dihitungOlehId),
      dihitungAt: iso(m.dihitungAt),
      disetujuiOleh: m.disetujuiOlehId ? nama(m.disetujuiOlehId) : null,
      disetujuiAt: m.disetujuiAt ? iso(m.disetujuiAt) : null,
      version: m.version,
      perOpd: opd.map((o) => ({
        opdId: o.opd_id,
        opdNama: o.opd_nama ?? 'Tanpa OPD',
        jumlahPegawai: o.jumlah_pegawai,
        ditahan: o.ditahan,
        ditahanEvaluasi: o.ditahan_evaluasi,
        menungguPenilaian: o.menunggu_penilaian,
        pegawaiBelumDiimpor: o.belum_diimpor,
        total: Number(o.total),
      })),
      kekurangan: {
        ...kekuranganOf({ ...m, belumDiimpor }, opd),
        belumDiimpor: belumDiimpor.map((o) => ({ ...o, opdNama: namaOpd(o.opdId) })),
        ditahanEvaluasi: opd.reduce((n, o) => n + o.ditahan_evaluasi, 0),
      },
      alasanPersetujuan: m.alasanPersetujuan,
      hak: { hitung: admin && draf, setujui: admin && draf },
    };
  }

  /** The month may be (re)computed: it is over and not approved. */
  async function bolehHitung(actor: Actor, bulan: string) {
    const cfg = await jadwal.config(actor.instansiId);
    const belumSelesai = alasanBulanBelumSelesai(bulan, dateInZone(clock.now(), cfg.zonaWaktu));
    if (belumSelesai) throw new AppError('VALIDATION_FAILED', { field: 'bulan' }, belumSelesai);
    const existing = await q.findBulan(db, actor.instansiId, bulan);
    if (existing?.status === 'DISETUJUI') throw new AppError('TPP_SUDAH_DISETUJUI');
    const { parameter } = await parameterOf(actor.instansiId);
    if (parameter.kepatuhanHarian) await kepatuhanHarian.periksaUntukTpp(actor.instansiId, bulan);
    return { cfg, existing };
  }

  /** Every employee's month aggregated from the data as it stands now, with the parameters' bands. */
  async function ringkasanSemua(
    instansiId: number,
    bulan: string,
    parameter: ParameterTpp,
    cfg: Pick<JadwalConfig, 'periode'>,
  ) {
    const { tahun } = parseYearMonth(bulan);
    const periode = periodeOf(bulan, cfg);
    const [jam, libur] = await Promise.all([
      rq.jamKerja(db, instansiId),
      rq.hariLibur(db, instansiId, bulan),
    ]);
    const hariKerja = hariKerjaBulan(bulan, jam ?? JAM_KERJA_BAKU, new Set(libur)).map((h) => ({
      tanggal: h.tanggal,
      masuk: menitDariJam(h.jam.masuk) ?? 0,
      pulang: menitDariJam(h.jam.pulang) ?? 0,
    }));
    const tanggal = hariKerja.map((h) => h.tanggal);
    const tahunWajib = tahunEvaluasiWajib(parameter, bulan);
    // The band is opt-in (ADR 0017): without it the month's figures are as before the rule existed.
    const kepatuhan = parameter.kepatuhanHarian ? await kepatuhanHarian.untukTpp(instansiId, bulan) : null;
    const [found, tercatat, belumFinal] = await Promise.all([
      rq.ringkasanBulan(db, {
        instansiId,
        tahun,
        periodeKode: periode.kode,
        hariKerja,
        tepiTerlambat: parameter.pitaTerlambat.map((p) => p.dariMenit),
        tepiPulangCepat: parameter.pitaPulangCepat.map((p) => p.dariMenit),
        realisasi:
          parameter.dasarProduktivitas === 'REALISASI'
            ? { mulai: periode.mulai, akhir: periode.akhir }
            : null,
      }),
      rq.opdHariTercatat(db, instansiId, tanggal),
      tahunWajib === null ? [] : q.tahunanBelumFinal(db, instansiId, tahunWajib),
    ]);
    const statusTahunan = new Map(belumFinal.map((e) => [e.pegawai_id, e.status]));
    const belumDiimpor = hariBelumDiimpor(
      tanggal,
      found.map((r) => r.opd_id),
      tercatat,
    );
    const kosong = new Map(belumDiimpor.map((o) => [o.opdId, o.tanggal.length]));
    const periodeLabel = labelPeriode(periode);
    const semua = found.map(
      (r): PegawaiBulan => ({
        pegawaiId: r.pegawai_id,
        opdId: r.opd_id,
        jabatanNama: r.jabatan_nama,
        ringkasan: {
          kelasJabatan: r.kelas_jabatan,
          predikat: r.predikat,
          ...(r.sumber_predikat && { sumberPredikat: r.sumber_predikat }),
          periodeLabel,
          tahun,
          skpDisetujui: r.skp_disetujui,
          hariKerja: hariKerja.length,
          terlambat: r.terlambat ?? [],
          pulangCepat: r.pulang_cepat ?? [],
          // Days nobody of the OPD has a record for are not imported, never absence.
          tanpaKeterangan: Math.max(0, hariKerja.length - (kosong.get(r.opd_id) ?? 0) - r.tercatat),
          belumDiimpor: kosong.get(r.opd_id) ?? 0,
          dikecualikan: { DINAS_LUAR: r.dinas_luar, CUTI: r.cuti, SAKIT: r.sakit, IZIN: r.izin },
          apelTerlewat: r.apel_terlewat,
          ...(kepatuhan && {
            kepatuhanHarian: {
              ...(kepatuhan.per.get(r.pegawai_id) ?? { terlambat: 0, tidakAda: 0, dikecualikan: 0 }),
              ketentuan: kepatuhan.ketentuan,
            },
          }),
          ...(parameter.dasarProduktivitas === 'REALISASI' && {
            realisasi: {
              rhk: r.rhk ?? 0,
              diterima: r.diterima ?? 0,
              perluPerbaikan: r.perlu_perbaikan ?? 0,
              menungguPenilai: r.menunggu_penilai ?? 0,
            },
          }),
          ...(tahunWajib !== null &&
            statusTahunan.has(r.pegawai_id) && {
              tahunanBelumFinal: { tahun: tahunWajib, status: statusTahunan.get(r.pegawai_id) ?? null },
            }),
        },
      }),
    );
    return { hariKerja: hariKerja.length, semua, belumDiimpor };
  }

  const service = {
    async parameter(actor: Actor): Promise<ParameterTppOut> {
      return parameterOf(actor.instansiId);
    },

    async simpanParameter(
      actor: Actor,
      body: z.infer<typeof ParameterTppBody>,
      meta: Meta,
    ): Promise<ParameterTppOut> {
      const salah = validasiParameterTpp(body.parameter);
      if (salah.length > 0) throw new AppError('VALIDATION_FAILED', { pesan: salah }, salah.join(' '));
      const existing = await q.findParameter(db, actor.instansiId);
      if (existing ? body.version !== existing.version : body.version !== undefined)
        throw new AppError('VERSION_CONFLICT');
      const values = { parameter: body.parameter, dasarHukum: body.dasarHukum || null };
      await db.transaction(async (tx) => {
        const ok = existing
          ? await q.updateParameterIfVersion(tx, actor.instansiId, existing.version, values)
          : await q.insertParameter(tx, actor.instansiId, values);
        if (!ok) throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'tpp_parameter.ubah',
          entity: 'tpp_parameter',
          entityId: actor.instansiId,
          before: existing
            ? { parameter: existing.parameter, dasarHukum: existing.dasarHukum }
            : { parameter: PARAMETER_TPP_BAKU, dasarHukum: null },
          after: values,
          requestId: meta.requestId,
        });
      });
      return parameterOf(actor.instansiId);
    },

    async daftarBulan(actor: Actor): Promise<TppBulanList> {
      const found = await q.listBulan(db, actor.instansiId);
      return { items: found.map((m) => ({ ...m, total: Number(m.total) })) };
    },

    async bulan(actor: Actor, bulan: string): Promise<TppBulanOut> {
      return bulanOut(actor, await bulanOf(actor, bulan));
    },

    /**
     * Computes (or recomputes, while a draft) the month for every active employee with a position,
     * with the instansi's current parameters, which the month keeps as its snapshot.
     */
    async hitung(actor: Actor, bulan: string, meta: Meta): Promise<TppBulanOut> {
      const { cfg, existing } = await bolehHitung(actor, bulan);
      const { parameter, dasarHukum } = await parameterOf(actor.instansiId);
      const mulai = performance.now();
      meta.kemajuan?.(0, null, 'Mengumpulkan kehadiran, predikat, dan realisasi pegawai');
      const { hariKerja, semua, belumDiimpor } = await ringkasanSemua(
        actor.instansiId,
        bulan,
        parameter,
        cfg,
      );
      const values = {
        parameter,
        belumDiimpor,
        dasarHukum,
        hariKerja,
        jumlahPegawai: semua.length,
        total: 0, // set once the lines are written
        dihitungOlehId: actor.id,
        dihitungAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        const id = existing
          ? (await q.updateDrafIfVersion(tx, existing.id, existing.version, values))
            ? existing.id
            : null
          : await q.insertBulan(tx, actor.instansiId, bulan, values);
        if (id === null) throw new AppError('VERSION_CONFLICT');
        if (existing) await q.deleteBaris(tx, { id, bulan });
        meta.kemajuan?.(0, semua.length, 'Menghitung dan menyimpan baris TPP');
        for (let i = 0; i < semua.length; i += BATCH_BARIS) {
          const baris = semua.slice(i, i + BATCH_BARIS).map((e) => barisBaru(parameter, e));
          values.total += baris.reduce((n, b) => n + b.jumlah, 0);
          await q.insertBaris(tx, { id, bulan }, baris);
          meta.kemajuan?.(i + baris.length);
        }
        await q.setTotal(tx, id, values.total);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: existing ? 'tpp_bulan.hitung_ulang' : 'tpp_bulan.hitung',
          entity: 'tpp_bulan',
          entityId: id,
          before: existing && { jumlahPegawai: existing.jumlahPegawai, total: Number(existing.total) },
          after: {
            bulan,
            hariKerja,
            jumlahPegawai: values.jumlahPegawai,
            total: values.total,
            dasarHukum,
            belumDiimpor,
          },
          requestId: meta.requestId,
        });
      });
      meta.log?.({ bulan, jumlahPegawai: semua.length, ms: Math.round(performance.now() - mulai) });
      return bulanOut(actor, await bulanOf(actor, bulan));
    },

    /**
     * The same computation as a job the admin may leave (ADR 0011): refusals (month not over,
     * approved) answer at once; then 202 with the job, whose progress counts the lines written.
     */
    async hitungLatar(actor: Actor, bulan: string, meta: Meta): Promise<PekerjaanOut> {
      await bolehHitung(actor, bulan);
      return pekerjaan.mulai(
        actor,
        {
          jenis: 'TPP_HITUNG',
          judul: `Hitung TPP ${labelPeriode(periodeOf(bulan, { periode: 'BULANAN' }))}`,
          kunci: `TPP_HITUNG:${bulan}`,
        },
        async (ctx) => {
          await service.hitung(actor, bulan, { ...meta, kemajuan: ctx.kemajuan });
          return { tautan: `/tpp?bulan=${bulan}` };
        },
      );
    },

    /**
     * The BKD approves a draft as read (version); from then on it never changes. While attendance is
     * not imported or predikat are pending, only with a stated reason, kept on the month and audited.
     */
    async setujui(
      actor: Actor,
      bulan: string,
      body: z.infer<typeof SetujuiBody>,
      meta: Meta,
    ): Promise<TppBulanOut> {
      const m = await bulanOf(actor, bulan);
      if (m.status === 'DISETUJUI') throw new AppError('TPP_SUDAH_DISETUJUI');
      if (m.version !== body.version) throw new AppError('VERSION_CONFLICT');
      const kekurangan = kekuranganOf(m, await q.perOpd(db, m, null));
      const tolak = alasanTolakPersetujuan(kekurangan, body.alasan);
      if (tolak) throw new AppError('TPP_BELUM_LENGKAP', kekurangan, tolak);
      const alasan = adaKekurangan(kekurangan) ? body.alasan!.trim() : null;
      await db.transaction(async (tx) => {
        if (!(await q.setujuiIfVersion(tx, m.id, body.version, actor.id, clock.now(), alasan)))
          throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'tpp_bulan.setujui',
          entity: 'tpp_bulan',
          entityId: m.id,
          before: { status: 'DRAF' },
          after: {
            bulan,
            status: 'DISETUJUI',
            jumlahPegawai: m.jumlahPegawai,
            total: Number(m.total),
            ...(alasan && { kekurangan, alasan }),
          },
          requestId: meta.requestId,
        });
      });
      return bulanOut(actor, await bulanOf(actor, bulan));
    },

    async baris(actor: Actor, bulan: string, query: z.infer<typeof TppBarisQuery>): Promise<TppBarisPage> {
      const m = await bulanOf(actor, bulan);
      const found = await q.barisPage(db, {
        m,
        instansiId: actor.instansiId,
        opdIds: listScope(actor).opdIds,
        opdId: query.opdId,
        catatan: query.catatan,
        q: query.q,
        cursor: bacaKursorNama(query.cursor),
        limit: query.limit,
      });
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(barisOut),
        nextCursor: found.length > query.limit && last ? kursorNama(last.nama, last.pegawai_id) : null,
      };
    },

    /** One employee's line with its explanation (the route checks self / OPD / instansi). */
    async barisPegawai(actor: Actor, bulan: string, pegawaiId: number): Promise<TppBarisDetail> {
      const m = await bulanOf(actor, bulan);
      const r = await q.barisPegawai(db, m, pegawaiId);
      if (!r)
        throw new AppError('NOT_FOUND', undefined, `Pegawai ini tidak memiliki baris TPP bulan ${bulan}.`);
      return detailOut(r, m);
    },

    async saya(actor: Actor): Promise<TppSayaOut> {
      const found = await q.barisSaya(db, actor.instansiId, actor.id);
      return {
        items: found.map((r) =>
          detailOut(r, {
            bulan: r.bulan,
            status: r.status,
            dasarHukum: r.dasar_hukum,
            parameter: r.parameter,
          }),
        ),
      };
    },

    /** The payroll workbook of the month (the OPD admin's: his OPDs); a missing month is an ordinary error. */
    async xlsx(actor: Actor, bulan: string): Promise<{ filename: string; stream: Readable }> {
      return (await ekspor(actor, bulan)).tulis();
    },

    /**
     * The same workbook as a job the admin may leave (ADR 0011): a missing month answers at once;
     * the job's rows are the month's lines and the totals row.
     */
    async xlsxLatar(actor: Actor, bulan: string): Promise<PekerjaanOut> {
      const e = await ekspor(actor, bulan);
      return pekerjaan.ekspor(actor, {
        judul: `Ekspor TPP ${labelPeriode(periodeOf(bulan, { periode: 'BULANAN' }))}`,
        jumlah: async () => (await q.jumlahBaris(e.sumber, e.m, e.opdIds)) + 1,
        tulis: e.tulis,
      });
    },
  };
  return service;
}

export type TppService = ReturnType<typeof createTppService>;
