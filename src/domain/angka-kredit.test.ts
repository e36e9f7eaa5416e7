import { describe, expect, it } from 'vitest';
import {
  akJumlah,
  akKumulatif,
  akSetahun,
  angkaKredit,
  bagianTahun,
  bulanKodePeriode,
  bulanRentang,
  KEBUTUHAN_AK,
  koefisienTahunan,
  langkahBerikut,
  type PenilaianAk,
} from './angka-kredit.js';
import { JENJANG_FUNGSIONAL, type JenjangFungsional } from './jabatan.js';
import { PREDIKAT_PEGAWAI, type PredikatPegawai } from './predikat.js';

/** SPEC §7.2 worked out by hand: % × coefficient, every jenjang × predikat, a full year. */
const TAHUNAN: Record<JenjangFungsional, Record<PredikatPegawai, number>> = {
  PEMULA: { SANGAT_BAIK: 5.63, BAIK: 3.75, BUTUH_PERBAIKAN: 2.81, KURANG: 1.88, SANGAT_KURANG: 0.94 },
  TERAMPIL: { SANGAT_BAIK: 7.5, BAIK: 5, BUTUH_PERBAIKAN: 3.75, KURANG: 2.5, SANGAT_KURANG: 1.25 },
  MAHIR: { SANGAT_BAIK: 18.75, BAIK: 12.5, BUTUH_PERBAIKAN: 9.38, KURANG: 6.25, SANGAT_KURANG: 3.13 },
  PENYELIA: { SANGAT_BAIK: 37.5, BAIK: 25, BUTUH_PERBAIKAN: 18.75, KURANG: 12.5, SANGAT_KURANG: 6.25 },
  AHLI_PERTAMA: { SANGAT_BAIK: 18.75, BAIK: 12.5, BUTUH_PERBAIKAN: 9.38, KURANG: 6.25, SANGAT_KURANG: 3.13 },
  AHLI_MUDA: { SANGAT_BAIK: 37.5, BAIK: 25, BUTUH_PERBAIKAN: 18.75, KURANG: 12.5, SANGAT_KURANG: 6.25 },
  AHLI_MADYA: { SANGAT_BAIK: 56.25, BAIK: 37.5, BUTUH_PERBAIKAN: 28.13, KURANG: 18.75, SANGAT_KURANG: 9.38 },
  AHLI_UTAMA: { SANGAT_BAIK: 75, BAIK: 50, BUTUH_PERBAIKAN: 37.5, KURANG: 25, SANGAT_KURANG: 12.5 },
};

describe('angkaKredit, annual (SPEC §7.2)', () => {
  it('covers every jenjang and predikat', () => {
    expect(Object.keys(TAHUNAN)).toEqual([...JENJANG_FUNGSIONAL]);
    for (const j of JENJANG_FUNGSIONAL) {
      expect(Object.keys(TAHUNAN[j]).sort()).toEqual([...PREDIKAT_PEGAWAI].sort());
    }
  });
  for (const jenjang of JENJANG_FUNGSIONAL) {
    for (const predikat of PREDIKAT_PEGAWAI) {
      it(`${jenjang} ${predikat} = ${TAHUNAN[jenjang][predikat]}`, () => {
        expect(angkaKredit(jenjang, predikat)).toBe(TAHUNAN[jenjang][predikat]);
        expect(angkaKredit(jenjang, predikat, 12)).toBe(TAHUNAN[jenjang][predikat]);
      });
    }
  }
  it('the coefficients of SPEC §7.2', () => {
    expect(JENJANG_FUNGSIONAL.map(koefisienTahunan)).toEqual([3.75, 5, 12.5, 25, 12.5, 25, 37.5, 50]);
  });
});

