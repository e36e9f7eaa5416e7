import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PESAN_TEKS_TERLARANG } from '../domain/teks.js';
import { dariTeks, teks } from './common.js';

describe('teks()', () => {
  const Nama = teks().trim().min(1).max(30);

  it('refuses NUL and half a surrogate pair with one message, whatever is chained after', () => {
    for (const v of ['1990\u00000809', 'a\uD800', '\uDC00b']) {
      const r = Nama.safeParse(v);
      expect(r.error?.issues.map((i) => i.message)).toEqual([PESAN_TEKS_TERLARANG]);
    }
  });

  it('accepts ordinary text, emoji and letters outside the BMP, and still trims and limits', () => {
    expect(Nama.parse('  Laporan 😀 𝐀 ')).toBe('Laporan 😀 𝐀');
    expect(Nama.safeParse('a'.repeat(31)).success).toBe(false);
  });

  it('stops anything past 10,000 characters at one message, even without its own .max()', () => {
    const r = z.object({ a: teks() }).safeParse({ a: 'a'.repeat(1_000_000) });
    expect(r.error?.issues).toEqual([
      expect.objectContaining({ path: ['a'], message: 'Teks paling banyak 10.000 karakter.' }),
    ]);
  });

  it('is recognisable after chaining, a plain z.string() is not', () => {
    expect(dariTeks(Nama)).toBe(true);
    expect(dariTeks(teks().regex(/^\d+$/).optional().unwrap())).toBe(true);
    expect(dariTeks(z.string().trim().max(30))).toBe(false);
  });
});
