/**
 * Every spreadsheet import reads its file here: CSV (`,` or `;`) or XLSX, decided by content, into rows
 * of text cells, within the import's limits — data rows, and the bytes the file may take once
 * uncompressed. Both are checked while reading, so a file over a limit is refused after reading at
 * most as much of it as the limit allows, never the whole of it first.
 *
 * XLSX: the ZIP directory is checked before anything is inflated (the declared total, an entry's
 * compression ratio); then only the parts the rows need are inflated, by yauzl, each counted as it
 * comes out (a directory that lies about sizes still stops at the limit), and handed to exceljs's
 * streaming WorkbookReader one part at a time — workbook and shared strings before the sheet. Its
 * own parse() follows the ZIP's file order instead, which in Excel's files puts the sheet first: it
 * would spool the whole sheet to a temporary file before reading a row, with nothing to stop it.
 */

import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { PESAN_TEKS_TERLARANG, teksAman } from '../domain/teks.js';
import { AppError } from './errors.js';
import { bukaSelAman } from './sel-aman.js';

export interface SpreadsheetLimits {
  /** Data rows: non-blank rows after the header. */
  rows: number;
  /** Bytes of a CSV, or of the parts of an XLSX once inflated. */
  bytes: number;
}

/** One non-blank row: its number in the file (header = the first), its cells as text. */
export interface TableRow {
  baris: number;
  cells: string[];
  /** Problems found in a cell while reading (an NIP stored as a number), by column index. */
  problems: Partial<Record<number, string>>;
  /** XLSX cells typed as numbers, unrounded, by column index. */
  numbers?: Partial<Record<number, number>>;
}

export interface Table {
  /** The first non-blank row. */
  header: TableRow;
  rows: TableRow[];
}

/** Columns read from a row; a value further right is refused rather than ignored. */
export const MAX_COLUMNS = 256;
/** An entry inflating above this may not be compressed more than RATIO_MAX times. */
const RATIO_FLOOR = 1024 * 1024;
const RATIO_MAX = 100;
const CSV_CHUNK = 64 * 1024;
/** A record longer than this in a CSV is not a row of an import. */
const CSV_RECORD_MAX = 1024 * 1024;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const mb = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

function tooLarge(limits: SpreadsheetLimits, message: string) {
  return new AppError('BERKAS_TERLALU_BESAR', { maks: limits.bytes }, message);
}

const xlsxTooLarge = (limits: SpreadsheetLimits) =>
  tooLarge(limits, `Isi berkas XLSX lebih dari ${mb(limits.bytes)} setelah diekstrak, batas impor ini.`);

function tooManyRows(limits: SpreadsheetLimits) {
  const maks = limits.rows.toLocaleString('id-ID');
  return new AppError(
    'BARIS_TERLALU_BANYAK',
    { maks: limits.rows },
    `Berkas berisi lebih dari ${maks} baris data; impor ini menerima paling banyak ${maks} baris per berkas.`,
  );
}

const unreadableXlsx = () =>
  new AppError('UNSUPPORTED_FILE', undefined, 'Berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX).');

/** Collects the rows of a file: the header, then data rows up to the cap. */
function tableBuilder(limits: SpreadsheetLimits) {
  let header: TableRow | undefined;
  const rows: TableRow[] = [];
  return {
    add(row: TableRow) {
      if (row.cells.length > MAX_COLUMNS)
        throw new AppError(
          'VALIDATION_FAILED',
          { baris: row.baris, maksKolom: MAX_COLUMNS },
          `Baris ${row.baris} berisi data di luar kolom ke-${MAX_COLUMNS}; hapus isi di sebelah kanan tabel.`,
        );
      if (row.cells.every((c) => c.trim() === '')) return;
      // A cell is text like any typed input: one with NUL or half a surrogate pair refuses the file.
      const kolom = row.cells.findIndex((c) => !teksAman(c));
      if (kolom >= 0)
        throw new AppError(
          'VALIDATION_FAILED',
          { baris: row.baris, kolom: kolom + 1 },
          `Baris ${row.baris}, kolom ${kolom + 1}: ${PESAN_TEKS_TERLARANG}`,
        );
      row.cells = row.cells.map(bukaSelAman);
      if (!header) header = row;
      else if (rows.length === limits.rows) throw tooManyRows(limits);
      else rows.push(row);
    },
    table(): Table {
      if (!header) throw new AppError('VALIDATION_FAILED', undefined, 'Berkas kosong.');
      return { header, rows };
    },
  };
}

// --- CSV -----------------------------------------------------------------------------------------

function looksBinary(data: Buffer): boolean {
  const head = data.subarray(0, 512);
  return head.includes(0) || head.subarray(0, 4).toString('latin1') === '%PDF';
}

function* chunks(data: Buffer) {
  for (let i = 0; i < data.length; i += CSV_CHUNK) yield data.subarray(i, i + CSV_CHUNK);
}

/** `;` when the first non-blank line has more of them than commas (Indonesian Excel exports). */
function delimiterOf(data: Buffer) {
  const head = data.subarray(0, CSV_CHUNK).toString('utf8');
  const line = head.split('\n').find((l) => l.trim() !== '') ?? '';
  return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
}

