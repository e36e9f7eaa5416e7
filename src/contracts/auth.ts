import { z } from 'zod';
import { PERAN } from '../domain/jabatan.js';
import { Alasan, teks } from './common.js';

export const LoginBody = z.object({
  nip: teks().trim().min(1, 'NIP wajib diisi.').max(30),
  password: teks().min(1, 'Kata sandi wajib diisi.').max(200),
});

/** Length here; how guessable it is (common passwords, Indonesian words, the own name) on the server. */
export const Password = teks().min(10, 'Kata sandi minimal 10 karakter.').max(200);

export const ChangePasswordBody = z.object({
  passwordLama: teks().min(1, 'Kata sandi lama wajib diisi.').max(200),
  passwordBaru: Password,
});

export const Role = z.object({ peran: z.enum(PERAN), opdId: z.number().nullable() });

export const SessionUser = z.object({
  id: z.number(),
  nip: z.string(),
  namaLengkap: z.string(),
  instansiId: z.number(),
  roles: z.array(Role),
  mustChangePassword: z.boolean(),
  /** The instansi requires an authenticator code of this account and none is enrolled yet. */
  mustEnrolMfa: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginSesi = z.object({ user: SessionUser, csrfToken: z.string() });
/** An enrolled account: no session yet; send a code with this challenge to POST /api/auth/login/kode. */
export const LoginTantangan = z.object({ mfa: z.object({ tantangan: z.string() }) });
export const LoginResponse = z.union([LoginSesi, LoginTantangan]);
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A reason is owed when the target is a BKD admin too; it goes to the audit row. */
export const ResetBody = z.object({ alasan: Alasan.optional() }).default({});

export const ResetPasswordResponse = z.object({
  passwordSementara: z.string(),
});
