/**
 * The objection to an annual evaluation once filed (SPEC §6.6): the atasan pejabat penilai asks the
 * employee and the pejabat penilai for statements, each side answers its own, and the decision —
 * allowed only by the domain workflow once both statements are in or overdue — is final and names
 * what it relied on.
 */
import type { z } from 'zod';
import type {
  EvaluasiView,
  JawabKeteranganBody,
  KeberatanListQuery,
  KeberatanOut,
  KeberatanPage,
  MintaKeteranganBody,
  PutusanBody,
} from '../../contracts/evaluasi.js';
import type { Db } from '../../db/client.js';
import {
  alasanBelumDapatDiputus,
  type KelengkapanKeterangan,
  kelengkapanKeterangan,
  type PenolakanTransisiKeberatan,
  transisiKeberatan,
} from '../../domain/evaluasi.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL, predikatKinerja } from '../../domain/predikat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { NotifikasiService } from '../notifikasi/notifikasi.service.js';
import type { SiasnService } from '../siasn/siasn.service.js';
import { pihakKeterangan } from './evaluasi.policy.js';
import * as q from './evaluasi.queries.js';

export type Meta = { requestId: string };
export const iso = (at: Date | string) => new Date(at).toISOString();
export const isoOrNull = (at: Date | string | null) => (at === null ? null : iso(at));
export const orang = (id: number, n: q.Nama) => ({ id, namaLengkap: namaLengkap(n) });
export const pegawaiOf = (r: {
  pegawaiGelarDepan: string | null;
  pegawaiNama: string;
  pegawaiGelarBelakang: string | null;
}) => ({ gelarDepan: r.pegawaiGelarDepan, nama: r.pegawaiNama, gelarBelakang: r.pegawaiGelarBelakang });

