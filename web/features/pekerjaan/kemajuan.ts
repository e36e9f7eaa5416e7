/** How a job's progress reads in the tray: percent, "1.234 dari 10.000 pegawai", or why it failed. */
import type { JenisPekerjaan, PekerjaanOut } from '../../../src/contracts/pekerjaan';

/** What each kind of job counts. */
const SATUAN: Record<JenisPekerjaan, string> = {
  TPP_HITUNG: 'pegawai',
  DOKUMEN_ZIP: 'pegawai',
  EKSPOR: 'baris',
  IMPOR: 'baris',
};

const angka = (n: number) => n.toLocaleString('id-ID');

type Kemajuan = Pick<PekerjaanOut, 'jenis' | 'judul' | 'status' | 'total' | 'selesai' | 'pesan'>;

/** Whole percent done, never 100 before it ended; null while the total is unknown. */
export function persenPekerjaan(p: Kemajuan): number | null {
  if (p.status === 'SELESAI') return 100;
  if (p.total === null) return null;
  if (p.total === 0) return 0;
  return Math.min(99, Math.floor((p.selesai / p.total) * 100));
}

export function teksKemajuan(p: Kemajuan): string {
  const satuan = SATUAN[p.jenis];
  if (p.status === 'GAGAL') return `Gagal: ${p.pesan ?? 'sebabnya tidak diketahui.'}`;
  if (p.status === 'SELESAI') return `Selesai: ${angka(p.total ?? p.selesai)} ${satuan}.`;
  if (p.total === null) return p.pesan ?? 'Menyiapkan…';
  return `${angka(p.selesai)} dari ${angka(p.total)} ${satuan} (${persenPekerjaan(p)} %)`;
}

/** What the live region says when a job the user watched has ended. */
export function pengumumanAkhir(p: Kemajuan): string {
  return p.status === 'SELESAI' ? `${p.judul} selesai.` : `${p.judul} gagal. ${p.pesan ?? ''}`.trim();
}

/**
 * How soon the tray asks again: every second while a job is young (most end within seconds), then
 * every four (a long job on a phone's poor connection); never when nothing runs.
 */
export function selangTanya(items: Pick<PekerjaanOut, 'status' | 'mulaiAt'>[], now: number): number | false {
  const berjalan = items.filter((p) => p.status === 'BERJALAN');
  if (berjalan.length === 0) return false;
  const termuda = Math.max(...berjalan.map((p) => Date.parse(p.mulaiAt)));
  return now - termuda < 15_000 ? 1000 : 4000;
}
