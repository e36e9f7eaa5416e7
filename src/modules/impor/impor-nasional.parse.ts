/**
 * Reads the national application's downloads as they come (XLSX, or CSV): the "Laporan Penilaian
 * SKP" (title lines, then a header with NIP, Nama, one column per month holding the predikat, and
 * the annual predikat) and the "Laporan SKP" (NIP, Nama and the annual predikat, months optional).
 * Pure: no database. The accepted spellings are listed in the ADR and the route.
 */
import type { JenisLaporanNasional } from '../../domain/laporan.js';
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
const TAHUNAN = [
  'tahunan',
  'akhir',
  'predikattahunan',
  'predikatakhir',
  'nilaitahunan',
  'penilaiantahunan',
  // The "Laporan SKP" names its one result column by what it is, not by the year.
  'predikat',
  'predikatkinerja',
  'predikatkinerjapegawai',
  'predikatkinerjatahunan',
  'hasilkinerja',
  'hasilpenilaian',
  'hasilpenilaiankinerja',
  'hasilevaluasi',
  'hasilevaluasikinerja',
];
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
 * The kind of report: its title lines say it ("Laporan Penilaian SKP" / "Laporan SKP"); without
 * one, month columns make it the Laporan Penilaian SKP and an annual column alone the Laporan SKP.
 */
function jenisLaporan(judulAtas: TableRow[], adaBulan: boolean): JenisLaporanNasional {
  const teks = judulAtas.map((r) => normalizeHeader(r.cells.join(' '))).join(' ');
  if (teks.includes('laporanpenilaianskp')) return 'LAPORAN_PENILAIAN_SKP';
  if (teks.includes('laporanskp')) return 'LAPORAN_SKP';
  return adaBulan ? 'LAPORAN_PENILAIAN_SKP' : 'LAPORAN_SKP';
}

/**
 * The header row (the first with an NIP column) and the rows after it. A two-line header (merged
 * "Predikat Bulanan" over the month names) is read as one: each column takes the line that names it.
 */
function cariJudul(table: Table): { judul: TableRow; data: TableRow[]; atas: TableRow[] } {
  const semua = [table.header, ...table.rows];
  const i = semua
    .slice(0, BARIS_JUDUL_MAKS)
    .findIndex((r) => r.cells.some((c) => peranKolom(c)?.jenis === 'nip'));
  if (i < 0)
    throw new AppError(
      'VALIDATION_FAILED',
      { kolomHilang: ['NIP'] },
      `Kolom NIP tidak ditemukan pada ${BARIS_JUDUL_MAKS} baris pertama. Unggah Laporan Penilaian SKP ` +
        'atau Laporan SKP dari aplikasi e-Kinerja nasional tanpa diubah susunannya.',
    );
  const [atas, bawah, judulLaporan] = [semua[i]!, semua[i + 1], semua.slice(0, i)];
  const adaBulan = (r: TableRow) => r.cells.some((c) => peranKolom(c)?.jenis === 'bulan');
  if (adaBulan(atas) || !bawah || !adaBulan(bawah))
    return { judul: atas, data: semua.slice(i + 1), atas: judulLaporan };
  const lebar = Math.max(atas.cells.length, bawah.cells.length);
  const cells = Array.from({ length: lebar }, (_, c) =>
    peranKolom(bawah.cells[c] ?? '') ? bawah.cells[c]! : (atas.cells[c] ?? ''),
  );
  return { judul: { ...atas, cells }, data: semua.slice(i + 2), atas: judulLaporan };
}

/**
 * The kind of report and its rows with their months and annual predikat; refuses a file without
 * NIP, without any result column (month or annual), or with a month or the annual column twice.
 */
export function parseLaporanNasional(table: Table): { jenis: JenisLaporanNasional; baris: BarisNasional[] } {
  const { judul, data, atas } = cariJudul(table);
  const peran = judul.cells.map(peranKolom);
  const bulanKolom = peran.flatMap((p, col) => (p?.jenis === 'bulan' ? [{ col, bulan: p.bulan }] : []));
  const tahunanKolom = peran.flatMap((p, col) => (p?.jenis === 'tahunan' ? [col] : []));
  const ganda =
    bulanKolom.find((b, i) => bulanKolom.findIndex((x) => x.bulan === b.bulan) !== i)?.col ?? tahunanKolom[1];
  if ((!bulanKolom.length && !tahunanKolom.length) || ganda !== undefined)
    throw new AppError(
      'VALIDATION_FAILED',
      { baris: judul.baris },
      ganda !== undefined
        ? `Kolom ${judul.cells[ganda]} muncul dua kali pada baris judul ${judul.baris}.`
        : `Baris judul ${judul.baris} tidak memuat kolom predikat bulanan (Januari … Desember) ` +
            'maupun tahunan (Tahunan, Predikat Kinerja).',
    );
  const col = (jenis: Peran['jenis']) => peran.findIndex((p) => p?.jenis === jenis);
  const [cNip, cNama, cTahunan] = [col('nip'), col('nama'), col('tahunan')];

  const sel = (row: TableRow, c: number) => (c < 0 ? '' : (row.cells[c] ?? '').trim());
  // Lines without an NIP and without any month (a footer, a signature block) are not rows of the report.
  const isiBaris = data.filter(
    (row) => sel(row, cNip) || [...bulanKolom.map((b) => b.col), cTahunan].some((c) => sel(row, c)),
  );
  const baris = isiBaris.map((row) => {
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
  return { jenis: jenisLaporan(atas, bulanKolom.length > 0), baris };
}
