/**
 * Login slow-down (ADR 0006), shared by every node through the database: `periksa` before the
 * password is checked, `gagal` or `berhasil` after. A signed device cookie tells a browser that
 * logged into this NIP before, which the NIP-wide slow-down then leaves alone.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { type Hitungan, kunciAlamat, putuskan, teksTunggu } from '../../domain/login-throttle.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { ERRORS, RetryLaterError } from '../../platform/errors.js';
import * as q from './login-throttle.queries.js';

export const DEVICE_COOKIE = 'ekinerja_perangkat';

type ThrottleConfig = Pick<
  Config,
  | 'LOGIN_FREE_FAILURES'
  | 'LOGIN_FREE_FAILURES_NIP'
  | 'LOGIN_MAX_DELAY_SECONDS'
  | 'LOGIN_FORGET_HOURS'
  | 'LOGIN_DEVICE_SECRET'
  | 'LOGIN_DEVICE_DAYS'
>;

function tooSoon(detik: number): RetryLaterError {
  const message = `${ERRORS.LOGIN_THROTTLED.message} Coba lagi dalam ${teksTunggu(detik)}.`;
  return new RetryLaterError('LOGIN_THROTTLED', detik, message);
}

export function createLoginThrottle(deps: { db: Db; clock: Clock; config: ThrottleConfig }) {
  const { db, clock, config } = deps;
  const aturan = {
    bebasPasangan: config.LOGIN_FREE_FAILURES,
    bebasNip: config.LOGIN_FREE_FAILURES_NIP,
    maksDetik: config.LOGIN_MAX_DELAY_SECONDS,
  };
  const forgetMs = config.LOGIN_FORGET_HOURS * 3_600_000;

  function sign(nip: string, expires: number): string {
    return createHmac('sha256', config.LOGIN_DEVICE_SECRET)
      .update(`perangkat:${nip}:${expires}`)
      .digest('base64url');
  }

  /** The cookie is `<nip>.<expiry in epoch seconds>.<HMAC>`; it proves nothing for another NIP. */
  function isKnownDevice(nip: string, cookie: string | null | undefined, now: Date): boolean {
    const [cookieNip, expiresText, signature, ...rest] = (cookie ?? '').split('.');
    const expires = Number(expiresText);
    if (cookieNip !== nip || !signature || rest.length > 0 || !Number.isInteger(expires)) return false;
    if (expires * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(sign(nip, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  return {
    /** Refuses (429 with Retry-After) an attempt that comes before its wait is over. */
    async periksa(nip: string, ip: string, perangkat?: string | null): Promise<void> {
      const now = clock.now();
      const address = kunciAlamat(ip);
      const rows = await q.readCounters(db, nip, address, new Date(now.getTime() - forgetMs));
      const counter = (a: string): Hitungan | null => {
        const row = rows.find((r) => r.address === a);
        return row ? { gagal: row.failures, terakhir: row.lastAt } : null;
      };
      const putusan = putuskan({
        pasangan: counter(address),
        nip: counter(q.ALL_ADDRESSES),
        perangkatSah: isKnownDevice(nip, perangkat, now),
        now,
        aturan,
      });
      if (!putusan.boleh) throw tooSoon(putusan.tungguDetik);
      if (putusan.klaim.length === 0) return;
      const turns = putusan.klaim.map((k) => ({
        address: k.kunci === 'pasangan' ? address : q.ALL_ADDRESSES,
        waitedSince: new Date(now.getTime() - k.jedaDetik * 1000),
      }));
      if ((await q.claimTurns(db, nip, now, turns)) < turns.length) {
        // A parallel attempt took this turn; the next one comes after a full wait.
        throw tooSoon(Math.max(...putusan.klaim.map((k) => k.jedaDetik)));
      }
    },

    async gagal(nip: string, ip: string): Promise<void> {
      const now = clock.now();
      await q.recordFailure(db, nip, kunciAlamat(ip), now, new Date(now.getTime() - forgetMs));
    },

    /** The owner's own address starts afresh; the NIP-wide count stays, an attack may go on. */
    async berhasil(nip: string, ip: string): Promise<void> {
      await q.deletePair(db, nip, kunciAlamat(ip));
    },

    /** A device cookie for a browser that has just logged into this NIP. */
    perangkatBaru(nip: string): { value: string; maxAge: number } {
      const maxAge = Math.round(config.LOGIN_DEVICE_DAYS * 86_400);
      const expires = Math.floor(clock.now().getTime() / 1000) + maxAge;
      return { value: `${nip}.${expires}.${sign(nip, expires)}`, maxAge };
    },

    /** An admin gave a new password: the counters of the old one no longer matter. */
    async lupakan(tx: Tx, pegawaiId: number): Promise<void> {
      await q.deleteAllOf(tx, pegawaiId);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
