/**
 * A camera photo made small enough to upload (≤ 2 MB): decoded with createImageBitmap (which also
 * applies the EXIF rotation), drawn at each step of `langkahFoto` and encoded as JPEG until it fits.
 */
import { BERKAS_MAKS_BYTE } from '../../../src/contracts/realisasi';
import { fotoLayakApaAdanya, langkahFoto } from './foto-langkah';

async function jpeg(gambar: ImageBitmap, lebar: number, tinggi: number, kualitas: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const kanvas = new OffscreenCanvas(lebar, tinggi);
    kanvas.getContext('2d')!.drawImage(gambar, 0, 0, lebar, tinggi);
    return kanvas.convertToBlob({ type: 'image/jpeg', quality: kualitas });
  }
  const kanvas = document.createElement('canvas');
  kanvas.width = lebar;
  kanvas.height = tinggi;
  kanvas.getContext('2d')!.drawImage(gambar, 0, 0, lebar, tinggi);
  return new Promise((resolve, reject) =>
    kanvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', kualitas),
  );
}

const namaJpeg = (nama: string) => `${nama.replace(/\.[^.]*$/, '') || 'foto'}.jpg`;

/** The photo as it will be uploaded; throws an Indonesian message when it cannot be read or shrunk. */
export async function perkecilFoto(file: File, maks = BERKAS_MAKS_BYTE): Promise<File> {
  if (fotoLayakApaAdanya(file.size, file.type, maks)) return file;
  let gambar: ImageBitmap;
  try {
    gambar = await createImageBitmap(file);
  } catch {
    throw new Error('Foto tidak dapat dibaca. Gunakan foto JPEG atau PNG.');
  }
  try {
    for (const l of langkahFoto(gambar.width, gambar.height)) {
      const hasil = await jpeg(gambar, l.lebar, l.tinggi, l.kualitas);
      if (hasil.size <= maks) return new File([hasil], namaJpeg(file.name), { type: 'image/jpeg' });
    }
  } finally {
    gambar.close();
  }
  throw new Error('Foto tidak dapat diperkecil sampai 2 MB. Ambil foto dengan resolusi lebih rendah.');
}
