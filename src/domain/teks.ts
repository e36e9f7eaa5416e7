/**
 * Text the database can keep: PostgreSQL refuses NUL (U+0000) in text and jsonb, and half of a UTF-16
 * surrogate pair is not Unicode at all (jsonb refuses its escape; text would silently get U+FFFD).
 * One rule for every input: the Zod helper `teks()` refuses such text, and inputs that are not typed
 * by a person (file names) are cleaned with the same rule.
 */

// With the u flag a well-formed pair is one code point, so the class matches only lone halves.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character refused here.
const TERLARANG = /[\u0000\uD800-\uDFFF]/u;
const TERLARANG_SEMUA = new RegExp(TERLARANG.source, 'gu');

export const PESAN_TEKS_TERLARANG =
  'Teks memuat karakter yang tidak diperbolehkan (NUL atau karakter Unicode yang tidak utuh).';

export function teksAman(teks: string): boolean {
  return !TERLARANG.test(teks);
}

/** Each forbidden character becomes U+FFFD, the usual mark of a character that could not be read. */
export function bersihkanTeks(teks: string): string {
  return teks.replace(TERLARANG_SEMUA, '\uFFFD');
}

/**
 * A sentence ended with one full stop: a name ending in a title's own stop ("Budi, S.T.") takes no
 * second one, as Indonesian spelling (PUEBI) writes it.
 */
export function akhiriKalimat(teks: string): string {
  return teks.endsWith('.') ? teks : `${teks}.`;
}
