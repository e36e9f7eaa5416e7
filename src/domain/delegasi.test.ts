import { describe, expect, it } from 'vitest';
import {
  alasanPenerimaDitolak,
  alasanRentangDitolak,
  MAKS_HARI_DELEGASI,
  statusDelegasi,
} from './delegasi.js';
import type { JenisJabatan } from './jabatan.js';

describe('alasanPenerimaDitolak: a structural official at the giver’s level or higher', () => {
  it.each([
    ['PENGAWAS', 'PENGAWAS', true],
    ['PENGAWAS', 'ADMINISTRATOR', true],
    ['ADMINISTRATOR', 'PENGAWAS', false],
    ['JPT_PRATAMA', 'ADMINISTRATOR', false],
    ['PENGAWAS', 'PELAKSANA', false],
    ['PENGAWAS', 'FUNGSIONAL', false],
    ['PENGAWAS', null, false],
    ['FUNGSIONAL', 'PENGAWAS', true],
    [null, 'PENGAWAS', true],
  ] as [JenisJabatan | null, JenisJabatan | null, boolean][])('%s → %s: %s', (pemberi, penerima, ok) => {
    expect(alasanPenerimaDitolak(pemberi, penerima) === null).toBe(ok);
  });

  it('names the level', () => {
    expect(alasanPenerimaDitolak('ADMINISTRATOR', 'PENGAWAS')).toMatch(/setingkat.*\(Administrator\)/);
  });
});

describe('alasanRentangDitolak: inclusive dates from today, at most three months', () => {
  it.each([
    ['2026-12-28', '2027-01-05', null],
    ['2026-12-27', '2026-12-27', null],
    ['2026-12-26', '2027-01-05', /sebelum hari ini/],
    ['2027-01-05', '2027-01-04', /sebelum tanggal mulai/],
    ['2026-12-27', '2027-03-28', null],
    ['2026-12-27', '2027-03-29', new RegExp(`paling lama ${MAKS_HARI_DELEGASI} hari`)],
  ])('%s – %s', (mulai, selesai, expected) => {
    const r = alasanRentangDitolak(mulai, selesai, '2026-12-27');
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });
});

describe('statusDelegasi', () => {
  const d = { mulai: '2026-12-30', selesai: '2027-01-02', dicabut: false };
  it.each([
    ['2026-12-29', 'BELUM_BERLAKU'],
    ['2026-12-30', 'AKTIF'],
    ['2027-01-02', 'AKTIF'],
    ['2027-01-03', 'BERAKHIR'],
  ])('%s → %s', (hari, status) => {
    expect(statusDelegasi(d, hari)).toBe(status);
  });
  it('revoked wins', () => {
    expect(statusDelegasi({ ...d, dicabut: true }, '2026-12-31')).toBe('DICABUT');
  });
});
