import { describe, expect, it } from 'vitest';
import { formatPersen, parseAngka } from './angka.js';

describe('parseAngka', () => {
  it.each([
    ['85', 85],
    ['85,5', 85.5],
    ['1.500', 1500],
    ['1.234.567,25', 1234567.25],
    ['60.5', 60.5],
    [' 12 ', 12],
    ['0', 0],
  ])('%s → %d', (text, n) => {
    expect(parseAngka(text)).toBe(n);
  });

  it.each(['', 'abc', '-3', '1,2,3', '12.5.6', '1e5'])('%s is not a number', (text) => {
    expect(parseAngka(text)).toBeNull();
  });
});

describe('formatPersen', () => {
  it.each([
    [46.8, undefined, '46,8 %'],
    [57.14, undefined, '57,1 %'],
    [100, undefined, '100 %'],
    [0, undefined, '0 %'],
    [1.25, 2 as const, '1,25 %'],
    [33.333, 0 as const, '33 %'],
    [1000, undefined, '1.000 %'],
  ])('%d → %s', (n, desimal, teks) => {
    expect(formatPersen(n, desimal)).toBe(teks);
  });

  it('writes a missing figure as a dash', () => {
    expect(formatPersen(null)).toBe('–');
  });
});
