/** Single sign-on (OpenID Connect): the BKD's settings, the login start and finish, the logout answer. */
import { z } from 'zod';
import { masalahPenerbit } from '../domain/sso.js';
import { BATAS_INT, Ok, teks } from './common.js';

const Penerbit = teks()
  .trim()
  .min(1, 'Alamat penerbit (issuer) wajib diisi.')
  .max(500)
  .superRefine((u, ctx) => {
    const masalah = masalahPenerbit(u);
    if (masalah) ctx.addIssue({ code: 'custom', message: masalah });
  });

const ClientId = teks().trim().min(1, 'Client ID wajib diisi.').max(200);

const KlaimNip = teks()
  .trim()
  .min(1, 'Nama klaim NIP wajib diisi.')
  .max(100)
  .regex(/^[A-Za-z_][A-Za-z0-9_:./-]*$/, 'Nama klaim NIP hanya huruf, angka, _ : . / dan -, mis. nip.');

/** Per role group (the groups of the authenticator policy): password login off while SSO is active. */
export const KataSandiNonaktif = z.object({ admin: z.boolean(), penilai: z.boolean(), lainnya: z.boolean() });

/** What GET answers: never the client secret, only whether one is stored. */
export const SsoPengaturanOut = z.object({
  aktif: z.boolean(),
  penerbit: z.string().nullable(),
  clientId: z.string().nullable(),
  rahasiaKlienTersimpan: z.boolean(),
  klaimNip: z.string(),
  kataSandiNonaktif: KataSandiNonaktif,
  /** Register these two at the provider: the login's redirect URI and the post-logout redirect URI. */
  redirectUri: z.string(),
  postLogoutRedirectUri: z.string(),
  version: z.number(),
});
export type SsoPengaturanOut = z.infer<typeof SsoPengaturanOut>;

export const SsoPengaturanBody = z
  .object({
    aktif: z.boolean(),
    penerbit: Penerbit,
    clientId: ClientId,
    /** Left out: the stored secret stays. A value replaces it (audited, never echoed). */
    rahasiaKlien: teks().trim().min(1, 'Client secret tidak boleh kosong.').max(500).optional(),
    klaimNip: KlaimNip,
    kataSandiNonaktif: KataSandiNonaktif,
    version: z.number().int().positive().max(BATAS_INT),
  })
  .superRefine((b, ctx) => {
    if (!b.aktif && Object.values(b.kataSandiNonaktif).some(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kataSandiNonaktif'],
        message: 'Masuk dengan kata sandi hanya dapat dinonaktifkan selama SSO aktif.',
      });
    }
  });

/** The login page: the instansi whose SSO is active (usually one). */
export const SsoPenyediaList = z.object({
  items: z.array(z.object({ instansiId: z.number(), namaInstansi: z.string() })),
});

export const SsoMulaiBody = z.object({
  instansiId: z.number().int().positive().max(BATAS_INT),
  /** The page to open after login (a path of this application). */
  kembali: teks()
    .max(500)
    .regex(/^\/(?!\/)/, 'Halaman tujuan harus jalur aplikasi ini.')
    .optional(),
});
/** The provider's authorization URL: the browser goes there. */
export const SsoMulaiResponse = z.object({ url: z.string() });

/** The query string the provider appended to the redirect URI (`?code=…&state=…`, or an error). */
export const SsoSelesaiBody = z.object({ parameter: teks().min(1).max(4000) });

/** `alihkanKe`: the provider's end-session URL, when the session came from SSO and it offers one. */
export const LogoutResponse = Ok.extend({ alihkanKe: z.string().optional() });
export type LogoutResponse = z.infer<typeof LogoutResponse>;
