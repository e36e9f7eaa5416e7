import { describe, expect, it } from 'vitest';
import { parseAngka } from './angka.js';

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
