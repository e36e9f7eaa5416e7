/**
 * The place of signing printed beside each date on a document ("Gorontalo, 31 Januari 2027").
 * An instansi may set it; otherwise it is the region in the instansi's name, which for a province or
 * a city is also where its government sits.
 */
const AWALAN = /^(pemerintah\s+)?(provinsi|kabupaten|kab\.|kota)\s+/i;

export function tempatDariNamaInstansi(nama: string): string {
  return nama.trim().replace(AWALAN, '');
}
