import { describe, expect, it } from 'vitest';
import { JAM_KERJA_BAKU } from './kehadiran.js';
import {
  ATURAN_PROGRES_HARIAN_BAWAAN,
  bertumpangTindih,
  bukanHariKerja,
  durasiMenit,
  formatDurasi,
  hariBulan,
  type KonteksHari,
  periksaHari,
} from './progres-harian.js';

const r = (jamMulai: string, jamSelesai: string) => ({ jamMulai, jamSelesai });

describe('bertumpangTindih (half-open ranges)', () => {
  it.each([
    ['08:00', '10:00', '09:00', '11:00', true],
    ['08:00', '10:00', '10:00', '11:00', false],
    ['10:00', '11:00', '08:00', '10:00', false],
    ['08:00', '12:00', '09:00', '10:00', true],
    ['09:00', '10:00', '08:00', '12:00', true],
    ['08:00', '09:00', '08:00', '09:00', true],
    ['08:00', '08:30', '13:00', '14:00', false],
  ])('%s–%s with %s–%s: %s', (a1, a2, b1, b2, hasil) => {
    expect(bertumpangTindih(r(a1, a2), r(b1, b2))).toBe(hasil);
    expect(bertumpangTindih(r(b1, b2), r(a1, a2))).toBe(hasil);
  });
});

describe('durasiMenit and formatDurasi', () => {
  it.each([
    ['08:00', '11:30', 210, '3 jam 30 menit'],
    ['07:30', '15:00', 450, '7 jam 30 menit'],
    ['13:00', '13:45', 45, '45 menit'],
    ['00:00', '23:59', 1439, '23 jam 59 menit'],
    ['08:00', '16:00', 480, '8 jam'],
  ])('%s–%s = %i minutes, "%s"', (m, s, menit, teks) => {
    expect(durasiMenit(r(m, s))).toBe(menit);
    expect(formatDurasi(menit)).toBe(teks);
  });
});

describe('bukanHariKerja', () => {
  const libur = new Map([['2026-08-17', 'Hari Kemerdekaan RI']]);
  it.each([
    ['2026-08-18', null],
    ['2026-08-21', null],
    ['2026-08-17', 'adalah hari libur (Hari Kemerdekaan RI)'],
    ['2026-08-15', 'bukan hari kerja'],
    ['2026-08-16', 'bukan hari kerja'],
  ])('%s: %s', (tanggal, hasil) => {
    expect(bukanHariKerja(tanggal, JAM_KERJA_BAKU, libur)).toBe(hasil);
  });

  it('a Saturday with working hours is a working day', () => {
    const enamHari = { ...JAM_KERJA_BAKU, '6': { masuk: '07:30', pulang: '12:00' } };
    expect(bukanHariKerja('2026-08-15', enamHari, libur)).toBeNull();
  });
});

describe('periksaHari', () => {
  const konteks = (over: Partial<KonteksHari> = {}): KonteksHari => ({
    lain: [
      { jamMulai: '08:00', jamSelesai: '11:00', kegiatan: 'Rapat koordinasi' },
      { jamMulai: '13:00', jamSelesai: '15:00', kegiatan: 'Verifikasi berkas' },
    ],
    aturan: ATURAN_PROGRES_HARIAN_BAWAAN,
    bukanHariKerja: null,
    skp: { mulai: '2026-01-01', akhir: '2026-12-31' },
    ...over,
  });
  const entri = (jamMulai: string, jamSelesai: string, tanggal = '2026-07-14') => ({
    tanggal,
    jamMulai,
    jamSelesai,
  });

  it('accepts an entry that fits the gaps and the cap', () => {
    expect(periksaHari(entri('11:00', '12:00'), konteks())).toEqual([]);
    // 3 + 2 + 2.5 h = 7.5 h: exactly the cap.
    expect(periksaHari(entri('15:00', '17:30'), konteks())).toEqual([]);
    expect(periksaHari(entri('08:00', '15:30'), konteks({ lain: [] }))).toEqual([]);
  });

  it.each([
    [
      entri('10:30', '11:30'),
      konteks(),
      'jamMulai',
      'Jam 10:30–11:30 bertumpang tindih dengan kegiatan 08:00–11:00 "Rapat koordinasi" pada Selasa, 14 Juli 2026.',
    ],
    [
      entri('15:00', '17:31'),
      konteks(),
      'jamSelesai',
      'Jumlah jam kegiatan pada Selasa, 14 Juli 2026 menjadi 7 jam 31 menit, melebihi batas 7 jam 30 menit per hari.',
    ],
    [
      entri('08:00', '16:00'),
      konteks({ lain: [], aturan: { batasMenitHarian: 420, bolehHariLibur: false } }),
      'jamSelesai',
      'Jumlah jam kegiatan pada Selasa, 14 Juli 2026 menjadi 8 jam, melebihi batas 7 jam per hari.',
    ],
    [
      entri('08:00', '09:00', '2026-08-17'),
      konteks({ lain: [], bukanHariKerja: 'adalah hari libur (Hari Kemerdekaan RI)' }),
      'tanggal',
      'Senin, 17 Agustus 2026 adalah hari libur (Hari Kemerdekaan RI); instansi tidak mengizinkan progres harian pada hari libur dan akhir pekan.',
    ],
    [
      entri('08:00', '09:00', '2026-07-18'),
      konteks({ lain: [], bukanHariKerja: 'bukan hari kerja' }),
      'tanggal',
      'Sabtu, 18 Juli 2026 bukan hari kerja; instansi tidak mengizinkan progres harian pada hari libur dan akhir pekan.',
    ],
    [
      entri('08:00', '09:00', '2026-11-16'),
      konteks({ lain: [], skp: { mulai: '2026-01-01', akhir: '2026-11-14' } }),
      'tanggal',
      'Tanggal Senin, 16 November 2026 di luar masa SKP (Kamis, 1 Januari 2026 s.d. Sabtu, 14 November 2026).',
    ],
  ] as const)('%o refused at %s', (e, k, kolom, pesan) => {
    expect(periksaHari(e, k)).toEqual([{ kolom, pesan }]);
  });

  it('a holiday or weekend is accepted when the instansi allows it', () => {
    const k = konteks({
      lain: [],
      bukanHariKerja: 'bukan hari kerja',
      aturan: { batasMenitHarian: 450, bolehHariLibur: true },
    });
    expect(periksaHari(entri('08:00', '09:00', '2026-07-18'), k)).toEqual([]);
  });

  it('reports overlap and cap together', () => {
    const found = periksaHari(entri('10:00', '16:00'), konteks());
    expect(found.map((m) => m.kolom)).toEqual(['jamMulai', 'jamSelesai']);
  });
});

describe('hariBulan', () => {
  it('every day of the month, weekends and holidays not working days', () => {
    const hari = hariBulan('2026-08', JAM_KERJA_BAKU, new Map([['2026-08-17', 'Hari Kemerdekaan RI']]));
    expect(hari).toHaveLength(31);
    expect(hari[0]).toEqual({ tanggal: '2026-08-01', hariKerja: false, libur: null });
    expect(hari[2]).toEqual({ tanggal: '2026-08-03', hariKerja: true, libur: null });
    expect(hari[16]).toEqual({ tanggal: '2026-08-17', hariKerja: false, libur: 'Hari Kemerdekaan RI' });
    expect(hari.filter((h) => h.hariKerja)).toHaveLength(20);
    expect(hariBulan('2028-02', JAM_KERJA_BAKU, new Map())).toHaveLength(29);
  });
});
