/**
 * PPPK paruh waktu (SPEC §12): the direct assessor records each quarter's evaluation of his paruh
 * waktu subordinates (predikat and contract advice) from their periodic results and makes it final
 * once the quarter is over and complete; the OPD/BKD admin reads the unit's quarter as a page and as
 * an XLSX for the contract extension decisions. The quarter is derived, never a period kind of its
 * own (ADR 0016).
 */
import type { Readable } from 'node:stream';
import type {
  BarisTriwulan,
  EvaluasiTriwulanView,
  LaporanTriwulanQuery,
  SimpanTriwulanBody,
  TriwulanQuery,
} from '../../contracts/pppk-paruh-waktu.js';
import type { Db } from '../../db/client.js';
import type { JadwalConfig } from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import {
  labelTriwulan,
  penolakanFinal,
  periodeTriwulan,
  REKOMENDASI_KONTRAK_LABEL,
  type RincianTriwulan,
  rincianTriwulan,
  STATUS_TRIWULAN_LABEL,
  salahIsian,
  type Triwulan,
  triwulanSelesai,
} from '../../domain/pppk-paruh-waktu.js';
import { PREDIKAT_PEGAWAI_LABEL } from '../../domain/predikat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { bacaKursorNama, kursorNama } from '../../platform/kursor.js';
import { XLSX_BATCH, type XlsxCell, xlsxStream } from '../../platform/xlsx-stream.js';
import type { AuditService } from '../audit/audit.service.js';
import { adminOpdIds, hasRole, type Relation } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import * as q from './pppk-paruh-waktu.queries.js';

interface Meta {
  requestId: string;
}

const KOSONG = '-';

/** The sheet's columns: the quarter's periods take the place of `periode` (one to three columns). */
function kolomXlsx(periode: { kode: string; label: string }[]) {
  return [
    { key: 'nip', header: 'NIP', width: 22, text: true },
    { key: 'nama', header: 'Nama', width: 36 },
    { key: 'jabatan', header: 'Jabatan', width: 36 },
    ...periode.map((p) => ({ key: p.kode, header: `Predikat ${p.label}`, width: 18 })),
    { key: 'predikat', header: 'Predikat Triwulan', width: 18 },
    { key: 'rekomendasi', header: 'Rekomendasi Kontrak', width: 28 },
    { key: 'status', header: 'Status', width: 18 },
    { key: 'kekurangan', header: 'Kekurangan', width: 48 },
  ];
}

