/** How an SKP's values read on screen (the PDF is the server's). */
import type { SkpDetail } from '../../../src/contracts/skp';
import { formatTanggal } from '../../lib/istilah';

type Target = SkpDetail['rhk'][number]['iki'][number]['target'];

const angka = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 4 });

export function formatTarget(t: Target): string {
  if (t.teks) return t.teks;
  if (t.nilai === null) return '—';
  const nilai = t.nilaiMaks !== null ? `${angka(t.nilai)}–${angka(t.nilaiMaks)}` : angka(t.nilai);
  return [nilai, t.satuan].filter(Boolean).join(' ');
}

export function formatPeriode(mulai: string, akhir: string): string {
  return `${formatTanggal(mulai)} – ${formatTanggal(akhir)}`;
}
