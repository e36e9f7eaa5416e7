/**
 * Where an import is (ADR 0011): the file going up, counted in percent by the browser, then the
 * server reading it (the rows a dry run counted), or a commit applied as a job, rows applied so far.
 */
export type KemajuanImpor =
  | { tahap: 'unggah'; persen: number }
  | { tahap: 'proses'; baris: number | null }
  | { tahap: 'latar'; selesai: number; total: number | null };

/** Whole percent sent, never 100 before the last byte; 0 while the size is unknown. */
export function persenUnggah(terkirim: number, ukuran: number): number {
  if (ukuran <= 0) return 0;
  if (terkirim >= ukuran) return 100;
  return Math.min(99, Math.floor((terkirim / ukuran) * 100));
}

/** The bar's value: percent sent, rows applied, or full (striped) while the server reads. */
export function persenImpor(k: KemajuanImpor): number {
  if (k.tahap === 'unggah') return k.persen;
  if (k.tahap === 'latar' && k.total) return Math.min(99, Math.floor((k.selesai / k.total) * 100));
  return 100;
}

const angka = (n: number) => n.toLocaleString('id-ID');

export function teksKemajuanImpor(k: KemajuanImpor): string {
  if (k.tahap === 'unggah') return `Mengunggah berkas… ${k.persen} %`;
  if (k.tahap === 'latar')
    return (
      (k.total === null
        ? 'Menerapkan berkas…'
        : `Diterapkan ${angka(k.selesai)} dari ${angka(k.total)} baris…`) +
      ' Anda boleh meninggalkan halaman ini; kemajuannya tampil di panel Pekerjaan.'
    );
  return k.baris === null ? 'Memproses berkas…' : `Memproses ${angka(k.baris)} baris…`;
}
