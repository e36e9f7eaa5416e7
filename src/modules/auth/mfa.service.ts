/**
 * Authenticator codes (TOTP): enrolment with a QR code and ten recovery codes, the code step of
 * login, whether the instansi's policy requires a code of an employee. Every change is audited; an
 * admin's reset of a lost device is with the other admin resets in auth.service.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import QRCode from 'qrcode';
import type { Db, Tx } from '../../db/client.js';
import {
  formatRahasia,
  isMfaWajib,
  JUMLAH_KODE_PEMULIHAN,
  jenisKodeMasuk,
  kodePemulihanDariAcak,
  normalisasiKodePemulihan,
  PANJANG_KODE_PEMULIHAN,
  PERCOBAAN_KODE_MAKS,
  periksaKodeTotp,
  TANTANGAN_MENIT,
  uriOtpauth,
} from '../../domain/mfa.js';
import { type Clock, dateInZone } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { PengaturanService } from '../pengaturan/pengaturan.service.js';
import type { Actor } from './actor.js';
import * as q from './mfa.queries.js';
import type { MfaKunci } from './mfa-kunci.js';

/** Challenge tokens are stored like session ids: only their SHA-256. */
const idTantangan = (token: string) => createHash('sha256').update(token).digest('hex');

/** The employee behind a live challenge. */
export interface PemilikTantangan {
  id: number;
  nip: string;
  instansiId: number;
  opdId: number | null;
  /** Set when the password step was an SSO login (the session it opens is an SSO session). */
  ssoInstansiId: number | null;
  ssoIdToken: string | null;
}

/** The provider behind an SSO login: its instansi and the ID token for the logout hint. */
export interface AsalSso {
  ssoInstansiId: number;
  ssoIdToken: string;
}

export type HasilKode = 'OK' | 'SALAH' | 'SUDAH_DIPAKAI';

