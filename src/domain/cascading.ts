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
const unit = (t: Target) => (t.satuan ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

function statusOf<Id>(leader: CakupanIki<Id>, children: RhkBawahan<Id>[]): HasilCakupan<Id> {
  const base = { rhkId: leader.rhkId, ikiId: leader.ikiId };
  if (children.length === 0) return { ...base, status: 'TANPA_BAWAHAN', jumlah: null };
  if (leader.target.nilai === null) return { ...base, status: 'LENGKAP', jumlah: null };
  const matching = children
    .flatMap((c) => c.iki)
    .filter(
      (k) => (leader.aspek === null || k.aspek === leader.aspek) && unit(k.target) === unit(leader.target),
    );
  const values = matching.map((k) => k.target.nilai).filter((v): v is number => v !== null);
  if (values.length === 0) return { ...base, status: 'BEDA_SATUAN', jumlah: null };
  if (!ADDITIVE.has(leader.aspek)) return { ...base, status: 'LENGKAP', jumlah: null };
  const jumlah = values.reduce((a, b) => a + b, 0);
  const low = leader.target.nilai;
  const high = leader.target.nilaiMaks ?? low;
  // Compared in hundredths so 0.1 + 0.2 equals 0.3.
  const cents = (n: number) => Math.round(n * 100);
  const status = cents(jumlah) < cents(low) ? 'KURANG' : cents(jumlah) > cents(high) ? 'LEBIH' : 'LENGKAP';
  return { ...base, status, jumlah };
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
    persenLengkap: iki.length === 0 ? 100 : Math.round((1000 * lengkap) / iki.length) / 10,
  };
}
