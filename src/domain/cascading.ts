/**
 * "Dibagi habis" (SPEC §4.3): is every leader IKI carried by the subordinates' RHKs that intervene
 * it, and does every subordinate UTAMA RHK hang under a leader RHK?
 *
 * Only amounts add up: for KUANTITAS and BIAYA (and JPT indicators without an aspect) the children's
 * targets in the same unit are summed and compared with the leader's target. A KUALITAS or WAKTU
 * target (a percentage, a number of months) is not divided among people, so it is covered when the
 * children measure it in the same unit.
 */
import type { Aspek, Target } from './skp.js';

export const STATUS_CAKUPAN = ['LENGKAP', 'KURANG', 'LEBIH', 'BEDA_SATUAN', 'TANPA_BAWAHAN'] as const;
export type StatusCakupan = (typeof STATUS_CAKUPAN)[number];

export const STATUS_CAKUPAN_LABEL: Record<StatusCakupan, string> = {
  LENGKAP: 'Lengkap',
  KURANG: 'Kurang',
  LEBIH: 'Lebih',
  BEDA_SATUAN: 'Beda satuan',
  TANPA_BAWAHAN: 'Tanpa bawahan',
};

export interface CakupanIki<Id> {
  rhkId: Id;
  ikiId: Id;
  aspek: Aspek | null;
  target: Target;
}

export interface RhkBawahan<Id> {
  rhkId: Id;
  jenis: 'UTAMA' | 'TAMBAHAN';
  intervensi: Id[];
  iki: { aspek: Aspek | null; target: Target }[];
}

export interface HasilCakupan<Id> {
  rhkId: Id;
  ikiId: Id;
  status: StatusCakupan;
  /** The children's total in the leader's unit, for additive aspects. */
  jumlah: number | null;
}

const ADDITIVE = new Set<Aspek | null>(['KUANTITAS', 'BIAYA', null]);

/** What the children contribute to one leader IKI: how many intervene it, and the matching targets. */
export interface AgregatAnak {
  /** Subordinate RHKs that intervene the leader's RHK. */
  anak: number;
  /** Their IKIs in the leader's aspect and unit that carry a value, and the sum of those values. */
  cocok: number;
  jumlah: number;
}

/** The one judgement of a leader IKI, shared by the per-plan view and the instansi-wide report. */
export function statusCakupan(
  leader: { aspek: Aspek | null; target: Target },
  agg: AgregatAnak,
): { status: StatusCakupan; jumlah: number | null } {
  if (agg.anak === 0) return { status: 'TANPA_BAWAHAN', jumlah: null };
  if (leader.target.nilai === null) return { status: 'LENGKAP', jumlah: null };
  if (agg.cocok === 0) return { status: 'BEDA_SATUAN', jumlah: null };
  if (!ADDITIVE.has(leader.aspek)) return { status: 'LENGKAP', jumlah: null };
  const low = leader.target.nilai;
  const high = leader.target.nilaiMaks ?? low;
  // Compared in hundredths so 0.1 + 0.2 equals 0.3.
  const cents = (n: number) => Math.round(n * 100);
  const status =
    cents(agg.jumlah) < cents(low) ? 'KURANG' : cents(agg.jumlah) > cents(high) ? 'LEBIH' : 'LENGKAP';
  return { status, jumlah: agg.jumlah };
}

/** Normalised unit, so "Dokumen " and "dokumen" match (the instansi report's SQL normalises alike). */
export const satuanKunci = (t: Target) => (t.satuan ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function statusOf<Id>(leader: CakupanIki<Id>, children: RhkBawahan<Id>[]): HasilCakupan<Id> {
  const values = children
    .flatMap((c) => c.iki)
    .filter(
      (k) =>
        (leader.aspek === null || k.aspek === leader.aspek) &&
        satuanKunci(k.target) === satuanKunci(leader.target),
    )
    .map((k) => k.target.nilai)
    .filter((v): v is number => v !== null);
  const agg = { anak: children.length, cocok: values.length, jumlah: values.reduce((a, b) => a + b, 0) };
  return { rhkId: leader.rhkId, ikiId: leader.ikiId, ...statusCakupan(leader, agg) };
}

/** Share of IKIs that are LENGKAP, in percent with one decimal (100 when there is nothing to cover). */
export function persenLengkap(lengkap: number, total: number): number {
  return total === 0 ? 100 : Math.round((1000 * lengkap) / total) / 10;
}

export function hitungCakupan<Id>(leaderIki: CakupanIki<Id>[], bawahan: RhkBawahan<Id>[]) {
  const byLeaderRhk = new Map<Id, RhkBawahan<Id>[]>();
  for (const child of bawahan) {
    for (const parent of new Set(child.intervensi))
      byLeaderRhk.set(parent, [...(byLeaderRhk.get(parent) ?? []), child]);
  }
  const iki = leaderIki.map((l) => statusOf(l, byLeaderRhk.get(l.rhkId) ?? []));
  const leaderRhk = new Set(leaderIki.map((l) => l.rhkId));
  const tanpaInduk = bawahan
    .filter((c) => c.jenis === 'UTAMA' && !c.intervensi.some((p) => leaderRhk.has(p)))
    .map((c) => c.rhkId);
  const lengkap = iki.filter((r) => r.status === 'LENGKAP').length;
  return {
    iki,
    tanpaInduk,
    /** Open problems: every IKI not LENGKAP plus every orphaned UTAMA RHK. */
    masalah: iki.length - lengkap + tanpaInduk.length,
    persenLengkap: persenLengkap(lengkap, iki.length),
  };
}
