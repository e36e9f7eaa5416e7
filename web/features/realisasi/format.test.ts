import { describe, expect, it } from 'vitest';
import { formatWaktu } from '../../lib/istilah';
import {
  formatAngka,
  formatNilai,
  formatRentangTanggal,
  formatUkuran,
  nomorRhk,
  periksaAngka,
  periksaBerkas,
  pilihanPeriode,
} from './format';

describe('periksaAngka', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['12', 12],
    ['12,5', 12.5],
    ['0,25', 0.25],
    ['1.234', 1234],
    ['1.234,5', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['12.5', 12.5],
    [' 1 234 ', 1234],
    ['007', 7],
  ])('reads %j as %j', (teks, nilai) => {
    expect(periksaAngka(teks)).toEqual({ ok: true, nilai });
  });

  it.each(['abc', '12,5,1', '1,2.3', '12.', ',5', '1.23,4.5', '12a', '1..2'])('refuses %j', (teks) => {
    expect(periksaAngka(teks)).toEqual({ ok: false, pesan: 'Nilai harus berupa angka, mis. 12 atau 12,5.' });
  });

  it('refuses negative values with their own message', () => {
    expect(periksaAngka('-3')).toEqual({ ok: false, pesan: 'Nilai realisasi tidak boleh negatif.' });
  });

  it('reads back what formatAngka writes', () => {
    for (const n of [0, 7, 12.5, 1234, 1234.5, 1234567.8912, 0.0001])
      expect(periksaAngka(formatAngka(n))).toEqual({ ok: true, nilai: n });
    expect(formatAngka(null)).toBe('');
  });
});

describe('display', () => {
  it('writes values with their unit', () => {
    expect(formatNilai(1234.5, 'dokumen')).toBe('1.234,5 dokumen');
    expect(formatNilai(3, null)).toBe('3');
    expect(formatNilai(null, 'dokumen')).toBe('—');
  });

  it('writes file sizes', () => {
    expect(formatUkuran(512)).toBe('512 B');
    expect(formatUkuran(1536)).toBe('1,5 KB');
    expect(formatUkuran(2 * 1024 * 1024)).toBe('2 MB');
  });

  it('writes a window as one span of days', () => {
    expect(formatRentangTanggal('2026-08-01', '2026-08-07')).toBe('1–7 Agustus 2026');
    expect(formatRentangTanggal('2026-08-08', '2026-08-08')).toBe('8 Agustus 2026');
    expect(formatRentangTanggal('2026-02-28', '2026-03-03')).toBe('28 Februari – 3 Maret 2026');
    expect(formatRentangTanggal('2026-12-30', '2027-01-02')).toBe('30 Desember 2026 – 2 Januari 2027');
  });

  it('writes an instant in the instansi zone with its abbreviation', () => {
    expect(formatWaktu('2026-08-03T02:00:00Z', { zonaWaktu: 'Asia/Makassar', singkatan: 'WITA' })).toBe(
      '3 Agustus 2026 pukul 10.00 WITA',
    );
    expect(formatWaktu('2026-08-03T02:00:00Z', { zonaWaktu: 'Asia/Jakarta', singkatan: 'WIB' })).toBe(
      '3 Agustus 2026 pukul 09.00 WIB',
    );
  });
});

describe('nomorRhk', () => {
  it('numbers RHKs within their kind', () => {
    const items = ['UTAMA', 'UTAMA', 'TAMBAHAN', 'UTAMA', 'TAMBAHAN'].map((jenis) => ({ rhk: { jenis } }));
    expect(items.map((_, i) => nomorRhk(items, i))).toEqual([1, 2, 1, 3, 2]);
  });
});

describe('periksaBerkas', () => {
  it('accepts PDF, PNG and JPEG up to 2 MB, and a file without a declared type', () => {
    expect(periksaBerkas({ size: 1000, type: 'application/pdf' })).toBeNull();
    expect(periksaBerkas({ size: 2 * 1024 * 1024, type: 'image/jpeg' })).toBeNull();
    expect(periksaBerkas({ size: 1000, type: '' })).toBeNull();
  });

  it('refuses what the server would refuse, before uploading', () => {
    expect(periksaBerkas({ size: 2 * 1024 * 1024 + 1, type: 'image/png' })).toMatch(/paling besar 2 MB/);
    expect(periksaBerkas({ size: 0, type: 'image/png' })).toBe('Berkas kosong.');
    expect(periksaBerkas({ size: 10, type: 'application/zip' })).toMatch(/PDF, PNG atau JPEG/);
  });
});

describe('pilihanPeriode', () => {
  it('offers months from the running one back through the previous year, newest first', () => {
    const bulan = pilihanPeriode('2026-11', 'BULANAN');
    expect(bulan[0]).toEqual({ value: '2026-11', label: 'November 2026' });
    expect(bulan[1]).toEqual({ value: '2026-10', label: 'Oktober 2026' });
    expect(bulan.at(-1)).toEqual({ value: '2025-01', label: 'Januari 2025' });
    expect(bulan).toHaveLength(11 + 12);
  });

  it('offers quarters and semesters by the instansi kind of period', () => {
    expect(pilihanPeriode('2026-05', 'TRIWULANAN').map((p) => p.value)).toEqual([
      '2026-Q2',
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
      '2025-Q1',
    ]);
    expect(pilihanPeriode('2026-01', 'SEMESTERAN').map((p) => p.label)).toEqual([
      'Semester I 2026',
      'Semester II 2025',
      'Semester I 2025',
    ]);
  });
});
