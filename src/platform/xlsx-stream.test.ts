import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from './spreadsheet.js';
import { xlsxStream } from './xlsx-stream.js';

const columns = [
  { key: 'nip', header: 'NIP', width: 22, text: true },
  { key: 'nama', header: 'Nama', width: 30 },
  { key: 'tanggal', header: 'Tanggal', width: 12, numFmt: 'dd/mm/yyyy' },
] as const;

describe('xlsxStream', () => {
  it('writes the header and every batch; NIP stays text', async () => {
    async function* batches() {
      for (let b = 0; b < 3; b++) {
        yield Array.from({ length: 1000 }, (_, i) => ({
          nip: `1987${String(b * 1000 + i).padStart(14, '0')}`,
          nama: `Pegawai ${b * 1000 + i}`,
          tanggal: new Date('2026-12-31T00:00:00Z'),
        }));
      }
    }
    const data = await buffer(xlsxStream({ sheet: 'Uji', columns, batches: batches() }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Uji')!;
    expect(sheet.rowCount).toBe(3001);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['NIP', 'Nama', 'Tanggal']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const nip = sheet.getRow(3001).getCell(1);
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toBe('198700000000002999');
    expect(nip.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date('2026-12-31T00:00:00Z'));
  });

  it('reports the records written so far after each batch (a job counts its rows by it)', async () => {
    async function* batches() {
      for (const n of [2, 3, 1])
        yield Array.from({ length: n }, (_, i) => ({ nip: `1987${i}`, nama: 'A', tanggal: null }));
    }
    const dilaporkan: number[] = [];
    await buffer(
      xlsxStream({ sheet: 'Uji', columns, batches: batches(), onRows: (n) => dilaporkan.push(n) }),
    );
    expect(dilaporkan).toEqual([2, 5, 6]);
  });

  it('writes text that would start a formula with a leading apostrophe (item 8), and the imports read it back as typed', async () => {
    async function* batches() {
      yield [
        { nip: '198700000000000001', nama: '=HYPERLINK("http://jahat.example","klik")', tanggal: null },
        { nip: '198700000000000002', nama: '+62 812 000', tanggal: null },
        { nip: '198700000000000003', nama: '-1', tanggal: null },
        { nip: '198700000000000004', nama: '@SUM(A1:A9)', tanggal: null },
        { nip: '198700000000000005', nama: 'Biasa saja', tanggal: null },
      ];
    }
    const data = await buffer(xlsxStream({ sheet: 'Uji', columns, batches: batches() }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const nama = [2, 3, 4, 5, 6].map((r) => wb.getWorksheet('Uji')!.getRow(r).getCell(2));
    expect(nama.map((c) => c.type)).toEqual(Array(5).fill(ExcelJS.ValueType.String));
    expect(nama.map((c) => c.value)).toEqual([
      `'=HYPERLINK("http://jahat.example","klik")`,
      "'+62 812 000",
      "'-1",
      "'@SUM(A1:A9)",
      'Biasa saja',
    ]);
    const table = await readSpreadsheet(data, { rows: 10, bytes: 1024 * 1024 });
    expect(table.rows.map((r) => r.cells[1])).toEqual([
      '=HYPERLINK("http://jahat.example","klik")',
      '+62 812 000',
      '-1',
      '@SUM(A1:A9)',
      'Biasa saja',
    ]);
  });

  it('stops reading batches when the download is abandoned', async () => {
    let read = 0;
    let closed = false;
    async function* batches() {
      try {
        for (;;) {
          read++;
          // Incompressible text, so the compressed output really fills the stream.
          yield Array.from({ length: 2000 }, (_, i) => ({
            nip: String(i),
            nama: randomBytes(100).toString('hex'),
            tanggal: null,
          }));
        }
      } finally {
        closed = true;
      }
    }
    const stream = xlsxStream({ sheet: 'Uji', columns, batches: batches() });
    // Nobody reads: backpressure holds the writer after a few batches.
    await new Promise((r) => setTimeout(r, 300));
    const before = read;
    expect(before).toBeLessThan(20);
    stream.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toBe(true);
    expect(read).toBeLessThanOrEqual(before + 1);
  });
});
