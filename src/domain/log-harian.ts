/**
 * The optional daily log, "progress harian" (SPEC §5.2): what makes one entry valid, and how a month's
 * entries of one RHK sum into its realisasi.
 */
import { satuanKunci } from './cascading.js';
import { labelPeriode, NAMA_BULAN, type Periode } from './jadwal.js';

export interface LogHarian {
  /** 'YYYY-MM-DD', a calendar date of the instansi. */
  tanggal: string;
  /** 'HH:MM', 24-hour. */
  jamMulai: string;
  jamSelesai: string;
  kegiatan: string;
  kuantitas: number;
  satuan: string;
  /** Link to the evidence; optional per entry (the monthly realisasi carries the required bukti dukung). */
  buktiDukung: string | null;
}

const TANGGAL = /^(\d{4})-(\d{2})-(\d{2})$/;
const JAM = /^([01]\d|2[0-3]):[0-5]\d$/;

function parseTanggal(tanggal: string) {
  const m = TANGGAL.exec(tanggal);
  if (!m) return null;
  const [tahun, bulan, hari] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(tahun, bulan - 1, hari));
  return d.getUTCMonth() === bulan - 1 && d.getUTCDate() === hari ? { tahun, bulan, hari } : null;
}

function isHttpLink(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** What is wrong with one entry; empty when it may be saved. `periode` is the realisasi's period. */
export function checkLogHarian(entry: LogHarian, periode: Periode): string[] {
  const found: string[] = [];
  const tanggal = parseTanggal(entry.tanggal);
  if (!tanggal) {
    found.push('Tanggal tidak valid (format TTTT-BB-HH).');
  } else if (entry.tanggal.slice(0, 7) < periode.mulai || entry.tanggal.slice(0, 7) > periode.akhir) {
    const nama = `${tanggal.hari} ${NAMA_BULAN[tanggal.bulan - 1]} ${tanggal.tahun}`;
    found.push(`Tanggal ${nama} berada di luar periode ${labelPeriode(periode)}.`);
  }
  const jamValid = [entry.jamMulai, entry.jamSelesai].map((j) => JAM.test(j));
  if (!jamValid[0]) found.push('Jam mulai tidak valid (format JJ:MM, mis. 08:00).');
  if (!jamValid[1]) found.push('Jam selesai tidak valid (format JJ:MM, mis. 16:00).');
  if (jamValid[0] && jamValid[1] && entry.jamSelesai <= entry.jamMulai) {
    found.push('Jam selesai harus setelah jam mulai.');
  }
  if (!entry.kegiatan.trim()) found.push('Uraian kegiatan wajib diisi.');
  if (!Number.isSafeInteger(entry.kuantitas) || entry.kuantitas < 0) {
    found.push('Kuantitas harus bilangan bulat, nol atau lebih.');
  }
  if (!entry.satuan.trim()) found.push('Satuan wajib diisi.');
  if (entry.buktiDukung?.trim() && !isHttpLink(entry.buktiDukung.trim())) {
    found.push('Tautan bukti dukung harus berupa alamat web (http atau https).');
  }
  return found;
}

/**
 * The month's quantities per unit, from one RHK's entries of that month: units match as in the
 * cascade ("Dokumen " = "dokumen"), each shown as first written, in order of first appearance.
 */
export function jumlahkanLog(
  entries: readonly Pick<LogHarian, 'kuantitas' | 'satuan'>[],
): { satuan: string; kuantitas: number }[] {
  const byKey = new Map<string, { satuan: string; kuantitas: number }>();
  for (const e of entries) {
    const key = satuanKunci({ nilai: null, nilaiMaks: null, satuan: e.satuan, teks: null });
    const total = byKey.get(key);
    if (total) total.kuantitas += e.kuantitas;
    else byKey.set(key, { satuan: e.satuan.trim(), kuantitas: e.kuantitas });
  }
  return [...byKey.values()];
}
