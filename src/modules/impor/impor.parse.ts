/**
 * Reads an employee file (CSV with `,` or `;`, or XLSX) into rows keyed by field, tolerant of
 * SIASN-style headers. Pure: no database. The format is decided by content, never by file name.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { PESAN_TEKS_TERLARANG, teksAman } from '../../domain/teks.js';
import { AppError } from '../../platform/errors.js';

export const FIELDS = {
  nip: ['nip', 'nipbaru', 'nippppk', 'nipnippppk'],
  nama: ['nama', 'namalengkap', 'namapegawai'],
  gelarDepan: ['gelardepan'],
  gelarBelakang: ['gelarbelakang'],
  jenisAsn: ['jenisasn', 'statusasn', 'jenispegawai', 'statuskepegawaian'],
  golongan: ['golongan', 'gol', 'golru', 'golonganruang', 'pangkatgolongan'],
  jabatan: ['jabatan', 'namajabatan'],
  jenisJabatan: ['jenisjabatan'],
  jenjang: ['jenjang', 'jenjangjabatan'],
  unor: ['unor', 'namaunor', 'unitorganisasi', 'unitkerja', 'unor'],
  nipAtasan: ['nipatasan', 'nippejabatpenilai', 'atasanlangsungnip'],
} as const;

export type Field = keyof typeof FIELDS;
const REQUIRED: Field[] = ['nip', 'nama', 'jenisAsn', 'golongan', 'jabatan', 'unor'];
const LABEL: Record<Field, string> = {
  nip: 'NIP',
  nama: 'Nama',
  gelarDepan: 'Gelar Depan',
  gelarBelakang: 'Gelar Belakang',
  jenisAsn: 'Jenis ASN',
  golongan: 'Golongan',
  jabatan: 'Jabatan',
  jenisJabatan: 'Jenis Jabatan',
  jenjang: 'Jenjang',
  unor: 'Unor',
  nipAtasan: 'NIP Atasan',
};

export interface RawRow {
  baris: number;
  values: Partial<Record<Field, string>>;
  /** Problems found while reading (e.g. an NIP stored as a number in Excel). */
  problems: string[];
}

export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function mapHeaders(headers: string[]): (Field | null)[] {
  const mapped = headers.map((h) => {
    const n = normalizeHeader(h);
    return (Object.keys(FIELDS) as Field[]).find((f) => (FIELDS[f] as readonly string[]).includes(n)) ?? null;
  });
  const missing = REQUIRED.filter((f) => !mapped.includes(f));
  if (missing.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      { kolomHilang: missing.map((f) => LABEL[f]) },
      `Kolom wajib tidak ditemukan: ${missing.map((f) => LABEL[f]).join(', ')}.`,
    );
  }
  return mapped;
}

/** A file's rows as text cells, header first. `numbers` holds XLSX cells typed as numbers, unrounded. */
export type Table = {
  cells: string[];
  problems: Partial<Record<number, string>>;
  numbers?: Partial<Record<number, number>>;
}[];

function toRows(table: Table): RawRow[] {
  const [header, ...body] = table;
  if (!header) throw new AppError('VALIDATION_FAILED', undefined, 'Berkas kosong.');
  const fields = mapHeaders(header.cells);
  const out: RawRow[] = [];
  body.forEach((row, i) => {
    if (row.cells.every((c) => c.trim() === '')) return;
    const values: RawRow['values'] = {};
    const problems: string[] = [];
    fields.forEach((f, col) => {
      if (!f) return;
      const v = (row.cells[col] ?? '').trim();
      if (v !== '') values[f] = v;
      const problem = row.problems[col];
      if (problem && (f === 'nip' || f === 'nipAtasan')) problems.push(problem);
    });
    out.push({ baris: i + 2, values, problems });
  });
  return out;
}

function looksBinary(data: Buffer): boolean {
  const head = data.subarray(0, 512);
  return head.includes(0) || head.subarray(0, 4).toString('latin1') === '%PDF';
}

function parseCsv(data: Buffer) {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  return records.map((cells) => ({ cells, problems: {} }));
}

async function parseXlsx(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'UNSUPPORTED_FILE',
      undefined,
      'Berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX).',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('VALIDATION_FAILED', undefined, 'Berkas XLSX tidak memiliki lembar kerja.');
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    const problems: Partial<Record<number, string>> = {};
    const numbers: Partial<Record<number, number>> = {};
    for (let col = 1; col <= row.cellCount; col++) {
      const cell = row.getCell(col);
      const text = cell.text ?? '';
      if (typeof cell.value === 'number') numbers[col - 1] = cell.value;
      // Excel keeps numbers as doubles (about 15 exact digits): an 18-digit NIP typed as a number
      // has already lost its last digits, so it must be refused, not trusted.
      if (typeof cell.value === 'number' && text.replace(/\D/g, '').length >= 15) {
        problems[col - 1] =
          `Sel ${cell.address} berisi angka (${text}); isi NIP sebagai teks agar 18 digitnya utuh.`;
      }
      cells.push(text);
    }
    table.push({ cells, problems, numbers });
  });
  return table;
}

/** A cell is text like any typed input: one with NUL or half a surrogate pair refuses the file. */
function tolakTeksTerlarang(table: Table): Table {
  table.forEach((row, i) => {
    const kolom = row.cells.findIndex((c) => !teksAman(c));
    if (kolom >= 0)
      throw new AppError(
        'VALIDATION_FAILED',
        { baris: i + 1, kolom: kolom + 1 },
        `Baris ${i + 1}, kolom ${kolom + 1}: ${PESAN_TEKS_TERLARANG}`,
      );
  });
  return table;
}

/** Reads a CSV or XLSX file (decided by content) into rows of text cells; shared with other imports. */
export async function readTable(data: Buffer): Promise<Table> {
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', undefined, 'Berkas kosong.');
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])))
    return tolakTeksTerlarang(await parseXlsx(data));
  if (looksBinary(data)) throw new AppError('UNSUPPORTED_FILE');
  return tolakTeksTerlarang(parseCsv(data));
}

export async function parseEmployeeFile(data: Buffer): Promise<RawRow[]> {
  return toRows(await readTable(data));
}

/**
 * Employee rows that came as JSON (the integration API's sync) read like file rows, so one validation
 * serves both; rows are numbered from 1 in the order sent.
 */
export function rowsFromRecords(records: Partial<Record<Field, string | null>>[]): RawRow[] {
  return records.map((record, i) => {
    const values: RawRow['values'] = {};
    for (const f of Object.keys(FIELDS) as Field[]) {
      const v = record[f]?.trim();
      if (v) values[f] = v;
    }
    return { baris: i + 1, values, problems: [] };
  });
}
