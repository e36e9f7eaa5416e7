/**
 * The schedule of the monthly cycle (SPEC §5.1, §6.1): the instansi's period and windows in its time
 * zone, the exceptions an admin opens for an employee or a unit, and whether an employee may write now.
 */
import type { z } from 'zod';
import type {
  BukaanBody,
  BukaanOut,
  BukaanPage,
  BukaanQuery,
  CabutBody,
  JadwalOut,
  JendelaOut,
  Tenggat,
} from '../../contracts/jadwal.js';
import type { Db } from '../../db/client.js';
import {
  bolehMenulis,
  formatYearMonth,
  type IzinMenulis,
  isYearMonth,
  type JadwalConfig,
  JENIS_JENDELA,
  JENIS_JENDELA_LABEL,
  type Jendela,
  type JenisJendela,
  type JenisPeriode,
  jendelaAktif,
  jendelaPeriode,
  labelPeriode,
  type Periode,
  periodeOf,
  periodeSebelumnya,
  singkatanZona,
} from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { hitungTenggat } from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import * as q from './jadwal.queries.js';

type Meta = { requestId: string };

/** An exception is a stopgap, not a second schedule: it ends within a month. */
const MAKS_HARI_BUKAAN = 31;
const DAY_MS = 86_400_000;

const KODE_PERIODE = /^(\d{4})-([QS])([1-4])$/;
const NAMA_JENIS_PERIODE: Record<JenisPeriode, string> = {
  BULANAN: 'bulanan',
  TRIWULANAN: 'triwulanan',
  SEMESTERAN: 'semesteran',
};

/**
 * A deadline as every page words it (domain/tenggat.ts hitungTenggat), counted in calendar days of
 * the instansi's zone at the server's now, never the browser's: the inbox and the window cards.
 */
export function tenggatDiZona(now: Date, zona: string, akhir: Date, mulai: Date | null = null): Tenggat {
  return {
    akhir: akhir.toISOString(),
    tanggalAkhir: dateInZone(akhir, zona),
    mulai: mulai?.toISOString() ?? null,
    ...hitungTenggat({
      now,
      hariIni: dateInZone(now, zona),
      akhir,
      hariAkhir: dateInZone(akhir, zona),
      mulai,
      hariMulai: mulai && dateInZone(mulai, zona),
    }),
  };
}

/**
 * The period a code names under the instansi's configuration: a month gives the period holding it
 * (a quarter when the instansi evaluates quarterly); a quarter or semester code must match its kind.
 */
export function resolvePeriode(kode: string, config: Pick<JadwalConfig, 'periode'>): Periode {
  if (isYearMonth(kode)) return periodeOf(kode, config);
  const m = KODE_PERIODE.exec(kode);
  const jenis: JenisPeriode = m?.[2] === 'Q' ? 'TRIWULANAN' : 'SEMESTERAN';
  const ke = Number(m?.[3]);
  if (!m || jenis !== config.periode || (jenis === 'SEMESTERAN' && ke > 2))
    throw new AppError(
      'VALIDATION_FAILED',
      { field: 'periodeKode' },
      `Periode '${kode}' tidak sesuai dengan periode penilaian instansi (${NAMA_JENIS_PERIODE[config.periode]}).`,
    );
  return periodeOf(formatYearMonth(Number(m[1]), ke * (jenis === 'TRIWULANAN' ? 3 : 6)), config);
}

/** The OPDs an admin acts for; null for the BKD (the whole instansi). */
function opdScope(actor: Actor): number[] | null {
  return hasRole(actor, 'ADMIN_INSTANSI') ? null : adminOpdIds(actor);
}

function inScope(actor: Actor, opdId: number | null): boolean {
  const opdIds = opdScope(actor);
  return opdIds === null || (opdId !== null && opdIds.includes(opdId));
}

function statusBukaan(row: { dicabutAt: Date | null; berakhir: Date }, now: Date): BukaanOut['status'] {
  if (row.dicabutAt) return 'DICABUT';
  return row.berakhir > now ? 'AKTIF' : 'BERAKHIR';
}

function toBukaanOut(row: q.BukaanRow, now: Date): BukaanOut {
  return {
    id: row.id,
    jenis: row.jenis,
    periodeKode: row.periodeKode,
    pegawai:
      row.pegawaiId === null
        ? null
        : {
            id: row.pegawaiId,
            nip: row.pegawaiNip!,
            namaLengkap: namaLengkap({
              gelarDepan: row.pegawaiGelarDepan,
              nama: row.pegawaiNama!,
              gelarBelakang: row.pegawaiGelarBelakang,
            }),
          },
    unor: row.unorId === null ? null : { id: row.unorId, nama: row.unorNama! },
    alasan: row.alasan,
    berakhir: row.berakhir.toISOString(),
    dibuatOleh: {
      id: row.pembuatId,
      namaLengkap: namaLengkap({
        gelarDepan: row.pembuatGelarDepan,
        nama: row.pembuatNama,
        gelarBelakang: row.pembuatGelarBelakang,
      }),
    },
    createdAt: row.createdAt.toISOString(),
    dicabutAt: row.dicabutAt?.toISOString() ?? null,
    status: statusBukaan(row, now),
  };
}

