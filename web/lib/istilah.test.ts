import { describe, expect, it } from 'vitest';
import { formatTanggal, formatTanggalDi, formatWaktu, hariIniDi } from './istilah';

const WITA = { zonaWaktu: 'Asia/Makassar', singkatan: 'WITA' };
const WIB = { zonaWaktu: 'Asia/Jakarta', singkatan: 'WIB' };

// The test runner's own zone must not matter: every figure is in the instansi's zone.
describe('times in the instansi zone, whatever the browser zone', () => {
  it('today is the instansi date: 17:30 UTC on 18 December is already the 19th in WITA', () => {
    const at = new Date('2026-12-18T17:30:00Z');
    expect(hariIniDi(WITA, at)).toBe('2026-12-19');
    expect(hariIniDi(WIB, at)).toBe('2026-12-19');
    expect(hariIniDi({ zonaWaktu: 'UTC', singkatan: 'UTC' }, at)).toBe('2026-12-18');
  });

  it('an approval at 06.30 WITA on 1 February is shown on the 1st, not on the UTC 31 January', () => {
    const at = '2026-01-31T22:30:00Z';
    expect(formatTanggal(at)).toBe('31 Januari 2026');
    expect(formatTanggalDi(at, WITA)).toBe('1 Februari 2026');
    expect(formatTanggalDi(at, { zonaWaktu: 'UTC', singkatan: 'UTC' })).toBe('31 Januari 2026');
  });

  it('an instant carries the zone it is shown in', () => {
    expect(formatWaktu('2026-12-18T16:30:00Z', WITA)).toBe('19 Desember 2026 pukul 00.30 WITA');
  });
});