export function createMfaService(deps: {
  db: Db;
  clock: Clock;
  audit: AuditService;
  kunci: MfaKunci;
  pengaturan: Pick<PengaturanService, 'get'>;
  zonaWaktu: (instansiId: number) => Promise<string>;
}) {
  const { db, clock, audit, kunci } = deps;

  /** The role groups the employee belongs to today (admin role, direct subordinates). */
  async function kelompok(p: { id: number; instansiId: number }) {
    const zona = await deps.zonaWaktu(p.instansiId);
    return q.kelompokMfa(db, p.id, dateInZone(clock.now(), zona));
  }

  /** The policy in force for this employee today. */
  async function isWajib(p: { id: number; instansiId: number }) {
    const [setting, k] = await Promise.all([deps.pengaturan.get(p.instansiId), kelompok(p)]);
    return isMfaWajib(setting.kebijakanMfa, k);
  }

  return {
    kelompok,

    async status(actor: Actor) {
      const [mfa, kodePemulihanSisa, isRequired] = await Promise.all([
        q.findMfa(db, actor.id),
        q.countKodePemulihan(db, actor.id),
        isWajib(actor),
      ]);
      return { isEnrolled: !!mfa?.rahasia, isRequired, mustEnrol: actor.mustEnrolMfa, kodePemulihanSisa };
    },

    /**
     * After a correct password: an enrolled account gets a code step (a challenge token, no session);
     * otherwise the session opens, restricted when the policy requires a code.
     */
    async langkahMasuk(
      account: { id: number; instansiId: number },
      sso: AsalSso | null = null,
    ): Promise<{ tantangan: string } | { wajibDaftar: boolean }> {
      const mfa = await q.findMfa(db, account.id);
      if (!mfa?.rahasia) return { wajibDaftar: await isWajib(account) };
      const now = clock.now();
      const tantangan = randomBytes(32).toString('base64url');
      await db.transaction(async (tx) => {
        await q.deleteStaleTantanganOf(tx, account.id, now, PERCOBAAN_KODE_MAKS);
        await q.insertTantangan(tx, {
          id: idTantangan(tantangan),
          pegawaiId: account.id,
          kedaluwarsaAt: new Date(now.getTime() + TANTANGAN_MENIT * 60_000),
          ssoInstansiId: sso?.ssoInstansiId ?? null,
          ssoIdToken: sso?.ssoIdToken ?? null,
        });
      });
      return { tantangan };
    },

    /** Counts an attempt on the challenge; refused when it is unknown, expired, used or exhausted. */
    async bukaTantangan(tantangan: string): Promise<PemilikTantangan> {
      const pemilik = await q.takeTantanganAttempt(
        db,
        idTantangan(tantangan),
        clock.now(),
        PERCOBAAN_KODE_MAKS,
      );
      if (!pemilik) throw new AppError('TANTANGAN_MFA_TIDAK_BERLAKU');
      return pemilik;
    },

    /**
     * Checks the code of an opened challenge inside the caller's transaction (the one that opens the
     * session). On success the step or recovery code is spent and the challenge consumed.
     */
    async pakaiKode(
      tx: Tx,
      pemilik: PemilikTantangan,
      input: { tantangan: string; kode: string; requestId: string },
    ): Promise<HasilKode> {
      const kode = jenisKodeMasuk(input.kode);
      if (!kode) return 'SALAH';
      if (kode.jenis === 'TOTP') {
        const mfa = await q.findMfa(tx, pemilik.id);
        if (!mfa?.rahasia) return 'SALAH';
        const rahasia = kunci.buka(mfa.rahasia, pemilik.id);
        const hasil = periksaKodeTotp(rahasia, kode.kode, clock.now(), mfa.langkahTerakhir);
        if (typeof hasil === 'string') return hasil;
        // A parallel login with the same code may have spent this step since it was read.
        if (!(await q.spendLangkah(tx, pemilik.id, hasil.langkah))) return 'SUDAH_DIPAKAI';
      } else {
        const hash = kunci.hashPemulihan(kode.kode);
        if (!(await q.spendKodePemulihan(tx, pemilik.id, hash))) return 'SALAH';
        await audit.record(tx, {
          instansiId: pemilik.instansiId,
          opdId: pemilik.opdId,
          actorId: pemilik.id,
          action: 'auth.mfa_kode_pemulihan',
          entity: 'pegawai',
          entityId: pemilik.id,
          after: { kodePemulihanSisa: await q.countKodePemulihan(tx, pemilik.id) },
          requestId: input.requestId,
        });
      }
      if (!(await q.deleteTantangan(tx, idTantangan(input.tantangan)))) {
        throw new AppError('TANTANGAN_MFA_TIDAK_BERLAKU');
      }
      return 'OK';
    },

    /** A new secret, pending until a first code confirms it; an enrolled one keeps working meanwhile. */
    async mulaiDaftar(actor: Actor, requestId: string) {
      const rahasia = new Secret({ size: 20 }).base32;
      const uri = uriOtpauth(rahasia, actor.nip);
      const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
      const tersegel = kunci.segel(rahasia, actor.id);
      await db.transaction(async (tx) => {
        await q.saveRahasiaBaru(tx, actor.id, tersegel);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'auth.mfa_daftar',
          entity: 'pegawai',
          entityId: actor.id,
          requestId,
        });
      });
      return { qr, rahasia: formatRahasia(rahasia), uri };
    },

    /**
     * The first code confirms the pending secret: it replaces any earlier one, ten new recovery codes
     * replace the old ones (returned once, kept only as keyed hashes), and a restricted session opens.
     */
    async konfirmasiDaftar(actor: Actor, kodeInput: string, requestId: string) {
      const now = clock.now();
      const mfa = await q.findMfa(db, actor.id);
      if (!mfa?.rahasiaBaru) throw new AppError('MFA_BELUM_DIMULAI');
      const hasil = periksaKodeTotp(kunci.buka(mfa.rahasiaBaru, actor.id), kodeInput, now, null);
      if (typeof hasil === 'string') throw new AppError('KODE_MFA_TIDAK_COCOK', { field: 'kode' });
      const kodePemulihan = Array.from({ length: JUMLAH_KODE_PEMULIHAN }, () =>
        kodePemulihanDariAcak(randomBytes(PANJANG_KODE_PEMULIHAN)),
      );
      const hashes = kodePemulihan.map((k) => kunci.hashPemulihan(normalisasiKodePemulihan(k)!));
      await db.transaction(async (tx) => {
        if (!(await q.activateRahasiaBaru(tx, actor.id, hasil.langkah, now)))
          throw new AppError('MFA_BELUM_DIMULAI');
        await q.replaceKodePemulihan(tx, actor.id, hashes);
        await q.liftWajibDaftar(tx, actor.id);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'auth.mfa_konfirmasi',
          entity: 'pegawai',
          entityId: actor.id,
          before: { terdaftar: !!mfa.rahasia },
          after: { terdaftar: true, kodePemulihanSisa: hashes.length },
          requestId,
        });
      });
      return { kodePemulihan };
    },
  };
}

export type MfaService = ReturnType<typeof createMfaService>;
