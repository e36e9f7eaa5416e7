import { describe, expect, it } from 'vitest';
import { type BukaanKhusus, DEFAULT_JADWAL, type JadwalConfig, periodeOf } from './jadwal.js';
import {
  aturanEskalasi,
  batasJendela,
  batasPenilaian,
  hitungTenggat,
  isPenilaianUlangTerbuka,
  isTereskalasi,
  jendelaSegeraBerakhir,
  labelTanggal,
  periodeLapor,
  rentangJendela,
  selisihHari,
} from './tenggat.js';

const cfg = (over: Partial<JadwalConfig> = {}): JadwalConfig => ({ ...DEFAULT_JADWAL, ...over });
const at = (s: string) => new Date(s);
const bukaan = (over: Partial<BukaanKhusus> = {}): BukaanKhusus => ({
  jenis: 'PENILAIAN',
  periodeKode: '2026-12',
  berakhir: at('2027-01-20T00:00:00.000Z'),
  ...over,
});

describe('batasPenilaian: the end of the latest window the verdict may use (WITA)', () => {
  const desember = periodeOf('2026-12', cfg());

  it('a submitted item: the assessment window, in January of the next year', () => {
    expect(batasPenilaian('DIAJUKAN', desember, cfg()).toISOString()).toBe('2027-01-15T15:59:59.999Z');
  });

  it('a corrected item may be re-assessed until the period closes, past the correction window', () => {
    expect(batasPenilaian('DIPERBAIKI', desember, cfg()).toISOString()).toBe('2027-01-31T15:59:59.999Z');
  });

  it('an exception for the window moves the deadline to its (exclusive) end; others do not', () => {
    expect(batasPenilaian('DIAJUKAN', desember, cfg(), [bukaan()]).toISOString()).toBe(
      '2027-01-19T23:59:59.999Z',
    );
    expect(batasPenilaian('DIAJUKAN', desember, cfg(), [bukaan({ jenis: 'INPUT' })]).toISOString()).toBe(
      '2027-01-15T15:59:59.999Z',
    );
    expect(
      batasPenilaian('DIAJUKAN', desember, cfg(), [bukaan({ periodeKode: '2026-11' })]).toISOString(),
    ).toBe('2027-01-15T15:59:59.999Z');
    // An exception that ended before the window does not shorten it.
    expect(
      batasJendela('PENILAIAN', desember, cfg(), [bukaan({ berakhir: at('2027-01-02T00:00:00Z') })]),
    ).toEqual(at('2027-01-15T15:59:59.999Z'));
  });

  it('clamps to February: correction days 25–31 end on the 28th, when January closes', () => {
    const januari = periodeOf('2027-01', cfg({ perbaikan: [25, 31] }));
    expect(batasJendela('PERBAIKAN', januari, cfg({ perbaikan: [25, 31] })).toISOString()).toBe(
      '2027-02-28T15:59:59.999Z',
    );
    expect(batasPenilaian('DIPERBAIKI', januari, cfg({ perbaikan: [25, 31] })).toISOString()).toBe(
      '2027-02-28T15:59:59.999Z',
    );
  });

  it('an exception for the correction window beyond the close moves the re-assessment deadline too', () => {
    const lewat = bukaan({ jenis: 'PERBAIKAN', berakhir: at('2027-02-03T00:00:00.000Z') });
    expect(batasPenilaian('DIPERBAIKI', desember, cfg(), [lewat]).toISOString()).toBe(
      '2027-02-02T23:59:59.999Z',
    );
  });
});

describe('isPenilaianUlangTerbuka: after a correction round, until the period closes (WITA)', () => {
  const desember = periodeOf('2026-12', cfg());
  it.each([
    ['before the assessment window', '2027-01-07T15:59:59.999Z', true, false],
    ['the assessment window opens', '2027-01-07T16:00:00.000Z', true, true],
    ['between the windows (17 January)', '2027-01-17T02:00:00.000Z', true, true],
    ['after the correction window (26 January)', '2027-01-26T02:00:00.000Z', true, true],
    ['the last instant of January', '2027-01-31T15:59:59.999Z', true, true],
    ['the period closed (1 February)', '2027-01-31T16:00:00.000Z', true, false],
    ['no correction round', '2027-01-26T02:00:00.000Z', false, false],
  ] as const)('%s → %s', (_, now, setelahPerbaikan, expected) => {
    expect(isPenilaianUlangTerbuka(at(now), desember, cfg(), setelahPerbaikan)).toBe(expected);
  });

  it('quarterly: Q3 closes with October', () => {
    const q = cfg({ periode: 'TRIWULANAN' });
    const q3 = periodeOf('2026-08', q);
    expect(isPenilaianUlangTerbuka(at('2026-10-31T15:00:00Z'), q3, q, true)).toBe(true);
    expect(isPenilaianUlangTerbuka(at('2026-10-31T16:00:00Z'), q3, q, true)).toBe(false);
  });
});

