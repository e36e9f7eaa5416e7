import { describe, expect, it } from 'vitest';
import {
  ATURAN_KURVA_BAWAAN,
  type AturanKurva,
  batasJumlah,
  type Distribusi,
  labelPeriodeKurva,
  nilaiKurva,
  PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
  ratingDariPredikatOrganisasi,
} from './kurva.js';
import type { PredikatOrganisasi } from './predikat.js';

/** SB, B, BP, K, SK counts. */
const d = (sb: number, b: number, bp: number, k: number, sk: number): Distribusi => ({
  SANGAT_BAIK: sb,
  BAIK: b,
  BUTUH_PERBAIKAN: bp,
  KURANG: k,
  SANGAT_KURANG: sk,
});

describe('kurva distribusi (SPEC §6.4)', () => {
  it.each([
    ['ISTIMEWA', d(6, 3, 1, 0, 0)],
    ['BAIK', d(2, 6, 1, 1, 0)],
    ['BUTUH_PERBAIKAN', d(1, 2, 7, 0, 0)],
    ['KURANG', d(1, 0, 2, 7, 0)],
    ['SANGAT_KURANG', d(0, 0, 1, 1, 8)],
  ] as [PredikatOrganisasi, Distribusi][])('%s: a distribution on the curve has no breach', (org, dist) => {
    const hasil = nilaiKurva(dist, org);
    expect(hasil.pelanggaran).toEqual([]);
    expect(hasil.unitKecil).toBe(false);
    expect(hasil.n).toBe(10);
  });

  it.each([
    [
      'ISTIMEWA',
      d(8, 2, 0, 0, 0),
      ['Sangat Baik 8 dari 10 pegawai (80 %), melebihi batas 70 % (paling banyak 7 pegawai).'],
    ],
    ['ISTIMEWA', d(3, 5, 2, 0, 0), ['Sangat Baik (3 pegawai) bukan kelompok terbanyak: Baik 5 pegawai.']],
    [
      'BAIK',
      d(2, 8, 0, 0, 0),
      [
        'Baik 8 dari 10 pegawai (80 %), melebihi batas 70 % (paling banyak 7 pegawai).',
        'Butuh Perbaikan + Kurang/Misconduct 0 dari 10 pegawai (0 %), padahal paling sedikit 1 pegawai.',
      ],
    ],
    [
      'BUTUH_PERBAIKAN',
      d(2, 3, 5, 0, 0),
      [
        'Butuh Perbaikan 5 dari 10 pegawai (50 %), kurang dari 60 % (paling sedikit 6 pegawai).',
        'Sangat Baik 2 dari 10 pegawai (20 %), melebihi batas 10 % (paling banyak 1 pegawai).',
      ],
    ],
    [
      'KURANG',
      d(0, 1, 0, 9, 0),
      ['Butuh Perbaikan 0 dari 10 pegawai (0 %), kurang dari 10 % (paling sedikit 1 pegawai).'],
    ],
    ['SANGAT_KURANG', d(1, 0, 0, 1, 8), ['Ada 1 pegawai berpredikat Sangat Baik, padahal tidak boleh ada.']],
  ] as [PredikatOrganisasi, Distribusi, string[]][])(
    '%s: a breaching distribution names each breach in words',
    (org, dist, pelanggaran) => {
      expect(nilaiKurva(dist, org).pelanggaran).toEqual(pelanggaran);
    },
  );

  it('a tie for the largest group still counts as the largest', () => {
    expect(nilaiKurva(d(5, 5, 0, 0, 0), 'ISTIMEWA').pelanggaran).toEqual([]);
  });

  it('rounding at the boundaries: exactly 70 % is allowed, one more is not', () => {
    expect(nilaiKurva(d(7, 3, 0, 0, 0), 'ISTIMEWA').pelanggaran).toEqual([]);
    expect(nilaiKurva(d(14, 6, 0, 0, 0), 'ISTIMEWA').pelanggaran).toEqual([]);
    expect(nilaiKurva(d(15, 5, 0, 0, 0), 'ISTIMEWA').pelanggaran).toHaveLength(1);
  });

  it('rounding at the boundaries: exactly 60 % meets the minimum, one less does not', () => {
    expect(nilaiKurva(d(0, 4, 6, 0, 0), 'BUTUH_PERBAIKAN').pelanggaran).toEqual([]);
    expect(nilaiKurva(d(0, 5, 5, 0, 0), 'BUTUH_PERBAIKAN').pelanggaran).toHaveLength(1);
  });

  it('maxima round down and minima round up (floor(p·N), ceil(p·N))', () => {
    // N = 11: 70 % = 7.7 → at most 7; 60 % = 6.6 → at least 7; 10 % = 1.1 → at least 2.
    expect(batasJumlah(70, 11, 'BAWAH')).toBe(7);
    expect(batasJumlah(60, 11, 'ATAS')).toBe(7);
    expect(batasJumlah(10, 11, 'ATAS')).toBe(2);
    // p·N exact: no float drift (0.1 × 30 is 3.0000000000000004 in floating point).
    expect(batasJumlah(10, 30, 'ATAS')).toBe(3);
    expect(nilaiKurva(d(8, 3, 0, 0, 0), 'ISTIMEWA').pelanggaran).toHaveLength(1);
    expect(nilaiKurva(d(0, 4, 7, 0, 0), 'BUTUH_PERBAIKAN').pelanggaran).toEqual([]);
    expect(nilaiKurva(d(0, 5, 6, 0, 0), 'BUTUH_PERBAIKAN').pelanggaran).toHaveLength(1);
  });

  it('the rounding is per-instansi data', () => {
    const aturan: AturanKurva = { ...ATURAN_KURVA_BAWAAN, pembulatan: { maks: 'TERDEKAT', min: 'TERDEKAT' } };
    // N = 11: 70 % = 7.7 → 8 with rounding to the nearest.
    expect(nilaiKurva(d(8, 3, 0, 0, 0), 'ISTIMEWA', aturan).pelanggaran).toEqual([]);
  });

  it('N < 10 is flagged, not judged', () => {
    const hasil = nilaiKurva(d(9, 0, 0, 0, 0), 'SANGAT_KURANG');
    expect(hasil.unitKecil).toBe(true);
    expect(hasil.pelanggaran).toEqual([]);
    expect(hasil.n).toBe(9);
    expect(nilaiKurva(d(0, 0, 0, 0, 0), 'BAIK').unitKecil).toBe(true);
  });

  it('the expected band per predikat for the chart', () => {
    const { harapan, ketentuan } = nilaiKurva(d(6, 3, 1, 0, 0), 'ISTIMEWA');
    expect(harapan.find((h) => h.predikat === 'SANGAT_BAIK')).toEqual({
      predikat: 'SANGAT_BAIK',
      min: 0,
      maks: 7,
    });
    expect(ketentuan).toEqual([
      'Sangat Baik menjadi kelompok terbanyak.',
      'Sangat Baik paling banyak 70 % (7 dari 10 pegawai).',
    ]);
  });
});

