/**
 * Reads the national application's "Laporan Penilaian SKP" as downloaded from it (XLSX, or CSV):
 * title lines, then a header with NIP, Nama, one column per month holding the predikat, and the
 * annual predikat. Pure: no database. The accepted spellings are listed in the ADR and the route.
 */
import { normalizeNip } from '../../domain/nip.js';
import { bacaPredikat, type PredikatPegawai } from '../../domain/predikat.js';
import { AppError } from '../../platform/errors.js';
import {
  normalizeHeader,
  type SpreadsheetLimits,
  type Table,
  type TableRow,
} from '../../platform/spreadsheet.js';

/** A kabupaten's ASN in one file, with room; the report has about 15 short columns. */
export const BATAS_BERKAS_NASIONAL: SpreadsheetLimits = { rows: 20_000, bytes: 32 * 1024 * 1024 };

/** The header is looked for among the first rows: the report starts with title lines. */
const BARIS_JUDUL_MAKS = 10;

const NIP = ['nip', 'nipbaru', 'nippegawai', 'nipnrp', 'nipasn'];
const NAMA = ['nama', 'namapegawai', 'namalengkap', 'namaasn'];
const TAHUNAN = ['tahunan', 'akhir', 'predikattahunan', 'predikatakhir', 'nilaitahunan', 'penilaiantahunan'];
/** Month names and the short forms seen in exports (Indonesian and English), by month number − 1. */
const BULAN: readonly (readonly string[])[] = [
  ['januari', 'jan'],
  ['februari', 'feb', 'pebruari', 'peb'],
  ['maret', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'jun'],
  ['juli', 'jul'],
  ['agustus', 'agu', 'agt', 'ags', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'oct'],
  ['november', 'nov', 'nop'],
  ['desember', 'des', 'dec'],
];
/** Words around a month name in a header ("Predikat Januari 2026", "Bulan Jan"). */
const KATA_PENGANTAR = /^(predikat|penilaian|nilai|kinerja|periode|bulan|hasil)+/;
/** A cell that means "no result for this month". */
const KOSONG = new Set(['', '-', '–', '—', 'belumdinilai', 'belumada', 'tidakada']);

/** One row of the report: the months that hold a readable predikat, and what could not be read. */
export interface BarisNasional {
  baris: number;
  nip: string | null;
  nama: string | null;
  /** Month number (1–12) → predikat. */
  bulan: Map<number, PredikatPegawai>;
  tahunan: PredikatPegawai | null;
  masalah: string[];
}

type Peran = { jenis: 'nip' } | { jenis: 'nama' } | { jenis: 'tahunan' } | { jenis: 'bulan'; bulan: number };

/** What a header cell is, or null for a column the import does not read (No, Jabatan, Unit…). */
export function peranKolom(judul: string): Peran | null {
  const n = normalizeHeader(judul);
  if (NIP.includes(n)) return { jenis: 'nip' };
  if (NAMA.includes(n)) return { jenis: 'nama' };
  if (TAHUNAN.includes(n.replace(/\d+$/, ''))) return { jenis: 'tahunan' };
  const inti = n.replace(KATA_PENGANTAR, '').replace(/\d+$/, '');
  const i = BULAN.findIndex((nama) => nama.includes(inti));
  return i < 0 ? null : { jenis: 'bulan', bulan: i + 1 };
}

/**
 * The header row (the first with an NIP column) and the rows after it. A two-line header (merged
 * "Predikat Bulanan" over the month names) is read as one: each column takes the line that names it.
 */
function cariJudul(table: Table): { judul: TableRow; data: TableRow[] } {
  const semua = [table.header, ...table.rows];
  const i = semua
    .slice(0, BARIS_JUDUL_MAKS)
    .findIndex((r) => r.cells.some((c) => peranKolom(c)?.jenis === 'nip'));
  if (i < 0)
    throw new AppError(
      'VALIDATION_FAILED',
      { kolomHilang: ['NIP'] },
      `Kolom NIP tidak ditemukan pada ${BARIS_JUDUL_MAKS} baris pertama. Unggah Laporan Penilaian SKP ` +
        'dari aplikasi e-Kinerja nasional tanpa diubah susunannya.',
    );
  const [atas, bawah] = [semua[i]!, semua[i + 1]];
  const adaBulan = (r: TableRow) => r.cells.some((c) => peranKolom(c)?.jenis === 'bulan');
  if (adaBulan(atas) || !bawah || !adaBulan(bawah)) return { judul: atas, data: semua.slice(i + 1) };
  const lebar = Math.max(atas.cells.length, bawah.cells.length);
  const cells = Array.from({ length: lebar }, (_, c) =>
    peranKolom(bawah.cells[c] ?? '') ? bawah.cells[c]! : (atas.cells[c] ?? ''),
  );
  return { judul: { ...atas, cells }, data: semua.slice(i + 2) };
}

/** The rows of the report with their months; refuses a file without NIP or without any month column. */
export function parseLaporanNasional(table: Table): BarisNasional[] {
  const { judul, data } = cariJudul(table);
  const peran = judul.cells.map(peranKolom);
  const bulanKolom = peran.flatMap((p, col) => (p?.jenis === 'bulan' ? [{ col, bulan: p.bulan }] : []));
  const ganda = bulanKolom.find((b, i) => bulanKolom.findIndex((x) => x.bulan === b.bulan) !== i);
  if (!bulanKolom.length || ganda)
    throw new AppError(
      'VALIDATION_FAILED',
      { baris: judul.baris },
      ganda
        ? `Kolom bulan ${judul.cells[ganda.col]} muncul dua kali pada baris judul ${judul.baris}.`
        : `Baris judul ${judul.baris} tidak memuat kolom bulan (Januari … Desember).`,
    );
  const col = (jenis: Peran['jenis']) => peran.findIndex((p) => p?.jenis === jenis);
  const [cNip, cNama, cTahunan] = [col('nip'), col('nama'), col('tahunan')];

  const sel = (row: TableRow, c: number) => (c < 0 ? '' : (row.cells[c] ?? '').trim());
  // Lines without an NIP and without any month (a footer, a signature block) are not rows of the report.
  const isiBaris = data.filter((row) => sel(row, cNip) || bulanKolom.some((b) => sel(row, b.col)));
  return isiBaris.map((row) => {
    const masalah: string[] = [];
    const nipTeks = normalizeNip(sel(row, cNip).replace(/^'/, ''));
    const nipMasalah = row.problems[cNip];
    let nip: string | null = null;
    if (nipMasalah) masalah.push(nipMasalah);
    else if (!/^\d{18}$/.test(nipTeks))
      masalah.push(nipTeks ? `NIP "${sel(row, cNip)}" bukan 18 digit.` : 'NIP kosong.');
    else nip = nipTeks;

    const predikat = (c: number, label: string): PredikatPegawai | null => {
      const teks = sel(row, c);
      if (KOSONG.has(teks.toLowerCase().replace(/\s+/g, ''))) return null;
      const p = bacaPredikat(teks);
      if (!p)
        masalah.push(
          `${label}: "${teks}" bukan predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang).`,
        );
      return p;
    };
    const bulan = new Map<number, PredikatPegawai>();
    for (const b of bulanKolom) {
      const p = predikat(b.col, judul.cells[b.col]!.trim());
      if (p) bulan.set(b.bulan, p);
    }
    const tahunan = cTahunan < 0 ? null : predikat(cTahunan, judul.cells[cTahunan]!.trim());
    return { baris: row.baris, nip, nama: sel(row, cNama) || null, bulan, tahunan, masalah };
  });
}
