/**
 * Issue 12 item 3: login defences that cannot be spoofed (TRUST_PROXY) or turned into a lockout
 * (slow-down per NIP and address, device cookies), and the ceiling on password verifications.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_PASSWORD } from '../../../test/harness.js';
import { buildOrg, type Org } from '../../../test/org.js';
import { rows } from '../../db/client.js';

const ATTACKER = '198.51.100.66';
const OWNER = '203.0.113.10';

function attempt(
  h: Harness,
  nip: string,
  password: string,
  from: { address: string; forwardedFor?: string; device?: string },
) {
  return h.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { nip, password },
    remoteAddress: from.address,
    headers: {
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
      ...(from.device ? { cookie: `ekinerja_perangkat=${from.device}` } : {}),
    },
  });
}

/** Wrong passwords, one from each address, each answered "wrong" rather than "wait". */
async function wrong(h: Harness, nip: string, addresses: string[]) {
  for (const address of addresses) {
    expect((await attempt(h, nip, 'salah', { address })).statusCode).toBe(401);
  }
}

const times = (n: number, address: string): string[] => Array(n).fill(address);

const deviceOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'ekinerja_perangkat');

function expectThrottled(res: LightMyRequestResponse, seconds?: number) {
  expect(res.statusCode).toBe(429);
  expect(res.json().error.code).toBe('LOGIN_THROTTLED');
  expect(res.json().error.message).toMatch(
    /^Terlalu banyak percobaan masuk .* Coba lagi dalam \d+ (detik|menit)\.$/,
  );
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(res.json().error.details).toEqual({ retryAfter });
  if (seconds !== undefined) expect(retryAfter).toBe(seconds);
}

function later(h: Harness, seconds: number) {
  h.clock.set(new Date(h.clock.now().getTime() + seconds * 1000));
}

let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness({
    env: {
      LOGIN_FREE_FAILURES: '3',
      LOGIN_FREE_FAILURES_NIP: '6',
      LOGIN_MAX_DELAY_SECONDS: '900',
      LOGIN_FORGET_HOURS: '24',
      LOGIN_CONCURRENCY: '1',
      LOGIN_QUEUE: '0',
    },
  });
  org = await buildOrg(h.db);
});
afterAll(() => h.close());

