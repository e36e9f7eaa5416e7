import { z } from 'zod';
import { PERAN } from '../domain/jabatan.js';
import { teks } from './common.js';

export const LoginBody = z.object({
  nip: teks().trim().min(1, 'NIP wajib diisi.').max(30),
  password: teks().min(1, 'Kata sandi wajib diisi.').max(200),
});

export const Password = teks()
  .min(8, 'Kata sandi minimal 8 karakter.')
  .max(200)
  .regex(/[A-Za-z]/, 'Kata sandi harus memuat huruf.')
  .regex(/\d/, 'Kata sandi harus memuat angka.');

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
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({ user: SessionUser, csrfToken: z.string() });

export const ResetPasswordResponse = z.object({
  passwordSementara: z.string(),
});
