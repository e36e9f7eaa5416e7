/**
 * Login slow-down (ADR 0006): failures are counted per NIP and address and per NIP over all
 * addresses; past a free allowance each further attempt waits 1, 2, 4, … seconds after the last
 * failure, up to a ceiling. Nothing ever locks: waiting long enough always allows one more try.
 */

export interface AturanThrottle {
  /** Failures of one NIP from one address before attempts from there must wait. */
  bebasPasangan: number;
  /** Failures of one NIP over all addresses before attempts without a device proof must wait. */
  bebasNip: number;
  /** The longest wait, in seconds. */
  maksDetik: number;
}

/** A failure counter as stored: how many, and when the last one (or the last claimed attempt) was. */
export interface Hitungan {
  gagal: number;
  terakhir: Date;
}

/** Seconds to wait after the last failure once `gagal` failures are counted and `bebas` are free. */
export function jedaDetik(gagal: number, bebas: number, maksDetik: number): number {
  if (gagal < bebas) return 0;
  // The exponent is capped so the power stays a finite number whatever the count.
  return Math.min(maksDetik, 2 ** Math.min(gagal - bebas, 40));
}

export type Putusan =
  | { boleh: true; klaim: { kunci: 'pasangan' | 'nip'; jedaDetik: number }[] }
  | { boleh: false; tungguDetik: number };

/**
 * Whether an attempt may go ahead now. The counters that are past their allowance are returned as
 * claims: the caller moves their clock to now so that parallel attempts wait for the next turn.
 * A valid device proof for this NIP leaves only the pair counter to judge the attempt.
 */
export function putuskan(input: {
  pasangan: Hitungan | null;
  nip: Hitungan | null;
  perangkatSah: boolean;
  now: Date;
  aturan: AturanThrottle;
}): Putusan {
  const { aturan, now } = input;
  const counters = [
    { kunci: 'pasangan' as const, h: input.pasangan, bebas: aturan.bebasPasangan },
    { kunci: 'nip' as const, h: input.perangkatSah ? null : input.nip, bebas: aturan.bebasNip },
  ];
  let tungguMs = 0;
  const klaim: { kunci: 'pasangan' | 'nip'; jedaDetik: number }[] = [];
  for (const { kunci, h, bebas } of counters) {
    if (!h) continue;
    const jeda = jedaDetik(h.gagal, bebas, aturan.maksDetik);
    if (jeda === 0) continue;
    tungguMs = Math.max(tungguMs, h.terakhir.getTime() + jeda * 1000 - now.getTime());
    klaim.push({ kunci, jedaDetik: jeda });
  }
  if (tungguMs > 0) return { boleh: false, tungguDetik: Math.ceil(tungguMs / 1000) };
  return { boleh: true, klaim };
}

/** The wait in words for the error message: seconds up to two minutes, then whole minutes. */
export function teksTunggu(detik: number): string {
  return detik < 120 ? `${detik} detik` : `${Math.ceil(detik / 60)} menit`;
}

/**
 * The key an address is counted under. An IPv6 host usually holds a whole /64, so it counts as
 * one; an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function kunciAlamat(ip: string): string {
  const bare = ip.split('%')[0]!.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((g) => Number.parseInt(g || '0', 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
