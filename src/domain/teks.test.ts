import { describe, expect, it } from 'vitest';
import { namaLengkap } from './pegawai.js';
import { akhiriKalimat, bersihkanTeks, teksAman } from './teks.js';

describe('teksAman', () => {
  it.each([
    ['', true],
    ['Laporan kegiatan', true],
    ['Ketepatan waktu 100 %', true],
    ['😀 emoji (a surrogate pair)', true],
    ['𝐀 and \uD835\uDC00 side by side', true],
    ['\uFFFD is a real character', true],
    ['1990\u00000809', false],
    ['\u0000', false],
    ['lone high \uD800 surrogate', false],
    ['lone low \uDC00 surrogate', false],
    ['a pair in the wrong order \uDE00\uD83D', false],
    ['truncated pair at the end \uD83D', false],
  ])('%j → %s', (teks, aman) => {
    expect(teksAman(teks)).toBe(aman);
  });
});

describe('bersihkanTeks', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps the rest, pairs included', () => {
    expect(bersihkanTeks('a\u0000b\uD800c\uDC00d😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
    expect(bersihkanTeks('laporan.xlsx')).toBe('laporan.xlsx');
  });

  it('gives text teksAman accepts', () => {
    for (const t of ['\u0000\u0000', '\uD800\uD800', '\uDFFF\uD800x'])
      expect(teksAman(bersihkanTeks(t))).toBe(true);
  });
});

describe('akhiriKalimat (issue 14: "S.T..")', () => {
  it('ends a sentence with one full stop, also after a title that has its own', () => {
    const nama = namaLengkap({ gelarDepan: null, nama: 'Budi Santoso', gelarBelakang: 'S.T.' });
    expect(akhiriKalimat(`Disetujui oleh ${nama}`)).toBe('Disetujui oleh Budi Santoso, S.T.');
    expect(akhiriKalimat('Disetujui oleh dr. Siti Aisyah')).toBe('Disetujui oleh dr. Siti Aisyah.');
    expect(akhiriKalimat('Selesai.')).toBe('Selesai.');
  });
});
