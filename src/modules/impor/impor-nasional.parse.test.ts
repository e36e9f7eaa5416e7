import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { KOLOM_LAPORAN_PENILAIAN_SKP, kolomBulanan } from '../../domain/laporan.js';
import { AppError } from '../../platform/errors.js';
import { readSpreadsheet, type Table, type TableRow } from '../../platform/spreadsheet.js';
import { BATAS_BERKAS_NASIONAL, parseLaporanNasional, peranKolom } from './impor-nasional.parse.js';

const NIP = '198503122010011002';
const row = (baris: number, cells: string[], problems: TableRow['problems'] = {}): TableRow => ({
  baris,
  cells,
  problems,
});
const table = (...rows: TableRow[]): Table => ({ header: rows[0]!, rows: rows.slice(1) });
const baca = (t: Table) =>
  parseLaporanNasional(t).baris.map((b) => ({ ...b, bulan: Object.fromEntries(b.bulan) }));

describe('peranKolom', () => {
  it.each([
    ['NIP', { jenis: 'nip' }],
    ['NIP Baru', { jenis: 'nip' }],
    ['Nama Pegawai', { jenis: 'nama' }],
    ['Januari', { jenis: 'bulan', bulan: 1 }],
    ['JAN', { jenis: 'bulan', bulan: 1 }],
    ['Predikat Februari 2026', { jenis: 'bulan', bulan: 2 }],
    ['Bulan Agt', { jenis: 'bulan', bulan: 8 }],
    ['Periode Desember', { jenis: 'bulan', bulan: 12 }],
    ['Predikat Tahunan', { jenis: 'tahunan' }],
    ['Tahunan 2026', { jenis: 'tahunan' }],
    ['Predikat Kinerja', { jenis: 'tahunan' }],
    ['PREDIKAT', { jenis: 'tahunan' }],
    ['Hasil Penilaian Kinerja', { jenis: 'tahunan' }],
    ['Periode Penilaian', null],
    ['Jabatan', null],
    ['No', null],
    ['Periode', null],
  ])('%j', (judul, peran) => {
    expect(peranKolom(judul)).toEqual(peran);
  });
});

