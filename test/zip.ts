/**
 * Hand-built ZIP and XLSX files for the import tests and the upload bench: a million rows in about a
 * second, and archives whose directory lies about their sizes, which no spreadsheet program writes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer | string;
  /** The uncompressed size the archive declares, when it is to lie. */
  declaredSize?: number;
}

function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** A deflated ZIP of the parts, in their order. */
export function zip(parts: ZipPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.from(part.data);
    const packed = deflateRawSync(data);
    const name = Buffer.from(part.name);
    // version, flags (UTF-8 names), deflate, time, date, crc, sizes, name length, extra length
    const fields = [
      u16(20),
      u16(0x0800),
      u16(8),
      u16(0),
      u16(0x21),
      u32(crc32(data)),
      u32(packed.length),
      u32(part.declaredSize ?? data.length),
      u16(name.length),
      u16(0),
    ];
    const header = Buffer.concat([u32(0x04034b50), ...fields, name]);
    local.push(header, packed);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...fields,
        u16(0), // comment length
        u16(0), // disk
        u16(0), // internal attributes
        u32(0), // external attributes
        u32(offset),
        name,
      ]),
    );
    offset += header.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(parts.length),
    u16(parts.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...local, directory, end]);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Column letters of a 0-based index (A … Z, AA …). */
function column(i: number): string {
  return (i >= 26 ? column(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
}

/** Sheet XML of text rows (inline strings), from row 1. */
export function sheetXml(rows: string[][]): string {
  const body = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells
          .map((v, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * A minimal XLSX around one sheet's XML, in Excel's part order (the sheet before the shared strings).
 * `declaredSheetSize` makes the directory lie about the sheet.
 */
export function xlsx(
  sheet: Buffer | string,
  options: { sharedStrings?: string[]; declaredSheetSize?: number } = {},
): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="Lembar1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: options.declaredSheetSize },
    {
      name: 'xl/sharedStrings.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${(options.sharedStrings ?? [])
        .map((s) => `<si><t>${xmlText(s)}</t></si>`)
        .join('')}</sst>`,
    },
  ];
  return zip(parts);
}

/**
 * A realisasi bulk-entry file of `count` data rows (ID RHK, Realisasi (teks)), the text in shared
 * strings: the shape of the issue's upload, 1,000,000 rows in 7.8 MB (80 MB inflated). A small
 * `declaredSheetSize` hides that behind the directory, so only reading the rows finds it.
 */
export function xlsxBanyakBaris(count: number, options: { declaredSheetSize?: number } = {}): Buffer {
  const chunks: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
    ),
  ];
  const BLOCK = 10_000;
  for (let start = 2; start <= count + 1; start += BLOCK) {
    let block = '';
    for (let r = start; r < Math.min(start + BLOCK, count + 2); r++)
      block += `<row r="${r}"><c r="A${r}"><v>101</v></c><c r="B${r}" t="s"><v>2</v></c></row>`;
    chunks.push(Buffer.from(block));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  return xlsx(Buffer.concat(chunks), {
    sharedStrings: ['ID RHK', 'Realisasi (teks)', 'Kegiatan'],
    declaredSheetSize: options.declaredSheetSize,
  });
}
