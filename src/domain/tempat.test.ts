import { describe, expect, it } from 'vitest';
import { tempatDariNamaInstansi } from './tempat.js';

describe('tempatDariNamaInstansi', () => {
  it.each([
    ['Pemerintah Provinsi Gorontalo', 'Gorontalo'],
    ['Pemerintah Kabupaten Bone Bolango', 'Bone Bolango'],
    ['Pemerintah Kota Gorontalo', 'Gorontalo'],
    ['Kabupaten Pohuwato', 'Pohuwato'],
    ['Badan Kepegawaian Negara', 'Badan Kepegawaian Negara'],
  ])('%s → %s', (nama, tempat) => {
    expect(tempatDariNamaInstansi(nama)).toBe(tempat);
  });
});
