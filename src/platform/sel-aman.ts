/**
 * Spreadsheet cells that a user typed must never become formulas (CSV/formula injection): text
 * starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before one) is
 * written with a leading apostrophe, as OWASP advises; the imports take that apostrophe off again,
 * so a downloaded template read back gives the text as it was.
 */
const PEMICU = /^[=+\-@\t\r]/;

/** A lone "-" (the exports' "nothing here") cannot start a formula. */
const perluDiamankan = (teks: string) => teks.length > 1 && PEMICU.test(teks);

export function selAman(teks: string): string {
  return perluDiamankan(teks) ? `'${teks}` : teks;
}

export function bukaSelAman(teks: string): string {
  return teks.startsWith("'") && perluDiamankan(teks.slice(1)) ? teks.slice(1) : teks;
}

/** A record's text values made safe; numbers, dates and nulls stay as they are. */
export function barisAman<T extends Record<string, unknown>>(baris: T): T {
  const aman: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(baris)) aman[k] = typeof v === 'string' ? selAman(v) : v;
  return aman as T;
}