describe('angkaKredit, periodic (months/12)', () => {
  it.each([
    // SPEC examples
    ['AHLI_PERTAMA', 'SANGAT_BAIK', 12, 18.75],
    ['AHLI_PERTAMA', 'BAIK', 2, 2.08], // 2.0833…
    // every month count for one jenjang: 1.041666… per month of Baik
    ['AHLI_PERTAMA', 'BAIK', 1, 1.04],
    ['AHLI_PERTAMA', 'BAIK', 3, 3.13], // 3.125: half up, not banker's, not float-down
    ['AHLI_PERTAMA', 'BAIK', 4, 4.17],
    ['AHLI_PERTAMA', 'BAIK', 5, 5.21],
    ['AHLI_PERTAMA', 'BAIK', 6, 6.25],
    ['AHLI_PERTAMA', 'BAIK', 7, 7.29],
    ['AHLI_PERTAMA', 'BAIK', 8, 8.33],
    ['AHLI_PERTAMA', 'BAIK', 9, 9.38], // 9.375
    ['AHLI_PERTAMA', 'BAIK', 10, 10.42],
    ['AHLI_PERTAMA', 'BAIK', 11, 11.46],
    ['AHLI_PERTAMA', 'BAIK', 12, 12.5],
    // quarters and semesters
    ['PEMULA', 'BAIK', 3, 0.94], // 0.9375
    ['PEMULA', 'SANGAT_KURANG', 1, 0.08], // 0.078125
    ['TERAMPIL', 'BAIK', 3, 1.25],
    ['TERAMPIL', 'SANGAT_KURANG', 6, 0.63], // 0.625
    ['MAHIR', 'BUTUH_PERBAIKAN', 6, 4.69], // 4.6875
    ['PENYELIA', 'KURANG', 1, 1.04], // 1.041666…
    ['AHLI_MUDA', 'SANGAT_BAIK', 1, 3.13], // 3.125
    ['AHLI_MADYA', 'SANGAT_BAIK', 1, 4.69], // 4.6875
    ['AHLI_MADYA', 'BUTUH_PERBAIKAN', 12, 28.13], // 28.125
    ['AHLI_UTAMA', 'SANGAT_KURANG', 1, 1.04], // 1.041666…
    ['AHLI_UTAMA', 'SANGAT_BAIK', 6, 37.5],
  ] as const)('%s %s %i bulan = %d', (jenjang, predikat, bulan, ak) => {
    expect(angkaKredit(jenjang, predikat, bulan)).toBe(ak);
  });

  it('rejects month counts outside 0–12 (a plan shorter than a month counts none)', () => {
    expect(angkaKredit('AHLI_MUDA', 'BAIK', 0)).toBe(0);
    for (const bulan of [13, 1.5, -1]) {
      expect(() => angkaKredit('AHLI_MUDA', 'BAIK', bulan)).toThrow(RangeError);
    }
  });
});

describe('a running figure adds exact months and is rounded once (SPEC §7.2)', () => {
  const bulanan = (jenjang: JenjangFungsional, predikat: PredikatPegawai, n: number, bulan = 1) =>
    Array.from({ length: n }, (): PenilaianAk => ({ tahun: 2026, jenjang, predikat, bulan, bagian: 1 }));

  it.each([
    // [what, the sum as shown, what adding the rounded periods gave, the periods]
    ['12 × Baik, Ahli Pertama', 12.5, 12.48, bulanan('AHLI_PERTAMA', 'BAIK', 12)],
    ['12 × Baik, Ahli Madya', 37.5, 37.56, bulanan('AHLI_MADYA', 'BAIK', 12)],
    ['12 × Sangat Kurang, Pemula', 0.94, 0.96, bulanan('PEMULA', 'SANGAT_KURANG', 12)],
    [
      '6 × Sangat Baik + 6 × Baik, Ahli Pertama',
      15.63,
      15.6,
      [...bulanan('AHLI_PERTAMA', 'SANGAT_BAIK', 6), ...bulanan('AHLI_PERTAMA', 'BAIK', 6)],
    ],
    [
      '3 × Sangat Baik + 9 × Baik, Ahli Muda',
      28.13,
      28.11,
      [...bulanan('AHLI_MUDA', 'SANGAT_BAIK', 3), ...bulanan('AHLI_MUDA', 'BAIK', 9)],
    ],
    [
      '6 × Baik Terampil, then 6 × Baik Mahir (kenaikan jenjang)',
      8.75,
      8.76,
      [...bulanan('TERAMPIL', 'BAIK', 6), ...bulanan('MAHIR', 'BAIK', 6)],
    ],
    ['4 quarters Butuh Perbaikan, Mahir', 9.38, 9.36, bulanan('MAHIR', 'BUTUH_PERBAIKAN', 4, 3)],
    ['one month Baik, Ahli Pertama', 1.04, 1.04, bulanan('AHLI_PERTAMA', 'BAIK', 1)],
  ] as const)('%s = %d (the rounded periods added up to %d)', (_what, ak, bulatDulu, periode) => {
    expect(akJumlah(periode)).toBe(ak);
    expect(akSetahun(periode, [])).toEqual({ angkaKredit: ak, sumber: 'PERIODIK' });
    expect(akKumulatif({ awal: null, periodik: periode, tahunan: [], sampai: 2026 }).kumulatif).toBe(ak);
    // For comparison, what the figure used to be: each line rounded on its own, then added.
    const lines = periode.map((p) => Math.round(angkaKredit(p.jenjang, p.predikat, p.bulan) * 100));
    expect(lines.reduce((a, b) => a + b, 0) / 100).toBe(bulatDulu);
  });

  it('nothing rated adds up to zero', () => expect(akJumlah([])).toBe(0));

  it('the cumulative total adds exact years and the initial AK, rounded once', () => {
    const r = akKumulatif({
      awal: { nilai: 1.005, tahunMulai: 2025 },
      periodik: [
        { tahun: 2025, jenjang: 'AHLI_PERTAMA', predikat: 'BAIK', bulan: 3, bagian: 1 },
        { tahun: 2026, jenjang: 'AHLI_PERTAMA', predikat: 'BAIK', bulan: 3, bagian: 2 },
      ],
      tahunan: [],
      sampai: 2026,
      kebutuhan: 50,
    });
    // each year shows 3.125 as 3.13; the total is 1.005 + 6.25, not 1.01 + 3.13 + 3.13
    expect(r.perTahun.map((t) => t.angkaKredit)).toEqual([3.13, 3.13]);
    expect(r.kumulatif).toBe(7.26);
    expect(r.selisih).toBe(-42.74);
  });
});

