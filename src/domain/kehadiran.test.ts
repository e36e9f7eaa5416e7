import { describe, expect, it } from 'vitest';
import {
  apelTerlewat,
  hariIso,
  hariKerjaBulan,
  JAM_KERJA_BAKU,
  kalenderBulan,
  menitPulangCepat,
  menitTerlambat,
  parseApel,
  parseJam,
  parseStatusKehadiran,
  parseTanggal,
  periksaBaris,
  periksaJamKerja,
} from './kehadiran.js';

const SENIN = { masuk: '07:30', pulang: '16:00' };
const JUMAT = { masuk: '07:30', pulang: '16:30' };

describe('hariKerjaBulan', () => {
  it('March 2026: Mon–Fri, no holidays → 22 days, Friday ends 16:30', () => {
    const hari = hariKerjaBulan('2026-03', JAM_KERJA_BAKU, new Set());
    expect(hari).toHaveLength(22);
    expect(hari[0]).toEqual({ tanggal: '2026-03-02', jam: SENIN });
    expect(hari.find((h) => h.tanggal === '2026-03-06')?.jam).toEqual(JUMAT);
    expect(hari.some((h) => ['6', '7'].includes(hariIso(h.tanggal)))).toBe(false);
  });

  it('holidays on working days are left out; a holiday on a weekend changes nothing', () => {
    const libur = new Set(['2026-03-19', '2026-03-20', '2026-03-21']);
    const hari = hariKerjaBulan('2026-03', JAM_KERJA_BAKU, libur);
    expect(hari).toHaveLength(20);
    expect(hari.map((h) => h.tanggal)).not.toContain('2026-03-19');
  });

  it.each([
    ['2026-02', 20],
    ['2024-02', 21], // leap year: 29 February 2024 is a Thursday
    ['2026-12', 23],
  ])('%s has %i working days', (bulan, n) => {
    expect(hariKerjaBulan(bulan, JAM_KERJA_BAKU, new Set())).toHaveLength(n);
  });

  it('a six-day week counts Saturdays with their own hours', () => {
    const jk = { ...JAM_KERJA_BAKU, '6': { masuk: '07:30', pulang: '12:00' } };
    const hari = hariKerjaBulan('2026-03', jk, new Set());
    expect(hari).toHaveLength(26);
    expect(hari.find((h) => h.tanggal === '2026-03-07')?.jam).toEqual({ masuk: '07:30', pulang: '12:00' });
  });

  it('rejects a malformed month', () => {
    expect(() => hariKerjaBulan('2026-13', JAM_KERJA_BAKU, new Set())).toThrow(RangeError);
  });
});

describe('menitTerlambat / menitPulangCepat', () => {
  it.each([
    ['07:30', 0],
    ['07:30:59', 0],
    ['07:00', 0],
    ['07:31', 1],
    ['08:00', 30],
    ['08:01:10', 31],
    ['09:01', 91],
    [null, null],
  ] as const)('check-in %s → %s minutes late', (jam, menit) => {
    expect(menitTerlambat(jam, SENIN)).toBe(menit);
  });

  it.each([
    ['16:00', SENIN, 0],
    ['17:10', SENIN, 0],
    ['15:59:30', SENIN, 1],
    ['16:00', JUMAT, 30],
    ['14:29', JUMAT, 121],
    [null, SENIN, null],
  ] as const)('check-out %s → %s minutes early', (jam, jadwal, menit) => {
    expect(menitPulangCepat(jam, jadwal)).toBe(menit);
  });
});

