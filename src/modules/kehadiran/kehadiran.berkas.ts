/**
 * The attendance file: reading an export of a fingerprint or online attendance system (CSV with `,`
 * or `;`, or XLSX) into rows for simpanBaris, tolerant of the headers those systems use, and the
 * template offered for download.
 */
import ExcelJS from 'exceljs';
import type { BarisKehadiranMasuk } from '../../contracts/kehadiran.js';
import { STATUS_KEHADIRAN, STATUS_KEHADIRAN_LABEL, type StatusKehadiran } from '../../domain/kehadiran.js';
import { AppError } from '../../platform/errors.js';
import { normalizeHeader, readSpreadsheet, type SpreadsheetLimits } from '../../platform/spreadsheet.js';

/** Template header and the header spellings accepted (normalised: lowercase letters and digits). */
const KOLOM = {
  nip: { judul: 'NIP', alias: ['nip', 'nipbaru', 'nippegawai', 'nomorindukpegawai'] },
  tanggal: {
    judul: 'Tanggal',
    alias: ['tanggal', 'tgl', 'date', 'tanggalabsen', 'tanggalpresensi', 'haritanggal'],
  },
  jamMasuk: {
    judul: 'Jam Masuk',
    alias: ['jammasuk', 'masuk', 'checkin', 'scanmasuk', 'clockin', 'jamdatang', 'datang', 'absenmasuk'],
  },
  jamPulang: {
    judul: 'Jam Pulang',
    alias: [
      'jampulang',
      'pulang',
      'checkout',
      'scanpulang',
      'clockout',
      'jamkeluar',
      'keluar',
      'absenpulang',
    ],
  },
  status: {
    judul: 'Status',
    alias: ['status', 'statuskehadiran', 'kehadiran', 'jeniskehadiran', 'statusabsen'],
  },
  keterangan: { judul: 'Keterangan', alias: ['keterangan', 'ket', 'catatan'] },
  // Optional: old files without it stay valid (no ceremony recorded).
  apel: {
    judul: 'Apel',
    alias: ['apel', 'upacara', 'apelupacara', 'apelpagi', 'kehadiranapel', 'statusapel', 'ikutapel'],
  },
} as const;
type Kolom = keyof typeof KOLOM;

const KATA_CONTOH: Record<StatusKehadiran, string> = {
  HADIR: 'Hadir, H',
  DINAS_LUAR: 'Dinas Luar, DL',
  CUTI: 'Cuti, C',
  SAKIT: 'Sakit, S',
  IZIN: 'Izin, I',
  TANPA_KETERANGAN: 'Tanpa Keterangan, TK, Alpa',
};

export interface BerkasKehadiran {
  baris: BarisKehadiranMasuk[];
  /** Spreadsheet row number of each entry of `baris` (header = row 1). */
  nomorBaris: number[];
  /** Problems found while reading a row (e.g. an NIP typed as a number), by spreadsheet row. */
  masalah: Map<number, string[]>;
}

/** A day of the largest instansi, or a month of an OPD of about 2,000 employees, per file. */
export const BATAS_BERKAS_KEHADIRAN: SpreadsheetLimits = { rows: 50_000, bytes: 64 * 1024 * 1024 };

