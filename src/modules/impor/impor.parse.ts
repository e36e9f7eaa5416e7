/**
 * Reads an employee file (CSV or XLSX, through platform/spreadsheet.ts) into rows keyed by field,
 * tolerant of SIASN-style headers. Pure: no database.
 */
import { AppError } from '../../platform/errors.js';
import {
  normalizeHeader,
  readSpreadsheet,
  type SpreadsheetLimits,
  type Table,
} from '../../platform/spreadsheet.js';

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

function toRows(table: Table): RawRow[] {
  const fields = mapHeaders(table.header.cells);
  return table.rows.map((row) => {
    const values: RawRow['values'] = {};
    const problems: string[] = [];
    fields.forEach((f, col) => {
      if (!f) return;
      const v = (row.cells[col] ?? '').trim();
      if (v !== '') values[f] = v;
      const problem = row.problems[col];
      if (problem && (f === 'nip' || f === 'nipAtasan')) problems.push(problem);
    });
    return { baris: row.baris, values, problems };
  });
}

/**
 * A file of a whole OPD or a kabupaten/kota: a bigger instansi imports per OPD. The bytes allow
 * SIASN exports with their many columns.
 */
export const BATAS_BERKAS_PEGAWAI: SpreadsheetLimits = { rows: 20_000, bytes: 64 * 1024 * 1024 };

export async function parseEmployeeFile(data: Buffer): Promise<RawRow[]> {
  return toRows(await readSpreadsheet(data, BATAS_BERKAS_PEGAWAI));
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
