/**
 * Verification codes of printed documents (SPEC §8): short, unguessable, typed by hand from a print.
 * Crockford-like base32 without the letters read as digits (I, L, O) and without 0/1, so a code read
 * aloud or retyped cannot be confused; printed in two groups of five.
 */
export const ALFABET_KODE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 10 characters of a 31-letter alphabet: about 49 bits, beyond guessing at a rate-limited endpoint. */
export const PANJANG_KODE = 10;

/**
 * A code from random bytes (one byte per character; the caller supplies crypto randomness). Other
 * hand-typed codes (MFA recovery codes) use the same alphabet at their own length.
 */
export function kodeDariAcak(acak: Uint8Array, panjang = PANJANG_KODE): string {
  if (acak.length < panjang) throw new Error(`kodeDariAcak needs ${panjang} bytes`);
  let kode = '';
  // 256 is not a multiple of 31: the slight bias of the modulo costs well under a bit of entropy.
  for (let i = 0; i < panjang; i++) kode += ALFABET_KODE[acak[i]! % ALFABET_KODE.length];
  return kode;
}

/** `ABCDE23456` → `ABCDE-23456`. */
export function formatKode(kode: string): string {
  return `${kode.slice(0, 5)}-${kode.slice(5)}`;
}

/**
 * What a person typed → the stored code, or null when it cannot be one. Case, spaces and dashes do
 * not matter.
 */
export function normalisasiKode(input: string, panjang = PANJANG_KODE): string | null {
  const kode = input.toUpperCase().replace(/[\s-]/g, '');
  if (kode.length !== panjang) return null;
  return [...kode].every((c) => ALFABET_KODE.includes(c)) ? kode : null;
}

/**
 * Why what a person typed is no verification code, in words that match the rule: the wrong length,
 * or characters the codes never use (0, 1, I, L, O read alike). Null when it is a well-formed code.
 */
export function masalahKode(input: string): string | null {
  const kode = input.toUpperCase().replace(/[\s-]/g, '');
  if (kode.length !== PANJANG_KODE) {
    return `Kode verifikasi terdiri dari ${PANJANG_KODE} huruf dan angka, mis. ABCDE-23456; yang diisi ${kode.length} karakter.`;
  }
  const asing = [...new Set(kode)].filter((c) => !ALFABET_KODE.includes(c));
  if (asing.length === 0) return null;
  return `Kode verifikasi tidak memakai ${asing.join(', ')}: hanya huruf A–Z tanpa I, L, O dan angka 2–9 (angka 0 dan 1 tidak dipakai). Periksa lagi cetakannya.`;
}

/** A NIP shown in public: the first six and the last three digits, the rest hidden. */
export function samarkanNip(nip: string): string {
  const digits = nip.replace(/\D/g, '');
  if (digits.length < 10) return '*'.repeat(digits.length);
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 9)}${digits.slice(-3)}`;
}
