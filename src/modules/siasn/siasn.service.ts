/**
 * The bridge to the national system (SIASN, SPEC §12). The BKD sets it up per instansi (off by
 * default; secrets sealed and never shown back; every change audited). A final evaluation enqueues
 * its message in the transaction that made it final (the periodic and annual services call
 * `antrekan`), only while the bridge is on. The job (siasn.cron.ts, or "Kirim sekarang") claims due
 * messages, sends each with the mapping in force, records every attempt's answer and decides from
 * it (domain/siasn.ts): sent, failed for good, or tried again later with a growing wait.
 */
import type { z } from 'zod';
import type {
  HasilKirimSiasn,
  PengaturanSiasnBody,
  PengaturanSiasnOut,
  PercobaanSiasnOut,
  PesanSiasnPage,
  PesanSiasnQuery,
} from '../../contracts/siasn.js';
import type { Db, Tx } from '../../db/client.js';
import { namaLengkap } from '../../domain/pegawai.js';
import {
  bodySiasn,
  ENDPOINT_SIASN,
  type FaktaSiasn,
  type JenisPesanSiasn,
  kekuranganPemetaan,
  kunciPesanSiasn,
  type PemetaanSiasn,
  periodeDariKode,
  putusanKirim,
} from '../../domain/siasn.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { JawabanSiasn, KredensialSiasn, SiasnClient } from './siasn.client.js';
import * as q from './siasn.queries.js';
import type { SiasnKunci } from './siasn-kunci.js';

/** The advisory-lock key of the sending job (any constant shared by every instance). */
export const KUNCI_SIASN = 7_310_012;
/** Messages claimed per run, and how long a claim lasts if its runner dies. */
const BATAS_KLAIM = 50;
const KLAIM_MS = 10 * 60_000;

type Meta = { requestId: string };

const PEMETAAN_KOSONG: PengaturanSiasnOut['pemetaan'] = {
  hasilKinerja: { DI_ATAS_EKSPEKTASI: '', SESUAI_EKSPEKTASI: '', DI_BAWAH_EKSPEKTASI: '' },
  perilakuKerja: { DI_ATAS_EKSPEKTASI: '', SESUAI_EKSPEKTASI: '', DI_BAWAH_EKSPEKTASI: '' },
  kuadran: { SANGAT_BAIK: '', BAIK: '', BUTUH_PERBAIKAN: '', KURANG: '', SANGAT_KURANG: '' },
  koefisien: { SANGAT_BAIK: '', BAIK: '', BUTUH_PERBAIKAN: '', KURANG: '', SANGAT_KURANG: '' },
  periodik: { BULANAN: '', TRIWULANAN: '', SEMESTERAN: '' },
};

function pengaturanOut(row: q.PengaturanRow | null): PengaturanSiasnOut {
  const p = row?.pemetaan ?? {};
  return {
    aktif: row?.aktif ?? false,
    baseUrl: row?.baseUrl ?? '',
    tokenUrl: row?.tokenUrl ?? '',
    clientId: row?.clientId ?? '',
    ssoTokenUrl: row?.ssoTokenUrl ?? '',
    ssoClientId: row?.ssoClientId ?? '',
    ssoUsername: row?.ssoUsername ?? '',
    pemetaan: {
      hasilKinerja: { ...PEMETAAN_KOSONG.hasilKinerja, ...p.hasilKinerja },
      perilakuKerja: { ...PEMETAAN_KOSONG.perilakuKerja, ...p.perilakuKerja },
      kuadran: { ...PEMETAAN_KOSONG.kuadran, ...p.kuadran },
      koefisien: { ...PEMETAAN_KOSONG.koefisien, ...p.koefisien },
      periodik: { ...PEMETAAN_KOSONG.periodik, ...p.periodik },
    },
    adaClientSecret: row?.clientSecretSegel != null,
    adaSsoPassword: row?.ssoPasswordSegel != null,
    version: row?.version ?? 1,
  };
}

/** What must be filled before the bridge may be turned on. */
function kekurangan(b: z.infer<typeof PengaturanSiasnBody>, adaSecret: boolean, adaPassword: boolean) {
  const wajib = {
    baseUrl: b.baseUrl,
    tokenUrl: b.tokenUrl,
    clientId: b.clientId,
    ssoTokenUrl: b.ssoTokenUrl,
  };
  return [
    ...Object.entries({ ...wajib, ssoClientId: b.ssoClientId, ssoUsername: b.ssoUsername })
      .filter(([, v]) => v === '')
      .map(([k]) => k),
    ...(adaSecret ? [] : ['clientSecret']),
    ...(adaPassword ? [] : ['ssoPassword']),
    ...kekuranganPemetaan(b.pemetaan).map((k) => `pemetaan.${k}`),
  ];
}

