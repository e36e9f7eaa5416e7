import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetXml, xlsx, zip } from '../../test/zip.js';
import { MAX_COLUMNS, readSpreadsheet } from './spreadsheet.js';

const MiB = 1024 * 1024;
const limits = { rows: 10, bytes: MiB };
const csv = (text: string) => Buffer.from(text, 'utf8');

async function refusal(data: Buffer, l = limits) {
  const err = await readSpreadsheet(data, l).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the file should be refused').not.toBeNull();
  const { code, status, message, details } = err as {
    code: string;
    status: number;
    message: string;
    details: unknown;
  };
  return { code, status, message, details };
}

const dataRows = (n: number) => Array.from({ length: n }, (_, i) => [`${i + 1}`, `baris ${i + 1}`]);

describe('readSpreadsheet: CSV', () => {
  it('reads `;` or `,`, a BOM and quotes; numbers rows as a spreadsheet program does, skipping blank ones', async () => {
    const table = await readSpreadsheet(csv('\uFEFFNIP;Nama\n\n1;"Siti; S.E."\n;\n2;Budi\n'), limits);
    expect(table.header).toEqual({ baris: 1, cells: ['NIP', 'Nama'], problems: {} });
    expect(table.rows.map((r) => [r.baris, r.cells])).toEqual([
      [3, ['1', 'Siti; S.E.']],
      [5, ['2', 'Budi']],
    ]);
    const koma = await readSpreadsheet(csv('NIP,Nama\r\n1,"A, B"\r\n'), limits);
    expect(koma.rows[0]?.cells).toEqual(['1', 'A, B']);
  });

  it('keeps a character whose bytes straddle two chunks of the stream', async () => {
    const nama = 'é'.repeat(100_000);
    const table = await readSpreadsheet(csv(`Nama\n${nama}\n`), limits);
    expect(table.rows[0]?.cells[0]).toBe(nama);
  });

  it('takes exactly the row cap; one more data row is a 422 naming the cap', async () => {
    const file = (n: number) => csv(['ID;Teks', ...dataRows(n).map((r) => r.join(';'))].join('\n'));
    expect((await readSpreadsheet(file(10), limits)).rows).toHaveLength(10);
    expect(await refusal(file(11))).toEqual({
      code: 'BARIS_TERLALU_BANYAK',
      status: 422,
      message:
        'Berkas berisi lebih dari 10 baris data; impor ini menerima paling banyak 10 baris per berkas.',
      details: { maks: 10 },
    });
    // Blank rows are not data rows.
    expect((await readSpreadsheet(csv(`ID;Teks\n${';\n'.repeat(50)}1;a\n`), limits)).rows).toHaveLength(1);
  });

  it('refuses a file over the byte cap before parsing it (413 naming the cap)', async () => {
    const big = csv(`ID;Teks\n${'1;x\n'.repeat(300_000)}`);
    expect(await refusal(big)).toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      status: 413,
      message: 'Berkas CSV berukuran 1,1 MB; impor ini menerima paling besar 1 MB.',
      details: { maks: MiB },
    });
    const panjang = csv(`Teks\n"${'x'.repeat(MiB + 10)}"\n`);
    expect(await refusal(panjang, { rows: 10, bytes: 2 * MiB })).toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      status: 413,
      message: 'Baris 2 berkas CSV lebih panjang dari 1 MB.',
    });
  });

  it('answers 400 for a malformed CSV, an empty file, or data beyond the last column', async () => {
    expect(await refusal(csv('NIP;Nama\n1;"tanpa penutup\n'))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Berkas CSV tidak dapat dibaca pada baris 2: periksa tanda kutip dan pemisah kolomnya.',
      details: { baris: 2 },
    });
    expect(await refusal(csv(''))).toMatchObject({ status: 400, message: 'Berkas kosong.' });
    expect(await refusal(csv('\n;;\n'))).toMatchObject({ status: 400, message: 'Berkas kosong.' });
    expect(await refusal(csv(`NIP${';'.repeat(MAX_COLUMNS)}x\n`))).toMatchObject({
      status: 400,
      message: `Baris 1 berisi data di luar kolom ke-${MAX_COLUMNS}; hapus isi di sebelah kanan tabel.`,
    });
  });

  it('refuses binary content that is not XLSX', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await refusal(png)).toMatchObject({ code: 'UNSUPPORTED_FILE', status: 415 });
  });
});

