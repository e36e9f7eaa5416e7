import { describe, expect, it } from 'vitest';
import { type AturanThrottle, jedaDetik, kunciAlamat, putuskan, teksTunggu } from './login-throttle.js';

describe('jedaDetik', () => {
  it.each([
    [0, 5, 900, 0],
    [4, 5, 900, 0],
    [5, 5, 900, 1],
    [6, 5, 900, 2],
    [7, 5, 900, 4],
    [14, 5, 900, 512],
    [15, 5, 900, 900],
    [1_000_000, 5, 900, 900],
    [0, 0, 60, 1],
    [3, 0, 60, 8],
  ])('%i failures, %i free, at most %i s → %i s', (gagal, bebas, maks, jeda) => {
    expect(jedaDetik(gagal, bebas, maks)).toBe(jeda);
  });
});

describe('putuskan', () => {
  const aturan: AturanThrottle = { bebasPasangan: 3, bebasNip: 10, maksDetik: 900 };
  const now = new Date('2026-03-03T02:00:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);

  it.each([
    ['no failures', null, null, false, { boleh: true, klaim: [] }],
    ['pair under its allowance', { gagal: 2, terakhir: ago(0) }, null, false, { boleh: true, klaim: [] }],
    [
      'pair at its allowance, just failed',
      { gagal: 3, terakhir: ago(0) },
      null,
      false,
      { boleh: false, tungguDetik: 1 },
    ],
    [
      'pair at its allowance, the second passed',
      { gagal: 3, terakhir: ago(1) },
      null,
      false,
      { boleh: true, klaim: [{ kunci: 'pasangan', jedaDetik: 1 }] },
    ],
    [
      'pair two past, 1.5 s of 4 waited: rounds up',
      { gagal: 5, terakhir: new Date(now.getTime() - 1500) },
      null,
      false,
      { boleh: false, tungguDetik: 3 },
    ],
    [
      'NIP past its allowance from a fresh address',
      null,
      { gagal: 12, terakhir: ago(1) },
      false,
      { boleh: false, tungguDetik: 3 },
    ],
    [
      'NIP past its allowance, but the device is known',
      null,
      { gagal: 12, terakhir: ago(1) },
      true,
      { boleh: true, klaim: [] },
    ],
    [
      'known device still waits for its own pair',
      { gagal: 4, terakhir: ago(0) },
      { gagal: 12, terakhir: ago(1) },
      true,
      { boleh: false, tungguDetik: 2 },
    ],
    [
      'both waited out: both claimed',
      { gagal: 4, terakhir: ago(10) },
      { gagal: 12, terakhir: ago(10) },
      false,
      {
        boleh: true,
        klaim: [
          { kunci: 'pasangan', jedaDetik: 2 },
          { kunci: 'nip', jedaDetik: 4 },
        ],
      },
    ],
    [
      'the longer of the two waits counts',
      { gagal: 4, terakhir: ago(1) },
      { gagal: 20, terakhir: ago(100) },
      false,
      { boleh: false, tungguDetik: 800 },
    ],
  ] as const)('%s', (_, pasangan, nip, perangkatSah, putusan) => {
    expect(putuskan({ pasangan, nip, perangkatSah, now, aturan })).toEqual(putusan);
  });
});

describe('teksTunggu', () => {
  it.each([
    [1, '1 detik'],
    [119, '119 detik'],
    [120, '2 menit'],
    [121, '3 menit'],
    [900, '15 menit'],
  ])('%i s → %s', (detik, teks) => {
    expect(teksTunggu(detik)).toBe(teks);
  });
});

describe('kunciAlamat', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:0:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
  ])('%s → %s', (ip, kunci) => {
    expect(kunciAlamat(ip)).toBe(kunci);
  });
});
