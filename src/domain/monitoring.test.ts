import { describe, expect, it } from 'vitest';
import { DEFAULT_JADWAL, periodeOf } from './jadwal.js';
import {
  batasPeriode,
  type FaktaBulan,
  jumlahTerlambat,
  kepatuhan,
  peringkat,
  periodeBerjalan,
  periodeTahun,
  persen,
  statusTerlambat,
} from './monitoring.js';

const juli = periodeOf('2026-07', DEFAULT_JADWAL);
const batas = batasPeriode(juli, DEFAULT_JADWAL);
const at = (local: string) => new Date(`${local}+08:00`);
const fakta = (f: Partial<FaktaBulan>): FaktaBulan => ({
  rhk: 2,
  diajukan: 2,
  terakhirDiajukan: at('2026-08-03T10:00:00'),
  menunggu: 0,
  menungguUlang: 0,
  perluPerbaikan: 0,
  ...f,
});

describe('batasPeriode', () => {
  it('ends each window at local midnight of its last day (WITA)', () => {
    expect(batas.input.toISOString()).toBe('2026-08-07T15:59:59.999Z');
    expect(batas.penilaian.toISOString()).toBe('2026-08-15T15:59:59.999Z');
    // A correction may be re-assessed until the period closes (SPEC §5.1).
    expect(batas.penilaianUlang.toISOString()).toBe('2026-08-31T15:59:59.999Z');
    expect(batas.perbaikan.toISOString()).toBe('2026-08-25T15:59:59.999Z');
  });
});

describe('statusTerlambat', () => {
  it.each<[string, Partial<FaktaBulan>, string, string[]]>([
    ['on time, accepted', {}, '2026-08-27T10:00:00', []],
    [
      'nothing reported while input is open',
      { diajukan: 0, terakhirDiajukan: null },
      '2026-08-05T10:00:00',
      [],
    ],
    [
      'nothing reported after input',
      { diajukan: 0, terakhirDiajukan: null },
      '2026-08-08T00:00:00',
      ['BELUM_MELAPOR'],
    ],
    ['half reported after input', { diajukan: 1 }, '2026-08-08T00:00:00', ['BELUM_MELAPOR']],
    [
      'a plan without RHK never counts as reported',
      { rhk: 0, diajukan: 0 },
      '2026-08-08T00:00:00',
      ['BELUM_MELAPOR'],
    ],
    [
      'reported on the last second',
      { terakhirDiajukan: at('2026-08-07T23:59:59') },
      '2026-08-08T10:00:00',
      [],
    ],
    [
      'reported late and waiting past the assessment',
      { terakhirDiajukan: at('2026-08-09T10:00:00'), menunggu: 2 },
      '2026-08-16T00:00:00',
      ['MELAPOR_TERLAMBAT', 'BELUM_DINILAI'],
    ],
    ['waiting within the assessment window', { menunggu: 1 }, '2026-08-15T20:00:00', []],
    ['a correction waits until corrections close', { menungguUlang: 1 }, '2026-08-20T10:00:00', []],
    [
      'a correction waits past corrections until the period closes',
      { menungguUlang: 1 },
      '2026-08-31T20:00:00',
      [],
    ],
    ['a correction not re-assessed', { menungguUlang: 1 }, '2026-09-01T00:00:00', ['BELUM_DINILAI']],
    ['sent back, not corrected', { perluPerbaikan: 1 }, '2026-08-26T00:00:00', ['BELUM_DIPERBAIKI']],
    ['sent back, correction still open', { perluPerbaikan: 1 }, '2026-08-25T10:00:00', []],
  ])('%s', (_, f, now, expected) => {
    expect(statusTerlambat(fakta(f), batas, at(now))).toEqual(expected);
  });
});

describe('figures', () => {
  it('persen: one decimal, null without anyone to count', () => {
    expect(persen(1, 3)).toBe(33.3);
    expect(persen(2, 3)).toBe(66.7);
    expect(persen(0, 0)).toBeNull();
    expect(persen(5, 5)).toBe(100);
  });

  it('late: reported late, and once input has closed those who did not report', () => {
    const a = { skpDisetujui: 10, melapor: 7, tepatWaktu: 5 };
    expect(jumlahTerlambat(a, false)).toBe(2);
    expect(jumlahTerlambat(a, true)).toBe(5);
    expect(kepatuhan(a)).toBe(50);
  });

  it('ranks best first, ties share a rank, OPDs without figures last and unranked', () => {
    const ranked = peringkat([
      { nama: 'Dinas C', kepatuhan: 80 },
      { nama: 'Dinas A', kepatuhan: null },
      { nama: 'Dinas B', kepatuhan: 90 },
      { nama: 'Dinas D', kepatuhan: 80 },
      { nama: 'Dinas E', kepatuhan: 10 },
    ]);
    expect(ranked.map((r) => [r.nama, r.peringkat])).toEqual([
      ['Dinas B', 1],
      ['Dinas C', 2],
      ['Dinas D', 2],
      ['Dinas E', 4],
      ['Dinas A', null],
    ]);
  });
});

describe('periods', () => {
  it('still changing: the current period and the two before it', () => {
    expect(periodeBerjalan('2026-08-27', DEFAULT_JADWAL).map((p) => p.kode)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    expect(periodeBerjalan('2026-01-05', DEFAULT_JADWAL).map((p) => p.kode)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(periodeBerjalan('2026-08-27', { periode: 'TRIWULANAN' }).map((p) => p.kode)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });

  it('of a year: those begun by the date', () => {
    expect(periodeTahun(2026, '2026-03-01', DEFAULT_JADWAL).map((p) => p.kode)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(periodeTahun(2025, '2026-03-01', { periode: 'SEMESTERAN' }).map((p) => p.kode)).toEqual([
      '2025-S1',
      '2025-S2',
    ]);
    expect(periodeTahun(2027, '2026-03-01', DEFAULT_JADWAL)).toEqual([]);
  });
});
