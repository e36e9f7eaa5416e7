/**
 * Login: NIP + password (argon2id), then an authenticator code when enrolled; server-side sessions,
 * slow-down of failures, password changes, the admin resets of a password or an authenticator.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db, Tx } from '../../db/client.js';
import { normalizeNip } from '../../domain/nip.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import type { Limiter } from '../../platform/limiter.js';
import type { AuditService } from '../audit/audit.service.js';
import type { PeriksaKuasa } from '../pegawai/pegawai.service.js';
import type { Actor } from './actor.js';
import * as q from './auth.queries.js';
import type { CacheAktor } from './cache-aktor.js';
import { kelemahanKataSandi } from './kata-sandi.js';
import type { LoginThrottle } from './login-throttle.js';
import * as mfaQ from './mfa.queries.js';
import type { AsalSso, MfaService } from './mfa.service.js';

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Readable temporary passwords: no 0/O or 1/l confusion when read over the phone. */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const digits = '23456789';
  const bytes = randomBytes(10);
  const letters = Array.from(bytes.subarray(0, 7), (b) => alphabet[b % alphabet.length]).join('');
  const nums = Array.from(bytes.subarray(7), (b) => digits[b % digits.length]).join('');
  return `${letters}${nums}`;
}

type AuthConfig = Pick<Config, 'SESSION_TTL_HOURS' | 'SESSION_MAX_HOURS'>;

/** A session opened or used at `now`: its idle end, and (at login) its absolute end. */
function sessionEnds(now: Date, config: AuthConfig) {
  return {
    expiresAt: new Date(now.getTime() + config.SESSION_TTL_HOURS * 3_600_000),
    berakhirMutlakAt: new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000),
  };
}

