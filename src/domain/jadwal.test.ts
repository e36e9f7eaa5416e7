import { describe, expect, it } from 'vitest';
import {
  akhirTanggal,
  type BukaanKhusus,
  bolehMenulis,
  DEFAULT_JADWAL,
  formatYearMonth,
  isDalamJendela,
  isYearMonth,
  type JadwalConfig,
  type JenisJendela,
  type JenisPeriode,
  jendelaAktif,
  jendelaPeriode,
  labelPeriode,
  nextYearMonth,
  parseYearMonth,
  periodeOf,
  periodeSebelumnya,
  prevYearMonth,
  semuaPeriode,
  singkatanZona,
  tutupPeriode,
} from './jadwal.js';

const jadwal = (over: Partial<JadwalConfig> = {}): JadwalConfig => ({ ...DEFAULT_JADWAL, ...over });
const bulanan = (ym: string, over: Partial<JadwalConfig> = {}) => periodeOf(ym, jadwal(over));
const iso = (d: Date) => d.toISOString();
const window = (jenis: JenisJendela, ym: string, over: Partial<JadwalConfig> = {}) => {
  const w = jendelaPeriode(jenis, periodeOf(ym, jadwal(over)), jadwal(over));
  return [iso(w.mulai), iso(w.akhir)];
};

describe('YearMonth', () => {
  it.each([
    ['2026-07', '2026-08', '2026-06'],
    ['2026-12', '2027-01', '2026-11'],
    ['2027-01', '2027-02', '2026-12'],
  ])('%s: next %s, previous %s', (ym, next, prev) => {
    expect(nextYearMonth(ym)).toBe(next);
    expect(prevYearMonth(ym)).toBe(prev);
  });

  it('parses and formats', () => {
    expect(parseYearMonth('2026-07')).toEqual({ tahun: 2026, bulan: 7 });
    expect(formatYearMonth(2026, 7)).toBe('2026-07');
  });

  it.each(['2026-7', '2026-13', '2026-00', '26-07', '2026-07-01', ''])('refuses %j', (bad) => {
    expect(isYearMonth(bad)).toBe(false);
    expect(() => parseYearMonth(bad)).toThrow(RangeError);
  });
});

describe('periods (SPEC §6.1)', () => {
  it.each([
    [
      'BULANAN',
      '2026-07',
      { tahun: 2026, ke: 7, mulai: '2026-07', akhir: '2026-07', kode: '2026-07' },
      'Juli 2026',
    ],
    [
      'TRIWULANAN',
      '2026-08',
      { tahun: 2026, ke: 3, mulai: '2026-07', akhir: '2026-09', kode: '2026-Q3' },
      'Triwulan III 2026',
    ],
    [
      'TRIWULANAN',
      '2026-01',
      { tahun: 2026, ke: 1, mulai: '2026-01', akhir: '2026-03', kode: '2026-Q1' },
      'Triwulan I 2026',
    ],
    [
      'SEMESTERAN',
      '2026-06',
      { tahun: 2026, ke: 1, mulai: '2026-01', akhir: '2026-06', kode: '2026-S1' },
      'Semester I 2026',
    ],
    [
      'SEMESTERAN',
      '2026-07',
      { tahun: 2026, ke: 2, mulai: '2026-07', akhir: '2026-12', kode: '2026-S2' },
      'Semester II 2026',
    ],
  ] as [JenisPeriode, string, object, string][])(
    '%s: %s belongs to %o (%s)',
    (periode, ym, expected, label) => {
      const p = periodeOf(ym, { periode });
      expect(p).toEqual(expected);
      expect(labelPeriode(p)).toBe(label);
    },
  );

  it.each([
    ['BULANAN', '2026-01', '2025-12'],
    ['TRIWULANAN', '2026-02', '2025-Q4'],
    ['SEMESTERAN', '2026-03', '2025-S2'],
    ['SEMESTERAN', '2026-12', '2026-S1'],
  ] as [JenisPeriode, string, string][])('%s: the period before the one of %s is %s', (periode, ym, kode) => {
    expect(periodeSebelumnya(periodeOf(ym, { periode }), { periode }).kode).toBe(kode);
  });

  it('lists every period of a year', () => {
    expect(semuaPeriode(2026, { periode: 'BULANAN' }).map((p) => p.kode)).toEqual(
      Array.from({ length: 12 }, (_, i) => formatYearMonth(2026, i + 1)),
    );
    expect(semuaPeriode(2026, { periode: 'TRIWULANAN' }).map((p) => [p.kode, p.mulai, p.akhir])).toEqual([
      ['2026-Q1', '2026-01', '2026-03'],
      ['2026-Q2', '2026-04', '2026-06'],
      ['2026-Q3', '2026-07', '2026-09'],
      ['2026-Q4', '2026-10', '2026-12'],
    ]);
    expect(semuaPeriode(2026, { periode: 'SEMESTERAN' }).map((p) => p.kode)).toEqual(['2026-S1', '2026-S2']);
  });
});