describe('period lengths', () => {
  it.each([
    ['2026-07', 1],
    ['2026-12', 1],
    ['2026-Q3', 3],
    ['2026-S2', 6],
  ] as const)('%s = %i bulan', (kode, bulan) => expect(bulanKodePeriode(kode)).toBe(bulan));
  it('rejects unknown codes', () => expect(() => bulanKodePeriode('2026')).toThrow(RangeError));
  it.each([
    ['2026-01-01', '2026-12-31', 12],
    ['2026-07-01', '2026-12-31', 6],
    // A month belongs to the plan in force on its first day (SPEC §4.1).
    ['2026-03-15', '2026-03-31', 0],
    ['2026-01-01', '2026-11-14', 11],
    ['2026-11-15', '2026-12-31', 1],
    ['2026-11-01', '2026-12-31', 2],
    ['2026-11-02', '2026-12-31', 1],
  ] as const)('SKP %s … %s = %i bulan', (mulai, akhir, bulan) =>
    expect(bulanRentang(mulai, akhir)).toBe(bulan),
  );
});

describe('next step (PermenPANRB 1/2023, conversion model)', () => {
  it('encodes the requirement table', () => {
    const tabel = Object.fromEntries(
      JENJANG_FUNGSIONAL.map((j) => [j, [KEBUTUHAN_AK[j].kenaikanPangkat, KEBUTUHAN_AK[j].kenaikanJenjang]]),
    );
    expect(tabel).toEqual({
      PEMULA: [15, 15],
      TERAMPIL: [20, 60],
      MAHIR: [50, 100],
      PENYELIA: [100, null],
      AHLI_PERTAMA: [50, 100],
      AHLI_MUDA: [100, 200],
      AHLI_MADYA: [150, 450],
      AHLI_UTAMA: [200, null],
    });
  });

  it.each([
    ['AHLI_PERTAMA', 'III/a', 'PANGKAT', 'III/b', 50, 'Kenaikan pangkat ke Penata Muda Tingkat I, III/b'],
    ['AHLI_PERTAMA', 'III/b', 'JENJANG', 'AHLI_MUDA', 100, 'Kenaikan jenjang ke Ahli Muda'],
    ['AHLI_MUDA', 'III/c', 'PANGKAT', 'III/d', 100, 'Kenaikan pangkat ke Penata Tingkat I, III/d'],
    ['AHLI_MUDA', 'III/d', 'JENJANG', 'AHLI_MADYA', 200, 'Kenaikan jenjang ke Ahli Madya'],
    ['AHLI_MADYA', 'IV/a', 'PANGKAT', 'IV/b', 150, 'Kenaikan pangkat ke Pembina Tingkat I, IV/b'],
    ['AHLI_MADYA', 'IV/b', 'PANGKAT', 'IV/c', 150, 'Kenaikan pangkat ke Pembina Utama Muda, IV/c'],
    ['AHLI_MADYA', 'IV/c', 'JENJANG', 'AHLI_UTAMA', 450, 'Kenaikan jenjang ke Ahli Utama'],
    ['AHLI_UTAMA', 'IV/d', 'PANGKAT', 'IV/e', 200, 'Kenaikan pangkat ke Pembina Utama, IV/e'],
    ['PEMULA', 'II/a', 'JENJANG', 'TERAMPIL', 15, 'Kenaikan jenjang ke Terampil'],
    ['TERAMPIL', 'II/b', 'PANGKAT', 'II/c', 20, 'Kenaikan pangkat ke Pengatur, II/c'],
    ['TERAMPIL', 'II/d', 'JENJANG', 'MAHIR', 60, 'Kenaikan jenjang ke Mahir'],
    ['MAHIR', 'III/a', 'PANGKAT', 'III/b', 50, 'Kenaikan pangkat ke Penata Muda Tingkat I, III/b'],
    ['MAHIR', 'III/b', 'JENJANG', 'PENYELIA', 100, 'Kenaikan jenjang ke Penyelia'],
    ['PENYELIA', 'III/c', 'PANGKAT', 'III/d', 100, 'Kenaikan pangkat ke Penata Tingkat I, III/d'],
    // PPPK have no pangkat: only the jenjang.
    ['AHLI_PERTAMA', 'IX', 'JENJANG', 'AHLI_MUDA', 100, 'Kenaikan jenjang ke Ahli Muda'],
  ] as const)('%s %s → %s %s (%i AK)', (jenjang, golongan, jenis, ke, kebutuhan, label) => {
    expect(langkahBerikut(jenjang, golongan)).toEqual({ jenis, ke, kebutuhan, label });
  });

  it.each([
    ['AHLI_UTAMA', 'IV/e'],
    ['PENYELIA', 'III/d'],
  ] as const)('%s %s has no next step', (jenjang, golongan) => {
    expect(langkahBerikut(jenjang, golongan)).toBeNull();
  });
});

