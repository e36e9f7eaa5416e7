import { describe, expect, it } from 'vitest';
import {
  alasanBelumDapatDiputus,
  batasKeberatan,
  cekKeberatan,
  hasilAkhir,
  kekuranganTahunan,
  kelengkapanKeterangan,
  labelDasarPihak,
  labelKodePeriode,
  type RatingPeriodik,
  sarankanTahunan,
  transisiEvaluasi,
  transisiKeberatan,
} from './evaluasi.js';

const p = (periodeKode: string, hk: string, pr: string) =>
  ({ periodeKode, ratingHasilKerja: hk, ratingPerilaku: pr }) as RatingPeriodik;
const ATAS = 'DI_ATAS_EKSPEKTASI';
const SESUAI = 'SESUAI_EKSPEKTASI';
const BAWAH = 'DI_BAWAH_EKSPEKTASI';

describe('sarankanTahunan', () => {
  it('is null without periodic ratings', () => {
    expect(sarankanTahunan([])).toEqual({ ratingHasilKerja: null, ratingPerilaku: null });
  });

  it('takes the most frequent rating with the periods it comes from', () => {
    const s = sarankanTahunan([
      p('2026-03', SESUAI, ATAS),
      p('2026-01', ATAS, ATAS),
      p('2026-02', SESUAI, BAWAH),
    ]);
    expect(s.ratingHasilKerja).toEqual({ rating: SESUAI, periode: ['2026-02', '2026-03'] });
    expect(s.ratingPerilaku).toEqual({ rating: ATAS, periode: ['2026-01', '2026-03'] });
  });

  it('breaks a tie towards the rating given later', () => {
    const s = sarankanTahunan([
      p('2026-01', ATAS, SESUAI),
      p('2026-02', BAWAH, SESUAI),
      p('2026-03', BAWAH, ATAS),
      p('2026-04', ATAS, ATAS),
    ]);
    expect(s.ratingHasilKerja).toEqual({ rating: ATAS, periode: ['2026-01', '2026-04'] });
    expect(s.ratingPerilaku).toEqual({ rating: ATAS, periode: ['2026-03', '2026-04'] });
  });
});

describe('kekuranganTahunan', () => {
  it.each([
    [null, 'Evaluasi kinerja tahunan 2026 belum dibuat'],
    ['DRAF', 'Evaluasi kinerja tahunan 2026 masih draf'],
    ['DITANDATANGANI_PENILAI', 'Evaluasi kinerja tahunan 2026 menunggu tanda tangan pegawai'],
    ['FINAL', null],
  ] as const)('%s → %s', (status, teks) => {
    expect(kekuranganTahunan(2026, status)).toBe(teks);
  });
});

describe('transisiEvaluasi', () => {
  it.each([
    ['DRAF', 'UBAH', 'DRAF'],
    ['DRAF', 'TANDA_TANGAN_PENILAI', 'DITANDATANGANI_PENILAI'],
    ['DRAF', 'TANDA_TANGAN_PEGAWAI', null],
    ['DITANDATANGANI_PENILAI', 'UBAH', null],
    ['DITANDATANGANI_PENILAI', 'TANDA_TANGAN_PENILAI', null],
    ['DITANDATANGANI_PENILAI', 'TANDA_TANGAN_PEGAWAI', 'FINAL'],
    ['FINAL', 'UBAH', null],
    ['FINAL', 'TANDA_TANGAN_PENILAI', null],
    ['FINAL', 'TANDA_TANGAN_PEGAWAI', null],
  ] as const)('%s + %s → %s', (status, aksi, next) => {
    expect(transisiEvaluasi(status, aksi)).toBe(next);
  });
});

