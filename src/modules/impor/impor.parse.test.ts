import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseEmployeeFile, rowsFromRecords } from './impor.parse.js';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('parseEmployeeFile', () => {
  it('maps SIASN-style headers case- and punctuation-insensitively, with ; and a BOM', async () => {
    const rows = await parseEmployeeFile(
      csv(
        '\uFEFFNIP;NAMA;Jenis_ASN;GOL RU;Nama Jabatan;Unit Kerja;NIP Atasan\n198503122010011002;Budi;PNS;III/a;Analis;Dinas A;\n',
      ),
    );
    expect(rows).toEqual([
      {
        baris: 2,
        values: {
          nip: '198503122010011002',
          nama: 'Budi',
          jenisAsn: 'PNS',
          golongan: 'III/a',
          jabatan: 'Analis',
          unor: 'Dinas A',
        },
        problems: [],
      },
    ]);
  });

  it('keeps quoted commas and skips blank lines, counting rows as the spreadsheet does', async () => {
    const rows = await parseEmployeeFile(
      csv('NIP,Nama,Jenis ASN,Golongan,Jabatan,Unor\n\n1,"Siti, S.E.",PNS,III/a,Staf,"Bidang A, B"\n'),
    );
    expect(rows[0]?.baris).toBe(3);
    expect(rows[0]?.values.nama).toBe('Siti, S.E.');
    expect(rows[0]?.values.unor).toBe('Bidang A, B');
  });

  it('names the missing required columns', async () => {
    await expect(parseEmployeeFile(csv('NIP,Nama\n1,A\n'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Kolom wajib tidak ditemukan: Jenis ASN, Golongan, Jabatan, Unor.',
    });
  });

  it('refuses binary content that is not XLSX, whatever the file is called', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await expect(parseEmployeeFile(png)).rejects.toBeInstanceOf(AppError);
    await expect(parseEmployeeFile(png)).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
  });

  it('reads XLSX, and flags an NIP that Excel stored as a number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'Nama', 'Jenis ASN', 'Golongan', 'Jabatan', 'Unor']);
    ws.addRow(['198503122010011002', 'Teks', 'PNS', 'III/a', 'Staf', 'Dinas A']);
    ws.addRow([Number('198503122010011002'), 'Angka', 'PNS', 'III/a', 'Staf', 'Dinas A']);
    const rows = await parseEmployeeFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0]).toMatchObject({
      baris: 2,
      values: { nip: '198503122010011002', nama: 'Teks' },
      problems: [],
    });
    expect(rows[1]?.problems[0]).toMatch(/^Sel A3 berisi angka .* isi NIP sebagai teks/);
  });
});

describe('rowsFromRecords (rows sent as JSON)', () => {
  it('reads like a file row: trimmed, empty cells dropped, numbered from 1', () => {
    expect(
      rowsFromRecords([
        { nip: ' 198503302010011002 ', nama: 'Andi', gelarDepan: '', nipAtasan: null },
        { nip: '199001012015031001', nama: 'Budi', unor: 'Seksi Kurikulum' },
      ]),
    ).toEqual([
      { baris: 1, values: { nip: '198503302010011002', nama: 'Andi' }, problems: [] },
      {
        baris: 2,
        values: { nip: '199001012015031001', nama: 'Budi', unor: 'Seksi Kurikulum' },
        problems: [],
      },
    ]);
  });
});