export async function bacaBerkasKehadiran(data: Buffer): Promise<BerkasKehadiran> {
  const { header, rows } = await readSpreadsheet(data, BATAS_BERKAS_KEHADIRAN);
  const kolom = new Map<Kolom, number>();
  header.cells.forEach((h, i) => {
    const n = normalizeHeader(h);
    const k = (Object.keys(KOLOM) as Kolom[]).find((key) =>
      (KOLOM[key].alias as readonly string[]).includes(n),
    );
    if (k && !kolom.has(k)) kolom.set(k, i);
  });
  // Some systems call the status column "Keterangan": then it is the status, not a note.
  if (!kolom.has('status') && kolom.has('keterangan')) {
    kolom.set('status', kolom.get('keterangan')!);
    kolom.delete('keterangan');
  }
  const hilang: string[] = (['nip', 'tanggal'] as const)
    .filter((k) => !kolom.has(k))
    .map((k) => KOLOM[k].judul);
  if (!kolom.has('status') && !kolom.has('jamMasuk') && !kolom.has('jamPulang'))
    hilang.push('Status atau Jam Masuk/Jam Pulang');
  if (hilang.length)
    throw new AppError(
      'VALIDATION_FAILED',
      { kolomHilang: hilang },
      `Kolom wajib tidak ditemukan: ${hilang.join(', ')}.`,
    );

  const out: BerkasKehadiran = { baris: [], nomorBaris: [], masalah: new Map() };
  for (const row of rows) {
    const sel = (k: Kolom) => {
      const col = kolom.get(k);
      return col === undefined ? null : (row.cells[col] ?? '').trim() || null;
    };
    const nomor = row.baris;
    const nipCol = kolom.get('nip')!;
    const masalah = row.problems[nipCol];
    if (masalah) out.masalah.set(nomor, [masalah]);
    out.baris.push({
      nip: sel('nip') ?? '',
      tanggal: sel('tanggal') ?? '',
      jamMasuk: sel('jamMasuk'),
      jamPulang: sel('jamPulang'),
      status: sel('status') ?? '',
      keterangan: sel('keterangan'),
      apel: sel('apel'),
    });
    out.nomorBaris.push(nomor);
  }
  return out;
}

/** The template: the columns with an example row, and the accepted status words. */
export async function templatKehadiran(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'e-Kinerja';
  const sheet = wb.addWorksheet('Kehadiran', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Text cells: an 18-digit NIP typed as a number would lose its last digits in Excel.
  const teks = { numFmt: '@' };
  sheet.columns = [
    { header: KOLOM.nip.judul, key: 'nip', width: 22, style: teks },
    { header: KOLOM.tanggal.judul, key: 'tanggal', width: 14, style: teks },
    { header: KOLOM.jamMasuk.judul, key: 'jamMasuk', width: 12, style: teks },
    { header: KOLOM.jamPulang.judul, key: 'jamPulang', width: 12, style: teks },
    { header: KOLOM.status.judul, key: 'status', width: 18, style: teks },
    { header: KOLOM.keterangan.judul, key: 'keterangan', width: 36, style: teks },
    { header: KOLOM.apel.judul, key: 'apel', width: 14, style: teks },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    nip: '198503152010011001',
    tanggal: '2026-03-02',
    jamMasuk: '07:25',
    jamPulang: '16:05',
    status: 'Hadir',
    keterangan: '',
    apel: 'Tidak Hadir',
  });
  sheet.addRow({
    nip: '198503152010011001',
    tanggal: '2026-03-03',
    status: 'DL',
    keterangan: 'Rapat koordinasi',
  });

  const petunjuk = wb.addWorksheet('Petunjuk');
  petunjuk.getColumn(1).width = 100;
  for (const line of [
    'Satu baris per pegawai per hari. Tanggal TTTT-BB-HH atau HH/BB/TTTT; jam JJ:MM atau JJ:MM:DD.',
    'Status boleh kosong bila jam masuk/pulang terisi (dianggap Hadir). Kata status yang diterima:',
    ...STATUS_KEHADIRAN.map((s) => `  ${STATUS_KEHADIRAN_LABEL[s]}: ${KATA_CONTOH[s]}`),
    'Kolom Apel (boleh tidak ada): Hadir/H bila mengikuti apel atau upacara wajib, Tidak Hadir/TH bila tidak;',
    '  kosongkan bila hari itu tidak ada apel/upacara. Tidak mengikuti apel dipotong TPP hanya pada hari Hadir.',
    'Mengimpor ulang hari yang sama menggantikan data hari itu. Hapus baris contoh sebelum mengunggah.',
  ])
    petunjuk.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
