/**
 * Evaluasi Kinerja Pegawai (SPEC §8), periodic or annual, as a pdfmake definition: identity,
 * capaian kinerja organisasi, the unit's pola distribusi, hasil kerja with realisasi and umpan balik,
 * the rating, perilaku kerja with umpan balik, the rating, the predikat, signatures. Pure: no I/O.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Identitas } from '../../contracts/skp.js';
import type { Distribusi } from '../../domain/kurva.js';
import {
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatOrganisasi,
  type PredikatPegawai,
  RATING_LABEL,
  type Rating,
} from '../../domain/predikat.js';
import type { JenisRhk } from '../../domain/skp.js';
import { grafikDistribusi } from './grafik-distribusi.js';
import {
  blokTandaTangan,
  covered,
  footerVerifikasi,
  GAYA,
  GROUP_FILL,
  identitasTable,
  judulTabel,
  KOSONG,
  MARGIN_HALAMAN,
  tandaDraf,
  th,
  type Verifikasi,
} from './pdf-umum.js';

export interface HasilKerjaBaris {
  jenis: JenisRhk;
  rencana: string;
  /** Each IKI as `indikator: target`. */
  indikator: string[];
  /** The realisasi as printed, one line per period for the annual document. */
  realisasi: string[];
  umpanBalik: string[];
}

export interface EvaluasiData {
  jenis: 'PERIODIK' | 'TAHUNAN';
  instansiNama: string;
  /** 'Juli 2026', 'Tahun 2026'. */
  periodeLabel: string;
  pegawai: Identitas;
  pejabatPenilai: Identitas | null;
  capaianOrganisasi: { predikat: PredikatOrganisasi; unitNama: string } | null;
  distribusi: { unitNama: string; jumlah: Distribusi };
  hasilKerja: HasilKerjaBaris[];
  perilaku: { nama: string; ekspektasi: string | null; umpanBalik: string[] }[];
  hasil: {
    ratingHasilKerja: Rating;
    ratingPerilaku: Rating;
    predikat: PredikatPegawai;
    catatan: string | null;
  } | null;
  /** Null when final; otherwise why it is still a draft. */
  draf: string | null;
  /** Signing date (YYYY-MM-DD) when final. */
  tanggal: string | null;
}

const daftar = (items: string[]): TableCell =>
  items.length === 0 ? KOSONG : items.length === 1 ? items[0]! : { ul: items };

function hasilKerjaTable(d: EvaluasiData): Content {
  const kolom = [
    'No',
    'Rencana Hasil Kerja',
    'Indikator Kinerja Individu dan Target',
    'Realisasi',
    'Umpan Balik',
  ];
  const group = (jenis: JenisRhk, title: string): TableCell[][] => {
    const items = d.hasilKerja.filter((r) => r.jenis === jenis);
    const heading: TableCell[] = [
      { text: title, bold: true, fillColor: GROUP_FILL, colSpan: kolom.length },
      ...kolom.slice(1).map(covered),
    ];
    if (!items.length)
      return [
        heading,
        [{ text: KOSONG, alignment: 'center', colSpan: kolom.length }, ...kolom.slice(1).map(covered)],
      ];
    return [
      heading,
      ...items.map((r, i): TableCell[] => [
        { text: String(i + 1), alignment: 'center' },
        r.rencana,
        daftar(r.indikator),
        daftar(r.realisasi),
        daftar(r.umpanBalik),
      ]),
    ];
  };
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: [18, '*', '*', '*', '*'],
      body: [
        judulTabel('HASIL KERJA', kolom.length),
        kolom.map((c) => th(c)),
        ...group('UTAMA', 'A. Utama'),
        ...group('TAMBAHAN', 'B. Tambahan'),
      ],
    },
  };
}

function perilakuTable(d: EvaluasiData): Content {
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: [18, '*', '*', '*'],
      body: [
        judulTabel('PERILAKU KERJA', 4),
        [th('No'), th('Perilaku Kerja'), th('Ekspektasi Khusus Pimpinan'), th('Umpan Balik')],
        ...d.perilaku.map((p, i): TableCell[] => [
          { text: String(i + 1), alignment: 'center' },
          { text: p.nama, bold: true },
          p.ekspektasi?.trim() || KOSONG,
          daftar(p.umpanBalik),
        ]),
      ],
    },
  };
}

const baris = (label: string, value: string): Content => ({
  margin: [0, 4, 0, 0],
  columns: [
    { text: label, bold: true, width: 180 },
    { text: value, width: '*' },
  ],
});

export function evaluasiDocument(d: EvaluasiData, verifikasi: Verifikasi): TDocumentDefinitions {
  const judul =
    d.jenis === 'TAHUNAN' ? 'EVALUASI KINERJA PEGAWAI TAHUNAN' : 'EVALUASI KINERJA PEGAWAI PERIODIK';
  const rating = (r: Rating | undefined) => (r ? RATING_LABEL[r] : 'Belum dinilai');
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGIN_HALAMAN,
    info: {
      title: `Evaluasi Kinerja ${d.pegawai.nama} ${d.periodeLabel}`,
      subject: 'Evaluasi Kinerja Pegawai',
      creator: 'e-Kinerja',
    },
    ...(d.draf ? tandaDraf(d.draf) : {}),
    footer: footerVerifikasi(verifikasi, `Evaluasi kinerja ${d.pegawai.nip} · ${d.periodeLabel}`),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    styles: GAYA,
    content: [
      { text: judul, style: 'judul' },
      {
        margin: [0, 10, 0, 4],
        columns: [
          { text: d.instansiNama.toUpperCase(), bold: true, width: '*' },
          { text: `PERIODE PENILAIAN: ${d.periodeLabel.toUpperCase()}`, bold: true, width: 'auto' },
        ],
      },
      identitasTable(d.pegawai, d.pejabatPenilai),
      { text: 'CAPAIAN KINERJA ORGANISASI', style: 'bagian' },
      d.capaianOrganisasi
        ? `${PREDIKAT_ORGANISASI_LABEL[d.capaianOrganisasi.predikat]} (${d.capaianOrganisasi.unitNama})`
        : 'Belum ditetapkan',
      { text: `POLA DISTRIBUSI PREDIKAT KINERJA PEGAWAI — ${d.distribusi.unitNama}`, style: 'bagian' },
      grafikDistribusi(d.distribusi.jumlah),
      hasilKerjaTable(d),
      baris('RATING HASIL KERJA', rating(d.hasil?.ratingHasilKerja)),
      perilakuTable(d),
      baris('RATING PERILAKU KERJA', rating(d.hasil?.ratingPerilaku)),
      baris('PREDIKAT KINERJA PEGAWAI', d.hasil ? PREDIKAT_PEGAWAI_LABEL[d.hasil.predikat] : 'Belum dinilai'),
      baris('CATATAN', d.hasil?.catatan?.trim() || KOSONG),
      {
        unbreakable: true,
        margin: [0, 18, 0, 0],
        columns: [
          blokTandaTangan('Pegawai yang Dinilai', d.pegawai, d.tanggal, verifikasi.tempat),
          { text: '', width: 40 },
          blokTandaTangan('Pejabat Penilai Kinerja', d.pejabatPenilai, d.tanggal, verifikasi.tempat),
        ],
      },
    ],
  };
}