describe('parsing export cells', () => {
  it.each([
    ['Hadir', 'HADIR'],
    ['H', 'HADIR'],
    ['terlambat', 'HADIR'],
    ['DL', 'DINAS_LUAR'],
    ['Dinas Luar', 'DINAS_LUAR'],
    ['DINAS_LUAR', 'DINAS_LUAR'],
    ['C', 'CUTI'],
    ['Cuti', 'CUTI'],
    ['S', 'SAKIT'],
    ['sakit', 'SAKIT'],
    ['I', 'IZIN'],
    ['Ijin', 'IZIN'],
    ['TK', 'TANPA_KETERANGAN'],
    ['Alpa', 'TANPA_KETERANGAN'],
    ['Tanpa Keterangan', 'TANPA_KETERANGAN'],
    ['libur', null],
    ['', null],
  ])('status %j → %s', (kata, status) => {
    expect(parseStatusKehadiran(kata)).toBe(status);
  });

  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-3-2', '2026-03-02'],
    ['02/03/2026', '2026-03-02'],
    ['2-3-2026', '2026-03-02'],
    ['02.03.2026', '2026-03-02'],
    ['Mon Mar 02 2026 00:00:00 GMT+0000 (Coordinated Universal Time)', '2026-03-02'],
    ['Mon Mar 02 2026 08:00:00 GMT+0800 (Central Indonesia Time)', '2026-03-02'],
    ['31/02/2026', null],
    ['2026-02-30', null],
    ['kemarin', null],
  ])('date %j → %s', (teks, tanggal) => {
    expect(parseTanggal(teks)).toBe(tanggal);
  });

  it.each([
    ['07:30', '07:30:00'],
    ['7:30', '07:30:00'],
    ['07.30', '07:30:00'],
    ['07:30:15', '07:30:15'],
    ['0.3125', '07:30:00'],
    ['Sat Dec 30 1899 07:30:00 GMT+0000 (Coordinated Universal Time)', '07:30:00'],
    ['24:00', null],
    ['07:60', null],
    ['pagi', null],
  ])('time %j → %s', (teks, jam) => {
    expect(parseJam(teks)).toBe(jam);
  });
});

describe('periksaBaris', () => {
  const HARI_INI = '2026-03-03';

  it('a good row is normalised', () => {
    expect(
      periksaBaris({ tanggal: '02/03/2026', jamMasuk: '7:45', jamPulang: '16:05', status: 'H' }, HARI_INI),
    ).toEqual({
      ok: true,
      nilai: {
        tanggal: '2026-03-02',
        jamMasuk: '07:45:00',
        jamPulang: '16:05:00',
        status: 'HADIR',
        keterangan: null,
        apel: null,
      },
    });
  });

  it.each([
    ['Tidak Hadir', 'TIDAK_HADIR'],
    ['TH', 'TIDAK_HADIR'],
    ['tidak', 'TIDAK_HADIR'],
    ['0', 'TIDAK_HADIR'],
    ['Hadir', 'HADIR'],
    ['Ya', 'HADIR'],
    ['1', 'HADIR'],
    ['', null],
    ['-', null],
    [null, null],
    [undefined, null],
  ] as const)('the optional ceremony column: %j → %s', (apel, hasil) => {
    expect(periksaBaris({ tanggal: '2026-03-02', status: 'H', apel }, HARI_INI)).toMatchObject({
      ok: true,
      nilai: { apel: hasil },
    });
  });

  it('an unknown ceremony word is refused with the accepted ones', () => {
    expect(periksaBaris({ tanggal: '2026-03-02', status: 'H', apel: 'mungkin' }, HARI_INI)).toEqual({
      ok: false,
      alasan: [
        "Apel 'mungkin' tidak dikenal; gunakan Hadir (H) atau Tidak Hadir (TH), atau kosongkan bila tidak ada apel/upacara.",
      ],
    });
    expect(parseApel('Sebagian')).toBeNull();
  });

  it.each([
    ['HADIR', 'TIDAK_HADIR', true],
    ['HADIR', 'HADIR', false],
    ['HADIR', null, false],
    ['DINAS_LUAR', 'TIDAK_HADIR', false],
    ['CUTI', 'TIDAK_HADIR', false],
    ['SAKIT', 'TIDAK_HADIR', false],
    ['TANPA_KETERANGAN', 'TIDAK_HADIR', false],
  ] as const)('a missed ceremony counts only on a day present: %s, apel %s → %s', (status, apel, hasil) => {
    expect(apelTerlewat({ status, apel })).toBe(hasil);
  });

  it('a blank status with a clock time is a plain attendance; without one it is an error', () => {
    const hadir = periksaBaris({ tanggal: '2026-03-02', jamMasuk: '07:20', status: '' }, HARI_INI);
    expect(hadir).toMatchObject({ ok: true, nilai: { status: 'HADIR', jamPulang: null } });
    expect(periksaBaris({ tanggal: '2026-03-02', status: ' ' }, HARI_INI)).toEqual({
      ok: false,
      alasan: ['Status wajib diisi bila tidak ada jam masuk maupun jam pulang.'],
    });
  });

  it('collects every reason of a bad row', () => {
    const r = periksaBaris(
      { tanggal: '2026-03-04', jamMasuk: '16:00', jamPulang: '07:30', status: 'X' },
      HARI_INI,
    );
    expect(r).toEqual({
      ok: false,
      alasan: [
        'Tanggal 2026-03-04 belum terjadi.',
        'Jam pulang 07:30 lebih awal dari jam masuk 16:00.',
        "Status 'X' tidak dikenal; gunakan Hadir (H), Dinas Luar (DL), Cuti (C), Sakit (S), Izin (I) atau Tanpa Keterangan (TK).",
      ],
    });
    expect(periksaBaris({ tanggal: '30/02/2026', jamMasuk: 'pagi', status: 'DL' }, HARI_INI)).toEqual({
      ok: false,
      alasan: [
        "Tanggal '30/02/2026' tidak valid; gunakan TTTT-BB-HH atau HH/BB/TTTT.",
        "Jam masuk 'pagi' tidak valid; gunakan JJ:MM atau JJ:MM:DD.",
      ],
    });
    expect(periksaBaris({ tanggal: '', status: 'S' }, HARI_INI)).toEqual({
      ok: false,
      alasan: ['Tanggal wajib diisi.'],
    });
  });
});

