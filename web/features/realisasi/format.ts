/** How realisasi values read and are typed on screen: Indonesian numbers, sizes, dates, periods. */
import { BERKAS_MAKS_BYTE, BERKAS_MIME } from '../../../src/contracts/realisasi';
import { parseAngka } from '../../../src/domain/angka';
import {
  type JenisPeriode,
  labelPeriode,
  NAMA_BULAN,
  periodeOf,
  semuaPeriode,
} from '../../../src/domain/jadwal';

export type HasilAngka = { ok: true; nilai: number | null } | { ok: false; pesan: string };

/** The realisasi form's number field: empty is no value; otherwise an Indonesian number (domain/angka). */
export function periksaAngka(teks: string): HasilAngka {
  if (teks.trim() === '') return { ok: true, nilai: null };
  if (teks.trim().startsWith('-')) return { ok: false, pesan: 'Nilai realisasi tidak boleh negatif.' };
  const nilai = parseAngka(teks);
  return nilai === null
    ? { ok: false, pesan: 'Nilai harus berupa angka, mis. 12 atau 12,5.' }
    : { ok: true, nilai };
}

/** The inverse of periksaAngka: '1.234,5'; null reads as empty. */
export function formatAngka(n: number | null): string {
  return n === null ? '' : n.toLocaleString('id-ID', { maximumFractionDigits: 4 });
}

/** 'Utama 2', 'Tambahan 1': RHKs are numbered within their kind, as the plan numbers them. */
export function nomorRhk(items: readonly { rhk: { jenis: string } }[], i: number): number {
  const jenis = items[i]!.rhk.jenis;
  return items.slice(0, i + 1).filter((x) => x.rhk.jenis === jenis).length;
}

/** A value with its unit, or a dash. */
export const formatNilai = (n: number | null, satuan: string | null) =>
  n === null ? '—' : [formatAngka(n), satuan].filter(Boolean).join(' ');

export function formatUkuran(byte: number): string {
  if (byte < 1024) return `${byte} B`;
  const kb = byte / 1024;
  if (kb < 1024) return `${kb.toLocaleString('id-ID', { maximumFractionDigits: 1 })} KB`;
  return `${(kb / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}

const MB = (BERKAS_MAKS_BYTE / (1024 * 1024)).toLocaleString('id-ID');

/**
 * What the browser can tell before uploading: the size, and the declared type when there is one.
 * The server checks the content itself.
 */
export function periksaBerkas(f: { size: number; type: string }): string | null {
  if (f.size > BERKAS_MAKS_BYTE) return `Berkas terlalu besar; ukuran berkas paling besar ${MB} MB.`;
  if (f.size === 0) return 'Berkas kosong.';
  if (f.type && !(BERKAS_MIME as readonly string[]).includes(f.type))
    return 'Jenis berkas tidak didukung. Bukti dukung harus berupa PDF, PNG atau JPEG.';
  return null;
}

/** Two local dates 'YYYY-MM-DD' as one span: '1–7 Agustus 2026', '28 Februari – 3 Maret 2026'. */
export function formatRentangTanggal(mulai: string, akhir: string): string {
  const [y1, m1, d1] = mulai.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = akhir.split('-').map(Number) as [number, number, number];
  const bulan = (m: number) => NAMA_BULAN[m - 1];
  if (y1 === y2 && m1 === m2)
    return d1 === d2 ? `${d1} ${bulan(m1)} ${y1}` : `${d1}–${d2} ${bulan(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${bulan(m1)} – ${d2} ${bulan(m2)} ${y2}`;
  return `${d1} ${bulan(m1)} ${y1} – ${d2} ${bulan(m2)} ${y2}`;
}

/**
 * The periods the picker offers, newest first: from the running period back through the previous
 * year, by the instansi's kind of period. `bulanBerjalan` is a month (YYYY-MM) of the running period.
 */
export function pilihanPeriode(
  bulanBerjalan: string,
  jenis: JenisPeriode,
): { value: string; label: string }[] {
  const cfg = { periode: jenis };
  const berjalan = periodeOf(bulanBerjalan, cfg);
  return [berjalan.tahun, berjalan.tahun - 1]
    .flatMap((tahun) => semuaPeriode(tahun, cfg).reverse())
    .filter((p) => p.mulai <= berjalan.mulai)
    .map((p) => ({ value: p.kode, label: labelPeriode(p) }));
}
