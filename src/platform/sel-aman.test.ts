import { describe, expect, it } from 'vitest';
import { barisAman, bukaSelAman, selAman } from './sel-aman.js';

describe('selAman', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+62 812', `'+62 812`],
    ['-5% biaya', `'-5% biaya`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['Laporan bulanan', 'Laporan bulanan'],
    ['-', '-'],
    ['', ''],
  ])('%j → %j, and back', (teks, aman) => {
    expect(selAman(teks)).toBe(aman);
    expect(bukaSelAman(aman)).toBe(teks);
  });

  it('leaves an apostrophe the user typed before ordinary text', () => {
    expect(bukaSelAman("'90-an")).toBe("'90-an");
  });

  it('makes only the text values of a record safe', () => {
    const d = new Date(0);
    expect(barisAman({ a: '=1', b: 5, c: null, d })).toEqual({ a: "'=1", b: 5, c: null, d });
  });
});
