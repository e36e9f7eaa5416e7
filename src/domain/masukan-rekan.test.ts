import { describe, expect, it } from 'vitest';
import { DEFAULT_JADWAL, periodeOf } from './jadwal.js';
import { izinMasukanRekan, tolakMasukanRekan } from './masukan-rekan.js';

describe('when peer input on a period may be written (WITA)', () => {
  const juli = periodeOf('2026-07', DEFAULT_JADWAL);
  it.each([
    ['2026-06-30T15:59:59Z', false], // 30 June 23:59:59 WITA
    ['2026-06-30T16:00:00Z', true], // 1 July 00:00 WITA
    ['2026-08-20T02:00:00Z', true], // past the correction window, before the period closes
    ['2026-08-31T15:59:59Z', true], // 31 August 23:59:59 WITA: the period closes
    ['2026-08-31T16:00:00Z', false],
  ])('%s → %s', (at, ok) => {
    const izin = izinMasukanRekan(new Date(at), juli, DEFAULT_JADWAL);
    expect(izin.ok).toBe(ok);
    if (!izin.ok) expect(izin.pesan).toMatch(/Juli 2026.*periode ditutup/);
  });
});

describe('who may give input on whom (same pejabat penilai)', () => {
  const rekan: Parameters<typeof tolakMasukanRekan>[0] = {
    penulisId: 1,
    pegawaiId: 2,
    pegawaiAktif: true,
    atasanPenulis: 9,
    atasanPegawai: 9,
  };
  it.each<[string, Partial<typeof rekan>, RegExp | null]>([
    ['a colleague', {}, null],
    ['himself', { pegawaiId: 1 }, /diri sendiri/],
    ['an inactive colleague', { pegawaiAktif: false }, /tidak aktif/],
    ['under another superior', { atasanPegawai: 8 }, /pejabat penilai yang sama/],
    ['both without a superior', { atasanPenulis: null, atasanPegawai: null }, /pejabat penilai yang sama/],
    ['his own superior', { pegawaiId: 9, atasanPegawai: 7 }, /pejabat penilai yang sama/],
  ])('%s', (_, ubah, expected) => {
    const pesan = tolakMasukanRekan({ ...rekan, ...ubah });
    if (expected === null) expect(pesan).toBeNull();
    else expect(pesan).toMatch(expected);
  });
});
