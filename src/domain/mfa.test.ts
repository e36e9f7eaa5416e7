import { describe, expect, it } from 'vitest';
import {
  formatRahasia,
  isMfaWajib,
  jenisKodeMasuk,
  KEBIJAKAN_MFA_BAWAAN,
  KEBIJAKAN_MFA_OPSIONAL,
  kodePemulihanDariAcak,
  langkahWaktu,
  masalahKebijakanMfa,
  periksaKodeTotp,
  uriOtpauth,
} from './mfa.js';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", here in base32.
const RFC_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('periksaKodeTotp (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  // RFC 6238 appendix B, T = 59 s → 94287082; the last six digits are what a 6-digit app shows.
  const at = new Date(59_000);

  it.each([
    ['287082', new Date(59_000), 1],
    // 1111111109 s → 07081804, 1234567890 s → 89005924 (RFC vectors, last six digits).
    ['081804', new Date(1_111_111_109_000), 37_037_036],
    ['005924', new Date(1_234_567_890_000), 41_152_263],
  ])('accepts the RFC vector %s at its own step', (kode, when, langkah) => {
    expect(periksaKodeTotp(RFC_SEED, kode, when, null)).toEqual({ langkah });
  });

  it('accepts one step either side and nothing further', () => {
    expect(periksaKodeTotp(RFC_SEED, '287082', new Date(59_000 + 30_000), null)).toEqual({ langkah: 1 });
    expect(periksaKodeTotp(RFC_SEED, '287082', new Date(59_000 - 30_000), null)).toEqual({ langkah: 1 });
    expect(periksaKodeTotp(RFC_SEED, '287082', new Date(59_000 + 60_000), null)).toBe('SALAH');
  });

  it('refuses a code of a step already used, or of an earlier one', () => {
    expect(periksaKodeTotp(RFC_SEED, '287082', at, 1)).toBe('SUDAH_DIPAKAI');
    expect(periksaKodeTotp(RFC_SEED, '287082', at, 2)).toBe('SUDAH_DIPAKAI');
    expect(periksaKodeTotp(RFC_SEED, '287082', at, 0)).toEqual({ langkah: 1 });
  });

  it('refuses wrong and malformed codes', () => {
    expect(periksaKodeTotp(RFC_SEED, '287083', at, null)).toBe('SALAH');
    expect(periksaKodeTotp(RFC_SEED, '28708', at, null)).toBe('SALAH');
    expect(periksaKodeTotp(RFC_SEED, '28708a', at, null)).toBe('SALAH');
  });

  it('numbers steps from the epoch in 30 s', () => {
    expect(langkahWaktu(new Date(0))).toBe(0);
    expect(langkahWaktu(new Date(29_999))).toBe(0);
    expect(langkahWaktu(new Date(30_000))).toBe(1);
  });
});

describe('enrolment text', () => {
  it('builds the otpauth URI apps read from the QR code', () => {
    const uri = new URL(uriOtpauth(RFC_SEED, '199001012015011001'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/e-Kinerja:199001012015011001');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'e-Kinerja',
      secret: RFC_SEED,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('prints the secret in groups of four', () => {
    expect(formatRahasia('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('recovery codes', () => {
  it('are twelve characters of the hand-typing alphabet in three groups', () => {
    const kode = kodePemulihanDariAcak(Uint8Array.from([0, 1, 30, 31, 255, 62, 100, 200, 7, 8, 9, 10]));
    expect(kode).toBe('23Z2-929G-9ABC');
    expect(() => kodePemulihanDariAcak(new Uint8Array(11))).toThrow();
  });

  it('are told apart from authenticator codes at the code step', () => {
    expect(jenisKodeMasuk(' 123 456 ')).toEqual({ jenis: 'TOTP', kode: '123456' });
    expect(jenisKodeMasuk('abcd-efgh-jk23')).toEqual({ jenis: 'PEMULIHAN', kode: 'ABCDEFGHJK23' });
    expect(jenisKodeMasuk('ABCD EFGH JK23')).toEqual({ jenis: 'PEMULIHAN', kode: 'ABCDEFGHJK23' });
    expect(jenisKodeMasuk('12345')).toBeNull();
    expect(jenisKodeMasuk('ABCD-EFGH-JK2O')).toBeNull();
  });
});

describe('policy', () => {
  const semua = [
    { isAdmin: true, isPenilai: false },
    { isAdmin: false, isPenilai: true },
    { isAdmin: true, isPenilai: true },
    { isAdmin: false, isPenilai: false },
  ];

  it('by default requires codes of admins and assessors, not of the others', () => {
    expect(semua.map((p) => isMfaWajib(KEBIJAKAN_MFA_BAWAAN, p))).toEqual([true, true, true, false]);
    expect(semua.map((p) => isMfaWajib(KEBIJAKAN_MFA_OPSIONAL, p))).toEqual([false, false, false, false]);
  });

  it('requires a code when any group the employee belongs to requires it', () => {
    const k = { admin: 'OPSIONAL', penilai: 'WAJIB', lainnya: 'OPSIONAL' } as const;
    expect(semua.map((p) => isMfaWajib(k, p))).toEqual([false, true, true, false]);
  });

  it('refuses a policy stricter for ordinary staff than for admins and assessors', () => {
    expect(masalahKebijakanMfa(KEBIJAKAN_MFA_BAWAAN)).toBeNull();
    expect(masalahKebijakanMfa({ admin: 'WAJIB', penilai: 'WAJIB', lainnya: 'WAJIB' })).toBeNull();
    expect(masalahKebijakanMfa({ admin: 'OPSIONAL', penilai: 'WAJIB', lainnya: 'WAJIB' })).toMatch(/admin/);
    expect(masalahKebijakanMfa({ admin: 'WAJIB', penilai: 'OPSIONAL', lainnya: 'WAJIB' })).toMatch(/penilai/);
  });
});