describe('a year and the cumulative total', () => {
  const p = (tahun: number, predikat: PredikatPegawai, bulan: number, bagian = 1): PenilaianAk => ({
    tahun,
    jenjang: 'AHLI_PERTAMA',
    predikat,
    bulan,
    bagian,
  });

  it('sums the periodic figures when no annual evaluation is final', () => {
    expect(akSetahun([p(2026, 'BAIK', 1), p(2026, 'BAIK', 1)], [])).toEqual({
      angkaKredit: 2.08, // 2.0833…: two exact months, rounded once
      sumber: 'PERIODIK',
    });
  });

  it('a final annual evaluation replaces the periodic sum', () => {
    expect(akSetahun([p(2026, 'BAIK', 1)], [p(2026, 'SANGAT_BAIK', 12)])).toEqual({
      angkaKredit: 18.75,
      sumber: 'TAHUNAN',
    });
  });

  it('after a mutation adds the SKP parts: a final part and a part still rated monthly', () => {
    // 11 months Baik (final, old SKP) + December Baik (periodic, new SKP) = 12 months once: 12.50.
    const periodik = [...Array.from({ length: 11 }, () => p(2026, 'BAIK', 1, 1)), p(2026, 'BAIK', 1, 2)];
    expect(akSetahun(periodik, [p(2026, 'BAIK', 11, 1)])).toEqual({ angkaKredit: 12.5, sumber: 'PERIODIK' });
    expect(
      bagianTahun(periodik, [p(2026, 'BAIK', 11, 1)]).map((b) => [b.bagian, b.angkaKredit, b.sumber]),
    ).toEqual([
      [1, 11.46, 'TAHUNAN'],
      [2, 1.04, 'PERIODIK'],
    ]);
    // Both final: TAHUNAN, still one sum rounded once.
    expect(akSetahun(periodik, [p(2026, 'BAIK', 11, 1), p(2026, 'BAIK', 1, 2)])).toEqual({
      angkaKredit: 12.5,
      sumber: 'TAHUNAN',
    });
  });

  it('nothing rated is zero', () => {
    expect(akSetahun([], [])).toEqual({ angkaKredit: 0, sumber: 'KOSONG' });
  });

  it('adds every year from the initial AK', () => {
    const r = akKumulatif({
      awal: { nilai: 10.5, tahunMulai: 2024 },
      periodik: [p(2023, 'BAIK', 12), p(2025, 'BAIK', 6), p(2026, 'BAIK', 3)],
      tahunan: [p(2024, 'SANGAT_BAIK', 12)],
      sampai: 2026,
    });
    expect(r.perTahun).toEqual([
      { tahun: 2024, angkaKredit: 18.75, sumber: 'TAHUNAN' },
      { tahun: 2025, angkaKredit: 6.25, sumber: 'PERIODIK' },
      { tahun: 2026, angkaKredit: 3.13, sumber: 'PERIODIK' },
    ]);
    expect(r.kumulatif).toBe(38.63); // 2023 is before tahunMulai and does not count
    expect(r.selisih).toBeNull();
  });

  it('without an initial AK starts at the first rated year', () => {
    const r = akKumulatif({ awal: null, periodik: [p(2025, 'BAIK', 12)], tahunan: [], sampai: 2026 });
    expect(r.perTahun.map((t) => t.tahun)).toEqual([2025, 2026]);
    expect(r.kumulatif).toBe(12.5);
    expect(akKumulatif({ awal: null, periodik: [], tahunan: [], sampai: 2026 }).kumulatif).toBe(0);
  });
});
