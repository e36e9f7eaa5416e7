/**
 * Monitoring dashboards (SPEC §8): filling per OPD and unit, kepatuhan pelaporan (e-Lapkin) ranked,
 * the trend over a year, predikat distribution and curve breaches, the late list per OPD.
 */
import { z } from 'zod';
import { STATUS_TERLAMBAT } from '../domain/monitoring.js';
import { PREDIKAT_PEGAWAI } from '../domain/predikat.js';
import { STATUS_SKP } from '../domain/skp-workflow.js';
import { BATAS_INT, PageQuery, pageOf, teks } from './common.js';

/** A monthly, quarterly or semester period: '2026-07', '2026-Q3', '2026-S2'. */
export const PeriodeMonitoring = teks()
  .trim()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2]|Q[1-4]|S[12])$/,
    'Periode harus berformat TTTT-BB (mis. 2026-07), TTTT-Qn, atau TTTT-Sn.',
  );

const Tahun = z.coerce
  .number({ error: 'Tahun harus berupa angka.' })
  .int('Tahun harus berupa bilangan bulat.')
  .min(2000, 'Tahun paling awal 2000.')
  .max(2100, 'Tahun paling akhir 2100.');

export const RingkasanQuery = z.object({ periode: PeriodeMonitoring.optional() });
export const TahunQuery = z.object({ tahun: Tahun.optional() });
export const TrenQuery = z.object({
  tahun: Tahun.optional(),
  opdId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
});
export const OpdParams = z.object({ opdId: z.coerce.number().int().positive().max(BATAS_INT) });
export const TerlambatQuery = PageQuery.extend({ periode: PeriodeMonitoring.optional() });
export const PerbaruiBody = z.object({ periode: PeriodeMonitoring });

export const PeriodeRef = z.object({ kode: z.string(), label: z.string() });

const Predikat = z.object(
  Object.fromEntries(PREDIKAT_PEGAWAI.map((p) => [p, z.number()])) as Record<
    (typeof PREDIKAT_PEGAWAI)[number],
    z.ZodNumber
  >,
);

/** Filling figures of a period: counts of employees, the late count and the shares in percent. */
export const AngkaPengisian = z.object({
  jumlahPegawai: z.number(),
  skpDisetujui: z.number(),
  melapor: z.number(),
  tepatWaktu: z.number(),
  dinilai: z.number(),
  perluPerbaikan: z.number(),
  diperbaiki: z.number(),
  terlambat: z.number(),
  /** melapor / skpDisetujui, %. */
  persenMelapor: z.number().nullable(),
  /** e-Lapkin: tepatWaktu / skpDisetujui, %. */
  kepatuhan: z.number().nullable(),
  predikat: Predikat,
});
export type AngkaPengisian = z.infer<typeof AngkaPengisian>;

const StatusSkpCount = z.object({
  ...(Object.fromEntries(STATUS_SKP.map((s) => [s, z.number()])) as Record<
    (typeof STATUS_SKP)[number],
    z.ZodNumber
  >),
  BELUM_ADA: z.number(),
});

export const OpdRef = z.object({ id: z.number(), nama: z.string() });

export const RingkasanOut = z.object({
  periode: PeriodeRef,
  tahun: z.number(),
  /** When the period's recap was computed (ISO); null: not yet ("belum dihitung"), and no figures. */
  dihitungAt: z.string().nullable(),
  batasInput: z.string(),
  inputDitutup: z.boolean(),
  /** The year's SKP status from its recap; null while the year has none. */
  statusSkp: StatusSkpCount.nullable(),
  total: AngkaPengisian.nullable(),
  /** Units whose curve breaches §6.4 (all OPDs in scope); null while a recap row has not judged it. */
  unitMelanggar: z.number().nullable(),
  opd: z.array(
    OpdRef.extend({
      angka: AngkaPengisian,
      statusSkp: StatusSkpCount.nullable(),
      unitMelanggar: z.number().nullable(),
    }),
  ),
});
export type RingkasanOut = z.infer<typeof RingkasanOut>;

export const KepatuhanOut = z.object({
  tahun: z.number(),
  /**
   * The year's periods so far; only those whose input window has closed count in the year's share.
   * `dihitungAt`: when the period's recap was computed; null: not yet.
   */
  periode: z.array(PeriodeRef.extend({ ditutup: z.boolean(), dihitungAt: z.string().nullable() })),
  dihitungAt: z.string().nullable(),
  /** Every closed period has its recap; until then the year's share is null and nobody is ranked. */
  lengkap: z.boolean(),
  opd: z.array(
    OpdRef.extend({
      /** Over the year's periods so far. */
      kepatuhan: z.number().nullable(),
      peringkat: z.number().nullable(),
      perPeriode: z.array(z.object({ kode: z.string(), kepatuhan: z.number().nullable() })),
    }),
  ),
});
export type KepatuhanOut = z.infer<typeof KepatuhanOut>;

export const TrenOut = z.object({
  tahun: z.number(),
  opd: OpdRef.nullable(),
  dihitungAt: z.string().nullable(),
  /** Per period: when its recap was computed, and its figures; both null while it has none. */
  items: z.array(PeriodeRef.extend({ dihitungAt: z.string().nullable(), angka: AngkaPengisian.nullable() })),
});
export type TrenOut = z.infer<typeof TrenOut>;

export const OpdOut = z.object({
  opd: OpdRef,
  periode: PeriodeRef,
  batasInput: z.string(),
  inputDitutup: z.boolean(),
  total: AngkaPengisian,
  units: z.array(
    z.object({
      unor: z.object({
        id: z.number(),
        nama: z.string(),
        jenis: z.string(),
        parentId: z.number().nullable(),
      }),
      angka: AngkaPengisian,
    }),
  ),
});
export type OpdOut = z.infer<typeof OpdOut>;

export const TerlambatItem = z.object({
  pegawai: z.object({
    id: z.number(),
    nip: z.string(),
    namaLengkap: z.string(),
    jabatanNama: z.string().nullable(),
    unorNama: z.string().nullable(),
  }),
  penilai: z.object({ id: z.number(), namaLengkap: z.string() }).nullable(),
  status: z.array(z.enum(STATUS_TERLAMBAT)),
  rhk: z.number(),
  diajukan: z.number(),
  menunggu: z.number(),
  perluPerbaikan: z.number(),
  terakhirDiajukan: z.string().nullable(),
});
export type TerlambatItem = z.infer<typeof TerlambatItem>;

export const TerlambatOut = pageOf(TerlambatItem).extend({ periode: PeriodeRef, opd: OpdRef });
export type TerlambatOut = z.infer<typeof TerlambatOut>;

export const PerbaruiOut = z.object({ periode: z.string(), dihitungAt: z.string(), opd: z.number() });

/** What the actor may see: the instansi view (BKD admin, head of region) and/or OPDs. */
export const AksesOut = z.object({
  instansi: z.boolean(),
  opd: z.array(OpdRef),
  /** The period shown by default: the one whose windows run this month. */
  periodeBawaan: z.string(),
  tahunBawaan: z.number(),
});
export type AksesOut = z.infer<typeof AksesOut>;
