/** Fitting names into chart axes. */

/**
 * A glyph of the UI's sans-serif font is on average narrower than 0.6 em, even in names with capitals
 * (RSUD, OPD); cutting by this width keeps one name inside the axis it is given.
 */
const LEBAR_HURUF_EM = 0.6;

/**
 * A name cut to one line of `lebar` pixels at `ukuranHuruf`, with "…" when shortened: a label never
 * wraps into its neighbour's row nor runs under the bars. The full name goes in a tooltip and the
 * chart's accessible text.
 */
export function potongLabel(nama: string, lebar: number, ukuranHuruf: number): string {
  const maks = Math.max(4, Math.floor(lebar / (ukuranHuruf * LEBAR_HURUF_EM)));
  return nama.length <= maks ? nama : `${nama.slice(0, maks - 1).trimEnd()}…`;
}
