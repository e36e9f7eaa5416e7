/**
 * Monitoring dashboards (SPEC §8). The figures per OPD and period (with the curve breaches) are
 * pre-aggregated in rekap_opd_periode and the year's SKP status in rekap_skp_tahun, kept complete by
 * the scheduler (ADR 0022): at start-up in the background and hourly for the periods still changing
 * and any of this and last year's without a recap; an admin may refresh a period on demand. A read
 * only reads recaps — a year of a 100,000-employee instansi is a few hundred rows — and says when
 * they were computed, or that they are not yet ("belum dihitung"), never a figure of its own. One
 * OPD's units and its late list are live SQL over that OPD.
 *
 * The dashboards read the replica when there is one and it is current for the reader (ADR 0024).
 *
 * Who sees what: the BKD admin and the head of region (whoever heads the instansi's root unit,
 * definitively or as Plt/Plh) the whole instansi; an OPD admin their OPDs; anyone else nothing.
 */
import type { z } from 'zod';
import type {
  AksesOut,
  AngkaPengisian,
  KepatuhanOut,
  OpdOut,
  PerbaruiBody,
  RingkasanOut,
  TerlambatOut,
  TerlambatQuery,
  TrenOut,
} from '../../contracts/monitoring.js';
import type { BacaBerat, Db, Tx } from '../../db/client.js';
import {
  type JadwalConfig,
  labelPeriode,
  type Periode,
  periodeOf,
  prevYearMonth,
} from '../../domain/jadwal.js';
import {
  batasPeriode,
  jumlahTerlambat,
  kepatuhan,
  peringkat,
  periodeBerjalan,
  periodeTahun,
  persen,
  statusTerlambat,
} from '../../domain/monitoring.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { STATUS_SKP } from '../../domain/skp-workflow.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import { type JadwalService, resolvePeriode } from '../jadwal/jadwal.service.js';
import type { KurvaService } from '../kurva/kurva.service.js';
import * as q from './monitoring.queries.js';

type Meta = { requestId: string };
type StatusSkpCount = NonNullable<RingkasanOut['statusSkp']>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Sums recap rows into the figures of the contract. */
function angkaDari(found: q.Angka[], inputDitutup: boolean): AngkaPengisian {
  const t = {
    jumlah_pegawai: 0,
    skp_disetujui: 0,
    melapor: 0,
    tepat_waktu: 0,
    dinilai: 0,
    perlu_perbaikan: 0,
    diperbaiki: 0,
    sangat_baik: 0,
    baik: 0,
    butuh_perbaikan: 0,
    kurang: 0,
    sangat_kurang: 0,
  } satisfies q.Angka;
  for (const r of found) for (const k of Object.keys(t) as (keyof q.Angka)[]) t[k] += Number(r[k]);
  const dasar = { skpDisetujui: t.skp_disetujui, melapor: t.melapor, tepatWaktu: t.tepat_waktu };
  return {
    jumlahPegawai: t.jumlah_pegawai,
    ...dasar,
    dinilai: t.dinilai,
    perluPerbaikan: t.perlu_perbaikan,
    diperbaiki: t.diperbaiki,
    terlambat: jumlahTerlambat(dasar, inputDitutup),
    persenMelapor: persen(t.melapor, t.skp_disetujui),
    kepatuhan: kepatuhan(dasar),
    predikat: {
      SANGAT_BAIK: t.sangat_baik,
      BAIK: t.baik,
      BUTUH_PERBAIKAN: t.butuh_perbaikan,
      KURANG: t.kurang,
      SANGAT_KURANG: t.sangat_kurang,
    },
  };
}

function statusSkpKosong(): StatusSkpCount {
  return { DRAFT: 0, DIAJUKAN: 0, DISETUJUI: 0, DIKEMBALIKAN: 0, BELUM_ADA: 0 };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const item of items) {
    const list = m.get(key(item));
    if (list) list.push(item);
    else m.set(key(item), [item]);
  }
  return m;
}