describe('periksaJamKerja', () => {
  it('accepts the default', () => {
    expect(periksaJamKerja(JAM_KERJA_BAKU)).toEqual([]);
  });
  it.each([
    [{}, ['Paling sedikit satu hari kerja harus diisi.']],
    [{ '1': { masuk: '16:00', pulang: '07:30' } }, ['Senin: jam pulang harus setelah jam masuk.']],
    [{ '5': { masuk: '7:30', pulang: '16:30' } }, ["Jumat: jam masuk '7:30' tidak valid (JJ:MM)."]],
    [{ '6': { masuk: '07:30', pulang: '25:00' } }, ["Sabtu: jam pulang '25:00' tidak valid (JJ:MM)."]],
  ])('%j → %j', (jk, salah) => {
    expect(periksaJamKerja(jk)).toEqual(salah);
  });
});

describe('kalenderBulan', () => {
  it('working days, holidays with their name, records on other days, lateness only when present', () => {
    const libur = new Map([['2026-03-20', 'Hari Raya Idul Fitri']]);
    const hari = kalenderBulan('2026-03', JAM_KERJA_BAKU, libur, [
      {
        tanggal: '2026-03-02',
        jamMasuk: '08:10:00',
        jamPulang: '15:00:00',
        status: 'HADIR',
        keterangan: null,
        apel: null,
      },
      {
        tanggal: '2026-03-03',
        jamMasuk: null,
        jamPulang: null,
        status: 'DINAS_LUAR',
        keterangan: 'Jakarta',
        apel: null,
      },
      {
        tanggal: '2026-03-07',
        jamMasuk: '08:00:00',
        jamPulang: '12:00:00',
        status: 'HADIR',
        keterangan: null,
        apel: null,
      },
      {
        tanggal: '2026-03-20',
        jamMasuk: '08:00:00',
        jamPulang: '12:00:00',
        status: 'HADIR',
        keterangan: null,
        apel: null,
      },
    ]);
    expect(hari).toHaveLength(21 + 2);
    expect(hari[0]).toMatchObject({ tanggal: '2026-03-02', menitTerlambat: 40, menitPulangCepat: 60 });
    expect(hari[1]).toMatchObject({
      tanggal: '2026-03-03',
      menitTerlambat: null,
      catatan: { status: 'DINAS_LUAR' },
    });
    expect(hari.find((h) => h.tanggal === '2026-03-07')).toMatchObject({
      jadwal: null,
      menitTerlambat: null,
    });
    expect(hari.find((h) => h.tanggal === '2026-03-20')).toMatchObject({
      jadwal: null,
      libur: 'Hari Raya Idul Fitri',
    });
    expect(hari.find((h) => h.tanggal === '2026-03-04')).toMatchObject({
      catatan: null,
      menitTerlambat: null,
    });
  });
});
