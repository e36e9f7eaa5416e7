/**
 * Where an import request is (ADR 0011): the file going up, counted in percent by the browser, then
 * the server reading it (the rows a dry run counted when the commit follows one).
 */
export type KemajuanImpor = { tahap: 'unggah'; persen: number } | { tahap: 'proses'; baris: number | null };

/** Whole percent sent, never 100 before the last byte; 0 while the size is unknown. */
export function persenUnggah(terkirim: number, ukuran: number): number {
  if (ukuran <= 0) return 0;
  if (terkirim >= ukuran) return 100;
  return Math.min(99, Math.floor((terkirim / ukuran) * 100));
}

export function teksKemajuanImpor(k: KemajuanImpor): string {
  if (k.tahap === 'unggah') return `Mengunggah berkas… ${k.persen} %`;
  return k.baris === null ? 'Memproses berkas…' : `Memproses ${k.baris.toLocaleString('id-ID')} baris…`;
}
