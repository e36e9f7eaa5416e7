/**
 * The national-format exports (SPEC §8), streamed as XLSX: the BKD admin exports the instansi or one
 * OPD, an OPD admin only his OPDs (403 for another). Rows are read in keyset batches and written as
 * they come (platform/xlsx-stream.ts), so the size of the instansi does not matter to memory; the
 * same file can be written by a job into storage, counting its rows (ADR 0011). Rows are read from
 * the replica when there is one and it holds the admin's own writes (ADR 0024).
 */
import type { Readable } from 'node:stream';
import type { LaporanQuery } from '../../contracts/laporan.js';
import type { PekerjaanOut } from '../../contracts/pekerjaan.js';
import type { BacaBerat, Db } from '../../db/client.js';
import {
  KOLOM_LAPORAN_PENILAIAN_SKP,
  KOLOM_LAPORAN_SKP,
  KOSONG,
  kolomBulanan,
} from '../../domain/laporan.js';
import { namaLengkap } from '../../domain/pegawai.js';
import { PREDIKAT_PEGAWAI_LABEL, type PredikatPegawai } from '../../domain/predikat.js';
import { STATUS_SKP_LABEL } from '../../domain/skp-workflow.js';
import { AppError } from '../../platform/errors.js';
import { type XlsxCell, type XlsxColumn, xlsxStream } from '../../platform/xlsx-stream.js';
import { adminOpdIds, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import type { PekerjaanService } from '../pekerjaan/pekerjaan.service.js';
import * as q from './laporan.queries.js';

export interface Ekspor {
  filename: string;
  stream: Readable;
}

const nama = (r: { gelar_depan: string | null; nama: string; gelar_belakang: string | null }) =>
  namaLengkap({ gelarDepan: r.gelar_depan, nama: r.nama, gelarBelakang: r.gelar_belakang });

/** Maps every batch of rows to sheet records, lazily: a batch is read only when the writer asks. */
async function* peta<T, K extends string>(
  batches: AsyncIterable<T[]>,
  f: (row: T) => Record<K, XlsxCell>,
): AsyncGenerator<Record<K, XlsxCell>[]> {
  for await (const batch of batches) yield batch.map(f);
}

const KOLOM_SKP = [
  { key: 'nip', width: 22, text: true },
  { key: 'nama', width: 36 },
  { key: 'jabatan', width: 40 },
  { key: 'unor', width: 36 },
  { key: 'unorInduk', width: 36 },
  { key: 'status', width: 16 },
  { key: 'pltPlh', width: 9 },
  { key: 'periodeAkhir', width: 14, numFmt: 'dd/mm/yyyy' },
] as const;

const KUNCI_BULAN = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9', 'b10', 'b11', 'b12'] as const;
const KOLOM_PENILAIAN = [
  { key: 'nip', width: 22, text: true },
  { key: 'nama', width: 36 },
  ...KUNCI_BULAN.map((key) => ({ key, width: 16 })),
  { key: 'tahunan', width: 16 },
] as const;

/** The sheet's columns with the national headers, in order. */
function kolom<K extends string>(
  spec: readonly { key: K; width: number; text?: boolean; numFmt?: string }[],
  header: readonly string[],
): XlsxColumn<K>[] {
  return spec.map((c, i) => ({ ...c, header: header[i]! }));
}

/** The two reports: each one's file, built from a filter, and the rows it will hold. */
const LAPORAN = {
  skp: {
    judul: 'Laporan SKP',
    jumlah: q.jumlahSkp,
    tulis: (db: Db, f: q.LaporanFilter, onRows?: (n: number) => void): Ekspor => ({
      filename: `Laporan-SKP-${f.tahun}.xlsx`,
      stream: xlsxStream({
        sheet: `Laporan SKP ${f.tahun}`,
        columns: kolom(KOLOM_SKP, KOLOM_LAPORAN_SKP),
        onRows,
        batches: peta(q.barisSkp(db, f), (r) => ({
          nip: r.nip,
          nama: nama(r),
          jabatan: r.jabatan ?? KOSONG,
          unor: r.unor ?? KOSONG,
          unorInduk: r.unor_induk ?? KOSONG,
          status: r.status ? STATUS_SKP_LABEL[r.status] : 'Belum ada SKP',
          pltPlh: r.plt_plh ?? KOSONG,
          // Excel dates have no zone: the calendar day at midnight UTC.
          periodeAkhir: r.periode_akhir ? new Date(`${r.periode_akhir}T00:00:00Z`) : KOSONG,
        })),
      }),
    }),
  },
  'penilaian-skp': {
    judul: 'Laporan Penilaian SKP',
    jumlah: q.jumlahPenilaian,
    tulis: (db: Db, f: q.LaporanFilter, onRows?: (n: number) => void): Ekspor => ({
      filename: `Laporan-Penilaian-SKP-${f.tahun}.xlsx`,
      stream: xlsxStream({
        sheet: `Penilaian SKP ${f.tahun}`,
        columns: kolom(KOLOM_PENILAIAN, KOLOM_LAPORAN_PENILAIAN_SKP),
        onRows,
        batches: peta(q.barisPenilaian(db, f), (r) => {
          const periodik = (r.periodik ? r.periodik.split(',') : []).map((pasangan) => {
            const [periodeKode, predikat] = pasangan.split('=') as [string, PredikatPegawai];
            return { periodeKode, predikat };
          });
          const bulan = kolomBulanan(periodik);
          return {
            nip: r.nip,
            nama: nama(r),
            ...Object.fromEntries(KUNCI_BULAN.map((k, i) => [k, bulan[i]!])),
            tahunan: r.tahunan ? PREDIKAT_PEGAWAI_LABEL[r.tahunan] : KOSONG,
          } as Record<(typeof KOLOM_PENILAIAN)[number]['key'], XlsxCell>;
        }),
      }),
    }),
  },
} as const;

export type JenisLaporan = keyof typeof LAPORAN;

export function createLaporanService({
  bacaBerat,
  pekerjaan,
}: {
  bacaBerat: BacaBerat;
  pekerjaan: Pick<PekerjaanService, 'ekspor'>;
}) {
  /** The OPDs the actor may export: all (null) for the BKD admin, else his own; 403 outside them. */
  function cakupan(actor: Actor, opdId: number | undefined): number[] | null {
    if (hasRole(actor, 'ADMIN_INSTANSI')) return opdId === undefined ? null : [opdId];
    const milik = adminOpdIds(actor);
    if (milik.length === 0 || (opdId !== undefined && !milik.includes(opdId)))
      throw new AppError('FORBIDDEN');
    return opdId === undefined ? milik : [opdId];
  }

  const filter = (actor: Actor, query: LaporanQuery): q.LaporanFilter => ({
    instansiId: actor.instansiId,
    opdIds: cakupan(actor, query.opdId),
    tahun: query.tahun,
  });

  return {
    /** The report streamed to the request (refusals throw before anything is sent). */
    unduh(actor: Actor, jenis: JenisLaporan, query: LaporanQuery): Ekspor {
      return LAPORAN[jenis].tulis(bacaBerat(actor.id), filter(actor, query));
    },

    /** The same report as a job the admin may leave (ADR 0011): refusals answer at once, no job. */
    latar(actor: Actor, jenis: JenisLaporan, query: LaporanQuery): Promise<PekerjaanOut> {
      const f = filter(actor, query);
      const l = LAPORAN[jenis];
      // Chosen now, before this request's own write (the job's row) is recorded as the admin's.
      const db = bacaBerat(actor.id);
      return pekerjaan.ekspor(actor, {
        judul: `${l.judul} ${f.tahun}`,
        jumlah: () => l.jumlah(db, f),
        tulis: (onRows) => l.tulis(db, f, onRows),
      });
    },
  };
}

export type LaporanService = ReturnType<typeof createLaporanService>;
