import { describe, expect, it } from 'vitest';
import type { PredikatPegawai } from './predikat.js';
import { type DaftarTindakLanjut, daftarTindakLanjut } from './tindak-lanjut.js';

const KASUS: [PredikatPegawai | null, PredikatPegawai | null, DaftarTindakLanjut[]][] = [
  ['SANGAT_BAIK', 'SANGAT_BAIK', ['NAIK_PANGKAT', 'TALENTA']],
  ['BAIK', 'SANGAT_BAIK', ['NAIK_PANGKAT']],
  ['SANGAT_BAIK', 'BAIK', ['NAIK_PANGKAT']],
  ['BAIK', 'BAIK', ['NAIK_PANGKAT']],
  ['BUTUH_PERBAIKAN', 'BAIK', []],
  ['SANGAT_BAIK', 'KURANG', []],
  ['BUTUH_PERBAIKAN', 'BUTUH_PERBAIKAN', ['GAGAL_BERULANG']],
  ['KURANG', 'SANGAT_KURANG', ['GAGAL_BERULANG']],
  ['SANGAT_KURANG', 'BUTUH_PERBAIKAN', ['GAGAL_BERULANG']],
  [null, 'SANGAT_BAIK', ['BELUM_LENGKAP']],
  ['KURANG', null, ['BELUM_LENGKAP']],
  [null, null, ['BELUM_LENGKAP']],
];

describe('daftarTindakLanjut (SPEC §7.3)', () => {
  it.each(KASUS)('Y-1 %s, Y %s → %j', (sebelumnya, tahunIni, daftar) => {
    expect(daftarTindakLanjut(sebelumnya, tahunIni)).toEqual(daftar);
  });
});