describe('X-Forwarded-For from a peer that is not a trusted proxy', () => {
  it('gains nothing against the per-address rate limit, not even with the right password', async () => {
    const limited = await createHarness({ env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const lOrg = await buildOrg(limited.db);
      for (let i = 0; i < 3; i++) {
        expect((await attempt(limited, lOrg.pelaksana.nip, 'salah', { address: ATTACKER })).statusCode).toBe(
          401,
        );
      }
      for (let i = 1; i <= 3; i++) {
        const res = await attempt(limited, lOrg.pelaksana.nip, 'salah', {
          address: ATTACKER,
          forwardedFor: `192.0.2.${i}`,
        });
        expect(res.statusCode).toBe(429);
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      const right = await attempt(limited, lOrg.pelaksana.nip, TEST_PASSWORD, {
        address: ATTACKER,
        forwardedFor: '192.0.2.99',
      });
      expect(right.statusCode).toBe(429);
      expect(right.cookies.find((c) => c.name === 'ekinerja_sesi')).toBeUndefined();
      // The limit is the attacker's address, not the NIP's.
      expect((await attempt(limited, lOrg.pelaksana.nip, TEST_PASSWORD, { address: OWNER })).statusCode).toBe(
        200,
      );
    } finally {
      await limited.close();
    }
  });

  it('gains nothing against the slow-down, not even with the right password', async () => {
    const nip = org.pelaksana.nip;
    await wrong(h, nip, times(3, ATTACKER));
    for (let i = 1; i <= 3; i++) {
      expectThrottled(await attempt(h, nip, 'salah', { address: ATTACKER, forwardedFor: `192.0.2.${i}` }), 1);
    }
    const right = await attempt(h, nip, TEST_PASSWORD, { address: ATTACKER, forwardedFor: '192.0.2.99' });
    expectThrottled(right);
    expect(right.cookies).toEqual([]);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['addresses', '10.0.0.0/8'],
    ['a hop count', '1'],
  ])('names trusted proxies by %s: the address they forward is the one counted', async (_, trust) => {
    const proxied = await createHarness({ env: { TRUST_PROXY: trust, LOGIN_FREE_FAILURES: '2' } });
    try {
      const pOrg = await buildOrg(proxied.db);
      const nip = pOrg.pelaksana.nip;
      const viaProxy = (client: string) => ({ address: '10.1.2.3', forwardedFor: client });
      for (let i = 0; i < 2; i++) {
        expect((await attempt(proxied, nip, 'salah', viaProxy('192.0.2.7'))).statusCode).toBe(401);
      }
      expectThrottled(await attempt(proxied, nip, 'salah', viaProxy('192.0.2.7')), 1);
      // Another client behind the same proxy has its own counter.
      expect((await attempt(proxied, nip, TEST_PASSWORD, viaProxy('192.0.2.8'))).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('slow-down instead of a lockout', () => {
  it('lets the owner in from his device while an attacker hammers the NIP from other addresses', async () => {
    const nip = org.adminBkd.nip;
    const first = await attempt(h, nip, TEST_PASSWORD, { address: OWNER });
    expect(first.statusCode).toBe(200);
    const device = deviceOf(first)!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(device.maxAge).toBeGreaterThan(86_400);

    await wrong(h, nip, times(3, ATTACKER));
    // Each further try from the attacker's address waits twice as long as the one before.
    for (const wait of [1, 2, 4, 8]) {
      expectThrottled(await attempt(h, nip, 'salah', { address: ATTACKER }), wait);
      later(h, wait);
      expect((await attempt(h, nip, 'salah', { address: ATTACKER })).statusCode).toBe(401);
    }
    expectThrottled(await attempt(h, nip, TEST_PASSWORD, { address: ATTACKER }), 16);

    // Seven failures of this NIP: past its allowance, a fresh address without the device waits too.
    expectThrottled(await attempt(h, nip, TEST_PASSWORD, { address: '192.0.2.200' }));

    const owner = await attempt(h, nip, TEST_PASSWORD, { address: OWNER, device: device.value });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.nip).toBe(nip);
    // Still slowed: the owner's success did not reset the attacker's counter.
    expectThrottled(await attempt(h, nip, 'salah', { address: ATTACKER }));
  });

  it('a device cookie proves only its own NIP, and only as it was signed', async () => {
    const nip = org.kaban.nip;
    const own = await attempt(h, org.pengawas.nip, TEST_PASSWORD, { address: ATTACKER });
    expect(own.statusCode).toBe(200);
    const attackerDevice = deviceOf(own)!.value;
    const victim = deviceOf(await attempt(h, nip, TEST_PASSWORD, { address: OWNER }))!.value;

    // Six addresses, one failure each: no pair is slowed, the NIP is.
    await wrong(h, nip, ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6']);

    const [, expires, signature] = victim.split('.');
    const forged = [
      attackerDevice,
      attackerDevice.replace(org.pengawas.nip, nip),
      `${nip}.${Number(expires) + 86_400}.${signature}`,
      `${nip}.${expires}.${'A'.repeat(signature!.length)}`,
    ];
    for (const device of forged) {
      expectThrottled(await attempt(h, nip, TEST_PASSWORD, { address: '192.0.2.50', device }));
    }
    expect((await attempt(h, nip, TEST_PASSWORD, { address: '192.0.2.50', device: victim })).statusCode).toBe(
      200,
    );
  });

  it('lets one of several parallel attempts take a turn, the rest wait', async () => {
    const nip = org.fungsional.nip;
    await wrong(h, nip, times(3, ATTACKER));
    later(h, 1);
    const codes = (
      await Promise.all(Array.from({ length: 5 }, () => attempt(h, nip, 'salah', { address: ATTACKER })))
    ).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([401, 429, 429, 429, 429]);
  });

  it('forgets failures after LOGIN_FORGET_HOURS and deletes forgotten rows as new failures come', async () => {
    const counters = (nip: string) =>
      rows(h.db, sql`SELECT address, failures FROM login_throttle WHERE nip = ${nip} ORDER BY address`);
    const nip = org.kepala2.nip;
    await wrong(h, nip, times(3, ATTACKER));
    expectThrottled(await attempt(h, nip, 'salah', { address: ATTACKER }));
    expect(await counters(nip)).toEqual([
      { address: '', failures: 3 },
      { address: ATTACKER, failures: 3 },
    ]);
    later(h, 25 * 3600);
    expect((await attempt(h, nip, 'salah', { address: ATTACKER })).statusCode).toBe(401);
    expect(await counters(nip)).toEqual([
      { address: '', failures: 1 },
      { address: ATTACKER, failures: 1 },
    ]);
    later(h, 25 * 3600);
    expect((await attempt(h, org.orangLain.nip, 'salah', { address: OWNER })).statusCode).toBe(401);
    expect(await counters(nip)).toEqual([]);
  });

  it('an admin reset clears the counters of the NIP', async () => {
    const nip = org.pelaksana2.nip;
    await wrong(h, nip, ['192.0.2.21', '192.0.2.22', '192.0.2.23', '192.0.2.24', '192.0.2.25', '192.0.2.26']);
    expectThrottled(await attempt(h, nip, 'salah', { address: OWNER }));
    const admin = await h.login(org.adminOpd.nip);
    const reset = await admin.post(`/api/pegawai/${org.pelaksana2.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temp = reset.json().passwordSementara as string;
    expect((await attempt(h, nip, temp, { address: OWNER })).statusCode).toBe(200);
  });
});

describe('ceiling on password verifications', () => {
  it('answers 503 with Retry-After while every turn is taken, then lets logins through again', async () => {
    let release!: () => void;
    const held = h.app.loginVerifying.run(() => new Promise<void>((resolve) => (release = resolve)));
    const busy = await attempt(h, org.timPenilai.nip, TEST_PASSWORD, { address: OWNER });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    expect(busy.json()).toEqual({
      error: {
        code: 'LOGIN_BUSY',
        message: 'Server sedang memproses banyak permintaan masuk. Coba lagi dalam beberapa detik.',
        details: { retryAfter: 1 },
      },
    });
    release();
    await held;
    expect((await attempt(h, org.timPenilai.nip, TEST_PASSWORD, { address: OWNER })).statusCode).toBe(200);
  });
});
