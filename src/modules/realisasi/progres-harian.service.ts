/**
 * Progres harian across RHKs (SPEC §12): the assessor's team month at a glance (minutes per employee
 * and day), one employee's days with every entry and the comments on them, and the assessor's comment
 * on one day — written only by the employee's pejabat penilai or his delegate, audited, shown to the
 * employee. The team is the realisasi list's: whom the actor assesses in that month.
 */
import type { z } from 'zod';
import type { KomentarBody, ProgresPegawaiOut, TimProgresOut } from '../../contracts/progres-harian.js';
import type { Db } from '../../db/client.js';
import { labelPeriode, periodeOf } from '../../domain/jadwal.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { durasiMenit, hariBulan, tanggalBulan } from '../../domain/progres-harian.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import type { KehadiranService } from '../kehadiran/kehadiran.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import * as pq from './progres-harian.queries.js';
import type { RealisasiService } from './realisasi.service.js';

type Meta = { requestId: string };

const labelBulan = (bulan: string) => labelPeriode(periodeOf(bulan, { periode: 'BULANAN' }));

/** The first and last date of a month. */
function rentang(bulan: string) {
  const semua = tanggalBulan(bulan);
  return { dari: semua[0]!, sampai: semua.at(-1)! };
}

export function createProgresHarianService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  realisasi: Pick<RealisasiService, 'bawahan'>;
  kehadiran: Pick<KehadiranService, 'kalender'>;
  pengaturan: Pick<PengaturanService, 'get'>;
}) {
  const { db, clock, audit } = deps;

  /** Whether the actor assesses the employee this month (pejabat penilai or his delegate). */
  async function menilai(actor: Actor, pegawaiId: number, bulan: string) {
    const { items } = await deps.realisasi.bawahan(actor, bulan);
    return items.some((i) => i.pegawaiId === pegawaiId && i.peran !== 'ESKALASI');
  }

  async function pegawai(actor: Actor, pegawaiId: number, bulan: string): Promise<ProgresPegawaiOut> {
    const kal = rentang(bulan);
    const [entri, komentar, dapatKomentar] = await Promise.all([
      pq.entriPegawai(db, pegawaiId, kal.dari, kal.sampai),
      pq.komentarPegawai(db, pegawaiId, kal.dari, kal.sampai),
      actor.id === pegawaiId ? false : menilai(actor, pegawaiId, bulan),
    ]);
    const tanggal = [...new Set([...entri.map((e) => e.tanggal), ...komentar.map((k) => k.tanggal)])].sort();
    return {
      pegawaiId,
      bulan,
      label: labelBulan(bulan),
      dapatKomentar,
      hari: tanggal.map((t) => {
        const hari = entri.filter((e) => e.tanggal === t);
        return {
          tanggal: t,
          menit: hari.reduce((n, e) => n + durasiMenit(e), 0),
          entri: hari.map(({ tanggal: _, ...e }) => e),
          komentar: komentar
            .filter((k) => k.tanggal === t)
            .map((k) => ({
              id: k.id,
              tanggal: k.tanggal,
              teks: k.teks,
              olehNama: namaLengkap(k),
              at: k.at.toISOString(),
            })),
        };
      }),
    };
  }

  return {
    async tim(actor: Actor, bulan: string): Promise<TimProgresOut> {
      const kal = rentang(bulan);
      const [{ items }, kalender, p] = await Promise.all([
        deps.realisasi.bawahan(actor, bulan),
        deps.kehadiran.kalender(actor.instansiId, kal.dari, kal.sampai),
        deps.pengaturan.get(actor.instansiId),
      ]);
      const hari = hariBulan(bulan, kalender.jamKerja, kalender.libur);
      const ids = items.map((i) => i.pegawaiId);
      const [waktu, komentar] = await Promise.all([
        pq.waktuEntri(db, ids, kal.dari, kal.sampai),
        pq.jumlahKomentar(db, ids, kal.dari, kal.sampai),
      ]);
      const perHari = new Map<string, { menit: number; entri: number; komentar: number }>();
      const hariOf = (pegawaiId: number, tanggal: string) => {
        const key = `${pegawaiId}|${tanggal}`;
        const ada = perHari.get(key);
        if (ada) return ada;
        const baru = { menit: 0, entri: 0, komentar: 0 };
        perHari.set(key, baru);
        return baru;
      };
      for (const w of waktu) {
        const h = hariOf(w.pegawaiId, w.tanggal);
        h.menit += durasiMenit(w);
        h.entri += 1;
      }
      for (const k of komentar) hariOf(k.pegawaiId, k.tanggal).komentar = Number(k.n);
      return {
        bulan,
        label: labelBulan(bulan),
        batasMenitHarian: p.progresHarian.batasMenitHarian,
        hari,
        pegawai: items.map((i) => ({
          pegawaiId: i.pegawaiId,
          nip: i.nip,
          namaLengkap: i.namaLengkap,
          jabatanNama: i.jabatanNama,
          hari: hari.flatMap(({ tanggal }) => {
            const h = perHari.get(`${i.pegawaiId}|${tanggal}`);
            return h ? [{ tanggal, ...h }] : [];
          }),
        })),
      };
    },

    /** One employee's month by day (route access decides who reads). */
    pegawai,

    /** The assessor's comment on one day of the employee. */
    async komentari(
      actor: Actor,
      pegawaiId: number,
      tanggal: string,
      body: z.infer<typeof KomentarBody>,
      meta: Meta,
    ) {
      const bulan = tanggal.slice(0, 7);
      if (actor.id === pegawaiId || !(await menilai(actor, pegawaiId, bulan)))
        throw new AppError(
          'FORBIDDEN',
          undefined,
          'Hanya pejabat penilai pegawai ini (atau delegasinya) yang dapat mengomentari progres hariannya.',
        );
      const at = clock.now();
      await db.transaction(async (tx) => {
        const id = await pq.insertKomentar(tx, {
          instansiId: actor.instansiId,
          pegawaiId,
          tanggal,
          teks: body.teks,
          olehId: actor.id,
          at,
        });
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'progres_harian.komentar',
          entity: 'pegawai',
          entityId: pegawaiId,
          before: null,
          after: { komentarId: id, tanggal, teks: body.teks },
          requestId: meta.requestId,
        });
      });
      return pegawai(actor, pegawaiId, bulan);
    },
  };
}

export type ProgresHarianService = ReturnType<typeof createProgresHarianService>;