describe('windows (SPEC §5.1): days of the next month, local midnight to 23:59:59.999, as UTC', () => {
  it.each([
    ['Asia/Makassar', 'INPUT', '2026-07-31T16:00:00.000Z', '2026-08-07T15:59:59.999Z'],
    ['Asia/Makassar', 'PENILAIAN', '2026-08-07T16:00:00.000Z', '2026-08-15T15:59:59.999Z'],
    ['Asia/Makassar', 'PERBAIKAN', '2026-08-18T16:00:00.000Z', '2026-08-25T15:59:59.999Z'],
    ['Asia/Jakarta', 'INPUT', '2026-07-31T17:00:00.000Z', '2026-08-07T16:59:59.999Z'],
    ['Asia/Jakarta', 'PERBAIKAN', '2026-08-18T17:00:00.000Z', '2026-08-25T16:59:59.999Z'],
    ['Asia/Jayapura', 'INPUT', '2026-07-31T15:00:00.000Z', '2026-08-07T14:59:59.999Z'],
    ['Asia/Jayapura', 'PENILAIAN', '2026-08-07T15:00:00.000Z', '2026-08-15T14:59:59.999Z'],
    ['Europe/Berlin', 'INPUT', '2026-07-31T22:00:00.000Z', '2026-08-07T21:59:59.999Z'],
  ] as [string, JenisJendela, string, string][])(
    'July 2026 in %s: %s from %s to %s',
    (zonaWaktu, jenis, mulai, akhir) => {
      expect(window(jenis, '2026-07', { zonaWaktu })).toEqual([mulai, akhir]);
    },
  );

  it('the period of December opens its windows in January of the next year', () => {
    expect(window('INPUT', '2026-12')).toEqual(['2026-12-31T16:00:00.000Z', '2027-01-07T15:59:59.999Z']);
    expect(window('PERBAIKAN', '2026-12')).toEqual(['2027-01-18T16:00:00.000Z', '2027-01-25T15:59:59.999Z']);
  });

  it('a window across the month end runs to the last day, and clamps to February', () => {
    const lateDays = { perbaikan: [25, 31] as const };
    expect(window('PERBAIKAN', '2026-07', lateDays)).toEqual([
      '2026-08-24T16:00:00.000Z',
      '2026-08-31T15:59:59.999Z',
    ]);
    expect(window('PERBAIKAN', '2027-01', lateDays)).toEqual([
      '2027-02-24T16:00:00.000Z',
      '2027-02-28T15:59:59.999Z',
    ]);
    expect(window('PERBAIKAN', '2027-01', { perbaikan: [29, 31] })).toEqual([
      '2027-02-27T16:00:00.000Z',
      '2027-02-28T15:59:59.999Z',
    ]);
    expect(window('PERBAIKAN', '2028-01', { perbaikan: [29, 31] })).toEqual([
      '2028-02-28T16:00:00.000Z',
      '2028-02-29T15:59:59.999Z',
    ]);
  });

  it('zones with DST: the offset of each end is its own (Berlin and New York in March, Berlin in October)', () => {
    const berlin = { zonaWaktu: 'Europe/Berlin', input: [25, 31] as const };
    expect(window('INPUT', '2026-02', berlin)).toEqual([
      '2026-03-24T23:00:00.000Z',
      '2026-03-31T21:59:59.999Z',
    ]);
    expect(window('PERBAIKAN', '2026-09', { zonaWaktu: 'Europe/Berlin' })).toEqual([
      '2026-10-18T22:00:00.000Z',
      '2026-10-25T22:59:59.999Z',
    ]);
    expect(window('INPUT', '2026-02', { zonaWaktu: 'America/New_York', input: [1, 10] })).toEqual([
      '2026-03-01T05:00:00.000Z',
      '2026-03-11T03:59:59.999Z',
    ]);
  });

  it.each([
    // Santiago falls back at 24:00: 23:00–24:00 of 4 April happens twice, midnight once.
    ['America/Santiago', '2026-03', [5, 5], '2026-04-05T04:00:00.000Z', '2026-04-06T03:59:59.999Z'],
    // Santiago springs forward at midnight: 6 September starts at 01:00 local.
    ['America/Santiago', '2026-08', [6, 6], '2026-09-06T04:00:00.000Z', '2026-09-07T02:59:59.999Z'],
    ['America/Santiago', '2026-08', [1, 5], '2026-09-01T04:00:00.000Z', '2026-09-06T03:59:59.999Z'],
    // Havana falls back from 01:00 to 00:00: the day starts at the first midnight.
    ['America/Havana', '2026-10', [1, 1], '2026-11-01T04:00:00.000Z', '2026-11-02T04:59:59.999Z'],
  ] as [string, string, [number, number], string, string][])(
    'a DST change at midnight (%s, period %s, days %j)',
    (zonaWaktu, ym, input, mulai, akhir) => {
      expect(window('INPUT', ym, { zonaWaktu, input })).toEqual([mulai, akhir]);
    },
  );

  it('a quarter or a semester opens its windows in the month after its last month', () => {
    expect(window('INPUT', '2026-08', { periode: 'TRIWULANAN' })).toEqual([
      '2026-09-30T16:00:00.000Z',
      '2026-10-07T15:59:59.999Z',
    ]);
    expect(window('PENILAIAN', '2026-07', { periode: 'SEMESTERAN' })).toEqual([
      '2027-01-07T16:00:00.000Z',
      '2027-01-15T15:59:59.999Z',
    ]);
  });
});

