import { describe, expect, it } from 'vitest';
import {
  type CakupanIki,
  hitungCakupan,
  persenLengkap,
  type RhkBawahan,
  statusCakupan,
} from './cascading.js';
import type { Aspek, Target } from './skp.js';

const t = (nilai: number | null, satuan: string | null, nilaiMaks: number | null = null): Target => ({
  nilai,
  nilaiMaks,
  satuan,
  teks: nilai === null ? 'uraian' : null,
});
const leader = (rhkId: string, ikiId: string, aspek: Aspek | null, target: Target): CakupanIki<string> => ({
  rhkId,
  ikiId,
  aspek,
  target,
});
const child = (
  rhkId: string,
  intervensi: string[],
  iki: [Aspek | null, Target][],
  jenis: 'UTAMA' | 'TAMBAHAN' = 'UTAMA',
): RhkBawahan<string> => ({
  rhkId,
  jenis,
  intervensi,
  iki: iki.map(([aspek, target]) => ({ aspek, target })),
});

describe('hitungCakupan: dibagi habis on a small tree with known gaps', () => {
  // Head of a bidang: R1 10 dokumen (+ 100 % quality), R2 4 kegiatan, R3 5 laporan, R4 12 naskah, R5 narrative.
  const leaderIki = [
    leader('R1', 'R1-k', 'KUANTITAS', t(10, 'dokumen')),
    leader('R1', 'R1-q', 'KUALITAS', t(100, '%')),
    leader('R2', 'R2-k', 'KUANTITAS', t(4, 'kegiatan')),
    leader('R3', 'R3-k', 'KUANTITAS', t(5, 'Laporan')),
    leader('R4', 'R4-k', 'KUANTITAS', t(12, 'naskah')),
    leader('R5', 'R5-t', null, t(null, null)),
    leader('R6', 'R6-k', 'KUANTITAS', t(6, 'dokumen', 8)),
  ];
  const bawahan = [
    // R1: 6 + 4 = 10 dokumen, both at 100 %: complete.
    child(
      'A1',
      ['R1'],
      [
        ['KUANTITAS', t(6, 'dokumen')],
        ['KUALITAS', t(100, '%')],
      ],
    ),
    child(
      'B1',
      ['R1'],
      [
        ['KUANTITAS', t(4, 'dokumen')],
        ['KUALITAS', t(100, '%')],
      ],
    ),
    // R2: only 3 of 4 kegiatan.
    child('A2', ['R2'], [['KUANTITAS', t(3, 'kegiatan')]]),
    // R3: 3 + 3 = 6 laporan > 5 (unit compared case-insensitively).
    child('A3', ['R3'], [['KUANTITAS', t(3, 'laporan')]]),
    child('B3', ['R3', 'R5'], [['KUANTITAS', t(3, 'laporan ')]]),
    // R4: children count dokumen, not naskah.
    child('A4', ['R4'], [['KUANTITAS', t(12, 'dokumen')]]),
    // R6: a range 6–8, children give 7.
    child('A6', ['R6'], [['KUANTITAS', t(7, 'dokumen')]]),
    // An UTAMA RHK with no parent, and a TAMBAHAN one (allowed to have none).
    child('X', [], [['KUANTITAS', t(1, 'dokumen')]]),
    child('Y', [], [['KUANTITAS', t(1, 'dokumen')]], 'TAMBAHAN'),
  ];
  const result = hitungCakupan(leaderIki, bawahan);

  it('gives each leader IKI its status', () => {
    expect(result.iki.map((r) => [r.ikiId, r.status, r.jumlah])).toEqual([
      ['R1-k', 'LENGKAP', 10],
      ['R1-q', 'LENGKAP', null],
      ['R2-k', 'KURANG', 3],
      ['R3-k', 'LEBIH', 6],
      ['R4-k', 'BEDA_SATUAN', null],
      ['R5-t', 'LENGKAP', null],
      ['R6-k', 'LENGKAP', 7],
    ]);
  });

  it('lists UTAMA RHKs without a parent, not TAMBAHAN ones', () => {
    expect(result.tanpaInduk).toEqual(['X']);
  });

  it('counts open problems and the coverage percentage', () => {
    expect(result.masalah).toBe(4);
    expect(result.persenLengkap).toBe(57.1);
  });

  it('a leader RHK nobody intervenes is TANPA_BAWAHAN', () => {
    expect(hitungCakupan([leader('R9', 'R9-k', 'KUANTITAS', t(3, 'dokumen'))], []).iki[0]?.status).toBe(
      'TANPA_BAWAHAN',
    );
  });

  it('adds decimals exactly', () => {
    const r = hitungCakupan(
      [leader('R', 'R-b', 'BIAYA', t(0.3, 'juta rupiah'))],
      [
        child('a', ['R'], [['BIAYA', t(0.1, 'juta rupiah')]]),
        child('b', ['R'], [['BIAYA', t(0.2, 'juta rupiah')]]),
      ],
    );
    expect(r.iki[0]?.status).toBe('LENGKAP');
  });
});

describe('statusCakupan: one leader IKI from the children’s totals (the instansi report uses it alone)', () => {
  it.each([
    ['KUANTITAS', t(40, 'dokumen'), { anak: 0, cocok: 0, jumlah: 0 }, 'TANPA_BAWAHAN', null],
    ['KUANTITAS', t(null, null), { anak: 2, cocok: 0, jumlah: 0 }, 'LENGKAP', null],
    ['KUANTITAS', t(40, 'dokumen'), { anak: 2, cocok: 0, jumlah: 0 }, 'BEDA_SATUAN', null],
    ['KUALITAS', t(100, '%'), { anak: 2, cocok: 2, jumlah: 200 }, 'LENGKAP', null],
    ['KUANTITAS', t(40, 'dokumen'), { anak: 2, cocok: 2, jumlah: 39.99 }, 'KURANG', 39.99],
    ['KUANTITAS', t(40, 'dokumen'), { anak: 2, cocok: 2, jumlah: 40 }, 'LENGKAP', 40],
    ['KUANTITAS', t(40, 'dokumen', 45), { anak: 2, cocok: 2, jumlah: 45 }, 'LENGKAP', 45],
    ['KUANTITAS', t(40, 'dokumen', 45), { anak: 2, cocok: 2, jumlah: 45.01 }, 'LEBIH', 45.01],
    ['BIAYA', t(0.3, 'juta'), { anak: 2, cocok: 2, jumlah: 0.1 + 0.2 }, 'LENGKAP', 0.1 + 0.2],
  ] as const)('%s target %o with %o → %s', (aspek, target, agg, status, jumlah) => {
    expect(statusCakupan({ aspek: aspek as Aspek, target }, agg)).toEqual({ status, jumlah });
  });

  it('percentages have one decimal and nothing to cover counts as complete', () => {
    expect(persenLengkap(2, 3)).toBe(66.7);
    expect(persenLengkap(0, 0)).toBe(100);
  });
});
