/**
 * Streamed XLSX downloads: one worksheet written row by row into a stream handed to Fastify,
 * so an export of 100,000 rows never holds the workbook (or the result set) in memory.
 *
 *   const stream = xlsxStream({
 *     sheet: 'Laporan SKP 2026',
 *     columns: [
 *       { key: 'nip', header: 'NIP', width: 22, text: true }, // text: stored as '@', never a number
 *       { key: 'nama', header: 'Nama', width: 36 },
 *     ],
 *     batches: fetchInKeysetBatches(), // AsyncIterable<Row[]>: read the next batch only when asked
 *   });
 *   return reply.type(XLSX_TYPE).header('content-disposition', ...).send(stream);
 *
 * Keep batches small (XLSX_BATCH rows) and the sheet's unzipped backlog short (BACKLOG_MAX): what is
 * alive when V8 collects the young generation is what makes it grow it and promote into the old one.
 * Batches of 1,000–5,000 rows took a 100,000-row export past 300 MB; 250 rows with 1 MB of backlog
 * still added 67 MB to the idle server; 100 rows with 128 KB add under 10 (bench/ekspor.ts).
 *
 * Authorization and input checks belong before the call: once the stream is sent the status is
 * 200, and a failure while writing can only abort the download (the stream is destroyed with the
 * error, which also closes the batch iterator).
 */
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { barisAman } from './sel-aman.js';

/** Rows per batch a caller should read for an export (see above). */
export const XLSX_BATCH = 100;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCell = string | number | Date | null;

export interface XlsxColumn<K extends string> {
  key: K;
  header: string;
  width: number;
  /** Identifiers such as NIP: written as text (numFmt '@') so leading digits survive. */
  text?: boolean;
  /** Excel number format for non-text columns, e.g. '0.00' or 'dd/mm/yyyy'. */
  numFmt?: string;
}

export interface XlsxStreamOptions<K extends string> {
  /** Worksheet name (Excel allows at most 31 characters and none of []:*?/\). */
  sheet: string;
  columns: readonly XlsxColumn<K>[];
  batches: AsyncIterable<readonly Readonly<Record<K, XlsxCell>>[]>;
  /** Called after each batch with the records written so far (an export run as a job counts them). */
  onRows?: (written: number) => void;
}

/** Uncompressed sheet XML allowed to wait for the zip, bytes. */
const BACKLOG_MAX = 128 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * exceljs (4.4) pipes the sheet's XML into the zip entry without looking at the return of write(),
 * and the zip deflates chunk by chunk through the thread pool: rows produced faster than that pile
 * up, uncompressed, in the entry's stream — the whole sheet for a big export. This reads how much
 * is waiting there (an internal of exceljs/archiver; 0 if it ever moves, leaving only the output
 * backpressure).
 */
function sheetBacklog(sheet: ExcelJS.Worksheet): number {
  const entry = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length?: number } }[] } })
    .stream?.pipes?.[0];
  return entry?._writableState?.length ?? 0;
}

export function xlsxStream<K extends string>(options: XlsxStreamOptions<K>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = options.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : c.numFmt ? { numFmt: c.numFmt } : {},
  }));

  const write = async () => {
    const header = sheet.addRow(options.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for await (const batch of options.batches) {
      if (out.destroyed) return; // the client went away: stop reading (closes the iterator)
      // A cell takes its column's style (numFmt '@' for text columns) when the row is added.
      for (const record of batch) sheet.addRow(barisAman(record)).commit();
      written += batch.length;
      options.onRows?.(written);
      // Backpressure, between batches: first until the zip has taken in the sheet's rows, then
      // until a slow client has taken the zip's output.
      while (sheetBacklog(sheet) > BACKLOG_MAX && !out.destroyed) await sleep(5);
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: Error) => out.destroy(err));
  return out;
}