describe('jendelaAktif and isDalamJendela', () => {
  const aktif = (at: string, over: Partial<JadwalConfig> = {}) => {
    const w = jendelaAktif(new Date(at), jadwal(over));
    return w && [w.jenis, w.periode.kode];
  };

  it.each([
    ['2026-07-31T15:59:59.999Z', null],
    ['2026-07-31T16:00:00.000Z', ['INPUT', '2026-07']],
    ['2026-08-07T15:59:59.999Z', ['INPUT', '2026-07']],
    ['2026-08-07T16:00:00.000Z', ['PENILAIAN', '2026-07']],
    ['2026-08-15T15:59:59.999Z', ['PENILAIAN', '2026-07']],
    ['2026-08-15T16:00:00.000Z', null],
    ['2026-08-17T04:00:00.000Z', null],
    ['2026-08-18T15:59:59.999Z', null],
    ['2026-08-18T16:00:00.000Z', ['PERBAIKAN', '2026-07']],
    ['2026-08-25T15:59:59.999Z', ['PERBAIKAN', '2026-07']],
    ['2026-08-25T16:00:00.000Z', null],
    ['2027-01-03T00:00:00.000Z', ['INPUT', '2026-12']],
  ])('WITA, at %s: %j', (at, expected) => {
    expect(aktif(at)).toEqual(expected);
  });

  it('the same instant is in a window in WITA and not yet in WIB', () => {
    expect(aktif('2026-07-31T16:30:00.000Z', { zonaWaktu: 'Asia/Jakarta' })).toBeNull();
    expect(aktif('2026-07-31T17:00:00.000Z', { zonaWaktu: 'Asia/Jakarta' })).toEqual(['INPUT', '2026-07']);
  });

  it('quarterly: windows open only in the month after a quarter ends', () => {
    expect(aktif('2026-07-03T00:00:00.000Z', { periode: 'TRIWULANAN' })).toEqual(['INPUT', '2026-Q2']);
    expect(aktif('2026-08-03T00:00:00.000Z', { periode: 'TRIWULANAN' })).toBeNull();
  });

  it('the open window carries its bounds', () => {
    const w = jendelaAktif(new Date('2026-08-10T00:00:00.000Z'), DEFAULT_JADWAL)!;
    expect([iso(w.mulai), iso(w.akhir)]).toEqual(['2026-08-07T16:00:00.000Z', '2026-08-15T15:59:59.999Z']);
  });

  it('isDalamJendela checks one window of one period', () => {
    const juli = bulanan('2026-07');
    const at = new Date('2026-08-03T00:00:00.000Z');
    expect(isDalamJendela(at, 'INPUT', juli, DEFAULT_JADWAL)).toBe(true);
    expect(isDalamJendela(at, 'PENILAIAN', juli, DEFAULT_JADWAL)).toBe(false);
    expect(isDalamJendela(at, 'INPUT', bulanan('2026-06'), DEFAULT_JADWAL)).toBe(false);
  });
});

