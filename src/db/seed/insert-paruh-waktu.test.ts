import { describe, expect, it } from 'vitest';
import { bulanTriwulanSelesai } from './insert-paruh-waktu.js';

describe('bulanTriwulanSelesai: the latest quarter over before the month in progress', () => {
  it.each([
    ['2026-11', ['2026-07', '2026-08', '2026-09']],
    ['2026-10', ['2026-07', '2026-08', '2026-09']],
    ['2026-09', ['2026-04', '2026-05', '2026-06']],
    ['2026-02', ['2025-10', '2025-11', '2025-12']],
    ['2026-01', ['2025-10', '2025-11', '2025-12']],
  ])('month in progress %s → %j', (lalu, bulan) => {
    expect(bulanTriwulanSelesai(lalu)).toEqual(bulan);
  });
});