/** The late list's cursor: the last row's name and id, base64url JSON. */
function parseCursor(cursor: string | undefined): { nama: string; id: number } | null {
  if (cursor === undefined) return null;
  try {
    const [nama, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof nama === 'string' && Number.isInteger(id)) return { nama, id: id as number };
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' }, 'Penanda halaman (cursor) tidak valid.');
}

const toCursor = (nama: string, id: number) => Buffer.from(JSON.stringify([nama, id])).toString('base64url');

/**
 * Reads the curve report as the tim penilai, who reads the whole instansi (SPEC §11): the job has no
 * user, and the breaches are counted per OPD and narrowed to each reader's OPDs when read.
 */
function pembacaKurva(instansiId: number): Actor {
  return {
    id: 0,
    nip: '',
    gelarDepan: null,
    nama: 'Rekap monitoring',
    gelarBelakang: null,
    instansiId,
    opdId: null,
    mustChangePassword: false,
    mustEnrolMfa: false,
    roles: [{ peran: 'TIM_PENILAI', opdId: null }],
  };
}

export function createMonitoringService({
  db,
  bacaBerat,
  clock,
  audit,
  jadwal,
  kurva,
}: {
  db: Db;
  bacaBerat: BacaBerat;
  clock: Clock;
  audit: AuditService;
  jadwal: Pick<JadwalService, 'config'>;
  kurva: Pick<KurvaService, 'laporan'>;
}) {
  async function konteks(instansiId: number) {
    const cfg = await jadwal.config(instansiId);
    const now = clock.now();
    return { cfg, now, tanggal: dateInZone(now, cfg.zonaWaktu) };
  }

  /** The period shown by default: the one whose windows run this month. */
  const periodeBawaan = (tanggal: string, cfg: JadwalConfig) =>
    periodeOf(prevYearMonth(tanggal.slice(0, 7)), cfg);

  /** The actor's view: the whole instansi (opdIds null) or their OPDs; 403 for anyone else. */
  async function lingkup(actor: Actor) {
    const k = await konteks(actor.instansiId);
    const instansi =
      hasRole(actor, 'ADMIN_INSTANSI') || (await q.kepalaInstansi(db, actor.id, actor.instansiId, k.tanggal));
    const opdIds = instansi ? null : adminOpdIds(actor);
    return { ...k, instansi, opdIds };
  }

  async function lingkupWajib(actor: Actor) {
    const l = await lingkup(actor);
    if (!l.instansi && l.opdIds!.length === 0)
      throw new AppError(
        'FORBIDDEN',
        undefined,
        'Monitoring hanya untuk admin BKD, admin OPD, dan kepala daerah.',
      );
    return l;
  }

  /** The OPD, when it is in the actor's view (404 outside the instansi, 403 outside the scope). */
  async function opdDalam(l: { opdIds: number[] | null }, instansiId: number, opdId: number) {
    const [opd] = await q.daftarOpd(db, instansiId, [opdId]);
    if (!opd) throw new AppError('NOT_FOUND', undefined, 'Perangkat daerah tidak ditemukan.');
    if (l.opdIds !== null && !l.opdIds.includes(opdId))
      throw new AppError('FORBIDDEN', undefined, 'Monitoring perangkat daerah ini di luar kewenangan Anda.');
    return opd;
  }

  function periodeDari(kode: string | undefined, k: { cfg: JadwalConfig; tanggal: string }) {
    return kode ? resolvePeriode(kode, k.cfg) : periodeBawaan(k.tanggal, k.cfg);
  }

  /** Units breaching the curve in the period, per OPD of the instansi (the heavy part of a refresh). */
  async function pelanggaranPerOpd(instansiId: number, periodeKode: string) {
    const [laporan, units] = await Promise.all([
      kurva.laporan(pembacaKurva(instansiId), periodeKode),
      q.opdUnit(db, instansiId),
    ]);
    const opdOf = new Map(units.map((u) => [u.id, u.opd_id]));
    const m = new Map<number, number>();
    for (const item of laporan.items) {
      const opdId = opdOf.get(item.unor.id);
      if (opdId == null || item.unitKecil || item.pelanggaran.length === 0) continue;
      m.set(opdId, (m.get(opdId) ?? 0) + 1);
    }
    return m;
  }

  /**
   * Recomputes the recap of one period for the whole instansi with its curve breaches; `lalu` runs
   * inside the same transaction (the year's SKP status, the admin's audit row). The curve is read
   * before the transaction opens (PGlite has one connection).
   */
  async function perbarui(
    instansiId: number,
    periode: Periode,
    k: { cfg: JadwalConfig; now: Date },
    lalu?: (tx: Tx, opd: number) => Promise<void>,
  ) {
    const perOpd = await pelanggaranPerOpd(instansiId, periode.kode);
    return db.transaction(async (tx) => {
      const opd = await q.perbaruiRekap(tx, {
        instansiId,
        periode,
        batasInput: batasPeriode(periode, k.cfg).input,
        now: k.now,
      });
      await q.simpanPelanggaran(tx, { instansiId, periodeKode: periode.kode, perOpd });
      await lalu?.(tx, opd);
      return opd;
    });
  }

  const terbaru = (found: { dihitung_at: string }[]) =>
    found.length ? iso(new Date(Math.max(...found.map((r) => new Date(r.dihitung_at).getTime())))) : null;

  /** The year's SKP status per OPD from its recap; null when the year has none yet. */
  async function statusSkpPerOpd(sumber: Db, instansiId: number, tahun: number, opdIds: number[] | null) {
    const found = await q.statusSkp(sumber, instansiId, tahun, opdIds);
    if (found.length === 0) return null;
    return new Map<number, StatusSkpCount>(
      found.map((r) => [
        r.opd_id,
        {
          DRAFT: r.draft,
          DIAJUKAN: r.diajukan,
          DISETUJUI: r.disetujui,
          DIKEMBALIKAN: r.dikembalikan,
          BELUM_ADA: r.belum_ada,
        },
      ]),
    );
  }

  /**
   * The scheduled refresh (hourly job, and once at start-up): the periods still changing, and every
   * period of this year and last year that has no recap yet (the dashboards' default period is last
   * month's), so no read finds one missing; then the SKP status of the years touched.
   */
  async function perbaruiBerjalan(instansiId: number) {
    const k = await konteks(instansiId);
    const tahun = Number(k.tanggal.slice(0, 4));
    const berjalan = periodeBerjalan(k.tanggal, k.cfg);
    const kode = new Set(berjalan.map((p) => p.kode));
    const duaTahun = [...periodeTahun(tahun - 1, k.tanggal, k.cfg), ...periodeTahun(tahun, k.tanggal, k.cfg)];
    const ada = await q.periodeTerekap(
      db,
      instansiId,
      duaTahun.map((p) => p.kode),
    );
    const periode = [...berjalan, ...duaTahun.filter((p) => !ada.has(p.kode) && !kode.has(p.kode))];
    for (const p of periode) await perbarui(instansiId, p, k);
    // This year last: its row marks the refresh done (bench/monitoring.ts waits for it).
    for (const th of [...new Set([...periode.map((p) => p.tahun), tahun])].sort())
      await db.transaction((tx) => q.perbaruiStatusSkp(tx, { instansiId, tahun: th, now: k.now }));
  }

  return {
    /** What the actor may see, for the menu and the filters (never 403). */
    async akses(actor: Actor): Promise<AksesOut> {
      const l = await lingkup(actor);
      const opd = l.instansi || l.opdIds!.length ? await q.daftarOpd(db, actor.instansiId, l.opdIds) : [];
      const periode = periodeBawaan(l.tanggal, l.cfg);
      return { instansi: l.instansi, opd, periodeBawaan: periode.kode, tahunBawaan: periode.tahun };
    },

    /**
     * The filling of one period per OPD, SKP status of its year, predikat and curve breaches, from the
     * recaps; without a recap of the period the figures are null ("belum dihitung").
     */
    async ringkasan(actor: Actor, kode: string | undefined): Promise<RingkasanOut> {
      const l = await lingkupWajib(actor);
      const periode = periodeDari(kode, l);
      const [found, skp] = await Promise.all([
        q.rekap(bacaBerat(actor.id), actor.instansiId, [periode.kode], l.opdIds),
        statusSkpPerOpd(bacaBerat(actor.id), actor.instansiId, periode.tahun, l.opdIds),
      ]);
      const batas = batasPeriode(periode, l.cfg);
      const inputDitutup = l.now > batas.input;
      const opd = found.map((r) => ({
        id: r.opd_id,
        nama: r.nama,
        angka: angkaDari([r], inputDitutup),
        statusSkp: skp?.get(r.opd_id) ?? null,
        unitMelanggar: r.unit_melanggar,
      }));
      const statusSkp = skp && statusSkpKosong();
      if (skp)
        for (const c of skp.values())
          for (const s of [...STATUS_SKP, 'BELUM_ADA'] as const) statusSkp![s] += c[s];
      return {
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        tahun: periode.tahun,
        dihitungAt: terbaru(found),
        batasInput: iso(batas.input),
        inputDitutup,
        statusSkp,
        total: found.length ? angkaDari(found, inputDitutup) : null,
        unitMelanggar: opd.some((o) => o.unitMelanggar === null)
          ? null
          : opd.reduce((n, o) => n + o.unitMelanggar!, 0),
        opd,
      };
    },

    /**
     * Kepatuhan pelaporan (e-Lapkin) per OPD per period of a year, ranked (the governor's view). The
     * year's share needs every closed period's recap: while one is missing it is null, unranked.
     */
    async kepatuhan(actor: Actor, tahun: number | undefined): Promise<KepatuhanOut> {
      const l = await lingkupWajib(actor);
      const th = tahun ?? periodeBawaan(l.tanggal, l.cfg).tahun;
      const periode = periodeTahun(th, l.tanggal, l.cfg);
      const ditutup = new Set(periode.filter((p) => l.now > batasPeriode(p, l.cfg).input).map((p) => p.kode));
      const found = await q.rekap(
        bacaBerat(actor.id),
        actor.instansiId,
        periode.map((p) => p.kode),
        l.opdIds,
      );
      const dihitung = new Map<string, string>();
      for (const r of groupBy(found, (r) => r.periode_kode).values())
        dihitung.set(r[0]!.periode_kode, terbaru(r)!);
      const lengkap = [...ditutup].every((kode) => dihitung.has(kode));
      const perOpd = [...groupBy(found, (r) => r.opd_id).values()].map((list) => {
        const byKode = new Map(list.map((r) => [r.periode_kode, r]));
        const jumlah = angkaDari(
          list.filter((r) => ditutup.has(r.periode_kode)),
          true,
        );
        return {
          id: list[0]!.opd_id,
          nama: list[0]!.nama,
          kepatuhan: lengkap ? jumlah.kepatuhan : null,
          perPeriode: periode.map((p) => {
            const r = byKode.get(p.kode);
            return { kode: p.kode, kepatuhan: r ? angkaDari([r], true).kepatuhan : null };
          }),
        };
      });
      return {
        tahun: th,
        periode: periode.map((p) => ({
          kode: p.kode,
          label: labelPeriode(p),
          ditutup: ditutup.has(p.kode),
          dihitungAt: dihitung.get(p.kode) ?? null,
        })),
        dihitungAt: terbaru(found),
        lengkap,
        opd: peringkat(perOpd),
      };
    },

    /** The figures of each period of a year, for the instansi (in scope) or one OPD; null without a recap. */
    async tren(actor: Actor, query: { tahun?: number; opdId?: number }): Promise<TrenOut> {
      const l = await lingkupWajib(actor);
      const opd = query.opdId === undefined ? null : await opdDalam(l, actor.instansiId, query.opdId);
      const th = query.tahun ?? periodeBawaan(l.tanggal, l.cfg).tahun;
      const periode = periodeTahun(th, l.tanggal, l.cfg);
      const found = await q.rekap(
        bacaBerat(actor.id),
        actor.instansiId,
        periode.map((p) => p.kode),
        opd ? [opd.id] : l.opdIds,
      );
      const byKode = groupBy(found, (r) => r.periode_kode);
      return {
        tahun: th,
        opd,
        dihitungAt: terbaru(found),
        items: periode.map((p) => {
          const list = byKode.get(p.kode);
          return {
            kode: p.kode,
            label: labelPeriode(p),
            dihitungAt: list ? terbaru(list) : null,
            angka: list ? angkaDari(list, l.now > batasPeriode(p, l.cfg).input) : null,
          };
        }),
      };
    },

    /** One OPD's units for a period, live. */
    async opd(actor: Actor, opdId: number, kode: string | undefined): Promise<OpdOut> {
      const l = await lingkupWajib(actor);
      const opd = await opdDalam(l, actor.instansiId, opdId);
      const periode = periodeDari(kode, l);
      const batas = batasPeriode(periode, l.cfg);
      const inputDitutup = l.now > batas.input;
      const units = await q.perUnit(bacaBerat(actor.id), {
        instansiId: actor.instansiId,
        opdId,
        periode,
        batasInput: batas.input,
      });
      return {
        opd,
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        batasInput: iso(batas.input),
        inputDitutup,
        total: angkaDari(units, inputDitutup),
        units: units.map((u) => ({
          unor: { id: u.id, nama: u.nama, jenis: u.jenis, parentId: u.parent_id },
          angka: angkaDari([u], inputDitutup),
        })),
      };
    },

    /** Who in the OPD is late for the period, by name, keyset-paginated. */
    async terlambat(
      actor: Actor,
      opdId: number,
      query: z.infer<typeof TerlambatQuery>,
    ): Promise<TerlambatOut> {
      const l = await lingkupWajib(actor);
      const opd = await opdDalam(l, actor.instansiId, opdId);
      const after = parseCursor(query.cursor);
      const periode = periodeDari(query.periode, l);
      const batas = batasPeriode(periode, l.cfg);
      const found = await q.terlambat(bacaBerat(actor.id), {
        instansiId: actor.instansiId,
        opdId,
        periode,
        batas,
        now: l.now,
        tanggal: l.tanggal,
        after,
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        opd,
        items: page.map((r) => {
          const terakhirDiajukan = r.terakhirDiajukan === null ? null : new Date(r.terakhirDiajukan);
          return {
            pegawai: {
              id: r.id,
              nip: r.nip,
              namaLengkap: namaLengkap(r),
              jabatanNama: r.jabatanNama,
              unorNama: r.unorNama,
            },
            penilai:
              r.penilaiId === null
                ? null
                : {
                    id: r.penilaiId,
                    namaLengkap: namaLengkap({
                      gelarDepan: r.penilaiGelarDepan,
                      nama: r.penilaiNama!,
                      gelarBelakang: r.penilaiGelarBelakang,
                    }),
                  },
            status: statusTerlambat(
              {
                rhk: r.rhk,
                diajukan: r.diajukan,
                terakhirDiajukan,
                menunggu: r.menunggu,
                menungguUlang: r.menungguUlang,
                perluPerbaikan: r.perluPerbaikan,
              },
              batas,
              l.now,
            ),
            rhk: r.rhk,
            diajukan: r.diajukan,
            menunggu: r.menunggu + r.menungguUlang,
            perluPerbaikan: r.perluPerbaikan,
            terakhirDiajukan: terakhirDiajukan?.toISOString() ?? null,
          };
        }),
        nextCursor: found.length > query.limit && last ? toCursor(last.nama, last.id) : null,
      };
    },

    /** "Perbarui data": recomputes the recap of a period for the whole instansi now (admins). */
    async perbaruiOleh(actor: Actor, body: z.infer<typeof PerbaruiBody>, meta: Meta) {
      const l = await lingkupWajib(actor);
      const periode = resolvePeriode(body.periode, l.cfg);
      const opd = await perbarui(actor.instansiId, periode, l, async (tx, n) => {
        await q.perbaruiStatusSkp(tx, { instansiId: actor.instansiId, tahun: periode.tahun, now: l.now });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'rekap_monitoring.perbarui',
          entity: 'rekap_opd_periode',
          entityId: periode.kode,
          after: { periodeKode: periode.kode, opd: n },
          requestId: meta.requestId,
        });
      });
      return { periode: periode.kode, dihitungAt: iso(l.now), opd };
    },

    perbaruiBerjalan,

    /** The scheduled refresh of every instansi (once at start-up, in the background). */
    async perbaruiSemua() {
      for (const { id } of await q.semuaInstansi(db)) await perbaruiBerjalan(id);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