const periodeOut = (p: Periode) => ({ kode: p.kode, label: labelPeriode(p), mulai: p.mulai, akhir: p.akhir });

function jendelaOut(j: Jendela, now: Date, zonaWaktu: string): JendelaOut {
  return {
    jenis: j.jenis,
    label: JENIS_JENDELA_LABEL[j.jenis],
    periodeKode: j.periode.kode,
    mulai: j.mulai.toISOString(),
    akhir: j.akhir.toISOString(),
    tanggalMulai: dateInZone(j.mulai, zonaWaktu),
    tanggalAkhir: dateInZone(j.akhir, zonaWaktu),
    status: now < j.mulai ? 'BELUM_DIBUKA' : now <= j.akhir ? 'DIBUKA' : 'DITUTUP',
  };
}

export function createJadwalService({
  db,
  clock,
  audit,
  pengaturan,
  zonaWaktu,
}: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  pengaturan: Pick<PengaturanService, 'get'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  /** The instansi's schedule as the domain rules take it (settings row or SPEC defaults, plus its zone). */
  async function config(instansiId: number): Promise<JadwalConfig> {
    const [setting, zona] = await Promise.all([pengaturan.get(instansiId), zonaWaktu(instansiId)]);
    const { input, penilaian, perbaikan } = setting.jendela;
    return {
      periode: setting.periode,
      input: [input.mulai, input.akhir],
      penilaian: [penilaian.mulai, penilaian.akhir],
      perbaikan: [perbaikan.mulai, perbaikan.akhir],
      zonaWaktu: zona,
    };
  }

  async function pegawaiDenganBukaan(pegawaiId: number) {
    const p = await q.pegawaiDenganBukaan(db, pegawaiId, clock.now());
    if (!p) throw new AppError('NOT_FOUND', undefined, 'Pegawai tidak ditemukan.');
    return p;
  }

  async function bukaanOut(id: number) {
    const row = await q.findBukaan(db, id);
    if (!row) throw new AppError('NOT_FOUND', undefined, 'Bukaan jendela tidak ditemukan.');
    return toBukaanOut(row, clock.now());
  }

  return {
    config,

    /**
     * Whether the employee may write in each window of a period now (`periode`: a month, or the
     * instansi's period code): the regular window, or an exception opened for them or for their unit
     * or an ancestor unit. Revoked and ended exceptions do not count, so an exception closes by itself.
     * Two reads for all windows (one when the caller passes the schedule). Outside any transaction: call it before opening yours (PGlite has
     * one connection).
     */
    async izinJendela(
      pegawaiId: number,
      periode: string,
      /** The instansi's schedule when the caller has read it already. */
      cfg?: JadwalConfig,
    ): Promise<Record<JenisJendela, IzinMenulis>> {
      const { instansiId, bukaan } = await pegawaiDenganBukaan(pegawaiId);
      const c = cfg ?? (await config(instansiId));
      const target = resolvePeriode(periode, c);
      const now = clock.now();
      return Object.fromEntries(
        JENIS_JENDELA.map((jenis) => [jenis, bolehMenulis(now, jenis, target, c, bukaan)]),
      ) as Record<JenisJendela, IzinMenulis>;
    },

    /** The caller's schedule: the period, the window open now and those of the previous and current period. */
    async lihat(actor: Actor): Promise<JadwalOut> {
      const [cfg, { bukaan }] = await Promise.all([config(actor.instansiId), pegawaiDenganBukaan(actor.id)]);
      const now = clock.now();
      const berjalan = periodeOf(dateInZone(now, cfg.zonaWaktu).slice(0, 7), cfg);
      const jadwal = [periodeSebelumnya(berjalan, cfg), berjalan].map((periode) => ({
        ...periodeOut(periode),
        jendela: JENIS_JENDELA.map((jenis) =>
          jendelaOut(jendelaPeriode(jenis, periode, cfg), now, cfg.zonaWaktu),
        ),
      }));
      const aktif = jendelaAktif(now, cfg);
      return {
        sekarang: now.toISOString(),
        zonaWaktu: cfg.zonaWaktu,
        zona: singkatanZona(cfg.zonaWaktu),
        periode: cfg.periode,
        jendelaHari: {
          input: { mulai: cfg.input[0], akhir: cfg.input[1] },
          penilaian: { mulai: cfg.penilaian[0], akhir: cfg.penilaian[1] },
          perbaikan: { mulai: cfg.perbaikan[0], akhir: cfg.perbaikan[1] },
        },
        periodeBerjalan: periodeOut(berjalan),
        jendelaAktif: aktif && jendelaOut(aktif, now, cfg.zonaWaktu),
        jendelaBerikutnya:
          jadwal
            .flatMap((j) => j.jendela)
            .filter((j) => j.status === 'BELUM_DIBUKA')
            .sort((a, b) => a.mulai.localeCompare(b.mulai))[0] ?? null,
        jadwal,
        bukaanSaya: bukaan.map((b) => ({ ...b, berakhir: b.berakhir.toISOString() })),
      };
    },

    /** Exceptions of the instansi, newest first; an OPD admin sees those of their OPDs only. */
    async list(actor: Actor, query: z.infer<typeof BukaanQuery>): Promise<BukaanPage> {
      const before = query.cursor === undefined ? null : Number(query.cursor);
      if (before !== null && !(Number.isInteger(before) && before > 0))
        throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
      const found = await q.listBukaan(db, {
        instansiId: actor.instansiId,
        opdIds: opdScope(actor),
        periodeKode: query.periode,
        beforeId: before,
        limit: query.limit + 1,
      });
      const page = found.slice(0, query.limit);
      const now = clock.now();
      return {
        items: page.map((r) => toBukaanOut(r, now)),
        nextCursor: found.length > query.limit ? String(page.at(-1)!.id) : null,
      };
    },

    /** Opens a window for one employee or one unit (and the units below it) until `berakhir`. */
    async buka(actor: Actor, body: z.infer<typeof BukaanBody>, meta: Meta): Promise<BukaanOut> {
      const now = clock.now();
      const berakhir = new Date(body.berakhir);
      if (berakhir <= now)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'berakhir' },
          'Waktu berakhir bukaan harus setelah saat ini.',
        );
      if (berakhir.getTime() - now.getTime() > MAKS_HARI_BUKAAN * DAY_MS)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'berakhir' },
          `Bukaan jendela paling lama ${MAKS_HARI_BUKAAN} hari sejak dibuka.`,
        );
      const periode = resolvePeriode(body.periodeKode, await config(actor.instansiId));
      const sasaran =
        body.pegawaiId !== undefined
          ? await q.findPegawaiUnit(db, body.pegawaiId)
          : await q.findUnor(db, body.unorId!);
      if (!sasaran || sasaran.instansiId !== actor.instansiId)
        throw new AppError(
          'NOT_FOUND',
          undefined,
          body.pegawaiId !== undefined ? 'Pegawai tidak ditemukan.' : 'Unor tidak ditemukan.',
        );
      if (!inScope(actor, sasaran.opdId)) throw new AppError('FORBIDDEN');

      const values = {
        instansiId: actor.instansiId,
        jenis: body.jenis,
        periodeKode: periode.kode,
        pegawaiId: body.pegawaiId ?? null,
        unorId: body.unorId ?? null,
        alasan: body.alasan,
        berakhir,
        dibuatOlehId: actor.id,
        createdAt: now,
      };
      const id = await db.transaction(async (tx) => {
        const id = await q.insertBukaan(tx, values);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: sasaran.opdId,
          actorId: actor.id,
          action: 'jadwal.buka',
          entity: 'bukaan_jendela',
          entityId: id,
          after: {
            jenis: values.jenis,
            periodeKode: values.periodeKode,
            pegawaiId: values.pegawaiId,
            unorId: values.unorId,
            berakhir: berakhir.toISOString(),
          },
          reason: body.alasan,
          requestId: meta.requestId,
        });
        return id;
      });
      return bukaanOut(id);
    },

    /** Closes an exception before its end; one already ended or revoked cannot be revoked again. */
    async cabut(actor: Actor, id: number, body: z.infer<typeof CabutBody>, meta: Meta): Promise<BukaanOut> {
      const row = await q.findBukaan(db, id);
      if (!row || row.instansiId !== actor.instansiId)
        throw new AppError('NOT_FOUND', undefined, 'Bukaan jendela tidak ditemukan.');
      if (!inScope(actor, row.opdId)) throw new AppError('FORBIDDEN');
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await q.cabutBukaan(tx, id, now, actor.id))) throw new AppError('BUKAAN_TIDAK_AKTIF');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: row.opdId,
          actorId: actor.id,
          action: 'jadwal.cabut',
          entity: 'bukaan_jendela',
          entityId: id,
          before: { berakhir: row.berakhir.toISOString(), dicabutAt: null },
          after: { dicabutAt: now.toISOString() },
          reason: body.alasan ?? null,
          requestId: meta.requestId,
        });
      });
      return bukaanOut(id);
    },
  };
}

export type JadwalService = ReturnType<typeof createJadwalService>;
