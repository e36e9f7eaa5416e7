/** Authenticator codes (enrolment, the code step of login, admin reset), the BKD's policy, active sessions. */
import { z } from 'zod';
import { ATURAN_MFA, masalahKebijakanMfa } from '../domain/mfa.js';
import { Alasan, teks } from './common.js';

const AturanMfa = z.enum(ATURAN_MFA, { error: 'Aturan kode autentikator harus WAJIB atau OPSIONAL.' });

/** Per role group: must an employee enter an authenticator code after the password? */
export const KebijakanMfa = z
  .object({ admin: AturanMfa, penilai: AturanMfa, lainnya: AturanMfa })
  .superRefine((k, ctx) => {
    const masalah = masalahKebijakanMfa(k);
    if (masalah) ctx.addIssue({ code: 'custom', path: ['lainnya'], message: masalah });
  });

/** The account's state, for the UI (part of GET /api/me). */
export const MfaStatus = z.object({
  /** An authenticator app is confirmed: login asks for a code after the password. */
  isEnrolled: z.boolean(),
  /** The instansi's policy requires a code of this employee. */
  isRequired: z.boolean(),
  /** This session opens only the own-account pages until enrolment is confirmed. */
  mustEnrol: z.boolean(),
  kodePemulihanSisa: z.number().int(),
});
export type MfaStatus = z.infer<typeof MfaStatus>;

const KodeTotp = teks()
  .trim()
  .regex(/^\d{6}$/, 'Kode autentikator terdiri atas 6 angka.');

export const MulaiDaftarMfaResponse = z.object({
  /** The otpauth:// URI as a PNG data URL, for the app to scan. */
  qr: z.string(),
  /** The same secret in base32, grouped by four, for typing into the app by hand. */
  rahasia: z.string(),
  /** Opens the authenticator app directly on a phone. */
  uri: z.string(),
});

export const KonfirmasiMfaBody = z.object({ kode: KodeTotp });

/** Shown once: only their hashes are kept. */
export const KodePemulihanResponse = z.object({ kodePemulihan: z.array(z.string()) });

/** The second step of login: the challenge from the password step and a TOTP or recovery code. */
export const LoginKodeBody = z.object({
  tantangan: teks().min(1).max(100),
  kode: teks().trim().min(1, 'Kode wajib diisi.').max(30),
});

export const ResetMfaBody = z.object({ alasan: Alasan });

export const SesiAktif = z.object({
  id: z.string(),
  dibuatAt: z.string(),
  kedaluwarsaAt: z.string(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  isSesiIni: z.boolean(),
});
export const SesiAktifList = z.object({ items: z.array(SesiAktif) });
export type SesiAktif = z.infer<typeof SesiAktif>;

export const SesiParams = z.object({ id: teks().regex(/^[0-9a-f]{64}$/, 'Sesi tidak dikenal.') });
