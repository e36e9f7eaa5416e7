import { describe, expect, it } from 'vitest';
import {
  ALFABET_KODE,
  formatKode,
  kodeDariAcak,
  masalahKode,
  normalisasiKode,
  PANJANG_KODE,
  samarkanNip,
} from './verifikasi.js';

describe('kode verifikasi', () => {
  it('has no characters that read alike', () => {
    for (const c of '01ILO') expect(ALFABET_KODE).not.toContain(c);
    expect(new Set(ALFABET_KODE).size).toBe(ALFABET_KODE.length);
  });

  it('maps random bytes onto the alphabet, ten characters', () => {
    const kode = kodeDariAcak(Uint8Array.from([0, 1, 30, 31, 255, 62, 100, 200, 7, 8]));
    expect(kode).toHaveLength(PANJANG_KODE);
    expect(kode).toBe('23Z2929G9A');
    expect(() => kodeDariAcak(new Uint8Array(4))).toThrow();
  });

  it('prints in two groups and reads back whatever the case, spaces or dashes', () => {
    expect(formatKode('ABCDE23456')).toBe('ABCDE-23456');
    expect(normalisasiKode(' abcde-23456 ')).toBe('ABCDE23456');
    expect(normalisasiKode('ABCDE 23456')).toBe('ABCDE23456');
    expect(normalisasiKode('ABCDE2345')).toBeNull();
    expect(normalisasiKode('ABCDE0345O')).toBeNull();
    expect(normalisasiKode('ABCDE23456/')).toBeNull();
  });

  it('says what is wrong with a typed code, matching the rule (issue 14)', () => {
    expect(masalahKode('ABCDE-23456')).toBeNull();
    expect(masalahKode('ABCDE2345')).toBe(
      'Kode verifikasi terdiri dari 10 huruf dan angka, mis. ABCDE-23456; yang diisi 9 karakter.',
    );
    // Ten characters, but some the codes never use: the message names them, not the length.
    const salah = masalahKode('ABCDE0345O');
    expect(salah).toContain('tidak memakai 0, O');
    expect(salah).not.toContain('10 huruf');
    expect(masalahKode('ABCDE2345/')).toContain('tidak memakai /');
  });

  it('hides the middle of a NIP', () => {
    expect(samarkanNip('199001012015011001')).toBe('199001*********001');
    expect(samarkanNip('1990 0101 2015 01 1 001')).toBe('199001*********001');
    expect(samarkanNip('123')).toBe('***');
  });
});
