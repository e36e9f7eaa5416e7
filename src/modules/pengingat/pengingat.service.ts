/**
 * Deadline reminders (SPEC §5.1): per instansi, when a window of the schedule closes within
 * PENGINGAT_HARI days, everyone who still has work in it is notified once — employees with RHKs not
 * submitted (input) or items to correct (correction), assessors and their delegates with items waiting
 * (assessment, and re-assessment when corrections close) — and the atasan pejabat penilai learns of
 * items that escalated to them. Once a window of the period that ended last month has closed, each
 * OPD admin learns once what is overdue in their OPD, with a link to its late list. Runs on one
 * instance at a time (a transaction-scoped advisory lock) and is idempotent (`notifikasi.kunci`);
 * the run that did the work then checkpoints the audit chains' heads (ADR 0007), refreshes the
 * monitoring recap of the periods still changing, drops old idempotency keys (ADR 0010), job
 * result files past their keeping time (ADR 0011) and what uploads cut off a day ago left in storage.
 * Returned items are notified by the realisasi service.
 */
import type { Db, Tx } from '../../db/client.js';
import {
  type JadwalConfig,
  JENIS_JENDELA,
  JENIS_JENDELA_LABEL,
  jendelaPeriode,
  labelPeriode,
  type Periode,
  periodeOf,
  periodeSebelumnya,
  prevYearMonth,
  singkatanZona,
} from '../../domain/jadwal.js';
import {
  aturanEskalasi,
  batasPenilaian,
  jendelaSegeraBerakhir,
  labelTanggal,
  MENUNGGU_PENILAIAN,
} from '../../domain/tenggat.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditCheckpointService } from '../audit/audit-checkpoint.service.js';
import type { IdempotenService } from '../idempoten/idempoten.service.js';
import type { JadwalService } from '../jadwal/jadwal.service.js';
import type { MonitoringService } from '../monitoring/monitoring.service.js';
import type { PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import * as q from './pengingat.queries.js';

/**
 * Windows closing within this many days are announced. A constant rather than a setting: the
 * pengaturan table has no column for it, and three days leave time to act in every window.
 */
export const PENGINGAT_HARI = 3;

/** The advisory-lock key of the job (any constant shared by every instance). */
export const KUNCI_PENGINGAT = 7_310_001;

interface Rencana {
  instansiId: number;
  cfg: JadwalConfig;
  tanggal: string;
  eskalasi: Periode[];
  /** The period that ended last month: its windows run this month. */
  terakhir: Periode;
}

const TUNGGAKAN_AKHIR: Record<'INPUT' | 'PENILAIAN' | 'PERBAIKAN', string> = {
  INPUT: ' belum melaporkan realisasi.',
  PENILAIAN: ' menunggu penilaian pejabat penilai.',
  PERBAIKAN: ' belum memperbaiki realisasi yang dikembalikan.',
};

/** How old an unfinished upload's pieces must be to be swept: no upload streams for a day. */
const SISA_UNGGAHAN_MS = 86_400_000;

export function createPengingatService(deps: {
  db: Db;
  clock: Clock;
  jadwal: Pick<JadwalService, 'config'>;
  monitoring: Pick<MonitoringService, 'perbaruiBerjalan'>;
  auditCheckpoint: Pick<AuditCheckpointService, 'checkpoint'>;
  idempoten: Pick<IdempotenService, 'bersihkan'>;
  pekerjaan: Pick<PekerjaanService, 'bersihkanHasil'>;
  storage: Pick<Storage, 'sapuSisa'>;
}) {
  const { db, clock, jadwal, monitoring, auditCheckpoint, idempoten, pekerjaan, storage } = deps;

  /** The OPD admins' notices of the windows of the last period that have closed by now. */
  async function tunggakanUntuk(tx: Tx, r: Rencana, now: Date) {
    const { instansiId, cfg, terakhir: periode } = r;
    const label = labelPeriode(periode);
    let n = 0;
    for (const jenis of JENIS_JENDELA) {
      const akhir = jendelaPeriode(jenis, periode, cfg).akhir;
      if (now <= akhir) continue;
      const status = MENUNGGU_PENILAIAN.filter(
        (s) => batasPenilaian(s, periode, cfg).getTime() === akhir.getTime(),
      );
      if (jenis === 'PENILAIAN' && !status.length) continue;
      const batas = `${labelTanggal(dateInZone(akhir, cfg.zonaWaktu))} (${singkatanZona(cfg.zonaWaktu)})`;
      n += await q.beritahuAdminOpd(
        tx,
        instansiId,
        jenis === 'INPUT'
          ? { jenis, periode }
          : jenis === 'PENILAIAN'
            ? { jenis, periodeKode: periode.kode, status }
            : { jenis, periodeKode: periode.kode },
        {
          at: now,
          jenis: 'TUNGGAKAN_OPD',
          judul: `Tunggakan ${JENIS_JENDELA_LABEL[jenis].toLowerCase()}`,
          awal: `${JENIS_JENDELA_LABEL[jenis]} periode ${label} berakhir ${batas}; `,
          akhir: TUNGGAKAN_AKHIR[jenis],
          tautan: `/monitoring/opd/{opd}?periode=${periode.kode}`,
          kunci: `tunggakan:${jenis}:${periode.kode}`,
        },
      );
    }
    return n;
  }

  async function kirimUntuk(tx: Tx, r: Rencana, now: Date) {
    const { instansiId, cfg, tanggal } = r;
    let n = 0;
    const j = jendelaSegeraBerakhir(now, cfg, PENGINGAT_HARI);
    if (j) {
      const periode = j.periode;
      const label = labelPeriode(periode);
      const batas = `${labelTanggal(dateInZone(j.akhir, cfg.zonaWaktu))} (${singkatanZona(cfg.zonaWaktu)})`;
      const dasar = { at: now, judul: `Batas ${JENIS_JENDELA_LABEL[j.jenis].toLowerCase()}` };
      const diri = `${JENIS_JENDELA_LABEL[j.jenis]} periode ${label} berakhir ${batas}; `;
      if (j.jenis === 'INPUT')
        n += await q.ingatkanLapor(tx, instansiId, periode, {
          ...dasar,
          jenis: 'TENGGAT_REALISASI',
          awal: diri,
          akhir: ' RHK belum diajukan.',
          tautan: `/realisasi?periode=${periode.kode}`,
          kunci: `tenggat:INPUT:${periode.kode}`,
        });
      if (j.jenis === 'PERBAIKAN')
        n += await q.ingatkanPerbaikan(tx, instansiId, periode.kode, {
          ...dasar,
          jenis: 'TENGGAT_PERBAIKAN',
          awal: diri,
          akhir: ' realisasi perlu Anda perbaiki.',
          tautan: `/realisasi?periode=${periode.kode}`,
          kunci: `tenggat:PERBAIKAN:${periode.kode}`,
        });
      // Assessors are reminded of the items whose last window this is.
      const status = MENUNGGU_PENILAIAN.filter(
        (s) => batasPenilaian(s, periode, cfg).getTime() === j.akhir.getTime(),
      );
      if (status.length)
        n += await q.ingatkanPenilai(tx, instansiId, periode.kode, status, tanggal, {
          at: now,
          jenis: 'TENGGAT_PENILAIAN',
          judul: 'Batas penilaian realisasi',
          awal: `${JENIS_JENDELA_LABEL[j.jenis]} periode ${label} berakhir ${batas}; realisasi `,
          akhir: ' pegawai menunggu penilaian Anda.',
          tautan: `/realisasi/bawahan?periode=${periode.kode}`,
          kunci: `nilai:${j.jenis}:${periode.kode}`,
        });
    }
    n += await tunggakanUntuk(tx, r, now);
    n += await q.beritahuEskalasi(tx, {
      instansiId,
      aturan: r.eskalasi.flatMap((p) => aturanEskalasi(p, cfg)),
      label: r.eskalasi.map((p) => ({ kode: p.kode, label: labelPeriode(p) })),
      now,
      tanggal,
    });
    return n;
  }

  return {
    /**
     * One run at the clock's now. `dijalankan` is false when another run holds the lock (it does the
     * work); `dikirim` counts new notices.
     */
    async jalankan(): Promise<{ dijalankan: boolean; dikirim: number }> {
      const now = clock.now();
      // Schedules are read before the transaction (PGlite has one connection).
      const rencana: Rencana[] = [];
      for (const { id } of await q.semuaInstansi(db)) {
        const cfg = await jadwal.config(id);
        const tanggal = dateInZone(now, cfg.zonaWaktu);
        // The periods whose assessment may have closed: the one that ended last month and the one before.
        const terakhir = periodeOf(prevYearMonth(tanggal.slice(0, 7)), cfg);
        rencana.push({
          instansiId: id,
          cfg,
          tanggal,
          eskalasi: [periodeSebelumnya(terakhir, cfg), terakhir],
          terakhir,
        });
      }
      const hasil = await db.transaction(async (tx) => {
        if (!(await q.kunciTransaksi(tx, KUNCI_PENGINGAT))) return { dijalankan: false, dikirim: 0 };
        let dikirim = 0;
        for (const r of rencana) dikirim += await kirimUntuk(tx, r, now);
        return { dijalankan: true, dikirim };
      });
      // Outside the lock's transaction (PGlite has one connection); both are safe to repeat.
      if (hasil.dijalankan) {
        await auditCheckpoint.checkpoint();
        for (const r of rencana) await monitoring.perbaruiBerjalan(r.instansiId);
        await idempoten.bersihkan();
        await pekerjaan.bersihkanHasil();
        await storage.sapuSisa?.(new Date(now.getTime() - SISA_UNGGAHAN_MS));
      }
      return hasil;
    },
  };
}

export type PengingatService = ReturnType<typeof createPengingatService>;
