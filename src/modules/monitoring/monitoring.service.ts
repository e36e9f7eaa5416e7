/**
 * Monitoring dashboards (SPEC §8). The figures per OPD and period are pre-aggregated in
 * rekap_opd_periode: refreshed by the hourly job for the periods still changing, by an admin on
 * demand, and lazily when a requested period has none — so a year of a 100,000-employee instansi
 * reads a few hundred rows. One OPD's units and its late list are live SQL over that OPD.
 *
 * The dashboards read the replica when there is one and it is current for the reader (ADR 0024);
 * a request that had to compute a recap reads it back from the primary, where it wrote it.
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
import type { BacaBerat, Db } from '../../db/client.js';
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
type StatusSkpCount = RingkasanOut['statusSkp'];

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

/** Entries of the in-process caches kept at most; keys carry the recap's time, so stale ones are never read. */
const BATAS_CACHE = 64;

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
  // Figures outside the recap table (SKP status of the year, curve breaches) computed once per recap.
  const cache = new Map<string, Promise<unknown>>();
  function memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let hit = cache.get(key) as Promise<T> | undefined;
    if (!hit) {
      if (cache.size >= BATAS_CACHE) cache.delete(cache.keys().next().value!);
      hit = compute();
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  }

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

  async function perbarui(instansiId: number, periode: Periode, cfg: JadwalConfig, now: Date) {
    return db.transaction((tx) =>
      q.perbaruiRekap(tx, { instansiId, periode, batasInput: batasPeriode(periode, cfg).input, now }),
    );
  }

  /** Lazily computes the periods that `sumber` has no recap of; true when it computed one. */
  async function pastikanRekap(
    sumber: Db,
    instansiId: number,
    periode: Periode[],
    k: { cfg: JadwalConfig; now: Date },
  ) {
    const ada = await q.periodeTerekap(
      sumber,
      instansiId,
      periode.map((p) => p.kode),
    );
    const kurang = periode.filter((p) => !ada.has(p.kode));
    for (const p of kurang) await perbarui(instansiId, p, k.cfg, k.now);
    return kurang.length > 0;
  }

  /** Where the actor's dashboard reads its recaps, each of the periods having one. */
  async function rekapSiap(actor: Actor, periode: Periode[], k: { cfg: JadwalConfig; now: Date }) {
    const baca = bacaBerat(actor.id);
    return (await pastikanRekap(baca, actor.instansiId, periode, k)) ? db : baca;
  }

  const terbaru = (found: { dihitung_at: string }[]) =>
    found.length ? iso(new Date(Math.max(...found.map((r) => new Date(r.dihitung_at).getTime())))) : null;

  /** SKP status per OPD for the year, instansi-wide, once per recap. */
  function statusSkpPerOpd(sumber: Db, instansiId: number, tahun: number, dihitungAt: string) {
    return memo(`skp:${instansiId}:${tahun}:${dihitungAt}`, async () => {
      const m = new Map<number | null, StatusSkpCount>();
      for (const r of await q.statusSkp(sumber, instansiId, tahun, null)) {
        const c = m.get(r.opd_id) ?? statusSkpKosong();
        c[r.status] += r.n;
        m.set(r.opd_id, c);
      }
      return m;
    });
  }

  /**
   * Units breaching the curve per OPD, instansi-wide, once per recap. The kurva service narrows its
   * report by the reader's role, so it is read as the tim penilai (who reads the whole instansi,
   * SPEC §11) and narrowed here to the actor's OPDs.
   */
  function pelanggaranPerOpd(sumber: Db, actor: Actor, periodeKode: string, dihitungAt: string) {
    return memo(`kurva:${actor.instansiId}:${periodeKode}:${dihitungAt}`, async () => {
      const pembaca: Actor = { ...actor, roles: [{ peran: 'TIM_PENILAI', opdId: null }] };
      const [laporan, units] = await Promise.all([
        kurva.laporan(pembaca, periodeKode),
        q.opdUnit(sumber, actor.instansiId),
      ]);
      const opdOf = new Map(units.map((u) => [u.id, u.opd_id]));
      const m = new Map<number, number>();
      for (const item of laporan.items) {
        const opdId = opdOf.get(item.unor.id);
        if (opdId == null || item.unitKecil || item.pelanggaran.length === 0) continue;
        m.set(opdId, (m.get(opdId) ?? 0) + 1);
      }
      return m;
    });
  }

  return {
    /** What the actor may see, for the menu and the filters (never 403). */
    async akses(actor: Actor): Promise<AksesOut> {
      const l = await lingkup(actor);
      const opd = l.instansi || l.opdIds!.length ? await q.daftarOpd(db, actor.instansiId, l.opdIds) : [];
      const periode = periodeBawaan(l.tanggal, l.cfg);
      return { instansi: l.instansi, opd, periodeBawaan: periode.kode, tahunBawaan: periode.tahun };
    },

    /** The filling of one period per OPD, SKP status of its year, predikat and curve breaches. */
    async ringkasan(actor: Actor, kode: string | undefined): Promise<RingkasanOut> {
      const l = await lingkupWajib(actor);
      const periode = periodeDari(kode, l);
      const sumber = await rekapSiap(actor, [periode], l);
      const found = await q.rekap(sumber, actor.instansiId, [periode.kode], l.opdIds);
      const dihitungAt = terbaru(found) ?? iso(l.now);
      const batas = batasPeriode(periode, l.cfg);
      const inputDitutup = l.now > batas.input;
      const [skp, langgar] = await Promise.all([
        statusSkpPerOpd(sumber, actor.instansiId, periode.tahun, dihitungAt),
        pelanggaranPerOpd(sumber, actor, periode.kode, dihitungAt),
      ]);
      const opd = found.map((r) => ({
        id: r.opd_id,
        nama: r.nama,
        angka: angkaDari([r], inputDitutup),
        statusSkp: skp.get(r.opd_id) ?? statusSkpKosong(),
        unitMelanggar: langgar.get(r.opd_id) ?? 0,
      }));
      const statusSkp = statusSkpKosong();
      for (const o of opd)
        for (const s of [...STATUS_SKP, 'BELUM_ADA'] as const) statusSkp[s] += o.statusSkp[s];
      return {
        periode: { kode: periode.kode, label: labelPeriode(periode) },
        tahun: periode.tahun,
        dihitungAt,
        batasInput: iso(batas.input),
        inputDitutup,
        statusSkp,
        total: angkaDari(found, inputDitutup),
        unitMelanggar: opd.reduce((n, o) => n + o.unitMelanggar, 0),
        opd,
      };
    },

    /** Kepatuhan pelaporan (e-Lapkin) per OPD per period of a year, ranked (the governor's view). */
    async kepatuhan(actor: Actor, tahun: number | undefined): Promise<KepatuhanOut> {
      const l = await lingkupWajib(actor);
      const th = tahun ?? periodeBawaan(l.tanggal, l.cfg).tahun;
      const periode = periodeTahun(th, l.tanggal, l.cfg);
      const sumber = await rekapSiap(actor, periode, l);
      const ditutup = new Set(periode.filter((p) => l.now > batasPeriode(p, l.cfg).input).map((p) => p.kode));
      const found = await q.rekap(
        sumber,
        actor.instansiId,
        periode.map((p) => p.kode),
        l.opdIds,
      );
      const perOpd = [...groupBy(found, (r) => r.opd_id).values()].map((list) => {
        const byKode = new Map(list.map((r) => [r.periode_kode, r]));
        const jumlah = angkaDari(
          list.filter((r) => ditutup.has(r.periode_kode)),
          true,
        );
        return {
          id: list[0]!.opd_id,
          nama: list[0]!.nama,
          kepatuhan: jumlah.kepatuhan,
          perPeriode: periode.map((p) => {
            const r = byKode.get(p.kode);
            return { kode: p.kode, kepatuhan: r ? angkaDari([r], true).kepatuhan : null };
          }),
        };
      });
      return {
        tahun: th,
        periode: periode.map((p) => ({ kode: p.kode, label: labelPeriode(p), ditutup: ditutup.has(p.kode) })),
        dihitungAt: terbaru(found),
        opd: peringkat(perOpd),
      };
    },

    /** The figures of each period of a year, for the instansi (in scope) or one OPD. */
    async tren(actor: Actor, query: { tahun?: number; opdId?: number }): Promise<TrenOut> {
      const l = await lingkupWajib(actor);
      const opd = query.opdId === undefined ? null : await opdDalam(l, actor.instansiId, query.opdId);
      const th = query.tahun ?? periodeBawaan(l.tanggal, l.cfg).tahun;
      const periode = periodeTahun(th, l.tanggal, l.cfg);
      const sumber = await rekapSiap(actor, periode, l);
      const found = await q.rekap(
        sumber,
        actor.instansiId,
        periode.map((p) => p.kode),
        opd ? [opd.id] : l.opdIds,
      );
      const byKode = groupBy(found, (r) => r.periode_kode);
      return {
        tahun: th,
        opd,
        dihitungAt: terbaru(found),
        items: periode.map((p) => ({
          kode: p.kode,
          label: labelPeriode(p),
          angka: angkaDari(byKode.get(p.kode) ?? [], l.now > batasPeriode(p, l.cfg).input),
        })),
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
      const opd = await db.transaction(async (tx) => {
        const n = await q.perbaruiRekap(tx, {
          instansiId: actor.instansiId,
          periode,
          batasInput: batasPeriode(periode, l.cfg).input,
          now: l.now,
        });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'rekap_monitoring.perbarui',
          entity: 'rekap_opd_periode',
          entityId: periode.kode,
          after: { periodeKode: periode.kode, opd: n },
          requestId: meta.requestId,
        });
        return n;
      });
      return { periode: periode.kode, dihitungAt: iso(l.now), opd };
    },

    /**
     * The scheduled refresh (pengingat job): the periods still changing, for one instansi; and the
     * year's earlier periods that have no recap yet, so the year's first read does not compute them.
     */
    async perbaruiBerjalan(instansiId: number) {
      const k = await konteks(instansiId);
      for (const p of periodeBerjalan(k.tanggal, k.cfg)) await perbarui(instansiId, p, k.cfg, k.now);
      await pastikanRekap(db, instansiId, periodeTahun(Number(k.tanggal.slice(0, 4)), k.tanggal, k.cfg), k);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