describe('bolehMenulis: the regular window or an unexpired exception', () => {
  const juli = bulanan('2026-07');
  const at = new Date('2026-08-10T00:00:00.000Z');
  const bukaan = (over: Partial<BukaanKhusus> = {}): BukaanKhusus => ({
    jenis: 'INPUT',
    periodeKode: '2026-07',
    berakhir: new Date('2026-08-12T00:00:00.000Z'),
    ...over,
  });
  const refusal = 'Pengisian realisasi periode Juli 2026 dibuka 1–7 Agustus 2026 (WITA).';

  it('inside the window', () => {
    expect(bolehMenulis(new Date('2026-08-01T00:00:00.000Z'), 'INPUT', juli, DEFAULT_JADWAL, [])).toEqual({
      ok: true,
    });
  });

  it('outside it, the message names the window in the local zone', () => {
    expect(bolehMenulis(at, 'INPUT', juli, DEFAULT_JADWAL, [])).toEqual({ ok: false, pesan: refusal });
  });

  it('an exception for the same window and period opens it until it ends', () => {
    expect(bolehMenulis(at, 'INPUT', juli, DEFAULT_JADWAL, [bukaan()])).toEqual({ ok: true });
  });

  it.each([
    ['expired', bukaan({ berakhir: new Date('2026-08-09T23:59:59.999Z') })],
    ['ending exactly now', bukaan({ berakhir: at })],
    ['for another window', bukaan({ jenis: 'PERBAIKAN' })],
    ['for another period', bukaan({ periodeKode: '2026-06' })],
  ])('an exception %s is ignored', (_, b) => {
    expect(bolehMenulis(at, 'INPUT', juli, DEFAULT_JADWAL, [b])).toEqual({ ok: false, pesan: refusal });
  });

  it.each([
    [
      'PENILAIAN',
      '2026-06',
      { zonaWaktu: 'Asia/Jakarta' },
      'Penilaian dan umpan balik periode Juni 2026 dibuka 8–15 Juli 2026 (WIB).',
    ],
    [
      'PERBAIKAN',
      '2026-12',
      { zonaWaktu: 'Asia/Jayapura' },
      'Perbaikan realisasi periode Desember 2026 dibuka 19–25 Januari 2027 (WIT).',
    ],
    [
      'INPUT',
      '2026-08',
      { periode: 'TRIWULANAN' },
      'Pengisian realisasi periode Triwulan III 2026 dibuka 1–7 Oktober 2026 (WITA).',
    ],
    [
      'INPUT',
      '2026-01',
      { periode: 'SEMESTERAN', zonaWaktu: 'Europe/Berlin' },
      'Pengisian realisasi periode Semester I 2026 dibuka 1–7 Juli 2026 (Europe/Berlin).',
    ],
    [
      'PERBAIKAN',
      '2027-01',
      { perbaikan: [29, 31] },
      'Perbaikan realisasi periode Januari 2027 dibuka 28 Februari 2027 (WITA).',
    ],
  ] as [JenisJendela, string, Partial<JadwalConfig>, string][])('%s %s %o: %s', (jenis, ym, over, pesan) => {
    const config = jadwal(over);
    expect(bolehMenulis(at, jenis, periodeOf(ym, config), config, [])).toEqual({ ok: false, pesan });
  });

  it('zone abbreviations', () => {
    expect(
      ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura', 'Asia/Tokyo'].map(singkatanZona),
    ).toEqual(['WIB', 'WIB', 'WITA', 'WIT', 'Asia/Tokyo']);
  });
});

describe('tutupPeriode: the period closes with the month that holds its windows (local)', () => {
  it.each([
    ['2026-07', {}, '2026-08-31T15:59:59.999Z'],
    ['2026-12', {}, '2027-01-31T15:59:59.999Z'],
    ['2027-01', {}, '2027-02-28T15:59:59.999Z'],
    ['2026-07', { zonaWaktu: 'Asia/Jakarta' }, '2026-08-31T16:59:59.999Z'],
    ['2026-07', { zonaWaktu: 'Asia/Jayapura' }, '2026-08-31T14:59:59.999Z'],
  ] as const)('%s %o → %s', (ym, over, expected) => {
    expect(iso(tutupPeriode(bulanan(ym, over), jadwal(over)))).toBe(expected);
  });

  it('quarterly and per semester: the month after the last one', () => {
    expect(iso(tutupPeriode(bulanan('2026-02', { periode: 'TRIWULANAN' }), jadwal()))).toBe(
      '2026-04-30T15:59:59.999Z',
    );
    expect(iso(tutupPeriode(bulanan('2026-09', { periode: 'SEMESTERAN' }), jadwal()))).toBe(
      '2027-01-31T15:59:59.999Z',
    );
  });
});

describe('akhirTanggal: a local date "valid through" ends at the next local midnight', () => {
  it.each([
    ['2026-08-12', 'Asia/Makassar', '2026-08-12T16:00:00.000Z'],
    ['2026-08-12', 'Asia/Jakarta', '2026-08-12T17:00:00.000Z'],
    ['2026-08-31', 'Asia/Jayapura', '2026-08-31T15:00:00.000Z'],
    ['2026-12-31', 'UTC', '2027-01-01T00:00:00.000Z'],
  ])('%s in %s → %s', (tanggal, zona, expected) => {
    expect(akhirTanggal(tanggal, zona).toISOString()).toBe(expected);
  });
});