describe('readSpreadsheet: XLSX', () => {
  it('reads the first sheet as exceljs writes it: text, numbers, dates, a number where an NIP belongs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    wb.addWorksheet('Petunjuk').addRow(['bukan data']);
    ws.addRow(['NIP', 'Tanggal', 'Nilai', 'Catatan']);
    ws.addRow([
      '198503122010011002',
      new Date(Date.UTC(2026, 2, 3)),
      12.5,
      { richText: [{ text: 'Tebal' }] },
    ]);
    ws.addRow([]);
    ws.addRow([Number('198503122010011002'), '03/03/2026', null, 'ñandú']);
    const table = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), limits);
    expect(table.header.cells).toEqual(['NIP', 'Tanggal', 'Nilai', 'Catatan']);
    expect(table.rows).toHaveLength(2);
    const [first, second] = table.rows;
    expect(first).toMatchObject({ baris: 2, problems: {}, numbers: { 2: 12.5 } });
    expect(first?.cells[0]).toBe('198503122010011002');
    expect(new Date(first!.cells[1]!).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(first?.cells.slice(2)).toEqual(['12.5', 'Tebal']);
    expect(second).toMatchObject({ baris: 4, cells: [expect.any(String), '03/03/2026', '', 'ñandú'] });
    expect(second?.problems[0]).toMatch(/^Sel A4 berisi angka .* isi NIP sebagai teks/);
  });

  it("reads Excel's part order (the sheet before the shared strings) and keeps split characters", async () => {
    const panjang = 'é'.repeat(200_000);
    const table = await readSpreadsheet(
      xlsx(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
          `<row r="3"><c r="A3"><v>7</v></c><c r="B3" t="inlineStr"><is><t>${panjang}</t></is></c></row>` +
          '</sheetData></worksheet>',
        { sharedStrings: ['ID RHK', 'Realisasi (teks)'] },
      ),
      limits,
    );
    expect(table.header.cells).toEqual(['ID RHK', 'Realisasi (teks)']);
    expect(table.rows).toEqual([{ baris: 3, cells: ['7', panjang], problems: {}, numbers: { 0: 7 } }]);
  });

  it('reads the sheet listed first in the workbook, whatever its part is called', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const file = zip([
      {
        name: 'xl/workbook.xml',
        data: `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Isian" sheetId="2" r:id="rId2"/><sheet name="Lama" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/isian.xml"/></Relationships>`,
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheetXml([['Lama']]) },
      { name: 'xl/worksheets/isian.xml', data: sheetXml([['Isian'], ['1']]) },
    ]);
    const table = await readSpreadsheet(file, limits);
    expect(table.header.cells).toEqual(['Isian']);
    expect(table.rows.map((r) => r.cells)).toEqual([['1']]);
  });

  it('stops at the row cap without reading further (the rest of this sheet is broken)', async () => {
    // Broken past the first chunks the sheet inflates in: reached only by a reader that goes on.
    const sheet = sheetXml([['ID', 'Teks'], ...dataRows(11), ['isi', 'x'.repeat(300_000)]]).replace(
      '</sheetData></worksheet>',
      '<row r="99"><c r="A99"><v>1</v></c><<<rusak',
    );
    expect(await refusal(xlsx(sheet))).toMatchObject({ code: 'BARIS_TERLALU_BANYAK', status: 422 });
    expect(await refusal(xlsx(sheet), { rows: 20, bytes: MiB })).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      status: 415,
    });
  });

  it('refuses, from the ZIP directory alone, a total over the cap or a bomb-like compression ratio', async () => {
    const besar = xlsx(sheetXml([['Teks', 'x'.repeat(1_200_000)]]));
    expect(await refusal(besar)).toEqual({
      code: 'BERKAS_TERLALU_BESAR',
      status: 413,
      message: 'Isi berkas XLSX lebih dari 1 MB setelah diekstrak, batas impor ini.',
      details: { maks: MiB },
    });
    const bom = xlsx(sheetXml([['Teks', ' '.repeat(4 * MiB)]]));
    expect(bom.length).toBeLessThan(MiB / 10);
    expect(await refusal(bom, { rows: 10, bytes: 64 * MiB })).toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      status: 413,
      message: expect.stringMatching(
        /^Berkas XLSX tidak wajar: bagian xl\/worksheets\/sheet1\.xml dipampatkan \d+ kali, impor menerima paling banyak 100 kali\.$/,
      ),
    });
  });

  it('counts what actually inflates: a directory that declares a small sheet stops at the cap', async () => {
    const bohong = xlsx(sheetXml([['Teks', 'x'.repeat(3 * MiB)]]), { declaredSheetSize: 1000 });
    expect(await refusal(bohong)).toMatchObject({
      code: 'BERKAS_TERLALU_BESAR',
      status: 413,
      message: 'Isi berkas XLSX lebih dari 1 MB setelah diekstrak, batas impor ini.',
    });
  });

  it('answers 415 for a ZIP that is no workbook or a damaged one, 400 for data beyond the last column', async () => {
    expect(await refusal(zip([{ name: 'a.txt', data: 'halo' }]))).toMatchObject({ status: 415 });
    const rusak = xlsx(sheetXml([['a']]));
    expect(await refusal(rusak.subarray(0, rusak.length - 30))).toMatchObject({ status: 415 });
    const lebar = sheetXml([['a']]).replace('</row>', '<c r="JZ1" t="inlineStr"><is><t>b</t></is></c></row>');
    expect(await refusal(xlsx(lebar))).toMatchObject({ status: 400 });
  });
});