/** Renewal writes at most once per step (5 min, less for short lifetimes) per session, not per request. */
const renewStepMs = (config: AuthConfig) => Math.min(300_000, config.SESSION_TTL_HOURS * 360_000);

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  config: AuthConfig;
  throttle: LoginThrottle;
  /** The ceiling on password verifications at once (503 beyond it). */
  verifying: Limiter;
  /** The ceiling of admin powers (pegawai service). */
  periksaKuasa: PeriksaKuasa;
  mfa: Pick<MfaService, 'langkahMasuk' | 'bukaTantangan' | 'pakaiKode'>;
  /** SSO is active and the password login is off for one of the employee's role groups. */
  kataSandiNonaktif: (account: { id: number; instansiId: number }) => Promise<boolean>;
  cacheAktor: Pick<CacheAktor, 'ambil' | 'perpanjang' | 'lupakanSesi'>;
}) {
  const { db, clock, audit, config, throttle, verifying, mfa } = deps;
  // Unknown NIPs still cost one verification, so response time does not reveal which NIPs exist.
  const dummyHash = hash('tidak-ada-akun-ini');

  /** A successful login opens a session, in the caller's transaction. */
  async function openSession(
    tx: Tx,
    account: { id: number; instansiId: number; opdId: number | null },
    meta: { userAgent: string | null; requestId: string; wajibDaftarMfa: boolean; sso: AsalSso | null },
  ) {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await q.deleteExpiredSessionsOf(tx, account.id, now);
    await q.insertSession(tx, {
      id: sessionIdOf(token),
      pegawaiId: account.id,
      csrfToken,
      createdAt: now,
      ...sessionEnds(now, config),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      wajibDaftarMfa: meta.wajibDaftarMfa,
      ssoInstansiId: meta.sso?.ssoInstansiId ?? null,
      ssoIdToken: meta.sso?.ssoIdToken ?? null,
    });
    await audit.record(tx, {
      instansiId: account.instansiId,
      opdId: account.opdId,
      actorId: account.id,
      action: 'auth.login',
      entity: 'pegawai',
      entityId: account.id,
      after: { metode: meta.sso ? 'SSO' : 'KATA_SANDI' },
      requestId: meta.requestId,
    });
    return { token, csrfToken };
  }

  /** After the session is written: the owner's address starts afresh and the browser gets a device cookie. */
  async function loggedIn(session: { token: string; csrfToken: string }, nip: string, ip: string) {
    await throttle.berhasil(nip, ip);
    const actor = await q.findActorBySession(db, sessionIdOf(session.token), clock.now());
    return { ...session, actor: actor!, perangkat: throttle.perangkatBaru(nip) };
  }

  /**
   * An admin's reset of someone's credentials: within the ceiling of admin powers (checked before
   * the transaction), then `ubah`, the end of every session of that employee and the audit row.
   */
  async function resetOlehAdmin(
    actor: Actor,
    pegawaiId: number,
    kuasa: 'RESET_KATA_SANDI' | 'RESET_MFA',
    alasan: string | null,
    requestId: string,
    ubah: (tx: Tx) => Promise<{ before?: unknown; after?: unknown }>,
  ) {
    const target = await q.findPasswordHash(db, pegawaiId);
    if (!target) throw new AppError('NOT_FOUND');
    await deps.periksaKuasa(actor, pegawaiId, kuasa, alasan);
    await db.transaction(async (tx) => {
      const { before, after } = await ubah(tx);
      await q.deleteOtherSessions(tx, pegawaiId, null);
      await audit.record(tx, {
        instansiId: target.instansiId,
        opdId: target.opdId,
        actorId: actor.id,
        action: kuasa === 'RESET_MFA' ? 'auth.reset_mfa' : 'auth.reset_kata_sandi',
        entity: 'pegawai',
        entityId: pegawaiId,
        before,
        after,
        reason: alasan,
        requestId,
      });
    });
  }

  return {
    async login(input: {
      nip: string;
      password: string;
      userAgent: string | null;
      requestId: string;
      ip: string;
      perangkat: string | null;
    }) {
      const nip = normalizeNip(input.nip);
      await throttle.periksa(nip, input.ip, input.perangkat);
      const account = await q.findAccount(db, nip);
      let passwordOk = false;
      if (account?.passwordHash && account.isActive) {
        const passwordHash = account.passwordHash;
        passwordOk = await verifying.run(() => verify(passwordHash, input.password));
      } else {
        await verifying.run(async () => verify(await dummyHash, input.password));
      }
      if (!account || !passwordOk) {
        await throttle.gagal(nip, input.ip);
        throw new AppError('INVALID_CREDENTIALS');
      }
      // Judged after the password, so the answer does not tell which NIPs exist (ADR 0014).
      if (await deps.kataSandiNonaktif(account)) throw new AppError('KATA_SANDI_NONAKTIF');
      const langkah = await mfa.langkahMasuk(account);
      // An enrolled account gets the code step and no session; its counters stay until the code is
      // right, so wrong codes slow the NIP down like wrong passwords.
      if ('tantangan' in langkah) return { mfa: { tantangan: langkah.tantangan } };
      const session = await db.transaction((tx) =>
        openSession(tx, account, { ...input, wajibDaftarMfa: langkah.wajibDaftar, sso: null }),
      );
      return loggedIn(session, nip, input.ip);
    },

    /**
     * After the provider vouched for the employee (sso.service.ts): the same session as the password
     * login. Our own code is still asked unless the provider checked a second factor (ADR 0014).
     */
    async masukSso(
      account: { id: number; nip: string; instansiId: number; opdId: number | null },
      input: { userAgent: string | null; requestId: string; ip: string; sso: AsalSso; faktorKedua: boolean },
    ) {
      const langkah = input.faktorKedua ? { wajibDaftar: false } : await mfa.langkahMasuk(account, input.sso);
      if ('tantangan' in langkah) return { mfa: { tantangan: langkah.tantangan } };
      const session = await db.transaction((tx) =>
        openSession(tx, account, { ...input, wajibDaftarMfa: langkah.wajibDaftar }),
      );
      return loggedIn(session, account.nip, input.ip);
    },

    /** The code step: an authenticator or recovery code against the challenge of the password step. */
    async loginKode(input: {
      tantangan: string;
      kode: string;
      userAgent: string | null;
      requestId: string;
      ip: string;
      perangkat: string | null;
    }) {
      const pemilik = await mfa.bukaTantangan(input.tantangan);
      await throttle.periksa(pemilik.nip, input.ip, input.perangkat);
      const hasil = await db.transaction(async (tx) => {
        const kode = await mfa.pakaiKode(tx, pemilik, input);
        if (kode !== 'OK') return kode;
        const { ssoInstansiId, ssoIdToken } = pemilik;
        const sso = ssoInstansiId && ssoIdToken ? { ssoInstansiId, ssoIdToken } : null;
        return openSession(tx, pemilik, { ...input, wajibDaftarMfa: false, sso });
      });
      if (typeof hasil === 'string') {
        await throttle.gagal(pemilik.nip, input.ip);
        throw new AppError(hasil === 'SUDAH_DIPAKAI' ? 'KODE_MFA_SUDAH_DIPAKAI' : 'KODE_MFA_SALAH');
      }
      return loggedIn(hasil, pemilik.nip, input.ip);
    },

    /**
     * The session's actor; a used session's idle end moves forward (at most one write per step).
     * A read may take it from the node's cache (ADR 0032); a write (`segar`) always asks the database.
     */
    async actorForToken(token: string, segar: boolean) {
      const now = clock.now();
      const id = sessionIdOf(token);
      const muat = () => q.findActorBySession(db, id, now);
      const found = segar ? await muat() : await deps.cacheAktor.ambil(id, now.getTime(), muat);
      if (!found) return null;
      const { expiresAt, berakhirMutlakAt, ...actor } = found;
      // Never past the absolute end; once there, no further write (each use of its last idle span wrote one).
      const mutlak = new Date(berakhirMutlakAt).getTime();
      const end = Math.min(sessionEnds(now, config).expiresAt.getTime(), mutlak);
      const maju = end - new Date(expiresAt).getTime();
      if (maju >= renewStepMs(config) || (maju > 0 && end === mutlak)) {
        const baru = await q.extendSession(db, id, new Date(end));
        if (baru) deps.cacheAktor.perpanjang(id, { ...found, expiresAt: baru });
      }
      return actor;
    },

    /** Ends the session; answers its SSO origin, for the provider's logout. */
    async logout(sessionId: string) {
      const asal = await q.deleteSession(db, sessionId);
      deps.cacheAktor.lupakanSesi(sessionId);
      return asal;
    },

    async changePassword(
      actor: Actor,
      sessionId: string | null,
      body: { passwordLama: string; passwordBaru: string },
      requestId: string,
    ) {
      const current = await q.findPasswordHash(db, actor.id);
      if (!current?.passwordHash || !(await verify(current.passwordHash, body.passwordLama))) {
        throw new AppError('WRONG_PASSWORD', { field: 'passwordLama' });
      }
      if (body.passwordBaru === body.passwordLama) {
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'passwordBaru' },
          'Kata sandi baru harus berbeda dari yang lama.',
        );
      }
      const lemah = await kelemahanKataSandi(body.passwordBaru, [
        actor.nip,
        actor.nama,
        ...actor.nama.split(/\s+/),
        'kinerja',
        'ekinerja',
      ]);
      if (lemah) throw new AppError('VALIDATION_FAILED', { field: 'passwordBaru' }, lemah);
      const newHash = await hash(body.passwordBaru);
      await db.transaction(async (tx) => {
        await q.setPassword(tx, actor.id, newHash, false);
        // Other devices must log in again with the new password.
        await q.deleteOtherSessions(tx, actor.id, sessionId);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'auth.ganti_kata_sandi',
          entity: 'pegawai',
          entityId: actor.id,
          requestId,
        });
      });
    },

    async resetPassword(actor: Actor, pegawaiId: number, alasan: string | null, requestId: string) {
      const passwordSementara = temporaryPassword();
      const newHash = await hash(passwordSementara);
      await resetOlehAdmin(actor, pegawaiId, 'RESET_KATA_SANDI', alasan, requestId, async (tx) => {
        await q.setPassword(tx, pegawaiId, newHash, true);
        await throttle.lupakan(tx, pegawaiId);
        return {};
      });
      return { passwordSementara };
    },

    /** A lost device: the secret, recovery codes and sessions go; the next login enrols again if required. */
    async resetMfa(actor: Actor, pegawaiId: number, alasan: string, requestId: string) {
      await resetOlehAdmin(actor, pegawaiId, 'RESET_MFA', alasan, requestId, async (tx) => {
        const { wasEnrolled } = await mfaQ.deleteMfa(tx, pegawaiId);
        return { before: { terdaftar: wasEnrolled }, after: { terdaftar: false } };
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