describe('parseLaporanNasional', () => {
  it('skips title lines, reads months and the annual column, tolerates spaces in the NIP', () => {
    const rows = baca(
      table(
        row(1, ['LAPORAN PENILAIAN SKP']),
        row(2, ['Tahun 2026']),
        row(4, ['No', 'NIP', 'Nama', 'Jabatan', 'Januari', 'Februari', 'Maret', 'Tahunan']),
        row(5, ['1', '19850312 201001 1 002', 'Budi', 'Analis', 'Baik', 'Sangat Baik', '-', '']),
        row(6, ['2', `'${NIP.replace('1002', '1003')}`, 'Ani', 'Analis', '', 'Butuh Perbaikan', '', 'Baik']),
        row(30, ['', '', 'Mengetahui,']),
      ),
    );
    expect(rows).toEqual([
      {
        baris: 5,
        nip: NIP,
        nama: 'Budi',
        bulan: { 1: 'BAIK', 2: 'SANGAT_BAIK' },
        tahunan: null,
        masalah: [],
      },
      {
        baris: 6,
        nip: NIP.replace('1002', '1003'),
        nama: 'Ani',
        bulan: { 2: 'BUTUH_PERBAIKAN' },
        tahunan: 'BAIK',
        masalah: [],
      },
    ]);
  });

  it('reads back the national-format sheet this application exports (Laporan → Laporan Penilaian SKP)', () => {
    const bulan = kolomBulanan([
      { periodeKode: '2026-03', predikat: 'KURANG' },
      { periodeKode: '2026-Q3', predikat: 'SANGAT_BAIK' },
    ]);
    const rows = baca(table(row(1, [...KOLOM_LAPORAN_PENILAIAN_SKP]), row(2, [NIP, 'Budi', ...bulan, '-'])));
    expect(rows[0]).toMatchObject({
      nip: NIP,
      bulan: { 3: 'KURANG', 7: 'SANGAT_BAIK', 8: 'SANGAT_BAIK', 9: 'SANGAT_BAIK' },
      tahunan: null,
      masalah: [],
    });
  });

  it('reads a two-line header (merged group over the month names)', () => {
    const rows = baca(
      table(
        row(1, ['NIP', 'Nama', 'Predikat Bulanan', '', 'Predikat Tahunan']),
        row(2, ['', '', 'Jan', 'Feb', '']),
        row(3, [NIP, 'Budi', 'Kurang/Misconduct', 'SANGAT KURANG', 'Kurang']),
      ),
    );
    expect(rows[0]).toMatchObject({ bulan: { 1: 'KURANG', 2: 'SANGAT_KURANG' }, tahunan: 'KURANG' });
  });

  it('lists each unreadable NIP and predikat on its row', () => {
    const rows = baca(
      table(
        row(1, ['NIP', 'Nama', 'Januari', 'Februari']),
        row(2, ['1985031220100', 'Budi', 'Baik', 'Bagus']),
        row(3, ['1.98503E+17', 'Ani', 'Baik', ''], {
          0: 'Sel A3 berisi angka (1.98503E+17); isi NIP sebagai teks.',
        }),
        row(4, ['', 'Tanpa NIP', 'Baik', '']),
      ),
    );
    expect(rows.map((r) => [r.nip, r.masalah])).toEqual([
      [
        null,
        [
          'NIP "1985031220100" bukan 18 digit.',
          'Februari: "Bagus" bukan predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang).',
        ],
      ],
      [null, ['Sel A3 berisi angka (1.98503E+17); isi NIP sebagai teks.']],
      [null, ['NIP kosong.']],
    ]);
  });

  it('refuses a file without an NIP column, without month columns, or with a month twice', () => {
    const pesan = (t: Table) => {
      try {
        parseLaporanNasional(t);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).message;
      }
      return 'diterima';
    };
    expect(pesan(table(row(1, ['Nama', 'Januari'])))).toContain('Kolom NIP tidak ditemukan');
    expect(pesan(table(row(1, ['NIP', 'Nama', 'Jabatan'])))).toContain('tidak memuat kolom predikat');
    expect(pesan(table(row(1, ['NIP', 'Jan', 'Januari'])))).toContain('Kolom Januari muncul dua kali');
    expect(pesan(table(row(1, ['NIP', 'Predikat Kinerja', 'Tahunan'])))).toContain(
      'Kolom Tahunan muncul dua kali',
    );
  });

  it('reads an XLSX as the national application writes it: the NIP as a number is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Laporan');
    ws.addRow(['Laporan Penilaian SKP']);
    ws.addRow(['NIP', 'Nama', 'Januari', 'Tahunan']);
    ws.addRow([NIP, 'Budi', 'Baik', null]);
    ws.addRow([Number(NIP), 'Ani', 'Baik', null]);
    const t = await readSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()), BATAS_BERKAS_NASIONAL);
    const {
      jenis,
      baris: [budi, ani],
    } = parseLaporanNasional(t);
    expect(jenis).toBe('LAPORAN_PENILAIAN_SKP');
    expect(budi).toMatchObject({ nip: NIP, masalah: [] });
    expect(ani!.nip).toBeNull();
    expect(ani!.masalah[0]).toContain('isi NIP sebagai teks');
  });

  it('reads the Laporan SKP: the annual predikat alone, named by its title line or by its columns', () => {
    const laporanSkp = table(
      row(1, ['LAPORAN SKP PEGAWAI']),
      row(2, ['Periode 1 Januari 2026 - 31 Desember 2026']),
      row(3, ['No', 'NIP', 'Nama', 'Jabatan', 'Periode Penilaian', 'Predikat Kinerja']),
      row(4, ['1', NIP, 'Budi', 'Analis', '01-01-2026 s.d. 31-12-2026', 'Sangat Baik']),
      row(5, ['2', NIP.replace('1002', '1003'), 'Ani', 'Analis', '', '-']),
    );
    const { jenis, baris } = parseLaporanNasional(laporanSkp);
    expect(jenis).toBe('LAPORAN_SKP');
    expect(baris.map((b) => [b.nip, b.tahunan, b.bulan.size, b.masalah])).toEqual([
      [NIP, 'SANGAT_BAIK', 0, []],
      [NIP.replace('1002', '1003'), null, 0, []],
    ]);
    const tanpaJudul = (...judul: string[]) =>
      parseLaporanNasional(table(row(1, ['NIP', 'Nama', ...judul]), row(2, [NIP, 'Budi', 'Baik', 'Baik'])))
        .jenis;
    expect(tanpaJudul('Predikat', 'Jabatan')).toBe('LAPORAN_SKP');
    expect(tanpaJudul('Januari', 'Tahunan')).toBe('LAPORAN_PENILAIAN_SKP');
    // The title decides over the columns: a Laporan SKP may carry months too.
    const denganBulan = table(row(1, ['Laporan SKP']), row(2, ['NIP', 'Januari', 'Predikat']));
    expect(parseLaporanNasional(denganBulan).jenis).toBe('LAPORAN_SKP');
  });
});