export function createKeberatanService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  notifikasi: NotifikasiService;
  /** A decision that changes the ratings changes the result SIASN holds: it is sent again. */
  siasn: Pick<SiasnService, 'antrekan'>;
  /** The instansi's days for a statement (pengaturan.keterangan_keberatan_hari). */
  keteranganHari: (instansiId: number) => Promise<number>;
  zonaWaktu: (instansiId: number) => Promise<string>;
  /** The evaluation page each action answers with. */
  lihat: (actor: Actor, skpId: number) => Promise<EvaluasiView>;
}) {
  const { db, clock, audit, notifikasi, lihat } = deps;

  /** Each side's statement today, in the instansi's zone and with its statement deadline. */
  async function kelengkapanOf(
    k: q.KeberatanRow,
    keterangan: readonly { id: number; pihakId: number; dimintaAt: Date | string; jawaban: string | null }[],
  ): Promise<KelengkapanKeterangan> {
    const [zona, keteranganHari] = await Promise.all([
      deps.zonaWaktu(k.instansiId),
      deps.keteranganHari(k.instansiId),
    ]);
    const permintaan = keterangan.map((x) => ({
      id: x.id,
      pihak: x.pihakId === k.pegawaiId ? ('PEGAWAI' as const) : ('PENILAI' as const),
      tanggalDiminta: dateInZone(new Date(x.dimintaAt), zona),
      dijawab: x.jawaban !== null,
    }));
    const hariIni = dateInZone(clock.now(), zona);
    return kelengkapanKeterangan(permintaan, hariIni, keteranganHari);
  }

  async function keberatanOut(k: q.KeberatanRow): Promise<KeberatanOut> {
    const keterangan = await q.keteranganOf(db, k.id);
    const kelengkapan = await kelengkapanOf(k, keterangan);
    return {
      id: k.id,
      evaluasiId: k.evaluasiId,
      skpId: k.skpId,
      pegawai: orang(k.pegawaiId, pegawaiOf(k)),
      pemutus: orang(k.pemutusId, {
        gelarDepan: k.pemutusGelarDepan,
        nama: k.pemutusNama,
        gelarBelakang: k.pemutusGelarBelakang,
      }),
      alasan: k.alasan,
      status: k.status,
      diajukanAt: iso(k.diajukanAt),
      keputusan: k.keputusan,
      ratingHasilKerjaBaru: k.ratingHasilKerjaBaru,
      ratingPerilakuBaru: k.ratingPerilakuBaru,
      predikatBaru: k.predikatBaru,
      pertimbangan: k.pertimbangan,
      diputusAt: isoOrNull(k.diputusAt),
      keterangan: keterangan.map((x) => ({
        id: x.id,
        pihak: orang(x.pihakId, x),
        permintaan: x.permintaan,
        dimintaAt: iso(x.dimintaAt),
        jawaban: x.jawaban,
        dijawabAt: isoOrNull(x.dijawabAt),
        version: x.version,
      })),
      kelengkapan,
      belumDapatDiputus: k.status === 'DIPUTUS' ? null : alasanBelumDapatDiputus(kelengkapan),
      dasarPutusan: k.dasarPutusan,
      version: k.version,
    };
  }

  /** The error for a transition the objection workflow refuses. */
  function tolakan(tolak: PenolakanTransisiKeberatan, kelengkapan: KelengkapanKeterangan) {
    if (tolak === 'SUDAH_DIPUTUS') return new AppError('KEBERATAN_SUDAH_DIPUTUS');
    if (tolak === 'BELUM_DIMINTA') return new AppError('KEBERATAN_KETERANGAN_BELUM_DIMINTA');
    return new AppError(
      'KEBERATAN_BELUM_DAPAT_DIPUTUS',
      { kelengkapan },
      alasanBelumDapatDiputus(kelengkapan)!,
    );
  }

  /** The objection as its decider or a party sees it; anyone else gets 403. */
  async function keberatanUntuk(actor: Actor, id: number) {
    const k = await q.findKeberatan(db, id);
    if (!k || k.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Keberatan tidak ditemukan.');
    return k;
  }

  /** The objection, for the one who decides it (the atasan pejabat penilai) only. */
  async function keberatanPemutus(actor: Actor, id: number) {
    const k = await keberatanUntuk(actor, id);
    if (actor.id !== k.pemutusId)
      throw new AppError('FORBIDDEN', undefined, 'Hanya atasan pejabat penilai yang memutus keberatan ini.');
    return k;
  }

  /** The workflow's answer to this action today, from the statements so far; refused with what is missing. */
  async function transisi(k: q.KeberatanRow, aksi: Parameters<typeof transisiKeberatan>[1]) {
    const kelengkapan = await kelengkapanOf(k, await q.keteranganOf(db, k.id));
    const t = transisiKeberatan(k.status, aksi, kelengkapan);
    if (!t.ok) throw tolakan(t.tolak, kelengkapan);
    return t;
  }

  return {
    keberatanOut,

    async daftarKeberatan(actor: Actor, query: z.infer<typeof KeberatanListQuery>): Promise<KeberatanPage> {
      const before = query.cursor === undefined ? null : Number(query.cursor);
      const found = await q.pageKeberatan(db, actor.id, query.sebagai, before, query.limit + 1);
      const page = found.slice(0, query.limit);
      return {
        items: page.map((k) => ({
          id: k.id,
          skpId: k.skpId,
          tahun: k.tahun,
          pegawai: { ...orang(k.pegawaiId, pegawaiOf(k)), nip: k.nip },
          pemutus: orang(k.pemutusId, {
            gelarDepan: k.pemutusGelarDepan,
            nama: k.pemutusNama,
            gelarBelakang: k.pemutusGelarBelakang,
          }),
          status: k.status,
          diajukanAt: iso(k.diajukanAt),
          keputusan: k.keputusan,
          keteranganTerbuka: k.keteranganTerbuka,
        })),
        nextCursor: found.length > query.limit ? String(page.at(-1)!.id) : null,
      };
    },

    /** The pemutus asks the employee or the assessor for a statement. */
    async mintaKeterangan(actor: Actor, id: number, body: z.infer<typeof MintaKeteranganBody>, meta: Meta) {
      const k = await keberatanPemutus(actor, id);
      const t = await transisi(k, 'MINTA_KETERANGAN');
      const next = t.status;
      if (body.version !== k.version) throw new AppError('VERSION_CONFLICT');
      const pihakId = pihakKeterangan(body.pihak, k);
      await db.transaction(async (tx) => {
        if ((await q.updateKeberatan(tx, k.id, k.version, { status: next })) === null)
          throw new AppError('VERSION_CONFLICT');
        const keteranganId = await q.insertKeterangan(tx, {
          keberatanId: k.id,
          pihakId,
          permintaan: body.permintaan,
          dimintaAt: clock.now(),
        });
        await notifikasi.kirim(tx, [
          {
            pegawaiId: pihakId,
            jenis: 'KEBERATAN',
            judul: 'Permintaan keterangan keberatan',
            pesan: `${namaLengkap(actor)} meminta keterangan Anda atas keberatan evaluasi tahunan ${k.tahun}.`,
            tautan: `/evaluasi/skp/${k.skpId}`,
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: k.instansiId,
          actorId: actor.id,
          action: 'keberatan.minta_keterangan',
          entity: 'keberatan_keterangan',
          entityId: keteranganId,
          before: { status: k.status },
          after: { status: next, keberatanId: k.id, pihakId, permintaan: body.permintaan },
          requestId: meta.requestId,
        });
      });
      return lihat(actor, k.skpId);
    },

    /** The party asked answers his own statement, once. */
    async jawabKeterangan(
      actor: Actor,
      id: number,
      keteranganId: number,
      body: z.infer<typeof JawabKeteranganBody>,
      meta: Meta,
    ) {
      const k = await keberatanUntuk(actor, id);
      const x = await q.findKeterangan(db, keteranganId);
      if (!x || x.keberatanId !== k.id)
        throw new AppError('NOT_FOUND', undefined, 'Permintaan keterangan tidak ditemukan.');
      if (x.pihakId !== actor.id)
        throw new AppError('FORBIDDEN', undefined, 'Keterangan ini diminta dari pihak lain.');
      await transisi(k, 'JAWAB_KETERANGAN');
      if (x.jawaban !== null || body.version !== x.version) throw new AppError('VERSION_CONFLICT');
      await db.transaction(async (tx) => {
        if ((await q.answerKeterangan(tx, x.id, x.version, body.jawaban, clock.now())) === null)
          throw new AppError('VERSION_CONFLICT');
        await notifikasi.kirim(tx, [
          {
            pegawaiId: k.pemutusId,
            jenis: 'KEBERATAN',
            judul: 'Keterangan keberatan dijawab',
            pesan: `${namaLengkap(actor)} telah memberikan keterangan atas keberatan evaluasi tahunan ${k.tahun}.`,
            tautan: `/evaluasi/skp/${k.skpId}`,
            dariId: actor.id,
          },
        ]);
        await audit.record(tx, {
          instansiId: k.instansiId,
          actorId: actor.id,
          action: 'keberatan.jawab_keterangan',
          entity: 'keberatan_keterangan',
          entityId: x.id,
          after: { jawaban: body.jawaban },
          requestId: meta.requestId,
        });
      });
      return lihat(actor, k.skpId);
    },

    /** The final decision: the ratings confirmed, or changed (predikat by the §6.2 matrix). */
    async putus(actor: Actor, id: number, body: z.infer<typeof PutusanBody>, meta: Meta) {
      const k = await keberatanPemutus(actor, id);
      const t = await transisi(k, 'PUTUS');
      if (body.version !== k.version) throw new AppError('VERSION_CONFLICT');
      const diubah = body.keputusan === 'DIUBAH';
      const fields = {
        dasarPutusan: t.dasar!,
        status: 'DIPUTUS' as const,
        keputusan: body.keputusan,
        ratingHasilKerjaBaru: diubah ? body.ratingHasilKerja! : null,
        ratingPerilakuBaru: diubah ? body.ratingPerilaku! : null,
        predikatBaru: diubah ? predikatKinerja(body.ratingHasilKerja!, body.ratingPerilaku!) : null,
        pertimbangan: body.pertimbangan,
        diputusAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        if ((await q.updateKeberatan(tx, k.id, k.version, fields)) === null)
          throw new AppError('VERSION_CONFLICT');
        if (diubah) await deps.siasn.antrekan(tx, k.instansiId, 'SKP22', k.evaluasiId);
        const pesan = diubah
          ? `Keberatan atas evaluasi kinerja tahunan ${k.tahun} diputus: penilaian diubah, predikat menjadi ${PREDIKAT_PEGAWAI_LABEL[fields.predikatBaru!]}.`
          : `Keberatan atas evaluasi kinerja tahunan ${k.tahun} diputus: penilaian dikuatkan.`;
        await notifikasi.kirim(
          tx,
          [k.pegawaiId, k.pejabatPenilaiId].map((pegawaiId) => ({
            pegawaiId,
            jenis: 'KEBERATAN',
            judul: 'Keputusan keberatan',
            pesan,
            tautan: `/evaluasi/skp/${k.skpId}`,
            dariId: actor.id,
          })),
        );
        await audit.record(tx, {
          instansiId: k.instansiId,
          actorId: actor.id,
          action: 'keberatan.putus',
          entity: 'keberatan',
          entityId: k.id,
          before: { status: k.status },
          after: fields,
          requestId: meta.requestId,
        });
      });
      return lihat(actor, k.skpId);
    },
  };
}
