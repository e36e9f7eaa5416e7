/**
 * Penetapan Predikat Kinerja (SPEC §6.4, §8): the unit leader finalises the organisation predikat with
 * the resulting distribution of the employees' predikat, the curve's breaches and the justification.
 * Pure: no I/O.
 */
import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Identitas } from '../../contracts/skp.js';
import { formatPersen } from '../../domain/angka.js';
import type { Distribusi } from '../../domain/kurva.js';
import {
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatOrganisasi,
} from '../../domain/predikat.js';
import { grafikDistribusi } from './grafik-distribusi.js';
import {
  blokTandaTangan,
  footerVerifikasi,
  GAYA,
  KOSONG,
  MARGIN_HALAMAN,
  tabelIsian,
  th,
  type Verifikasi,
} from './pdf-umum.js';

export interface PenetapanData {
  instansiNama: string;
  unitNama: string;
  periodeLabel: string;
  predikatOrganisasi: PredikatOrganisasi;
  jumlah: Distribusi;
  /** Employees whose annual evaluation was not FINAL when finalised (not in `jumlah`). */
  belumFinal: number;
  pelanggaran: string[];
  justifikasi: string | null;
  penetap: Identitas | null;
  /** YYYY-MM-DD in the instansi's zone. */
  tanggal: string;
}

export function penetapanDocument(d: PenetapanData, verifikasi: Verifikasi): TDocumentDefinitions {
  const n = PREDIKAT_PEGAWAI.reduce((s, p) => s + d.jumlah[p], 0);
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGIN_HALAMAN,
    info: {
      title: `Penetapan Predikat Kinerja ${d.unitNama} ${d.periodeLabel}`,
      subject: 'Penetapan Predikat Kinerja',
      creator: 'e-Kinerja',
    },
    footer: footerVerifikasi(verifikasi, `Penetapan predikat kinerja · ${d.unitNama} · ${d.periodeLabel}`),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    styles: GAYA,
    content: [
      { text: 'PENETAPAN PREDIKAT KINERJA', style: 'judul' },
      { text: d.instansiNama.toUpperCase(), style: 'subjudul', margin: [0, 2, 0, 10] },
      tabelIsian([
        ['Unit Kerja', d.unitNama],
        ['Periode', d.periodeLabel],
        ['Predikat Kinerja Organisasi', PREDIKAT_ORGANISASI_LABEL[d.predikatOrganisasi]],
      ]),
      { text: 'DISTRIBUSI PREDIKAT KINERJA PEGAWAI', style: 'bagian' },
      {
        table: {
          headerRows: 1,
          widths: ['*', 60, 60],
          body: [
            [th('Predikat Kinerja Pegawai'), th('Jumlah'), th('Persentase')],
            ...PREDIKAT_PEGAWAI.map((p): TableCell[] => [
              PREDIKAT_PEGAWAI_LABEL[p],
              { text: String(d.jumlah[p]), alignment: 'right' },
              { text: n ? formatPersen((d.jumlah[p] / n) * 100) : KOSONG, alignment: 'right' },
            ]),
            [{ text: 'Jumlah', bold: true }, { text: String(n), alignment: 'right', bold: true }, ''],
          ],
        },
      },
      ...(d.belumFinal
        ? [
            {
              text: `Bersifat sementara: ${d.belumFinal} pegawai belum memiliki evaluasi tahunan final dan tidak dihitung.`,
              italics: true,
              margin: [0, 4, 0, 0] as [number, number, number, number],
            },
          ]
        : []),
      { text: ' ', margin: [0, 4, 0, 0] },
      grafikDistribusi(d.jumlah),
      { text: 'KESESUAIAN DENGAN KURVA DISTRIBUSI', style: 'bagian' },
      d.pelanggaran.length ? { ul: d.pelanggaran } : 'Distribusi sesuai dengan kurva yang diharapkan.',
      ...(d.justifikasi?.trim() ? [{ text: 'JUSTIFIKASI', style: 'bagian' }, d.justifikasi.trim()] : []),
      {
        unbreakable: true,
        margin: [0, 20, 0, 0],
        columns: [
          { text: '', width: '*' },
          {
            width: 240,
            stack: [blokTandaTangan('Pimpinan Unit Kerja', d.penetap, d.tanggal, verifikasi.tempat)],
          },
        ],
      },
    ],
  };
}
