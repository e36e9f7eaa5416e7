import { describe, expect, it } from 'vitest';
import { bulanPeriode, KOLOM_LAPORAN_PENILAIAN_SKP, kolomBulanan } from './laporan.js';

describe('national export columns', () => {
  it('Laporan Penilaian SKP: NIP, Nama, twelve months, Tahunan', () => {
    expect(KOLOM_LAPORAN_PENILAIAN_SKP).toHaveLength(15);
    expect(KOLOM_LAPORAN_PENILAIAN_SKP.slice(2, 4)).toEqual(['Januari', 'Februari']);
    expect(KOLOM_LAPORAN_PENILAIAN_SKP.at(-1)).toBe('Tahunan');
  });

  it.each([
    ['2026-07', [7]],
    ['2026-12', [12]],
    ['2026-Q1', [1, 2, 3]],
    ['2026-Q4', [10, 11, 12]],
    ['2026-S2', [7, 8, 9, 10, 11, 12]],
  ] as const)('%s covers %j', (kode, bulan) => expect(bulanPeriode(kode)).toEqual(bulan));

  it('fills months with the predikat label and "-"', () => {
    expect(
      kolomBulanan([
        { periodeKode: '2026-01', predikat: 'BAIK' },
        { periodeKode: '2026-03', predikat: 'KURANG' },
      ]),
    ).toEqual(['Baik', '-', 'Kurang/Misconduct', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
    expect(kolomBulanan([{ periodeKode: '2026-Q2', predikat: 'SANGAT_BAIK' }]).slice(2, 7)).toEqual([
      '-',
      'Sangat Baik',
      'Sangat Baik',
      'Sangat Baik',
      '-',
    ]);
    expect(kolomBulanan([])).toEqual(Array(12).fill('-'));
  });
});
