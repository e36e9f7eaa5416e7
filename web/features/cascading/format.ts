/** Display helpers of the cascading pages: targets, percentages, status colours. */
import type { StatusSkp } from '../../../src/domain/skp-workflow';

export const WARNA_STATUS_SKP: Record<StatusSkp, string> = {
  DRAFT: 'gray',
  DIAJUKAN: 'blue',
  DISETUJUI: 'teal',
  DIKEMBALIKAN: 'orange',
};

const angka = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });

export function formatTarget(t: {
  nilai: number | null;
  nilaiMaks: number | null;
  satuan: string | null;
  teks: string | null;
}): string {
  if (t.nilai === null) return t.teks ?? '—';
  const nilai =
    t.nilaiMaks !== null && t.nilaiMaks !== t.nilai
      ? `${angka(t.nilai)}–${angka(t.nilaiMaks)}`
      : angka(t.nilai);
  return [nilai, t.satuan].filter(Boolean).join(' ');
}

export const formatJumlah = (n: number | null, satuan: string | null) =>
  n === null ? '—' : [angka(n), satuan].filter(Boolean).join(' ');

/** Colour of a coverage percentage: green when complete, orange half way, red below. */
export const warnaPersen = (n: number) => (n >= 100 ? 'teal' : n >= 50 ? 'orange' : 'red');
