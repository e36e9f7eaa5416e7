import { describe, expect, it } from 'vitest';
import {
  batasWaktuSkp,
  checkSkp,
  type Iki,
  isTerlambat,
  keteranganTerlambat,
  type Rhk,
  rhkHints,
  type SkpContent,
} from './skp.js';

const iki = (aspek: Iki['aspek'], indikator: string, nilai: number | null, satuan: string | null): Iki => ({
  aspek,
  indikator,
  target: { nilai, nilaiMaks: null, satuan, teks: null },
  perspektif: null,
});
const lengkap = [
  iki('KUANTITAS', 'Jumlah dokumen', 2, 'dokumen'),
  iki('KUALITAS', 'Persentase sesuai standar', 100, '%'),
  iki('WAKTU', 'Ketepatan waktu', 12, 'bulan'),
];
const rhk = (over: Partial<Rhk<number>> = {}): Rhk<number> => ({
  id: 1,
  jenis: 'UTAMA',
  rencana: 'Tersusunnya dokumen perangkat pembelajaran',
  iki: lengkap,
  intervensi: [100],
  ...over,
});
const skp = (rhks: Rhk<number>[], over: Partial<SkpContent<number>> = {}): SkpContent<number> => ({
  pendekatan: 'KUANTITATIF',
  formatJpt: false,
  rhk: rhks,
  ...over,
});
const atasan = new Set([100, 101]);
const messages = (s: SkpContent<number>) => checkSkp(s, atasan).map((f) => f.message);

describe('checkSkp (SPEC §4.2)', () => {
  it('accepts the SPEC example: one UTAMA RHK intervening the superior, three aspects', () => {
    expect(messages(skp([rhk()]))).toEqual([]);
  });

  it('needs at least one UTAMA RHK', () => {
    expect(messages(skp([rhk({ jenis: 'TAMBAHAN', intervensi: [] })]))).toEqual([
      'SKP harus memiliki minimal satu RHK Utama.',
    ]);
  });

  it('a non-JPT UTAMA RHK must intervene the superior; a TAMBAHAN need not', () => {
    expect(
      messages(skp([rhk({ intervensi: [] }), rhk({ id: 2, jenis: 'TAMBAHAN', intervensi: [] })])),
    ).toEqual([
      "RHK Utama 'Tersusunnya dokumen perangkat pembelajaran' harus mengintervensi minimal satu RHK atasan langsung.",
    ]);
  });

  it('a JPT plan needs no intervensi but needs a perspektif per IKI', () => {
    const jpt = skp([rhk({ intervensi: [], iki: [{ ...lengkap[0]!, aspek: null }] })], { formatJpt: true });
    expect(messages(jpt)).toEqual([
      "Indikator 'Jumlah dokumen' pada RHK 'Tersusunnya dokumen perangkat pembelajaran' belum memiliki perspektif.",
    ]);
    jpt.rhk[0]!.iki[0]!.perspektif = 'PENERIMA_LAYANAN';
    expect(messages(jpt)).toEqual([]);
  });

  it('refuses an intervensi to an RHK that is not the superior’s', () => {
    expect(messages(skp([rhk({ intervensi: [999] })]))[0]).toMatch(/bukan milik SKP atasan langsung/);
  });

  it('KUANTITATIF needs numeric targets and a valid range; KUALITATIF needs a text', () => {
    const bad = skp([
      rhk({
        iki: [
          { ...lengkap[0]!, target: { nilai: 5, nilaiMaks: 3, satuan: 'dokumen', teks: null } },
          iki('KUALITAS', 'Mutu', null, '%'),
        ],
      }),
    ]);
    expect(messages(bad)).toEqual([
      "Rentang target indikator 'Jumlah dokumen' tidak valid: batas atas lebih kecil dari batas bawah.",
      "Target indikator 'Mutu' harus berupa angka (pendekatan kuantitatif).",
    ]);
    const kualitatif = skp([rhk()], { pendekatan: 'KUALITATIF' });
    expect(messages(kualitatif)).toHaveLength(3);
    kualitatif.rhk[0]!.iki = [
      {
        ...lengkap[0]!,
        target: { nilai: null, nilaiMaks: null, satuan: null, teks: 'Dokumen disahkan kepala dinas' },
      },
    ];
    expect(messages(kualitatif)).toEqual([]);
  });
});

describe('rhkHints (never blocking)', () => {
  it('flags an activity, a missing unit, missing aspects and a duplicate sibling', () => {
    const hints = rhkHints(
      skp([
        rhk({ rencana: 'Menyusun laporan kinerja', iki: [iki('KUANTITAS', 'Jumlah laporan', 1, '')] }),
        rhk({ id: 2, rencana: 'menyusun  laporan kinerja' }),
      ]),
    ).map((h) => h.message);
    expect(hints).toEqual([
      'RHK \'Menyusun laporan kinerja\' tampak seperti kegiatan; rumuskan sebagai hasil (mis. "Tersusunnya …").',
      "Indikator 'Jumlah laporan' belum memiliki satuan.",
      "RHK 'Menyusun laporan kinerja' belum memiliki aspek Kualitas, Waktu.",
      'RHK \'menyusun  laporan kinerja\' tampak seperti kegiatan; rumuskan sebagai hasil (mis. "Tersusunnya …").',
      "RHK 'menyusun  laporan kinerja' sama dengan RHK nomor 1.",
    ]);
  });

  it('a result phrased as a result has no hints', () => {
    expect(rhkHints(skp([rhk(), rhk({ id: 2, rencana: 'Meningkatnya kepuasan layanan' })]))).toEqual([]);
  });
});

describe('batas waktu SKP (SPEC §4.6)', () => {
  it.each([
    ['2026-01-01', '01-31', '2026-01-31'],
    ['2026-01-31', '01-31', '2026-01-31'],
    ['2026-02-01', '01-31', '2026-03-01'],
    ['2026-01-31', '01-15', '2026-02-28'],
    ['2026-07-15', '01-31', '2026-08-15'],
    ['2026-12-20', '01-31', '2027-01-20'],
    ['2024-01-31', '01-15', '2024-02-29'],
  ])('a plan starting %s with the instansi deadline %s is due %s', (mulai, batas, expected) => {
    expect(batasWaktuSkp(Number(mulai.slice(0, 4)), mulai, batas)).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-01-31', null, false],
    ['2026-01-31', '2026-02-01', null, true],
    ['2026-01-31', '2026-03-01', '2026-01-30', false],
    ['2026-01-31', '2026-03-01', '2026-02-03', true],
    ['2026-01-31', '2026-01-10', '2026-01-31', false],
  ])('deadline %s, today %s, approved %s: late = %s', (batas, today, disetujui, late) => {
    expect(isTerlambat(batas, today, disetujui)).toBe(late);
  });
});

describe('keteranganTerlambat: the late badge says against which deadline', () => {
  it('names the approval date and the deadline it missed', () => {
    expect(keteranganTerlambat('2026-01-31', '2026-03-01', '2026-02-02')).toBe(
      'Disetujui 2 Februari 2026, tenggat 31 Januari 2026',
    );
  });

  it('names the deadline of a plan still not approved', () => {
    expect(keteranganTerlambat('2026-01-31', '2026-02-01', null)).toBe(
      'Belum disetujui, tenggat 31 Januari 2026',
    );
  });

  it('is absent when the plan was approved on the deadline day or is still before it', () => {
    expect(keteranganTerlambat('2026-01-31', '2026-03-01', '2026-01-31')).toBeNull();
    expect(keteranganTerlambat('2026-01-31', '2026-01-31', null)).toBeNull();
  });
});