describe('isTereskalasi: waiting past the deadline, at instant T', () => {
  const desember = periodeOf('2026-12', cfg());
  it.each([
    ['DIAJUKAN', '2027-01-15T15:59:59.999Z', false],
    ['DIAJUKAN', '2027-01-15T16:00:00.000Z', true],
    ['DIPERBAIKI', '2027-01-20T00:00:00.000Z', false],
    ['DIPERBAIKI', '2027-01-25T16:00:00.000Z', false],
    ['DIPERBAIKI', '2027-01-31T15:59:59.999Z', false],
    ['DIPERBAIKI', '2027-01-31T16:00:00.000Z', true],
    ['DITERIMA', '2027-03-01T00:00:00.000Z', false],
    ['PERLU_PERBAIKAN', '2027-03-01T00:00:00.000Z', false],
    ['DRAFT', '2027-03-01T00:00:00.000Z', false],
  ] as const)('%s at %s → %s', (status, now, expected) => {
    expect(isTereskalasi(at(now), status, desember, cfg())).toBe(expected);
  });

  it('across a month end: November is assessed until 15 December', () => {
    const november = periodeOf('2026-11', cfg());
    expect(isTereskalasi(at('2026-12-15T15:00:00Z'), 'DIAJUKAN', november, cfg())).toBe(false);
    expect(isTereskalasi(at('2026-12-16T00:00:00Z'), 'DIAJUKAN', november, cfg())).toBe(true);
  });

  it('an exception still open keeps the item with the assessor; once it ends, it escalates', () => {
    expect(isTereskalasi(at('2027-01-19T12:00:00Z'), 'DIAJUKAN', desember, cfg(), [bukaan()])).toBe(false);
    expect(isTereskalasi(at('2027-01-20T00:00:00Z'), 'DIAJUKAN', desember, cfg(), [bukaan()])).toBe(true);
  });

  it('the zone decides: 23:30 on the 15th is still in time in WIB but not in WITA', () => {
    const now = at('2027-01-15T16:30:00Z');
    expect(isTereskalasi(now, 'DIAJUKAN', desember, cfg())).toBe(true);
    const wib = cfg({ zonaWaktu: 'Asia/Jakarta' });
    expect(isTereskalasi(now, 'DIAJUKAN', periodeOf('2026-12', wib), wib)).toBe(false);
  });

  it('quarterly: Q4 is assessed in January of the next year', () => {
    const q = cfg({ periode: 'TRIWULANAN' });
    const q4 = periodeOf('2026-11', q);
    expect(q4.kode).toBe('2026-Q4');
    expect(isTereskalasi(at('2027-01-10T00:00:00Z'), 'DIAJUKAN', q4, q)).toBe(false);
    expect(isTereskalasi(at('2027-01-16T00:00:00Z'), 'DIAJUKAN', q4, q)).toBe(true);
  });

  it('aturanEskalasi gives the same deadlines as rows for SQL', () => {
    expect(aturanEskalasi(desember, cfg())).toEqual([
      { periodeKode: '2026-12', status: 'DIAJUKAN', jendela: 'PENILAIAN', batas: '2027-01-15T15:59:59.999Z' },
      {
        periodeKode: '2026-12',
        status: 'DIPERBAIKI',
        jendela: 'PENILAIAN',
        batas: '2027-01-31T15:59:59.999Z',
      },
      {
        periodeKode: '2026-12',
        status: 'DIPERBAIKI',
        jendela: 'PERBAIKAN',
        batas: '2027-01-31T15:59:59.999Z',
      },
    ]);
  });
});

describe('jendelaSegeraBerakhir: the open window closing within N days', () => {
  it.each([
    ['2027-01-05T02:00:00Z', 'INPUT'],
    ['2027-01-04T02:00:00Z', null],
    ['2027-01-13T02:00:00Z', 'PENILAIAN'],
    ['2027-01-24T02:00:00Z', 'PERBAIKAN'],
    ['2027-01-17T02:00:00Z', null],
    ['2026-12-31T02:00:00Z', null],
  ])('%s → %s', (now, jenis) => {
    const j = jendelaSegeraBerakhir(at(now), cfg(), 3);
    expect(j?.jenis ?? null).toBe(jenis);
    if (j) expect(j.periode.kode).toBe('2026-12');
  });
});