describe('predikat organisasi → rating hasil kerja of the unit leader (SPEC §6.3)', () => {
  it.each([
    ['ISTIMEWA', 'DI_ATAS_EKSPEKTASI'],
    ['BAIK', 'SESUAI_EKSPEKTASI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH_EKSPEKTASI'],
    ['KURANG', 'DI_BAWAH_EKSPEKTASI'],
    ['SANGAT_KURANG', 'DI_BAWAH_EKSPEKTASI'],
  ] as const)('default: %s → %s', (org, rating) => {
    expect(ratingDariPredikatOrganisasi(org)).toBe(rating);
  });

  it('the mapping is configurable', () => {
    expect(
      ratingDariPredikatOrganisasi('BAIK', {
        ...PEMETAAN_PREDIKAT_ORGANISASI_BAWAAN,
        BAIK: 'DI_ATAS_EKSPEKTASI',
      }),
    ).toBe('DI_ATAS_EKSPEKTASI');
  });
});

describe('a curve period in words (the period picker)', () => {
  it.each([
    ['2026-07', 'Juli 2026'],
    ['2026-Q3', 'Triwulan III 2026'],
    ['2026-S1', 'Semester I 2026'],
    ['2025', 'Tahun 2025 (penilaian tahunan)'],
  ])('%s → %s', (kode, label) => {
    expect(labelPeriodeKurva(kode)).toBe(label);
  });
});
