/**
 * A number typed as text the Indonesian way (the imports and the realisasi form): `1.500` is fifteen
 * hundred, `60,5` is sixty and a half. A lone dot not followed by exactly three digits (`60.5`, as
 * Excel and phone keypads give a decimal) is a decimal point. Spaces are ignored. Null when the text
 * is not such a number (negative ones included).
 */
export function parseAngka(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return null;
}

const PERSEN = [0, 1, 2].map((d) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: d }));

/**
 * The one way a percentage is written (charts, tables, PDF texts): Indonesian decimal comma and a
 * space before the sign, "46,8 %"; at most `desimal` decimals (1 unless a rule needs hundredths, as
 * the TPP deductions do); "–" for a figure that does not exist (nothing to divide by).
 */
export function formatPersen(n: number | null, desimal: 0 | 1 | 2 = 1): string {
  return n === null ? '–' : `${PERSEN[desimal]!.format(n)} %`;
}