describe('keberatan window', () => {
  const base = {
    status: 'FINAL' as const,
    tanggalFinal: '2027-01-10',
    keberatanHari: 14,
    adaKeberatan: false,
  };

  it('ends keberatan_hari days after the FINAL date, that day included', () => {
    expect(batasKeberatan('2027-01-10', 14)).toBe('2027-01-24');
    expect(batasKeberatan('2027-02-20', 14)).toBe('2027-03-06');
    expect(cekKeberatan({ ...base, hariIni: '2027-01-24' })).toBeNull();
    expect(cekKeberatan({ ...base, hariIni: '2027-01-25' })).toBe('LEWAT_BATAS');
  });

  it('needs a FINAL evaluation and only one objection', () => {
    expect(
      cekKeberatan({ ...base, status: 'DITANDATANGANI_PENILAI', tanggalFinal: null, hariIni: '2027-01-11' }),
    ).toBe('BELUM_FINAL');
    expect(cekKeberatan({ ...base, adaKeberatan: true, hariIni: '2027-01-11' })).toBe('SUDAH_DIAJUKAN');
  });
});

describe('kelengkapanKeterangan', () => {
  const minta = (id: number, pihak: 'PEGAWAI' | 'PENILAI', tanggalDiminta: string, dijawab = false) => ({
    id,
    pihak,
    tanggalDiminta,
    dijawab,
  });

  it('gives each side its own state; the first request starts the days, its last day included', () => {
    const permintaan = [
      minta(1, 'PEGAWAI', '2027-02-01', true),
      minta(2, 'PENILAI', '2027-02-01'),
      minta(3, 'PENILAI', '2027-02-06'),
    ];
    expect(kelengkapanKeterangan(permintaan, '2027-02-08', 7)).toEqual({
      PEGAWAI: { keadaan: 'DIJAWAB', keteranganId: 1 },
      PENILAI: { keadaan: 'MENUNGGU', keteranganId: 2, batas: '2027-02-08' },
    });
    expect(kelengkapanKeterangan(permintaan, '2027-02-09', 7).PENILAI).toEqual({
      keadaan: 'LEWAT_BATAS',
      keteranganId: 2,
      batas: '2027-02-08',
    });
    expect(kelengkapanKeterangan([], '2027-02-09', 7)).toEqual({
      PEGAWAI: { keadaan: 'BELUM_DIMINTA' },
      PENILAI: { keadaan: 'BELUM_DIMINTA' },
    });
  });

  it('counts an answer to any request, even a late one', () => {
    const k = kelengkapanKeterangan(
      [minta(1, 'PEGAWAI', '2027-02-01'), minta(4, 'PEGAWAI', '2027-02-20', true)],
      '2027-03-01',
      7,
    );
    expect(k.PEGAWAI).toEqual({ keadaan: 'DIJAWAB', keteranganId: 4 });
  });
});

