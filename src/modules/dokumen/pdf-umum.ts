/**
 * Parts every printed document shares (pure): table headers, dates, signature blocks, the DRAF mark
 * and the footer with the verification code, its address and QR code.
 */
import type { Content, DynamicContent, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Identitas } from '../../contracts/skp.js';
import { NAMA_BULAN as BULAN } from '../../domain/jadwal.js';
import { formatKode } from '../../domain/verifikasi.js';

export const HEADER_FILL = '#e0e0e0';
export const GROUP_FILL = '#f3f3f3';
export const KOSONG = '-';

/** `2026-01-31` → `31 Januari 2026`. */
export function formatTanggal(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d} ${BULAN[Number(m) - 1]} ${y}`;
}

export function th(
  text: string,
  extra: Partial<{ colSpan: number; alignment: 'left' | 'center' }> = {},
): TableCell {
  return { text, bold: true, fillColor: HEADER_FILL, alignment: 'center', ...extra };
}

/** Cells a colSpan/rowSpan covers must still be present; pdfmake takes empty objects. */
export const covered = (): TableCell => ({});

/** The national forms' identity block: the employee beside the assessor, five numbered rows. */
export function identitasTable(pegawai: Identitas, penilai: Identitas | null): Content {
  const rows: [string, (i: Identitas) => string | null][] = [
    ['Nama', (i) => i.nama],
    ['NIP', (i) => i.nip],
    ['Pangkat/Gol. Ruang', (i) => i.pangkatGolongan],
    ['Jabatan', (i) => i.jabatan],
    ['Unit Kerja', (i) => i.unitKerja],
  ];
  return {
    table: {
      headerRows: 1,
      widths: [16, 88, '*', 16, 88, '*'],
      body: [
        [
          th('NO'),
          th('PEGAWAI YANG DINILAI', { colSpan: 2 }),
          covered(),
          th('NO'),
          th('PEJABAT PENILAI KINERJA', { colSpan: 2 }),
          covered(),
        ],
        ...rows.map(([label, pick], i): TableCell[] => [
          { text: String(i + 1), alignment: 'center' },
          label,
          pick(pegawai) || KOSONG,
          { text: String(i + 1), alignment: 'center' },
          label,
          (penilai && pick(penilai)) || KOSONG,
        ]),
      ],
    },
  };
}

/** Who signs: printed name and NIP; unknown ones leave dotted lines to fill by hand. */
export interface Penanda {
  nama: string;
  nip: string;
}

/** One signature block: place and date, role, room to sign, name underlined, NIP. */
export function blokTandaTangan(
  peran: string,
  orang: Penanda | null,
  tanggal: string | null,
  tempat: string,
): Content {
  return {
    stack: [
      `${tempat}, ${tanggal ? formatTanggal(tanggal) : '……………………………'}`,
      peran,
      { text: ' ', margin: [0, 0, 0, 44] },
      { text: orang?.nama ?? '……………………………………', bold: true, decoration: orang ? 'underline' : undefined },
      `NIP. ${orang?.nip ?? '……………………………'}`,
    ],
    alignment: 'center',
  };
}

/**
 * The registry entry a print carries: its code and the public address that checks it, with the
 * issuing instansi's place of signing (pengaturan), printed beside every signature date.
 */
export interface Verifikasi {
  kode: string;
  url: string;
  tempat: string;
}

/** Room at the bottom of each page for the footer with the QR code. */
export const MARGIN_HALAMAN: [number, number, number, number] = [40, 48, 40, 78];

/** Page footer: QR code of the verification address, the code grouped for typing, the page number. */
export function footerVerifikasi(v: Verifikasi, keterangan: string): DynamicContent {
  return (page, pages) => ({
    margin: [40, 10, 40, 0],
    fontSize: 7,
    color: '#555555',
    columns: [
      { qr: v.url, fit: 56, width: 60, eccLevel: 'M' },
      {
        width: '*',
        margin: [4, 4, 0, 0],
        stack: [
          { text: `Kode verifikasi: ${formatKode(v.kode)}`, bold: true, fontSize: 8, color: '#000000' },
          `Keaslian dokumen ini dapat diperiksa di ${v.url}`,
          keterangan,
        ],
      },
      { text: `Halaman ${page} dari ${pages}`, alignment: 'right', width: 'auto', margin: [0, 4, 0, 0] },
    ],
  });
}

/** A document that is not final: a watermark and a red line on top of every page. */
export function tandaDraf(pesan: string): Pick<TDocumentDefinitions, 'watermark' | 'header'> {
  return {
    watermark: { text: 'DRAF', opacity: 0.08, bold: true, angle: -45 },
    header: () => ({
      text: pesan,
      color: '#b00020',
      bold: true,
      alignment: 'center',
      margin: [40, 20, 40, 0],
    }),
  };
}

export const GAYA: TDocumentDefinitions['styles'] = {
  judul: { fontSize: 12, bold: true, alignment: 'center' },
  subjudul: { fontSize: 10, bold: true, alignment: 'center' },
  bagian: { fontSize: 10, bold: true, margin: [0, 12, 0, 4] },
};

/**
 * A section title as the first header row of its table (borderless, spanning every column): pdfmake
 * moves header rows with the first body row, so the title never ends a page alone; it repeats, with
 * the column header, on each page the table runs onto (issue 14).
 */
export function judulTabel(judul: string, kolom: number): TableCell[] {
  return [
    { text: judul, style: 'bagian', colSpan: kolom, border: [false, false, false, false] },
    ...Array.from({ length: kolom - 1 }, covered),
  ];
}

/** A label–value table (the identity blocks of the evaluation documents). */
export function tabelIsian(
  rows: [string, string | null][],
  widths: (number | string)[] = [120, '*'],
): Content {
  return {
    table: { widths, body: rows.map(([label, value]): TableCell[] => [label, value?.trim() || KOSONG]) },
  };
}
