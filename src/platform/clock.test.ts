import { describe, expect, it } from 'vitest';
import { dateInZone } from './clock.js';

describe('dateInZone', () => {
  it('turns at the zone’s midnight, also right after an answer for the same second’s neighbour', () => {
    // Asia/Jakarta is UTC+7: its midnight is 17:00 UTC.
    expect(dateInZone(new Date('2026-12-07T16:59:59.999Z'), 'Asia/Jakarta')).toBe('2026-12-07');
    expect(dateInZone(new Date('2026-12-07T17:00:00.000Z'), 'Asia/Jakarta')).toBe('2026-12-08');
    expect(dateInZone(new Date('2026-12-07T16:59:59.000Z'), 'Asia/Jakarta')).toBe('2026-12-07');
  });

  it('answers each zone for itself within the same second', () => {
    const at = new Date('2026-12-07T16:30:00.000Z');
    expect(dateInZone(at, 'Asia/Jakarta')).toBe('2026-12-07');
    expect(dateInZone(at, 'Asia/Jayapura')).toBe('2026-12-08');
    expect(dateInZone(at, 'Asia/Jakarta')).toBe('2026-12-07');
  });
});
