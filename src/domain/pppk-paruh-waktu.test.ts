import { describe, expect, it } from 'vitest';
import type { JenisPeriode } from './jadwal.js';
import {
  type HasilPeriodik,
  labelTriwulan,
  penolakanFinal,
  periodeTriwulan,
  rincianTriwulan,
  salahIsian,
  triwulanSelesai,
} from './pppk-paruh-waktu.js';

const A = 'DI_ATAS_EKSPEKTASI';
const S = 'SESUAI_EKSPEKTASI';
const B = 'DI_BAWAH_EKSPEKTASI';

const hasil = (
  periodeKode: string,
  hk: HasilPeriodik['ratingHasilKerja'],
  pr: HasilPeriodik['ratingPerilaku'],
  predikat: HasilPeriodik['predikat'],
): HasilPeriodik => ({
  periodeKode,
  ratingHasilKerja: hk,
  ratingPerilaku: pr,
  predikat,
});

describe('periodeTriwulan', () => {
  it.each([
    ['BULANAN', 1, ['2026-01', '2026-02', '2026-03']],
    ['BULANAN', 4, ['2026-10', '2026-11', '2026-12']],
    ['TRIWULANAN', 3, ['2026-Q3']],
    ['SEMESTERAN', 2, null],
  ] as const)('%s, triwulan %i → %j', (jenis, ke, kode) => {
    expect(periodeTriwulan(2026, ke, jenis as JenisPeriode)?.map((p) => p.kode) ?? null).toEqual(kode);
  });

  it('names the quarter in Indonesian', () => {
    expect(labelTriwulan(2026, 3)).toBe('Triwulan III 2026');
  });
});

describe('triwulanSelesai (the instansi-zone date)', () => {
  it.each([
    [3, '2026-09-30', false],
    [3, '2026-10-01', true],
    [4, '2026-12-31', false],
    [4, '2027-01-01', true],
  ] as const)('triwulan %i on %s → %s', (ke, hariIni, selesai) => {
    expect(triwulanSelesai(2026, ke, hariIni)).toBe(selesai);
  });
});

describe('rincianTriwulan', () => {
  it('suggests the most frequent ratings of the three months, the later one on a tie', () => {
    const r = rincianTriwulan(2026, 3, 'BULANAN', [
      hasil('2026-07', S, S, 'BAIK'),
      hasil('2026-08', A, S, 'BAIK'),
      hasil('2026-09', A, A, 'SANGAT_BAIK'),
      hasil('2026-06', B, B, 'SANGAT_KURANG'), // another quarter: ignored
    ]);
    expect(r.periode.map((p) => [p.label, p.predikat])).toEqual([
      ['Juli 2026', 'BAIK'],
      ['Agustus 2026', 'BAIK'],
      ['September 2026', 'SANGAT_BAIK'],
    ]);
    expect(r.kekurangan).toEqual([]);
    expect(r.saran).toEqual({ ratingHasilKerja: A, ratingPerilaku: S, predikat: 'BAIK' });
  });

  it('names each missing month and suggests nothing: a missing month is not a value', () => {
    const r = rincianTriwulan(2026, 1, 'BULANAN', [hasil('2026-01', S, S, 'BAIK')]);
    expect(r.periode.map((p) => p.predikat)).toEqual(['BAIK', null, null]);
    expect(r.kekurangan).toEqual(['Februari 2026 belum dinilai', 'Maret 2026 belum dinilai']);
    expect(r.saran).toBeNull();
  });

  it('takes the quarter itself for a quarterly instansi', () => {
    const r = rincianTriwulan(2026, 2, 'TRIWULANAN', [hasil('2026-Q2', B, S, 'BUTUH_PERBAIKAN')]);
    expect(r.periode).toEqual([{ kode: '2026-Q2', label: 'Triwulan II 2026', predikat: 'BUTUH_PERBAIKAN' }]);
    expect(r.saran?.predikat).toBe('BUTUH_PERBAIKAN');
  });

  it('says a semesterly instansi cannot be split into quarters', () => {
    const r = rincianTriwulan(2026, 1, 'SEMESTERAN', [hasil('2026-S1', S, S, 'BAIK')]);
    expect(r.saran).toBeNull();
    expect(r.kekurangan).toEqual([
      'Periode penilaian instansi semesteran: Triwulan I 2026 tidak dapat dipisahkan dari hasil semester.',
    ]);
  });
});

describe('penolakanFinal', () => {
  const lengkap = rincianTriwulan(2026, 3, 'BULANAN', [
    hasil('2026-07', S, S, 'BAIK'),
    hasil('2026-08', S, S, 'BAIK'),
    hasil('2026-09', S, S, 'BAIK'),
  ]);
  const isian = { predikat: 'BAIK', alasanPerubahan: null, rekomendasi: 'DIPERPANJANG' } as const;

  it.each([
    ['complete, after the quarter', '2026-10-01', lengkap, isian, []],
    ['before the quarter ends', '2026-09-30', lengkap, isian, ['Triwulan III 2026 belum berakhir.']],
    [
      'a missing month',
      '2026-10-01',
      rincianTriwulan(2026, 3, 'BULANAN', [hasil('2026-07', S, S, 'BAIK'), hasil('2026-09', S, S, 'BAIK')]),
      isian,
      ['Agustus 2026 belum dinilai'],
    ],
    [
      'nothing recorded',
      '2026-10-01',
      lengkap,
      { predikat: null, alasanPerubahan: null, rekomendasi: null },
      ['Predikat triwulan belum diisi.', 'Rekomendasi kontrak belum diisi.'],
    ],
    [
      'another predikat without a reason',
      '2026-10-01',
      lengkap,
      { ...isian, predikat: 'BUTUH_PERBAIKAN', alasanPerubahan: '  ' },
      ['Predikat berbeda dari saran: tuliskan alasan perubahannya.'],
    ],
    [
      'another predikat with a reason',
      '2026-10-01',
      lengkap,
      { ...isian, predikat: 'BUTUH_PERBAIKAN', alasanPerubahan: 'Dua kali terlambat menyerahkan laporan.' },
      [],
    ],
  ] as const)('%s', (_, hariIni, rincian, i, alasan) => {
    expect(penolakanFinal(2026, 3, hariIni, rincian, i)).toEqual(alasan);
  });

  it('lets a draft keep another predikat only with a reason too', () => {
    expect(salahIsian(lengkap, { ...isian, predikat: 'SANGAT_BAIK', alasanPerubahan: null })).toHaveLength(1);
    expect(salahIsian(lengkap, isian)).toEqual([]);
  });
});