describe('transisiKeberatan', () => {
  const BELUM = { keadaan: 'BELUM_DIMINTA' } as const;
  const MENUNGGU = { keadaan: 'MENUNGGU', keteranganId: 2, batas: '2027-02-08' } as const;
  const DIJAWAB = { keadaan: 'DIJAWAB', keteranganId: 1 } as const;
  const LEWAT = { keadaan: 'LEWAT_BATAS', keteranganId: 2, batas: '2027-02-08' } as const;
  const keadaan = { BELUM, MENUNGGU, DIJAWAB, LEWAT };
  type K = keyof typeof keadaan;

  it.each([
    ['DIAJUKAN', 'MINTA_KETERANGAN', 'BELUM', 'BELUM', 'DIPERIKSA'],
    ['DIAJUKAN', 'JAWAB_KETERANGAN', 'BELUM', 'BELUM', 'BELUM_DIMINTA'],
    ['DIAJUKAN', 'PUTUS', 'BELUM', 'BELUM', 'KETERANGAN_BELUM_LENGKAP'],
    ['DIPERIKSA', 'MINTA_KETERANGAN', 'DIJAWAB', 'MENUNGGU', 'DIPERIKSA'],
    ['DIPERIKSA', 'JAWAB_KETERANGAN', 'MENUNGGU', 'BELUM', 'DIPERIKSA'],
    ['DIPERIKSA', 'PUTUS', 'DIJAWAB', 'BELUM', 'KETERANGAN_BELUM_LENGKAP'],
    ['DIPERIKSA', 'PUTUS', 'DIJAWAB', 'MENUNGGU', 'KETERANGAN_BELUM_LENGKAP'],
    ['DIPERIKSA', 'PUTUS', 'MENUNGGU', 'MENUNGGU', 'KETERANGAN_BELUM_LENGKAP'],
    ['DIPERIKSA', 'PUTUS', 'LEWAT', 'BELUM', 'KETERANGAN_BELUM_LENGKAP'],
    ['DIPERIKSA', 'PUTUS', 'DIJAWAB', 'DIJAWAB', 'DIPUTUS'],
    ['DIPERIKSA', 'PUTUS', 'DIJAWAB', 'LEWAT', 'DIPUTUS'],
    ['DIPERIKSA', 'PUTUS', 'LEWAT', 'LEWAT', 'DIPUTUS'],
    ['DIPUTUS', 'PUTUS', 'DIJAWAB', 'DIJAWAB', 'SUDAH_DIPUTUS'],
    ['DIPUTUS', 'MINTA_KETERANGAN', 'DIJAWAB', 'DIJAWAB', 'SUDAH_DIPUTUS'],
    ['DIPUTUS', 'JAWAB_KETERANGAN', 'DIJAWAB', 'MENUNGGU', 'SUDAH_DIPUTUS'],
  ] as const)('%s + %s (pegawai %s, penilai %s) → %s', (status, aksi, pegawai, penilai, hasil) => {
    const t = transisiKeberatan(status, aksi, {
      PEGAWAI: keadaan[pegawai as K],
      PENILAI: keadaan[penilai as K],
    });
    expect(t.ok ? t.status : t.tolak).toBe(hasil);
  });

  it('a decision names the statements it relied on', () => {
    const t = transisiKeberatan('DIPERIKSA', 'PUTUS', { PEGAWAI: DIJAWAB, PENILAI: LEWAT });
    expect(t).toEqual({ ok: true, status: 'DIPUTUS', dasar: { PEGAWAI: DIJAWAB, PENILAI: LEWAT } });
    expect(labelDasarPihak('PENILAI', LEWAT)).toBe(
      'Keterangan pejabat penilai: tidak diberikan sampai batas 8 Februari 2027',
    );
  });

  it('says which statement is missing', () => {
    expect(alasanBelumDapatDiputus({ PEGAWAI: BELUM, PENILAI: MENUNGGU })).toContain(
      'keterangan pegawai belum diminta; keterangan pejabat penilai belum diberikan (batas 8 Februari 2027)',
    );
    expect(alasanBelumDapatDiputus({ PEGAWAI: DIJAWAB, PENILAI: LEWAT })).toBeNull();
  });
});

describe('hasilAkhir', () => {
  const evaluasi = { ratingHasilKerja: BAWAH, ratingPerilaku: SESUAI } as const;

  it('keeps the assessor ratings without a decision or when confirmed', () => {
    expect(hasilAkhir(evaluasi, null).predikat).toBe('BUTUH_PERBAIKAN');
    expect(
      hasilAkhir(evaluasi, { keputusan: 'DIKUATKAN', ratingHasilKerja: null, ratingPerilaku: null }).predikat,
    ).toBe('BUTUH_PERBAIKAN');
  });

  it('takes the changed ratings through the §6.2 matrix', () => {
    expect(
      hasilAkhir(evaluasi, { keputusan: 'DIUBAH', ratingHasilKerja: SESUAI, ratingPerilaku: SESUAI }),
    ).toEqual({
      ratingHasilKerja: SESUAI,
      ratingPerilaku: SESUAI,
      predikat: 'BAIK',
    });
  });
});

describe('labelKodePeriode', () => {
  it.each([
    ['2026-07', 'Juli 2026'],
    ['2026-Q3', 'Triwulan III 2026'],
    ['2026-S2', 'Semester II 2026'],
    ['2026', '2026'],
  ])('%s → %s', (kode, label) => {
    expect(labelKodePeriode(kode)).toBe(label);
  });
});
