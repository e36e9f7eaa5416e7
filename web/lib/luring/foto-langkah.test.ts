import { describe, expect, it } from 'vitest';
import {
  FOTO_KUALITAS,
  FOTO_SISI_AWAL,
  FOTO_SISI_MIN,
  fotoLayakApaAdanya,
  langkahFoto,
} from './foto-langkah';

describe('langkahFoto', () => {
  it('starts at 2048 px on the longest side, keeps the proportions and tries each quality per size', () => {
    const l = langkahFoto(4000, 3000);
    expect(l[0]).toEqual({ lebar: 2048, tinggi: 1536, kualitas: 0.85 });
    expect(l.slice(0, 4).map((x) => x.kualitas)).toEqual([...FOTO_KUALITAS]);
    expect(l[4]).toEqual({ lebar: 1536, tinggi: 1152, kualitas: 0.85 });
    for (const x of l) expect(Math.abs(x.lebar / x.tinggi - 4 / 3)).toBeLessThan(0.01);
  });

  it('shrinks step by step down to 640 px and stops there', () => {
    const l = langkahFoto(3000, 4000);
    const sisi = [...new Set(l.map((x) => Math.max(x.lebar, x.tinggi)))];
    expect(sisi).toEqual([2048, 1536, 1152, 864, 648, 640]);
    expect(sisi.every((s, i) => i === 0 || s < sisi[i - 1]!)).toBe(true);
    expect(l.at(-1)).toEqual({ lebar: 480, tinggi: 640, kualitas: 0.55 });
  });

  it('never enlarges a small photo', () => {
    const l = langkahFoto(800, 600);
    expect(l[0]).toEqual({ lebar: 800, tinggi: 600, kualitas: 0.85 });
    expect(Math.max(...l.map((x) => x.lebar))).toBe(800);
    expect(l.at(-1)!.lebar).toBe(FOTO_SISI_MIN);
    expect(langkahFoto(300, 200)).toHaveLength(FOTO_KUALITAS.length);
  });

  it('gives nothing for an image without size', () => {
    expect(langkahFoto(0, 100)).toEqual([]);
    expect(langkahFoto(Number.NaN, 100)).toEqual([]);
    expect(FOTO_SISI_AWAL).toBe(2048);
  });
});

describe('fotoLayakApaAdanya', () => {
  it('a small JPEG or PNG goes as it is; anything else or larger is re-encoded', () => {
    const MB2 = 2 * 1024 * 1024;
    expect(fotoLayakApaAdanya(MB2, 'image/jpeg', MB2)).toBe(true);
    expect(fotoLayakApaAdanya(500_000, 'image/png', MB2)).toBe(true);
    expect(fotoLayakApaAdanya(MB2 + 1, 'image/jpeg', MB2)).toBe(false);
    expect(fotoLayakApaAdanya(500_000, 'image/heic', MB2)).toBe(false);
  });
});
