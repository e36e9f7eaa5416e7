import { describe, expect, it } from 'vitest';
import {
  batasKeberatan,
  cekKeberatan,
  hasilAkhir,
  labelKodePeriode,
  type RatingPeriodik,
  sarankanTahunan,
  transisiEvaluasi,
  transisiKeberatan,
} from './evaluasi.js';

const p = (periodeKode: string, hk: string, pr: string) =>
  ({ periodeKode, ratingHasilKerja: hk, ratingPerilaku: pr }) as RatingPeriodik;
const ATAS = 'DI_ATAS_EKSPEKTASI';
const SESUAI = 'SESUAI_EKSPEKTASI';
const BAWAH = 'DI_BAWAH_EKSPEKTASI';

describe('sarankanTahunan', () => {
  it('is null without periodic ratings', () => {
    expect(sarankanTahunan([])).toEqual({ ratingHasilKerja: null, ratingPerilaku: null });
  });

  it('takes the most frequent rating with the periods it comes from', () => {
    const s = sarankanTahunan([
      p('2026-03', SESUAI, ATAS),
      p('2026-01', ATAS, ATAS),
      p('2026-02', SESUAI, BAWAH),
    ]);
    expect(s.ratingHasilKerja).toEqual({ rating: SESUAI, periode: ['2026-02', '2026-03'] });
    expect(s.ratingPerilaku).toEqual({ rating: ATAS, periode: ['2026-01', '2026-03'] });
  });

  it('breaks a tie towards the rating given later', () => {
    const s = sarankanTahunan([
      p('2026-01', ATAS, SESUAI),
      p('2026-02', BAWAH, SESUAI),
      p('2026-03', BAWAH, ATAS),
      p('2026-04', ATAS, ATAS),
    ]);
    expect(s.ratingHasilKerja).toEqual({ rating: ATAS, periode: ['2026-01', '2026-04'] });
    expect(s.ratingPerilaku).toEqual({ rating: ATAS, periode: ['2026-03', '2026-04'] });
  });
});

describe('transisiEvaluasi', () => {
  it.each([
    ['DRAF', 'UBAH', 'DRAF'],
    ['DRAF', 'TANDA_TANGAN_PENILAI', 'DITANDATANGANI_PENILAI'],
    ['DRAF', 'TANDA_TANGAN_PEGAWAI', null],
    ['DITANDATANGANI_PENILAI', 'UBAH', null],
    ['DITANDATANGANI_PENILAI', 'TANDA_TANGAN_PENILAI', null],
    ['DITANDATANGANI_PENILAI', 'TANDA_TANGAN_PEGAWAI', 'FINAL'],
    ['FINAL', 'UBAH', null],
    ['FINAL', 'TANDA_TANGAN_PENILAI', null],
    ['FINAL', 'TANDA_TANGAN_PEGAWAI', null],
  ] as const)('%s + %s → %s', (status, aksi, next) => {
    expect(transisiEvaluasi(status, aksi)).toBe(next);
  });
});

describe('keberatan window', () => {
  const base = {
    status: 'FINAL' as const,
    tanggalFinal: '2027-01-10',
    keberatanHari: 14,
    adaKeberatan: false,
  };

  it('ends keberatan_hari days after the FINAL date, that day included', () => {
    expect(batasKeberatan('2027-01-10', 14)).toBe('2027-01-24');
    expect(batasKeberatan('2027-02-20', 14)).toBe('2027-03-06');
    expect(cekKeberatan({ ...base, hariIni: '2027-01-24' })).toBeNull();
    expect(cekKeberatan({ ...base, hariIni: '2027-01-25' })).toBe('LEWAT_BATAS');
  });

  it('needs a FINAL evaluation and only one objection', () => {
    expect(
      cekKeberatan({ ...base, status: 'DITANDATANGANI_PENILAI', tanggalFinal: null, hariIni: '2027-01-11' }),
    ).toBe('BELUM_FINAL');
    expect(cekKeberatan({ ...base, adaKeberatan: true, hariIni: '2027-01-11' })).toBe('SUDAH_DIAJUKAN');
  });
});

describe('transisiKeberatan', () => {
  it.each([
    ['DIAJUKAN', 'MINTA_KETERANGAN', 'DIPERIKSA'],
    ['DIAJUKAN', 'JAWAB_KETERANGAN', null],
    ['DIAJUKAN', 'PUTUS', 'DIPUTUS'],
    ['DIPERIKSA', 'MINTA_KETERANGAN', 'DIPERIKSA'],
    ['DIPERIKSA', 'JAWAB_KETERANGAN', 'DIPERIKSA'],
    ['DIPERIKSA', 'PUTUS', 'DIPUTUS'],
    ['DIPUTUS', 'PUTUS', null],
    ['DIPUTUS', 'MINTA_KETERANGAN', null],
    ['DIPUTUS', 'JAWAB_KETERANGAN', null],
  ] as const)('%s + %s → %s', (status, aksi, next) => {
    expect(transisiKeberatan(status, aksi)).toBe(next);
  });
});

describe('hasilAkhir', () => {
  const evaluasi = { ratingHasilKerja: BAWAH, ratingPerilaku: SESUAI } as const;

  it('keeps the assessor ratings without a decision or when confirmed', () => {
    expect(hasilAkhir(evaluasi, null).predikat).toBe('BUTUH_PERBAIKAN');
    expect(
      hasilAkhir(evaluasi, { keputusan: 'DIKUATKAN', ratingHasilKerja: null, ratingPerilaku: null }).predikat,
    ).toBe('BUTUH_PERBAIKAN');
  });

  it('takes the changed ratings through the §6.2 matrix', () => {
    expect(
      hasilAkhir(evaluasi, { keputusan: 'DIUBAH', ratingHasilKerja: SESUAI, ratingPerilaku: SESUAI }),
    ).toEqual({
      ratingHasilKerja: SESUAI,
      ratingPerilaku: SESUAI,
      predikat: 'BAIK',
    });
  });
});

describe('labelKodePeriode', () => {
  it.each([
    ['2026-07', 'Juli 2026'],
    ['2026-Q3', 'Triwulan III 2026'],
    ['2026-S2', 'Semester II 2026'],
    ['2026', '2026'],
  ])('%s → %s', (kode, label) => {
    expect(labelKodePeriode(kode)).toBe(label);
  });
});
