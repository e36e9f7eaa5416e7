/**
 * The pola distribusi of a unit as a small bar chart drawn with pdfmake vectors (no image library):
 * one bar per predikat, its count under it. Pure.
 */
import type { CanvasElement, Content } from 'pdfmake/interfaces.js';
import type { Distribusi } from '../../domain/kurva.js';
import { PREDIKAT_PEGAWAI, type PredikatPegawai } from '../../domain/predikat.js';

export const SINGKATAN_PREDIKAT: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'SB',
  BAIK: 'B',
  BUTUH_PERBAIKAN: 'BP',
  KURANG: 'K',
  SANGAT_KURANG: 'SK',
};

const SLOT = 56;
const BATANG = 32;
const TINGGI = 70;

export function grafikDistribusi(jumlah: Distribusi): Content {
  const maks = Math.max(1, ...PREDIKAT_PEGAWAI.map((p) => jumlah[p]));
  const n = PREDIKAT_PEGAWAI.reduce((s, p) => s + jumlah[p], 0);
  const batang: CanvasElement[] = PREDIKAT_PEGAWAI.map((p, i) => {
    const h = Math.round((jumlah[p] / maks) * TINGGI);
    return {
      type: 'rect',
      x: i * SLOT + (SLOT - BATANG) / 2,
      y: TINGGI - h,
      w: BATANG,
      h,
      color: '#4a6fa5',
    };
  });
  return {
    unbreakable: true,
    stack: [
      {
        canvas: [
          ...batang,
          { type: 'line', x1: 0, y1: TINGGI, x2: SLOT * PREDIKAT_PEGAWAI.length, y2: TINGGI, lineWidth: 0.8 },
        ],
      },
      {
        columns: PREDIKAT_PEGAWAI.map((p) => ({
          width: SLOT,
          alignment: 'center' as const,
          text: `${SINGKATAN_PREDIKAT[p]}: ${jumlah[p]}`,
        })),
        margin: [0, 2, 0, 0],
      },
      { text: `N = ${n} pegawai`, fontSize: 8, margin: [0, 2, 0, 0] },
    ],
  };
}