export function createPppkParuhWaktuService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  jadwal: { config(instansiId: number): Promise<JadwalConfig> };
  relationOf(actorId: number, targetId: number, instansiId: number): Promise<Relation>;
}) {
  const { db, clock, audit } = deps;

  async function konteks(instansiId: number, t: TriwulanQuery) {
    const config = await deps.jadwal.config(instansiId);
    const triwulan = t.triwulan as Triwulan;
    const periode = periodeTriwulan(t.tahun, triwulan, config.periode) ?? [];
    return {
      ...t,
      triwulan,
      jenis: config.periode,
      hariIni: dateInZone(clock.now(), config.zonaWaktu),
      kode: periode.map((p) => p.kode),
      label: labelTriwulan(t.tahun, triwulan),
    };
  }
  type Konteks = Awaited<ReturnType<typeof konteks>>;

  /** One employee's quarter as listed, and its detail for the rules. */
  function baris(k: Konteks, r: q.BarisTriwulanRow): { out: BarisTriwulan; rincian: RincianTriwulan } {
    const rincian = rincianTriwulan(k.tahun, k.triwulan, k.jenis, r.hasil);
    const out: BarisTriwulan = {
      pegawaiId: r.id,
      nip: r.nip,
      namaLengkap: namaLengkap({ gelarDepan: r.gelar_depan, nama: r.nama, gelarBelakang: r.gelar_belakang }),
      jabatanNama: r.jabatan,
      opdNama: r.opd,
      periode: rincian.periode,
      predikat: r.predikat,
      rekomendasi: r.rekomendasi,
      status: r.status ?? 'BELUM',
      kekurangan: rincian.kekurangan,
    };
    return { out, rincian };
  }

  /** A page of the unit's quarter. */
  async function halaman(
    instansiId: number,
    k: Konteks,
    opdId: number,
    kunci: { nama: string; id: number } | null,
    limit: number,
  ) {
    const found = await q.barisTriwulan(db, { instansiId, cakupan: { opdId }, ...k, kunci, limit });
    const page = found.slice(0, limit);
    const last = page.at(-1);
    const berikut = found.length > limit && last ? { nama: last.nama, id: last.id } : null;
    return {
      items: page.map((r) => baris(k, r).out),
      berikut,
      nextCursor: berikut && kursorNama(berikut.nama, berikut.id),
    };
  }

  /** The OPD admin reads only his OPDs; the BKD admin any. */
  function bolehBacaOpd(actor: Actor, opdId: number) {
    if (!hasRole(actor, 'ADMIN_INSTANSI') && !adminOpdIds(actor).includes(opdId))
      throw new AppError('FORBIDDEN');
  }

  async function satu(actor: Actor, pegawaiId: number, k: Konteks) {
    const [r] = await q.barisTriwulan(db, {
      instansiId: actor.instansiId,
      cakupan: { pegawaiId },
      ...k,
      kunci: null,
      limit: 1,
    });
    if (!r) throw new AppError('BUKAN_PPPK_PARUH_WAKTU');
    return r;
  }

  async function pastikanPenilai(actor: Actor, pegawaiId: number) {
    if ((await deps.relationOf(actor.id, pegawaiId, actor.instansiId)) !== 'bawahan_langsung') {
      throw new AppError(
        'FORBIDDEN',
        undefined,
        'Hanya atasan langsung (pejabat penilai) pegawai ini yang mengisi evaluasi triwulannya.',
      );
    }
  }

  async function lihat(actor: Actor, pegawaiId: number, t: TriwulanQuery): Promise<EvaluasiTriwulanView> {
    const k = await konteks(actor.instansiId, t);
    const r = await satu(actor, pegawaiId, k);
    const { out, rincian } = baris(k, r);
    const isian = { predikat: r.predikat, alasanPerubahan: r.alasan_perubahan, rekomendasi: r.rekomendasi };
    const relasi = await deps.relationOf(actor.id, pegawaiId, actor.instansiId);
    return {
      label: k.label,
      tahun: k.tahun,
      triwulan: k.triwulan,
      baris: out,
      saran: rincian.saran,
      triwulanSelesai: triwulanSelesai(k.tahun, k.triwulan, k.hariIni),
      evaluasi:
        r.status === null
          ? null
          : {
              status: r.status,
              predikat: r.predikat,
              predikatSaran: r.predikat_saran,
              alasanPerubahan: r.alasan_perubahan,
              rekomendasi: r.rekomendasi,
              catatan: r.catatan,
              difinalkanAt: r.difinalkan_at === null ? null : new Date(r.difinalkan_at).toISOString(),
              version: r.version!,
            },
      penolakanFinal:
        r.status === 'FINAL' ? [] : penolakanFinal(k.tahun, k.triwulan, k.hariIni, rincian, isian),
      bolehMengisi: relasi === 'bawahan_langsung' && r.status !== 'FINAL',
    };
  }

  return {
    lihat,

    /** The actor's direct subordinates who are paruh waktu, with their quarter (the assessor's list). */
    async bawahan(actor: Actor, t: TriwulanQuery) {
      const k = await konteks(actor.instansiId, t);
      const found = await q.barisTriwulan(db, {
        instansiId: actor.instansiId,
        cakupan: { atasanId: actor.id, tanggal: k.hariIni },
        ...k,
        kunci: null,
        // A direct assessor has a handful of subordinates; the bound only keeps the answer finite.
        limit: 500,
      });
      return { label: k.label, items: found.slice(0, 500).map((r) => baris(k, r).out) };
    },

    async laporan(actor: Actor, query: LaporanTriwulanQuery) {
      bolehBacaOpd(actor, query.opdId);
      const k = await konteks(actor.instansiId, query);
      const page = await halaman(actor.instansiId, k, query.opdId, bacaKursorNama(query.cursor), query.limit);
      return { label: k.label, items: page.items, nextCursor: page.nextCursor };
    },

    /** The same report as an XLSX, streamed in keyset batches (refusals throw before anything is sent). */
    async unduh(actor: Actor, query: Omit<LaporanTriwulanQuery, 'cursor' | 'limit'>) {
      bolehBacaOpd(actor, query.opdId);
      const k = await konteks(actor.instansiId, query);
      const { periode } = rincianTriwulan(k.tahun, k.triwulan, k.jenis, []);
      async function* batches() {
        let kunci: { nama: string; id: number } | null = null;
        for (;;) {
          const page = await halaman(actor.instansiId, k, query.opdId, kunci, XLSX_BATCH);
          yield page.items.map(
            (b): Record<string, XlsxCell> => ({
              nip: b.nip,
              nama: b.namaLengkap,
              jabatan: b.jabatanNama ?? KOSONG,
              ...Object.fromEntries(
                b.periode.map((p) => [p.kode, p.predikat ? PREDIKAT_PEGAWAI_LABEL[p.predikat] : KOSONG]),
              ),
              predikat: b.predikat ? PREDIKAT_PEGAWAI_LABEL[b.predikat] : KOSONG,
              rekomendasi: b.rekomendasi ? REKOMENDASI_KONTRAK_LABEL[b.rekomendasi] : KOSONG,
              status: STATUS_TRIWULAN_LABEL[b.status],
              kekurangan: b.kekurangan.join('; ') || KOSONG,
            }),
          );
          if (page.berikut === null) return;
          kunci = page.berikut;
        }
      }
      const stream: Readable = xlsxStream({
        sheet: `PPPK PW TW${k.triwulan} ${k.tahun}`,
        columns: kolomXlsx(periode),
        batches: batches(),
      });
      return {
        filename: `PPPK-Paruh-Waktu-Triwulan-${k.triwulan}-${k.tahun}-OPD-${query.opdId}.xlsx`,
        stream,
      };
    },

    /** The assessor saves the draft: the predikat (the suggestion, or another with a reason), the advice. */
    async simpan(actor: Actor, pegawaiId: number, t: TriwulanQuery, body: SimpanTriwulanBody, meta: Meta) {
      await pastikanPenilai(actor, pegawaiId);
      const k = await konteks(actor.instansiId, t);
      const r = await satu(actor, pegawaiId, k);
      const { rincian } = baris(k, r);
      const isian: q.IsianRow = {
        predikat: body.predikat,
        predikatSaran: rincian.saran?.predikat ?? null,
        alasanPerubahan: body.alasanPerubahan || null,
        rekomendasi: body.rekomendasi,
        catatan: body.catatan || null,
      };
      const salah = salahIsian(rincian, isian);
      if (salah.length > 0) throw new AppError('VALIDATION_FAILED', { field: 'alasanPerubahan' }, salah[0]);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const before = await q.kunciEvaluasi(tx, pegawaiId, k.tahun, k.triwulan);
        let id: number;
        if (before) {
          if (before.status === 'FINAL') throw new AppError('EVALUASI_TRIWULAN_TERKUNCI');
          if (body.version !== before.version) throw new AppError('VERSION_CONFLICT');
          const row = await q.updateEvaluasi(tx, before.id, before.version, {
            ...isian,
            penilaiId: actor.id,
            at,
          });
          if (!row) throw new AppError('VERSION_CONFLICT');
          id = row.id;
        } else {
          if (body.version !== undefined) throw new AppError('VERSION_CONFLICT');
          const row = await q.insertEvaluasi(tx, {
            ...isian,
            instansiId: actor.instansiId,
            pegawaiId,
            tahun: k.tahun,
            triwulan: k.triwulan,
            penilaiId: actor.id,
            at,
          });
          if (!row) throw new AppError('VERSION_CONFLICT');
          id = row.id;
        }
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: r.opd_id,
          actorId: actor.id,
          action: before ? 'pppk_pw.evaluasi.ubah' : 'pppk_pw.evaluasi.buat',
          entity: 'evaluasi_triwulan_pppk',
          entityId: id,
          before: before ? { ...pick(before), version: before.version } : null,
          after: { tahun: k.tahun, triwulan: k.triwulan, ...isian },
          reason: isian.alasanPerubahan,
          requestId: meta.requestId,
        });
      });
      return lihat(actor, pegawaiId, t);
    },

    /** Final once the quarter is over, nothing is missing and the record is complete; locked after. */
    async finalkan(actor: Actor, pegawaiId: number, t: TriwulanQuery, version: number, meta: Meta) {
      await pastikanPenilai(actor, pegawaiId);
      const k = await konteks(actor.instansiId, t);
      const r = await satu(actor, pegawaiId, k);
      const { rincian } = baris(k, r);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const before = await q.kunciEvaluasi(tx, pegawaiId, k.tahun, k.triwulan);
        if (!before) {
          throw new AppError(
            'EVALUASI_TRIWULAN_BELUM_LENGKAP',
            undefined,
            'Simpan evaluasi triwulan terlebih dahulu.',
          );
        }
        if (before.status === 'FINAL') throw new AppError('EVALUASI_TRIWULAN_TERKUNCI');
        if (version !== before.version) throw new AppError('VERSION_CONFLICT');
        const alasan = penolakanFinal(k.tahun, k.triwulan, k.hariIni, rincian, before);
        if (alasan.length > 0) {
          throw new AppError('EVALUASI_TRIWULAN_BELUM_LENGKAP', { alasan }, alasan.join(' '));
        }
        const row = await q.finalkan(tx, before.id, before.version, actor.id, at);
        if (!row) throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: r.opd_id,
          actorId: actor.id,
          action: 'pppk_pw.evaluasi.final',
          entity: 'evaluasi_triwulan_pppk',
          entityId: before.id,
          before: { status: before.status, version: before.version },
          after: { status: 'FINAL', tahun: k.tahun, triwulan: k.triwulan, ...pick(before) },
          reason: null,
          requestId: meta.requestId,
        });
      });
      return lihat(actor, pegawaiId, t);
    },
  };
}

/** The recorded fields of a row, for the audit. */
function pick(r: q.IsianRow): q.IsianRow {
  return {
    predikat: r.predikat,
    predikatSaran: r.predikatSaran,
    alasanPerubahan: r.alasanPerubahan,
    rekomendasi: r.rekomendasi,
    catatan: r.catatan,
  };
}

export type PppkParuhWaktuService = ReturnType<typeof createPppkParuhWaktuService>;