describe('hitungTenggat: a countdown in calendar days of the zone', () => {
  const akhir = at('2026-08-15T15:59:59.999Z');
  it.each([
    ['2026-08-12T02:00:00Z', '2026-08-12', 'BERJALAN', '3 hari lagi'],
    ['2026-08-14T23:00:00Z', '2026-08-15', 'HARI_INI', 'berakhir hari ini'],
    ['2026-08-17T02:00:00Z', '2026-08-17', 'TERLAMBAT', 'terlambat 2 hari'],
  ])('at %s (%s): %s, %s', (now, hariIni, status, label) => {
    expect(hitungTenggat({ now: at(now), hariIni, akhir, hariAkhir: '2026-08-15' })).toMatchObject({
      status,
      label,
    });
  });

  it('counts across a year end, and negative once overdue', () => {
    const t = hitungTenggat({
      now: at('2026-12-30T02:00:00Z'),
      hariIni: '2026-12-30',
      akhir: at('2027-01-07T15:59:59.999Z'),
      hariAkhir: '2027-01-07',
    });
    expect(t).toMatchObject({ status: 'BERJALAN', sisaHari: 8, label: '8 hari lagi' });
    expect(t.sisaMs).toBe(at('2027-01-07T15:59:59.999Z').getTime() - at('2026-12-30T02:00:00Z').getTime());
    expect(selisihHari('2027-01-07', '2026-12-30')).toBe(-8);
  });

  it('an exception that ended earlier today is overdue, but not by a day', () => {
    expect(
      hitungTenggat({
        now: at('2026-08-20T08:00:00Z'),
        hariIni: '2026-08-20',
        akhir: at('2026-08-20T04:00:00Z'),
        hariAkhir: '2026-08-20',
      }),
    ).toMatchObject({ status: 'TERLAMBAT', label: 'terlambat, berakhir hari ini' });
  });

  it('before a window opens it counts to the opening', () => {
    expect(
      hitungTenggat({
        now: at('2026-11-25T02:00:00Z'),
        hariIni: '2026-11-25',
        mulai: at('2026-11-30T16:00:00Z'),
        hariMulai: '2026-12-01',
        akhir: at('2026-12-07T15:59:59.999Z'),
        hariAkhir: '2026-12-07',
      }),
    ).toMatchObject({ status: 'BELUM_DIBUKA', label: 'dibuka 6 hari lagi', sisaHari: 12 });
  });
});

describe('labelTanggal', () => {
  it('writes the month in letters', () => {
    expect(labelTanggal('2026-08-07')).toBe('7 Agustus 2026');
    expect(labelTanggal('2027-01-15')).toBe('15 Januari 2027');
  });
});

describe('periodeLapor: the open input window, else the next', () => {
  const c = cfg();
  const kandidat = [periodeOf('2026-11', c), periodeOf('2026-12', c)];
  it('December 3: November is open until the 7th', () => {
    const l = periodeLapor(at('2026-12-03T02:00:00Z'), kandidat, c, [])!;
    expect(l.periode.kode).toBe('2026-11');
    expect(l.mulai).toBeNull();
    expect(l.akhir.toISOString()).toBe('2026-12-07T15:59:59.999Z');
  });
  it('December 20: November closed, December opens on 1 January', () => {
    const l = periodeLapor(at('2026-12-20T02:00:00Z'), kandidat, c, [])!;
    expect(l.periode.kode).toBe('2026-12');
    expect(l.mulai!.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('an exception reopens November until its end', () => {
    const b = bukaan({ jenis: 'INPUT', periodeKode: '2026-11', berakhir: at('2026-12-22T00:00:00Z') });
    const l = periodeLapor(at('2026-12-20T02:00:00Z'), kandidat, c, [b])!;
    expect(l).toMatchObject({ periode: { kode: '2026-11' }, mulai: null });
    expect(l.akhir.toISOString()).toBe('2026-12-21T23:59:59.999Z');
  });
});

describe('rentangJendela: when a window serves the employee', () => {
  const c = cfg();
  const juli = periodeOf('2026-07', c);
  it('not yet open: the opening and the end', () => {
    const r = rentangJendela(at('2026-08-10T02:00:00Z'), ['PERBAIKAN'], juli, c);
    expect(r.mulai!.toISOString()).toBe('2026-08-18T16:00:00.000Z');
    expect(r.akhir.toISOString()).toBe('2026-08-25T15:59:59.999Z');
  });
  it('open (one of several windows): no opening', () => {
    const r = rentangJendela(at('2026-08-20T02:00:00Z'), ['PENILAIAN', 'PERBAIKAN'], juli, c);
    expect(r).toEqual({ mulai: null, akhir: at('2026-08-25T15:59:59.999Z') });
  });
  it('an exception opens it early', () => {
    const b = bukaan({ jenis: 'PERBAIKAN', periodeKode: '2026-07', berakhir: at('2026-08-12T00:00:00Z') });
    expect(rentangJendela(at('2026-08-10T02:00:00Z'), ['PERBAIKAN'], juli, c, [b]).mulai).toBeNull();
  });
  it('passed: no opening, the end in the past', () => {
    const r = rentangJendela(at('2026-09-01T02:00:00Z'), ['PERBAIKAN'], juli, c);
    expect(r.mulai).toBeNull();
    expect(r.akhir < at('2026-09-01T02:00:00Z')).toBe(true);
  });
});
