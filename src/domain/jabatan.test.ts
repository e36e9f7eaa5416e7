import { describe, expect, it } from 'vitest';
import { dapatKepalaUnitMandiri, formatJpt, isJpt, type JenisJabatan, tolakKetuaTim } from './jabatan.js';

describe('SKP layout follows the position type and the independent-unit attribute (SPEC §4.2)', () => {
  it.each<[JenisJabatan, boolean, boolean]>([
    ['JPT_UTAMA', false, true],
    ['JPT_MADYA', false, true],
    ['JPT_PRATAMA', false, true],
    ['JPT_PRATAMA', true, true],
    ['ADMINISTRATOR', false, false],
    ['ADMINISTRATOR', true, true],
    ['PENGAWAS', false, false],
    ['PENGAWAS', true, true],
    ['PELAKSANA', false, false],
    ['FUNGSIONAL', false, false],
  ])('%s, kepala unit mandiri %s → format JPT %s', (jenis, kepalaUnitMandiri, expected) => {
    expect(formatJpt({ jenis, kepalaUnitMandiri })).toBe(expected);
  });

  it('the attribute changes the layout only, never who assesses', () => {
    expect(isJpt('ADMINISTRATOR')).toBe(false);
    expect(formatJpt({ jenis: 'ADMINISTRATOR', kepalaUnitMandiri: true })).toBe(true);
  });
});

describe('which positions may be marked as head of an independent unit', () => {
  it.each<[JenisJabatan, boolean]>([
    ['JPT_PRATAMA', false],
    ['ADMINISTRATOR', true],
    ['PENGAWAS', true],
    ['PELAKSANA', false],
    ['FUNGSIONAL', false],
  ])('%s → %s', (jenis, expected) => {
    expect(dapatKepalaUnitMandiri(jenis)).toBe(expected);
  });
});

describe('a functional team lead as pejabat penilai (SPEC §3)', () => {
  const aktifOpd1 = { isActive: true, opdId: 1 };
  it.each<[JenisJabatan | null, number | null, { isActive: boolean; opdId: number | null }, RegExp | null]>([
    ['FUNGSIONAL', 1, aktifOpd1, null],
    ['PELAKSANA', 1, aktifOpd1, /jabatan fungsional/],
    ['PENGAWAS', 1, aktifOpd1, /jabatan fungsional/],
    [null, 1, aktifOpd1, /jabatan fungsional/],
    ['FUNGSIONAL', 1, { isActive: true, opdId: 2 }, /OPD yang sama/],
    ['FUNGSIONAL', null, { isActive: true, opdId: null }, /OPD yang sama/],
    ['FUNGSIONAL', 1, { isActive: false, opdId: 1 }, /masih aktif/],
  ])('target %s in OPD %s, leader %o → %s', (jenisJabatan, opdId, ketua, expected) => {
    const pesan = tolakKetuaTim({ jenisJabatan, opdId }, ketua);
    if (expected === null) expect(pesan).toBeNull();
    else expect(pesan).toMatch(expected);
  });
});
