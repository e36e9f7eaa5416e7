/** Time is injected so tests can stand on any date (ARCHITECTURE §11). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set(next) {
      current = new Date(next);
    },
  };
}

/**
 * One formatter per zone (building an Intl.DateTimeFormat costs more than formatting with it), and
 * its last answer: every request asks for today, and formatting was 3 % of a profile read. Zone
 * offsets are whole seconds, so a date cannot change within one second.
 */
const dateFormats = new Map<string, { f: Intl.DateTimeFormat; detik: number; tanggal: string }>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function dateInZone(at: Date, timeZone: string): string {
  const detik = Math.floor(at.getTime() / 1000);
  let z = dateFormats.get(timeZone);
  if (z?.detik === detik) return z.tanggal;
  if (!z) {
    const f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    z = { f, detik: Number.NaN, tanggal: '' };
    dateFormats.set(timeZone, z);
  }
  z.detik = detik;
  z.tanggal = z.f.format(at);
  return z.tanggal;
}
