import { describe, expect, it } from 'vitest';
import {
  bodySiasn,
  type FaktaSiasn,
  kekuranganPemetaan,
  kodeGolonganBkn,
  PERCOBAAN_MAKS,
  type PemetaanSiasn,
  periodeDariKode,
  putusanKirim,
  tundaanDetik,
} from './siasn.js';

const pemetaan: PemetaanSiasn = {
  hasilKinerja: { DI_ATAS_EKSPEKTASI: 'H1', SESUAI_EKSPEKTASI: 'H2', DI_BAWAH_EKSPEKTASI: 'H3' },
  perilakuKerja: { DI_ATAS_EKSPEKTASI: 'P1', SESUAI_EKSPEKTASI: 'P2', DI_BAWAH_EKSPEKTASI: 'P3' },
  kuadran: { SANGAT_BAIK: 'K1', BAIK: 'K2', BUTUH_PERBAIKAN: 'K3', KURANG: 'K4', SANGAT_KURANG: 'K5' },
  koefisien: { SANGAT_BAIK: 'C1', BAIK: 'C2', BUTUH_PERBAIKAN: 'C3', KURANG: 'C4', SANGAT_KURANG: 'C5' },
  periodik: { BULANAN: 'B', TRIWULANAN: 'T', SEMESTERAN: 'S' },
};

const fakta: FaktaSiasn = {
  ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
  ratingPerilaku: 'SESUAI_EKSPEKTASI',
  predikat: 'BAIK',
  tahun: 2026,
  penilai: {
    nama: 'Drs. Kepala Seksi',
    nip: '198001012005011001',
    golongan: 'III/d',
    jabatan: 'Kepala Seksi Kurikulum',
    unorNama: 'Seksi Kurikulum',
    jenisAsn: 'PNS',
  },
  periode: { jenis: 'TRIWULANAN', mulai: '2026-07', akhir: '2026-09' },
};

describe('kodeGolonganBkn', () => {
  it.each([
    ['I/a', '11'],
    ['II/c', '23'],
    ['III/d', '34'],
    ['IV/e', '45'],
    ['IX', 'IX'],
  ])('%s → %s', (golongan, kode) => expect(kodeGolonganBkn(golongan)).toBe(kode));
});

describe('periodeDariKode', () => {
  it.each([
    ['2026-07', { jenis: 'BULANAN', mulai: '2026-07', akhir: '2026-07' }],
    ['2026-Q3', { jenis: 'TRIWULANAN', mulai: '2026-07', akhir: '2026-09' }],
    ['2026-S2', { jenis: 'SEMESTERAN', mulai: '2026-07', akhir: '2026-12' }],
  ])('%s', (kode, periode) => expect(periodeDariKode(kode)).toEqual(periode));
});

describe('kekuranganPemetaan', () => {
  it('names every empty cell and nothing when complete', () => {
    expect(kekuranganPemetaan(pemetaan)).toEqual([]);
    expect(
      kekuranganPemetaan({ ...pemetaan, kuadran: { ...pemetaan.kuadran, KURANG: ' ' }, periodik: {} }),
    ).toEqual(['kuadran.KURANG', 'periodik.BULANAN', 'periodik.TRIWULANAN', 'periodik.SEMESTERAN']);
  });
});

describe('bodySiasn', () => {
  it('periodic: exactly the SPEC §12 fields of /kinerjaperiodik/save', () => {
    expect(bodySiasn('KINERJA_PERIODIK', fakta, pemetaan, 'pns-1', null)).toStrictEqual({
      bulanMulaiPenilaian: 7,
      bulanSelesaiPenilaian: 9,
      tahunMulaiPenilaian: 2026,
      tahunSelesaiPenilaian: 2026,
      hasilKinerjaNilai: 'H1',
      perilakuKerjaNilai: 'P2',
      kuadranKinerjaNilai: 'K2',
      koefisienId: 'C2',
      periodikId: 'T',
      pnsDinilaiId: 'pns-1',
      penilaiNama: 'Drs. Kepala Seksi',
      penilaiNipNrp: '198001012005011001',
      penilaiGolongan: '34',
      penilaiJabatan: 'Kepala Seksi Kurikulum',
      penilaiUnorNama: 'Seksi Kurikulum',
      statusPenilai: 'ASN',
      tahun: 2026,
    });
  });

  it('annual: exactly the SPEC §12 fields of /skp22/save; a later version carries the national id', () => {
    const tahunan = { ...fakta, periode: undefined, penilai: { ...fakta.penilai, jenisAsn: null } };
    expect(bodySiasn('SKP22', tahunan, pemetaan, 'pns-1', null)).toStrictEqual({
      hasilKinerjaNilai: 'H1',
      perilakuKerjaNilai: 'P2',
      kuadranKinerjaNilai: 'K2',
      penilaiNama: 'Drs. Kepala Seksi',
      penilaiNipNrp: '198001012005011001',
      penilaiGolongan: '34',
      penilaiJabatan: 'Kepala Seksi Kurikulum',
      penilaiUnorNama: 'Seksi Kurikulum',
      statusPenilai: 'NON ASN',
      pnsDinilaiOrang: 'pns-1',
      tahun: 2026,
    });
    expect(bodySiasn('SKP22', tahunan, pemetaan, 'pns-1', 'nas-9')).toMatchObject({ id: 'nas-9' });
  });
});

describe('tundaanDetik', () => {
  it.each([
    [1, null, 60],
    [2, null, 120],
    [3, null, 240],
    [7, null, 3840],
    [12, null, 21_600],
    [1, 300, 300],
    [3, 10, 240],
    [1, 999_999, 21_600],
  ])('attempt %i, Retry-After %s → %i s', (percobaan, retryAfter, detik) =>
    expect(tundaanDetik(percobaan, retryAfter)).toBe(detik),
  );
});

describe('putusanKirim', () => {
  it.each([
    [1, 200, true, 'TERKIRIM'],
    [1, 201, null, 'TERKIRIM'],
    [1, 200, false, 'GAGAL'],
    [1, 400, null, 'GAGAL'],
    [1, 404, null, 'GAGAL'],
    [1, 422, null, 'GAGAL'],
    [1, 401, null, 'ULANGI'],
    [1, 429, null, 'ULANGI'],
    [1, 500, null, 'ULANGI'],
    [1, 503, null, 'ULANGI'],
    [1, null, null, 'ULANGI'],
    [PERCOBAAN_MAKS, 503, null, 'GAGAL'],
    [PERCOBAAN_MAKS, 400, null, 'GAGAL'],
  ] as const)('attempt %i, HTTP %s, success %s → %s', (percobaan, status, sukses, hasil) =>
    expect(putusanKirim(percobaan, status, sukses).hasil).toBe(hasil),
  );

  it('waits longer after each retryable attempt and honours Retry-After', () => {
    expect(putusanKirim(1, 429, null, 120)).toEqual({
      hasil: 'ULANGI',
      tundaDetik: 120,
      alasan: 'SIASN membatasi permintaan.',
    });
    expect(putusanKirim(2, 502, null)).toMatchObject({ hasil: 'ULANGI', tundaDetik: 120 });
  });
});