async function readCsv(data: Buffer, limits: SpreadsheetLimits): Promise<Table> {
  if (data.length > limits.bytes)
    throw tooLarge(
      limits,
      `Berkas CSV berukuran ${mb(data.length)}; impor ini menerima paling besar ${mb(limits.bytes)}.`,
    );
  // Blank lines are records too, so every row keeps the number a spreadsheet program shows.
  const parser = Readable.from(chunks(data)).pipe(
    parse({
      delimiter: delimiterOf(data),
      relax_column_count: true,
      bom: true,
      max_record_size: CSV_RECORD_MAX,
    }),
  );
  const out = tableBuilder(limits);
  let baris = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>)
      out.add({ baris: ++baris, cells, problems: {} });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = typeof err.lines === 'number' ? err.lines : baris + 1;
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        { maks: CSV_RECORD_MAX },
        `Baris ${line} berkas CSV lebih panjang dari ${mb(CSV_RECORD_MAX)}.`,
      );
    throw new AppError(
      'VALIDATION_FAILED',
      { baris: line },
      `Berkas CSV tidak dapat dibaca pada baris ${line}: periksa tanda kutip dan pemisah kolomnya.`,
    );
  } finally {
    parser.destroy();
  }
  return out.table();
}

// --- XLSX ----------------------------------------------------------------------------------------

/** Rows read as a stream (dates need the styles, text cells the shared strings). */
const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/**
 * The part-by-part methods of exceljs 4.4's WorkbookReader that its own parse() calls for each ZIP
 * entry; called here in the order above (see the header). exceljs is pinned, and the unit tests read
 * through every one of them.
 */
interface ReaderParts {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  /** `id` only names the sheet reader. */
  _parseWorksheet(
    part: Readable,
    id: string,
  ): Iterable<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/** The parts of the archive by name, once its directory passed the limits. */
async function checkDirectory(zip: yauzl.ZipFile, limits: SpreadsheetLimits) {
  const parts = new Map<string, yauzl.Entry>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize;
    if (total > limits.bytes) throw xlsxTooLarge(limits);
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_FLOOR && ratio > RATIO_MAX)
      throw new AppError(
        'BERKAS_TERLALU_BESAR',
        { maks: limits.bytes, rasioMaks: RATIO_MAX },
        `Berkas XLSX tidak wajar: bagian ${entry.fileName} dipampatkan ${Math.round(ratio)} kali, ` +
          `impor menerima paling banyak ${RATIO_MAX} kali.`,
      );
    if (!parts.has(entry.fileName)) parts.set(entry.fileName, entry);
  }
  return parts;
}

/** The sheet listed first in the workbook, as a part name. */
function firstSheet(reader: ReaderParts, parts: Map<string, yauzl.Entry>) {
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target;
  if (!target) return null;
  const name = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  return parts.get(name) ? name : null;
}

async function readXlsx(data: Buffer, limits: SpreadsheetLimits): Promise<Table> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(data, { autoClose: false, validateEntrySizes: false });
  } catch {
    throw unreadableXlsx();
  }
  let inflated = 0;
  /** A part's text, counted against the limit as it inflates; strings, so no character is split. */
  const open = (entry: yauzl.Entry) =>
    Readable.from(
      (async function* () {
        const decoder = new StringDecoder('utf8');
        for await (const chunk of await zip.openReadStreamPromise(entry)) {
          inflated += (chunk as Buffer).length;
          if (inflated > limits.bytes) throw xlsxTooLarge(limits);
          yield decoder.write(chunk as Buffer);
        }
        yield decoder.end();
      })(),
    );
  const out = tableBuilder(limits);
  try {
    const parts = await checkDirectory(zip, limits);
    const workbook = parts.get(WORKBOOK);
    if (!workbook) throw unreadableXlsx();
    // No input of its own: the parts are handed to it one by one.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      undefined as unknown as Readable,
      READER_OPTIONS,
    ) as unknown as ReaderParts;
    const rels = parts.get(WORKBOOK_RELS);
    if (rels) await reader._parseRels(open(rels));
    await reader._parseWorkbook(open(workbook));
    const sheet = firstSheet(reader, parts);
    if (!sheet)
      throw new AppError('VALIDATION_FAILED', undefined, 'Berkas XLSX tidak memiliki lembar kerja.');
    const styles = parts.get(STYLES);
    if (styles) await reader._parseStyles(open(styles));
    const strings = parts.get(SHARED_STRINGS);
    // With 'cache' the reader keeps the strings itself; the generator yields nothing.
    if (strings) for await (const _ of reader._parseSharedStrings(open(strings)));
    for (const { value: rows } of reader._parseWorksheet(open(parts.get(sheet)!), sheet)) {
      for await (const row of rows) out.add(tableRow(row));
    }
  } catch (err) {
    throw err instanceof AppError ? err : unreadableXlsx();
  } finally {
    zip.close();
  }
  return out.table();
}

function tableRow(row: ExcelJS.Row): TableRow {
  const cells: string[] = [];
  const problems: TableRow['problems'] = {};
  const numbers: NonNullable<TableRow['numbers']> = {};
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cell.text ?? '';
    if (typeof cell.value === 'number') {
      numbers[col - 1] = cell.value;
      // Excel keeps numbers as doubles (about 15 exact digits): an 18-digit NIP typed as a number
      // has already lost its last digits, so it must be refused, not trusted.
      if (text.replace(/\D/g, '').length >= 15)
        problems[col - 1] =
          `Sel ${cell.address} berisi angka (${text}); isi NIP sebagai teks agar 18 digitnya utuh.`;
    }
    cells[col - 1] = text;
  });
  return { baris: row.number, cells: Array.from(cells, (c) => c ?? ''), problems, numbers };
}

/**
 * Reads a CSV or XLSX file (decided by content) into its header and non-blank data rows; refuses it
 * (413/422) as soon as it passes a limit.
 */
export async function readSpreadsheet(data: Buffer, limits: SpreadsheetLimits): Promise<Table> {
  if (data.length === 0) throw new AppError('VALIDATION_FAILED', undefined, 'Berkas kosong.');
  if (data.subarray(0, 4).equals(ZIP_SIGNATURE)) return readXlsx(data, limits);
  if (looksBinary(data)) throw new AppError('UNSUPPORTED_FILE');
  return readCsv(data, limits);
}
