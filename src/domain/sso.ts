/**
 * Single sign-on (OpenID Connect, issue 15 part 4) as rules: which address may be an issuer, how
 * the NIP is read from the provider's claims, when the provider's own second factor stands for ours,
 * and for whom the password login is turned off. The protocol itself is openid-client's, in the auth
 * module (ADR 0014).
 */
import { berlakuBagiKelompok, type KelompokMfa } from './mfa.js';
import { normalizeNip } from './nip.js';

/** Per role group: is the password login turned off (only SSO) while SSO is active? */
export type KataSandiNonaktif = Record<KelompokMfa, boolean>;
export const KATA_SANDI_NONAKTIF_BAWAAN: KataSandiNonaktif = { admin: false, penilai: false, lainnya: false };

/** The claim most Indonesian identity providers (and the national SSO) use for the NIP. */
export const KLAIM_NIP_BAWAAN = 'nip';

/** Loopback hosts may speak plain http: a provider on the same machine, in development and tests. */
const HOST_LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why an issuer URL cannot be used, or null. Anything but loopback must be https. */
export function masalahPenerbit(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Alamat penerbit (issuer) bukan URL yang valid, mis. https://sso.gorontaloprov.go.id/realms/asn.';
  }
  if (u.search || u.hash) return 'Alamat penerbit (issuer) tidak boleh memuat ? atau #.';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && HOST_LOOPBACK.has(u.hostname)) return null;
  return 'Alamat penerbit (issuer) harus memakai https.';
}

/** Whether plain http is allowed towards this issuer (loopback only, see `masalahPenerbit`). */
export function penerbitLoopback(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && HOST_LOOPBACK.has(u.hostname);
}

/** The NIP in the provider's claims (a string or a number, spaces ignored), or null when absent or not 18 digits. */
export function nipDariKlaim(klaim: Record<string, unknown>, namaKlaim: string): string | null {
  const nilai = klaim[namaKlaim];
  if (typeof nilai !== 'string' && typeof nilai !== 'number') return null;
  const nip = normalizeNip(String(nilai));
  return /^\d{18}$/.test(nip) ? nip : null;
}

/**
 * RFC 8176 methods that are a factor beside the password: a one-time code, a hardware or software
 * key, a smart card, SMS or a phone call, proof of possession, or the provider's own "mfa".
 */
export const AMR_FAKTOR_KEDUA = ['mfa', 'otp', 'hwk', 'swk', 'sc', 'sms', 'tel', 'pop'] as const;

/**
 * Whether the provider says it checked a second factor (`amr` of the ID token). Then our own
 * authenticator code is not asked again; otherwise SSO counts as a password login (ADR 0014).
 */
export function amrFaktorKedua(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((m) => (AMR_FAKTOR_KEDUA as readonly unknown[]).includes(m));
}

/** Whether the password login is refused to this employee: any group he belongs to where it is off. */
export function isKataSandiNonaktif(
  nonaktif: KataSandiNonaktif,
  kelompok: { isAdmin: boolean; isPenilai: boolean },
): boolean {
  return berlakuBagiKelompok(nonaktif, kelompok);
}

/** The path the provider sends the browser back to (register `<PUBLIC_URL>` + this at the provider). */
export const JALUR_KEMBALI_SSO = '/masuk/sso';
/** Where the provider sends the browser after its own logout. */
export const JALUR_SETELAH_KELUAR_SSO = '/masuk';
