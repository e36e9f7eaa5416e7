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

/** A quantity above this is a typing slip, not a day's work (and keeps every sum an exact integer). */
export const KUANTITAS_MAKS = 1_000_000;
/** Entries per realisasi: a few a day over a quarter, so the list is read whole. */
export const LOG_MAKS_ENTRI = 500;

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
  } else if (entry.kuantitas > KUANTITAS_MAKS) {
    found.push(`Kuantitas paling banyak ${KUANTITAS_MAKS.toLocaleString('id-ID')}.`);
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

const kunci = (satuan: string) => satuanKunci({ nilai: null, nilaiMaks: null, satuan, teks: null });

export interface NilaiLog {
  /** The realisasi's value: the sum in its unit; null when the log is empty. */
  nilai: number | null;
  satuan: string | null;
  /** Every unit's sum, the counted one marked. */
  perSatuan: { satuan: string; kuantitas: number; dihitung: boolean }[];
}

/**
 * The realisasi a month's log gives (SPEC §5.2: the log sums into the realisasi). A number means
 * nothing across units, so one unit counts: the realisasi's own when an entry uses it (the employee
 * chose it), else the unit of the entry recorded first. Entries in other units stay as a record of
 * the work but are not added. An empty log gives no value: the sum came from entries that are gone.
 * `entries` in recorded order (or their per-unit totals in order of first entry).
 */
export function nilaiDariLog(
  entries: readonly Pick<LogHarian, 'kuantitas' | 'satuan'>[],
  satuanRealisasi: string | null,
): NilaiLog {
  const totals = jumlahkanLog(entries);
  const milik = satuanRealisasi?.trim() ? kunci(satuanRealisasi) : null;
  const utama = totals.find((t) => kunci(t.satuan) === milik) ?? totals[0];
  if (!utama) return { nilai: null, satuan: satuanRealisasi, perSatuan: [] };
  return {
    nilai: utama.kuantitas,
    // The realisasi's spelling stays when it names the counted unit.
    satuan: kunci(utama.satuan) === milik ? satuanRealisasi!.trim() : utama.satuan,
    perSatuan: totals.map((t) => ({ ...t, dihitung: t === utama })),
  };
}

/** The log of a realisasi in short, from per-unit totals: how many entries, each unit's sum, which counts. */
export function ringkasanLog(
  totals: readonly { jumlah: number; kuantitas: number; satuan: string }[],
  satuanRealisasi: string | null,
): { jumlahEntri: number; perSatuan: NilaiLog['perSatuan'] } {
  return {
    jumlahEntri: totals.reduce((n, t) => n + t.jumlah, 0),
    perSatuan: nilaiDariLog(totals, satuanRealisasi).perSatuan,
  };
}