const ringkas = (teks: string | null | undefined) => (teks ? teks.slice(0, 1000) : null);

export function createSiasnService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  client: SiasnClient;
  kunci: SiasnKunci;
}) {
  const { db, clock, audit, client, kunci } = deps;
  const ikatan = (instansiId: number, nama: string) => `siasn:${instansiId}:${nama}`;

  function kredensial(row: q.PengaturanRow): KredensialSiasn {
    return {
      kunciCache: `${row.instansiId}:${row.version}`,
      baseUrl: row.baseUrl,
      tokenUrl: row.tokenUrl,
      clientId: row.clientId,
      clientSecret: kunci.buka(row.clientSecretSegel!, ikatan(row.instansiId, 'clientSecret')),
      ssoTokenUrl: row.ssoTokenUrl,
      ssoClientId: row.ssoClientId,
      ssoUsername: row.ssoUsername,
      ssoPassword: kunci.buka(row.ssoPasswordSegel!, ikatan(row.instansiId, 'ssoPassword')),
    };
  }

  async function simpan(actor: Actor, body: z.infer<typeof PengaturanSiasnBody>, meta: Meta) {
    const { instansiId } = actor;
    const row = await db.transaction(async (tx) => {
      const lama = await q.findPengaturan(tx, instansiId);
      if (body.version !== (lama?.version ?? 1)) throw new AppError('VERSION_CONFLICT');
      const segel = (nilai: string | undefined, nama: string, tersimpan: string | null | undefined) =>
        nilai ? kunci.segel(nilai, ikatan(instansiId, nama)) : (tersimpan ?? null);
      const clientSecretSegel = segel(body.clientSecret, 'clientSecret', lama?.clientSecretSegel);
      const ssoPasswordSegel = segel(body.ssoPassword, 'ssoPassword', lama?.ssoPasswordSegel);
      if (body.aktif) {
        const kurang = kekurangan(body, clientSecretSegel !== null, ssoPasswordSegel !== null);
        if (kurang.length > 0)
          throw new AppError(
            'SIASN_BELUM_LENGKAP',
            { kurang },
            `Pengaturan SIASN belum lengkap (${kurang.join(', ')}); jembatan tidak dapat diaktifkan.`,
          );
      }
      const { clientSecret: _s, ssoPassword: _p, version, ...isian } = body;
      const baru = await q.simpanPengaturan(tx, instansiId, version, {
        ...isian,
        clientSecretSegel,
        ssoPasswordSegel,
        updatedAt: clock.now(),
      });
      if (!baru) throw new AppError('VERSION_CONFLICT');
      const { version: _v1, ...sebelum } = pengaturanOut(lama);
      const { version: _v2, ...sesudah } = pengaturanOut(baru);
      await audit.record(tx, {
        instansiId,
        actorId: actor.id,
        action: 'siasn.pengaturan',
        entity: 'pengaturan_siasn',
        entityId: instansiId,
        before: lama ? sebelum : null,
        // Which secrets were replaced, never their values.
        after: {
          ...sesudah,
          clientSecretDiganti: !!body.clientSecret,
          ssoPasswordDiganti: !!body.ssoPassword,
        },
        requestId: meta.requestId,
      });
      return baru;
    });
    return pengaturanOut(row);
  }

  /**
   * Enqueues a final evaluation in the caller's transaction, when the bridge is on: the facts as they
   * stand now (the national codes are applied when sending, so a corrected mapping applies to a resend).
   */
  async function antrekan(tx: Tx, instansiId: number, jenis: JenisPesanSiasn, sumberId: number) {
    const pengaturan = await q.findPengaturan(tx, instansiId);
    if (!pengaturan?.aktif) return null;
    const f = jenis === 'SKP22' ? await q.faktaTahunan(tx, sumberId) : await q.faktaPeriodik(tx, sumberId);
    const fakta: FaktaSiasn = {
      ratingHasilKerja: f.ratingHasilKerja,
      ratingPerilaku: f.ratingPerilaku,
      predikat: f.predikat,
      tahun: f.tahun,
      penilai: {
        nama: namaLengkap({
          gelarDepan: f.penilaiGelarDepan,
          nama: f.penilaiNama,
          gelarBelakang: f.penilaiGelarBelakang,
        }),
        nip: f.penilaiNip,
        golongan: f.penilaiGolongan,
        jabatan: f.penilaiJabatan ?? '',
        unorNama: f.penilaiUnor ?? '',
        jenisAsn: f.penilaiJenisAsn,
      },
      ...(f.periodeKode ? { periode: periodeDariKode(f.periodeKode) } : {}),
    };
    const now = clock.now();
    return q.antrekan(tx, {
      instansiId,
      jenis,
      sumberId,
      sumberVersi: f.versi,
      kunci: kunciPesanSiasn(jenis, sumberId, f.versi),
      pegawaiId: f.pegawaiId,
      nip: f.nip,
      periodeLabel: f.periodeKode ?? String(f.tahun),
      fakta,
      berikutnyaAt: now,
      dibuatAt: now,
    });
  }

  type Klaim = Awaited<ReturnType<typeof q.klaim>>[number];

  /** Records one attempt and the message's outcome; returns that outcome. */
  async function catat(
    p: Klaim,
    ke: number,
    body: unknown,
    j: JawabanSiasn,
    lanjut: Partial<{ pnsId: string }>,
    /** What a refusal means at this step, in words (else the rule's reason). */
    alasanGagal?: string,
  ) {
    const b = j.body as { success?: unknown; mapData?: unknown } | null;
    const sukses = typeof b?.success === 'boolean' ? b.success : null;
    const putusan = putusanKirim(ke, j.status, sukses, j.retryAfterDetik);
    const alasan =
      putusan.hasil === 'TERKIRIM'
        ? null
        : j.gagalToken
          ? `Token SIASN tidak dapat diperoleh: ${j.teks.slice(0, 300)}`
          : putusan.hasil === 'GAGAL' && alasanGagal
            ? alasanGagal
            : putusan.alasan;
    const now = clock.now();
    const mapData = b?.mapData as { id?: unknown } | string | undefined;
    const idNasional =
      typeof mapData === 'string' ? mapData : typeof mapData?.id === 'string' ? mapData.id : null;
    await db.transaction(async (tx) => {
      await q.catatPercobaan(tx, {
        pesanId: p.id,
        ke,
        at: now,
        httpStatus: j.status,
        body: body ?? null,
        jawaban: ringkas(j.teks),
        hasil: putusan.hasil,
      });
      await q.selesaikan(tx, p.id, {
        ...lanjut,
        percobaan: ke,
        status: putusan.hasil === 'ULANGI' ? 'MENUNGGU' : putusan.hasil,
        alasan,
        jawabanTerakhir: ringkas(j.teks),
        ...(putusan.hasil === 'ULANGI'
          ? { berikutnyaAt: new Date(now.getTime() + putusan.tundaDetik * 1000) }
          : {}),
        ...(putusan.hasil === 'TERKIRIM' ? { terkirimAt: now, idNasional } : {}),
      });
    });
    return putusan.hasil;
  }

  /** One claimed message: the employee's SIASN id once (by NIP), then the save. */
  async function kirimSatu(p: Klaim, pengaturan: q.PengaturanRow) {
    const k = kredensial(pengaturan);
    const ke = p.percobaan + 1;
    let pnsId = p.pnsId;
    if (pnsId === null) {
      const j = await client.baca(k, `/pns/data-utama/${p.nip}`);
      const id = (j.body as { data?: { id?: unknown } } | null)?.data?.id;
      if (j.status !== 200 || typeof id !== 'string') {
        // A 200 without the employee is SIASN saying the NIP is unknown: failed, not retried.
        const tidakAda = j.status === 200 || j.status === 404;
        return catat(
          p,
          ke,
          null,
          tidakAda ? { ...j, status: 404 } : j,
          {},
          tidakAda ? `NIP ${p.nip} tidak ditemukan di SIASN.` : undefined,
        );
      }
      pnsId = id;
    }
    const body = bodySiasn(
      p.jenis,
      p.fakta,
      pengaturan.pemetaan as PemetaanSiasn,
      pnsId,
      await q.idNasionalTerakhir(db, p.jenis, p.sumberId),
    );
    return catat(p, ke, body, await client.kirim(k, ENDPOINT_SIASN[p.jenis], body), { pnsId });
  }

  /** The job: claim what is due (one runner at a time), send each, count the outcomes; `instansiId` narrows it to one. */
  async function jalankan(instansiId: number | null = null): Promise<HasilKirimSiasn> {
    const now = clock.now();
    const pesan = await db.transaction(async (tx) =>
      (await q.kunciTransaksi(tx, KUNCI_SIASN))
        ? q.klaim(tx, now, new Date(now.getTime() + KLAIM_MS), BATAS_KLAIM, instansiId)
        : [],
    );
    const hasil = { diproses: pesan.length, terkirim: 0, gagal: 0 };
    const pengaturan = new Map<number, q.PengaturanRow | null>();
    for (const p of pesan) {
      if (!pengaturan.has(p.instansiId))
        pengaturan.set(p.instansiId, await q.findPengaturan(db, p.instansiId));
      const h = await kirimSatu(p, pengaturan.get(p.instansiId)!);
      if (h === 'TERKIRIM') hasil.terkirim++;
      if (h === 'GAGAL') hasil.gagal++;
    }
    return hasil;
  }

  async function daftar(actor: Actor, query: z.infer<typeof PesanSiasnQuery>): Promise<PesanSiasnPage> {
    const sebelum = query.cursor ? Number(query.cursor) : null;
    const list = await q.daftar(
      db,
      actor.instansiId,
      query.status,
      Number.isInteger(sebelum) ? sebelum : null,
      query.limit + 1,
    );
    const items = list.slice(0, query.limit).map((r) => ({
      id: r.id,
      jenis: r.jenis,
      status: r.status,
      pegawai: { id: r.pegawaiId, nip: r.nip, nama: namaLengkap(r) },
      periode: r.periodeLabel,
      percobaan: r.percobaan,
      berikutnyaAt: r.status === 'MENUNGGU' ? r.berikutnyaAt.toISOString() : null,
      terkirimAt: r.terkirimAt?.toISOString() ?? null,
      alasan: r.alasan,
      jawaban: r.jawabanTerakhir,
      version: r.version,
    }));
    return { items, nextCursor: list.length > query.limit ? String(items.at(-1)!.id) : null };
  }

  async function percobaan(actor: Actor, id: number): Promise<PercobaanSiasnOut> {
    const list = await q.percobaanPesan(db, actor.instansiId, id);
    if (!list) throw new AppError('NOT_FOUND');
    return {
      items: list.map((p) => ({ ...p, at: p.at.toISOString() })),
    };
  }

  async function kirimUlang(actor: Actor, id: number, version: number, meta: Meta) {
    await db.transaction(async (tx) => {
      const r = await q.kirimUlang(tx, actor.instansiId, id, version, clock.now());
      if (!r) {
        const ada = await q.findPesan(tx, actor.instansiId, id);
        if (!ada) throw new AppError('NOT_FOUND');
        throw new AppError(ada.version === version ? 'SIASN_BUKAN_GAGAL' : 'VERSION_CONFLICT');
      }
      await audit.record(tx, {
        instansiId: actor.instansiId,
        actorId: actor.id,
        action: 'siasn.kirim_ulang',
        entity: 'siasn_pesan',
        entityId: id,
        before: { status: 'GAGAL' },
        after: { status: 'MENUNGGU', pegawaiId: r.pegawaiId },
        requestId: meta.requestId,
      });
    });
  }

  /** A read passed through from SIASN (only while the bridge is on). */
  async function baca(actor: Actor, path: string) {
    const pengaturan = await q.findPengaturan(db, actor.instansiId);
    if (!pengaturan?.aktif) throw new AppError('SIASN_NONAKTIF');
    const j = await client.baca(kredensial(pengaturan), path);
    if (j.status !== 200)
      throw new AppError('SIASN_TIDAK_TERSEDIA', { status: j.status, jawaban: ringkas(j.teks) });
    const b = j.body as { data?: unknown } | null;
    return { data: b && typeof b === 'object' && 'data' in b ? b.data : b };
  }

  return {
    pengaturan: async (actor: Actor) => pengaturanOut(await q.findPengaturan(db, actor.instansiId)),
    simpan,
    antrekan,
    jalankan,
    /** "Kirim sekarang": the BKD's own instansi only. */
    kirimSekarang: (actor: Actor) => jalankan(actor.instansiId),
    daftar,
    percobaan,
    kirimUlang,
    riwayatSkp22: (actor: Actor, nip: string) => baca(actor, `/pns/rw-skp22/${nip}`),
    riwayatKinerjaPeriodik: (actor: Actor, nip: string) => baca(actor, `/pns/rw-kinerjaperiodik/${nip}`),
    refUnor: (actor: Actor) => baca(actor, '/referensi/ref-unor'),
  };
}

export type SiasnService = ReturnType<typeof createSiasnService>;
