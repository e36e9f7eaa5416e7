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
