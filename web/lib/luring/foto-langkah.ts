/**
 * The size steps of a camera photo before it is queued (pure, so it is unit-tested): a phone photo of
 * 4–12 MB becomes a JPEG the server accepts (≤ 2 MB, BERKAS_MAKS_BYTE). The longest side starts at
 * 2048 px (enough to read a document or a name board), each size tries falling JPEG qualities, then
 * the size shrinks by a quarter; the last step is small enough for any photo to fit.
 */
export const FOTO_SISI_AWAL = 2048;
export const FOTO_SISI_MIN = 640;
export const FOTO_KUALITAS = [0.85, 0.75, 0.65, 0.55] as const;

export interface LangkahFoto {
  lebar: number;
  tinggi: number;
  kualitas: number;
}

/** Every attempt in order, largest first; never larger than the original. */
export function langkahFoto(lebar: number, tinggi: number): LangkahFoto[] {
  if (!(lebar > 0 && tinggi > 0)) return [];
  const langkah: LangkahFoto[] = [];
  let sisi = Math.min(FOTO_SISI_AWAL, Math.max(lebar, tinggi));
  for (;;) {
    const skala = sisi / Math.max(lebar, tinggi);
    const ukuran = {
      lebar: Math.max(1, Math.round(lebar * skala)),
      tinggi: Math.max(1, Math.round(tinggi * skala)),
    };
    for (const kualitas of FOTO_KUALITAS) langkah.push({ ...ukuran, kualitas });
    if (sisi <= FOTO_SISI_MIN) return langkah;
    sisi = Math.max(FOTO_SISI_MIN, Math.round(sisi * 0.75));
  }
}

/** Whether a file can go as it is: small enough and of a type the server takes for a photo. */
export function fotoLayakApaAdanya(ukuran: number, tipe: string, maks: number): boolean {
  return ukuran <= maks && (tipe === 'image/jpeg' || tipe === 'image/png');
}
