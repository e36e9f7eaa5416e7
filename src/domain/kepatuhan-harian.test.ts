import { describe, expect, it } from 'vitest';
import { JAM_KERJA_BAKU } from './kehadiran.js';
import {
  ATURAN_KEPATUHAN_HARIAN_BAWAAN,
  alasanKepatuhanBelumLengkap,
  type FaktaHari,
  hariBulanKepatuhan,
  hitungJumlah,
  namaTenggat,
  persenPatuh,
  statusHari,
  tanggalTenggat,
  tenggat,
  uraianAturan,
} from './kepatuhan-harian.js';

// August 2026: the 17th (a Monday) is Independence Day; the 15th–16th a weekend.
const kal = { jamKerja: JAM_KERJA_BAKU, libur: new Set(['2026-08-17']) };
const aturan = { ...ATURAN_KEPATUHAN_HARIAN_BAWAAN, aktif: true };

describe('tanggalTenggat: the N-th working day after', () => {
  it.each([
    ['2026-08-12', 1, '2026-08-13'], // Wednesday → Thursday
    ['2026-08-14', 1, '2026-08-18'], // Friday → over the weekend and the holiday → Tuesday
    ['2026-08-13', 2, '2026-08-18'], // Thursday + 2: Friday, then Tuesday
    ['2026-08-14', 0, '2026-08-14'], // the same day
    ['2026-08-31', 1, '2026-09-01'], // into the next month
  ])('%s + %i → %s', (tanggal, n, hasil) => {
    expect(tanggalTenggat(tanggal, n, kal)).toBe(hasil);
  });
});

describe('tenggat: the instant in the instansi zone', () => {
  it.each([
    ['Asia/Makassar', '2026-08-14', '23:59', 1, '2026-08-18T16:00:00.000Z'], // WITA +8: 19th 00:00 local
    ['Asia/Jakarta', '2026-08-14', '23:59', 1, '2026-08-18T17:00:00.000Z'], // WIB +7
    ['Asia/Jayapura', '2026-08-12', '12:00', 0, '2026-08-12T03:01:00.000Z'], // WIT +9: 12:01 local
  ])('%s: %s by %s +%i → %s', (zona, tanggal, batasJam, hariKerjaKe, iso) => {
    expect(tenggat(tanggal, { batasJam, hariKerjaKe }, kal, zona).toISOString()).toBe(iso);
  });

  it('reads as the last minute, local', () => {
    const t = tenggat('2026-08-14', aturan, kal, 'Asia/Makassar');
    expect(namaTenggat(t, 'Asia/Makassar')).toBe('Selasa, 18 Agustus 2026 pukul 23.59 WITA');
  });
});

describe('statusHari', () => {
  const batas = new Date('2026-08-13T16:00:00Z'); // the 12th's deadline: the 13th 23:59 WITA
  const hari = (x: Partial<FaktaHari>): FaktaHari => ({
    hariKerja: true,
    dikecualikan: null,
    entri: null,
    tenggat: batas,
    ...x,
  });
  const sebelum = new Date('2026-08-13T15:59:59Z');
  const sesudah = new Date('2026-08-13T16:00:00Z');
  const lama = new Date('2026-08-20T00:00:00Z');
  it.each<[string, Partial<FaktaHari>, Date, string]>([
    ['entry a second before the deadline', { entri: { pertama: sebelum } }, lama, 'TEPAT_WAKTU'],
    ['entry at the deadline (23:59 is over)', { entri: { pertama: sesudah } }, lama, 'TERLAMBAT'],
    ['no entry, deadline passed', {}, lama, 'TIDAK_ADA'],
    ['no entry, deadline not passed', {}, sebelum, 'BELUM_JATUH_TEMPO'],
    [
      'an early entry before the deadline even passes',
      { entri: { pertama: sebelum } },
      sebelum,
      'TEPAT_WAKTU',
    ],
    ['entry time unknown (before the record)', { entri: { pertama: null } }, lama, 'TEPAT_WAKTU'],
    ['excused by leave, nothing entered', { dikecualikan: 'CUTI' }, lama, 'DIKECUALIKAN'],
    [
      'excused by travel even if late',
      { dikecualikan: 'DINAS_LUAR', entri: { pertama: lama } },
      lama,
      'DIKECUALIKAN',
    ],
    ['a weekend', { hariKerja: false, tenggat: null }, lama, 'BUKAN_HARI_KERJA'],
  ])('%s → %s', (_, fakta, now, hasil) => {
    expect(statusHari(hari(fakta), now)).toBe(hasil);
  });
});

describe('a month', () => {
  const hari = hariBulanKepatuhan('2026-08', aturan, kal, 'Asia/Makassar');
  it('has every date, working days with deadlines', () => {
    expect(hari).toHaveLength(31);
    expect(hari.filter((h) => h.hariKerja)).toHaveLength(20);
    expect(hari.find((h) => h.tanggal === '2026-08-17')).toEqual({
      tanggal: '2026-08-17',
      hariKerja: false,
      tenggat: null,
    });
  });

  it('is complete for TPP only when the last deadline has passed', () => {
    const akhir = new Date('2026-09-01T16:00:00Z'); // 31 Aug's deadline: 1 Sep 23:59 WITA
    expect(alasanKepatuhanBelumLengkap(hari, akhir, 'Asia/Makassar')).toBeNull();
    expect(alasanKepatuhanBelumLengkap(hari, new Date('2026-09-01T02:00:00Z'), 'Asia/Makassar')).toBe(
      'tenggat progres harian 2026-08-31 baru berakhir Selasa, 1 September 2026 pukul 23.59 WITA; hitung TPP setelah itu.',
    );
  });
});

describe('counts and share', () => {
  it('shares only the judged days', () => {
    const j = hitungJumlah([
      'TEPAT_WAKTU',
      'TEPAT_WAKTU',
      'TERLAMBAT',
      'TIDAK_ADA',
      'DIKECUALIKAN',
      'BELUM_JATUH_TEMPO',
    ]);
    expect(j).toEqual({ tepatWaktu: 2, terlambat: 1, tidakAda: 1, belumJatuhTempo: 1, dikecualikan: 1 });
    expect(persenPatuh(j)).toBe(50);
    expect(persenPatuh(hitungJumlah(['DIKECUALIKAN']))).toBeNull();
  });
});

describe('the rule in words', () => {
  it.each([
    [
      { batasJam: '23:59', hariKerjaKe: 1 },
      'progres harian setiap hari kerja diisi paling lambat pukul 23.59 WITA pada hari kerja berikutnya',
    ],
    [
      { batasJam: '16:00', hariKerjaKe: 0 },
      'progres harian setiap hari kerja diisi paling lambat pukul 16.00 WITA pada hari kegiatan itu',
    ],
    [
      { batasJam: '12:00', hariKerjaKe: 3 },
      'progres harian setiap hari kerja diisi paling lambat pukul 12.00 WITA pada hari kerja ke-3 setelah hari kegiatan',
    ],
  ])('%o', (a, teks) => {
    expect(uraianAturan(a, 'Asia/Makassar')).toBe(teks);
  });
});
