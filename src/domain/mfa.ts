/**
 * Authenticator codes (TOTP, RFC 6238: SHA-1, 6 digits, 30 s) and recovery codes, and the BKD's
 * policy of who must use them (SPEC §12: the national portal requires a code since April 2025).
 * Storage, encryption and randomness belong to the auth module; these are the rules.
 */
import { Secret, TOTP } from 'otpauth';
import { kodeDariAcak, normalisasiKode } from './verifikasi.js';

export const PENERBIT_TOTP = 'e-Kinerja';
export const PERIODE_TOTP = 30;
export const DIGIT_TOTP = 6;
/** One step either side absorbs a phone clock that is a little off (RFC 6238 §5.2). */
export const JENDELA_TOTP = 1;

/** The groups the BKD sets a rule for; an employee may belong to both of the first two. */
export const KELOMPOK_MFA = ['admin', 'penilai', 'lainnya'] as const;
export type KelompokMfa = (typeof KELOMPOK_MFA)[number];
export const ATURAN_MFA = ['WAJIB', 'OPSIONAL'] as const;
export type AturanMfa = (typeof ATURAN_MFA)[number];
export type KebijakanMfa = Record<KelompokMfa, AturanMfa>;

export const KELOMPOK_MFA_LABEL: Record<KelompokMfa, string> = {
  admin: 'Admin instansi dan admin OPD',
  penilai: 'Pejabat penilai (memiliki bawahan)',
  lainnya: 'Pegawai lainnya',
};
export const ATURAN_MFA_LABEL: Record<AturanMfa, string> = { WAJIB: 'Wajib', OPSIONAL: 'Opsional' };

/** Issue 12: required for those who hold powers over others, optional for the rest. */
export const KEBIJAKAN_MFA_BAWAAN: KebijakanMfa = { admin: 'WAJIB', penilai: 'WAJIB', lainnya: 'OPSIONAL' };
/** The demo and the test instansi: a password alone is enough for everyone. */
export const KEBIJAKAN_MFA_OPSIONAL: KebijakanMfa = {
  admin: 'OPSIONAL',
  penilai: 'OPSIONAL',
  lainnya: 'OPSIONAL',
};

/**
 * Why a policy cannot be saved, or null. Requiring codes of ordinary staff but not of the admins
 * and assessors would protect the accounts that matter least.
 */
export function masalahKebijakanMfa(k: KebijakanMfa): string | null {
  if (k.lainnya === 'WAJIB' && (k.admin !== 'WAJIB' || k.penilai !== 'WAJIB')) {
    return 'Bila kode autentikator wajib bagi pegawai lainnya, wajibkan juga bagi admin dan pejabat penilai.';
  }
  return null;
}

/**
 * Whether a rule set per group applies to an employee: any group he belongs to where it is on
 * ("lainnya" is the employees in neither of the other two).
 */
export function berlakuBagiKelompok(
  aturan: Record<KelompokMfa, boolean>,
  p: { isAdmin: boolean; isPenilai: boolean },
): boolean {
  if (p.isAdmin && aturan.admin) return true;
  if (p.isPenilai && aturan.penilai) return true;
  return !p.isAdmin && !p.isPenilai && aturan.lainnya;
}

/** Whether this employee must use a code: any group he belongs to that requires it. */
export function isMfaWajib(k: KebijakanMfa, p: { isAdmin: boolean; isPenilai: boolean }): boolean {
  return berlakuBagiKelompok(
    { admin: k.admin === 'WAJIB', penilai: k.penilai === 'WAJIB', lainnya: k.lainnya === 'WAJIB' },
    p,
  );
}

function totp(rahasiaBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: PENERBIT_TOTP,
    label,
    algorithm: 'SHA1',
    digits: DIGIT_TOTP,
    period: PERIODE_TOTP,
    secret: Secret.fromBase32(rahasiaBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code (label: the NIP). */
export function uriOtpauth(rahasiaBase32: string, nip: string): string {
  return totp(rahasiaBase32, nip).toString();
}

/** `JBSWY3DPEHPK3PXP…` → groups of four, as apps ask for it when typed by hand. */
export function formatRahasia(rahasiaBase32: string): string {
  return rahasiaBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The RFC 6238 time step of an instant. */
export function langkahWaktu(at: Date): number {
  return TOTP.counter({ period: PERIODE_TOTP, timestamp: at.getTime() });
}

export type HasilKodeTotp = { langkah: number } | 'SALAH' | 'SUDAH_DIPAKAI';

/**
 * Checks a 6-digit code at `at`. A code is accepted once: its time step must come after the last
 * step accepted for this employee (RFC 6238 §5.2), so a code seen over a shoulder cannot be replayed
 * and an older one stops working once a newer one was used.
 */
export function periksaKodeTotp(
  rahasiaBase32: string,
  kode: string,
  at: Date,
  langkahTerakhir: number | null,
): HasilKodeTotp {
  if (!/^\d{6}$/.test(kode)) return 'SALAH';
  const delta = totp(rahasiaBase32).validate({ token: kode, timestamp: at.getTime(), window: JENDELA_TOTP });
  if (delta === null) return 'SALAH';
  const langkah = langkahWaktu(at) + delta;
  return langkahTerakhir !== null && langkah <= langkahTerakhir ? 'SUDAH_DIPAKAI' : { langkah };
}

export const JUMLAH_KODE_PEMULIHAN = 10;
/** 12 characters of the 31-letter hand-typing alphabet: about 59 bits each. */
export const PANJANG_KODE_PEMULIHAN = 12;

/** A recovery code from random bytes (the caller supplies crypto randomness), printed `XXXX-XXXX-XXXX`. */
export function kodePemulihanDariAcak(acak: Uint8Array): string {
  return kodeDariAcak(acak, PANJANG_KODE_PEMULIHAN).replace(/(.{4})(?=.)/g, '$1-');
}

/** A recovery code as stored (hashed) and compared: case, spaces and dashes do not matter. */
export function normalisasiKodePemulihan(input: string): string | null {
  return normalisasiKode(input, PANJANG_KODE_PEMULIHAN);
}

/** What was typed at the code step: an authenticator code, a recovery code (normalised), or neither. */
export function jenisKodeMasuk(
  input: string,
): { jenis: 'TOTP'; kode: string } | { jenis: 'PEMULIHAN'; kode: string } | null {
  const rapat = input.replace(/\s/g, '');
  if (/^\d{6}$/.test(rapat)) return { jenis: 'TOTP', kode: rapat };
  const kode = normalisasiKodePemulihan(input);
  return kode ? { jenis: 'PEMULIHAN', kode } : null;
}

/** How long the code step after a correct password stays open, and how many codes it accepts. */
export const TANTANGAN_MENIT = 5;
export const PERCOBAAN_KODE_MAKS = 5;
