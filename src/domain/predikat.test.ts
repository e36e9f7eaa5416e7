import { describe, expect, it } from 'vitest';
import {
  AMBANG_SEBAGIAN_BESAR,
  AMBANG_SEBAGIAN_KECIL_UTAMA,
  bacaPredikat,
  type CapaianRhk,
  PREDIKAT_PEGAWAI,
  PREDIKAT_PEGAWAI_LABEL,
  predikatKinerja,
  RATING,
  RATING_KANONIK,
  RATING_LABEL,
  type Rating,
  sarankanRatingHasilKerja,
  type VerdictRhk,
} from './predikat.js';

describe('predikat kinerja pegawai (SPEC §6.2, exact matrix)', () => {
  it.each([
    ['DI_ATAS_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'Kurang/Misconduct'],
    ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'Baik'],
    ['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'Sangat Baik'],
    ['SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'Kurang/Misconduct'],
    ['SESUAI_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'Baik'],
    ['SESUAI_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'Baik'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI', 'Sangat Kurang'],
    ['DI_BAWAH_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'Butuh Perbaikan'],
    ['DI_BAWAH_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI', 'Butuh Perbaikan'],
  ] as [Rating, Rating, string][])('hasil kerja %s, perilaku %s → %s', (hasil, perilaku, label) => {
    expect(PREDIKAT_PEGAWAI_LABEL[predikatKinerja(hasil, perilaku)]).toBe(label);
  });

  it('poor behaviour caps at Kurang/Misconduct; Sangat Baik needs both above', () => {
    for (const hasil of RATING) {
      expect(['KURANG', 'SANGAT_KURANG']).toContain(predikatKinerja(hasil, 'DI_BAWAH_EKSPEKTASI'));
    }
    const sangatBaik = RATING.flatMap((h) => RATING.map((p) => [h, p] as const)).filter(
      ([h, p]) => predikatKinerja(h, p) === 'SANGAT_BAIK',
    );
    expect(sangatBaik).toEqual([['DI_ATAS_EKSPEKTASI', 'DI_ATAS_EKSPEKTASI']]);
  });

  it('labels read as in SPEC', () => {
    expect(RATING.map((r) => RATING_LABEL[r])).toEqual([
      'Di Atas Ekspektasi',
      'Sesuai Ekspektasi',
      'Di Bawah Ekspektasi',
    ]);
    expect(PREDIKAT_PEGAWAI.map((p) => PREDIKAT_PEGAWAI_LABEL[p])).toEqual([
      'Sangat Baik',
      'Baik',
      'Butuh Perbaikan',
      'Kurang/Misconduct',
      'Sangat Kurang',
    ]);
  });
});

/** Verdicts written compactly: 'U+' = UTAMA above, 'T=' = TAMBAHAN meets, 'U-' = UTAMA below. */
const v = (...codes: string[]): VerdictRhk[] =>
  codes.map((c) => ({
    jenis: c[0] === 'U' ? 'UTAMA' : 'TAMBAHAN',
    capaian: ({ '+': 'DI_ATAS', '=': 'SESUAI', '-': 'DI_BAWAH' } as Record<string, CapaianRhk>)[c[1]!]!,
  }));

describe('sarankanRatingHasilKerja (SPEC §6.2 criteria)', () => {
  it('the thresholds are more than half and at most a quarter', () => {
    expect([AMBANG_SEBAGIAN_BESAR, AMBANG_SEBAGIAN_KECIL_UTAMA]).toEqual([0.5, 0.25]);
  });

  it('no RHK judged: no suggestion', () => {
    expect(sarankanRatingHasilKerja([])).toBeNull();
  });

  it.each([
    // Di Atas: most or all above, no UTAMA below.
    [
      ['U+'],
      'DI_ATAS_EKSPEKTASI',
      '1 dari 1 hasil kerja di atas ekspektasi dan tidak ada RHK Utama di bawah ekspektasi.',
    ],
    [
      ['U+', 'U+', 'U='],
      'DI_ATAS_EKSPEKTASI',
      '2 dari 3 hasil kerja di atas ekspektasi dan tidak ada RHK Utama di bawah ekspektasi.',
    ],
    [
      ['U+', 'U+', 'T-'],
      'DI_ATAS_EKSPEKTASI',
      '2 dari 3 hasil kerja di atas ekspektasi dan tidak ada RHK Utama di bawah ekspektasi.',
    ],
    // Half above is not "most": Sesuai.
    [['U+', 'U='], 'SESUAI_EKSPEKTASI', '2 dari 2 hasil kerja memenuhi ekspektasi.'],
    // Most above but one UTAMA below: not Di Atas; 1 of 4 UTAMA is a small part: Sesuai.
    [
      ['U+', 'U+', 'U+', 'U-'],
      'SESUAI_EKSPEKTASI',
      '3 dari 4 hasil kerja memenuhi ekspektasi; 1 dari 4 RHK Utama di bawah ekspektasi.',
    ],
    [['U=', 'U=', 'T='], 'SESUAI_EKSPEKTASI', '3 dari 3 hasil kerja memenuhi ekspektasi.'],
    // Most above, one of three UTAMA below (more than a quarter): Di Bawah.
    [
      ['U+', 'U+', 'U-', 'T+'],
      'DI_BAWAH_EKSPEKTASI',
      '1 dari 3 RHK Utama di bawah ekspektasi, lebih dari sebagian kecil.',
    ],
    // Most or all below.
    [['U-', 'U-', 'T='], 'DI_BAWAH_EKSPEKTASI', 'Sebagian besar hasil kerja di bawah ekspektasi (2 dari 3).'],
    [['U-'], 'DI_BAWAH_EKSPEKTASI', 'Sebagian besar hasil kerja di bawah ekspektasi (1 dari 1).'],
    // An even split: neither most below nor most meeting.
    [
      ['U=', 'T+', 'T-', 'T-'],
      'DI_BAWAH_EKSPEKTASI',
      'Hanya 2 dari 4 hasil kerja yang memenuhi ekspektasi, belum sebagian besar.',
    ],
  ])('%j → %s', (codes, rating, alasan) => {
    expect(sarankanRatingHasilKerja(v(...codes))).toEqual({ rating, alasan });
  });

  it('a TAMBAHAN below blocks neither Di Atas nor Sesuai', () => {
    expect(sarankanRatingHasilKerja(v('T+', 'T+', 'T-'))?.rating).toBe('DI_ATAS_EKSPEKTASI');
    expect(sarankanRatingHasilKerja(v('U=', 'U=', 'T-'))?.rating).toBe('SESUAI_EKSPEKTASI');
  });

  it('exactly a quarter of UTAMA below is still a small part; just above it is not', () => {
    expect(sarankanRatingHasilKerja(v('U=', 'U=', 'U=', 'U-'))?.rating).toBe('SESUAI_EKSPEKTASI');
    expect(sarankanRatingHasilKerja(v('U=', 'U=', 'U=', 'U=', 'U=', 'U=', 'U-', 'U-'))?.rating).toBe(
      'SESUAI_EKSPEKTASI',
    );
    expect(sarankanRatingHasilKerja(v('U=', 'U=', 'U=', 'U=', 'U=', 'U-', 'U-', 'T='))?.rating).toBe(
      'DI_BAWAH_EKSPEKTASI',
    );
  });
});

describe('predikat without ratings (the national report)', () => {
  it('each predikat has a canonical rating pair the matrix turns back into it', () => {
    for (const p of PREDIKAT_PEGAWAI) expect(predikatKinerja(...RATING_KANONIK[p])).toBe(p);
  });

  it.each([
    ['Sangat Baik', 'SANGAT_BAIK'],
    ['  BAIK ', 'BAIK'],
    ['Butuh  Perbaikan', 'BUTUH_PERBAIKAN'],
    ['Kurang/Misconduct', 'KURANG'],
    ['kurang / misconduct', 'KURANG'],
    ['SANGAT_KURANG', 'SANGAT_KURANG'],
    ['Baik sekali', null],
    ['4', null],
    ['Istimewa', null],
  ])('%j → %s', (teks, p) => {
    expect(bacaPredikat(teks)).toBe(p);
  });
});
