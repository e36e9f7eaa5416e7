/** Number fields of the TPP parameters: an empty field reads 0; percentages 0–100, two decimals. */
export const angka = (v: number | string) => (v === '' ? 0 : Number(v));
export const RIBUAN = { thousandSeparator: '.', decimalSeparator: ',' } as const;
/** A percentage field: 0–100 with two decimals, Indonesian comma. */
export const PERSEN = { min: 0, max: 100, decimalScale: 2, decimalSeparator: ',' } as const;
