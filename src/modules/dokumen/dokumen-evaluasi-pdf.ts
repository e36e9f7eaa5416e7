/**
 * Dokumen Evaluasi Kinerja Pegawai (SPEC §8): the one-page annual summary with numbered fields —
 * 1 pegawai, 2 pejabat penilai, 3 atasan pejabat penilai, 4 capaian organisasi, 5 predikat,
 * 6 catatan/rekomendasi, and the decision on an objection when there is one — then signatures.
 * Pure: no I/O.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Identitas } from '../../contracts/skp.js';
import {
  PREDIKAT_ORGANISASI_LABEL,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatOrganisasi,
  type PredikatPegawai,
  RATING_LABEL,
  type Rating,
} from '../../domain/predikat.js';
import {
  blokTandaTangan,
  covered,
  footerVerifikasi,
  GAYA,
  HEADER_FILL,
  KOSONG,
  MARGIN_HALAMAN,
  tandaDraf,
  type Verifikasi,
} from './pdf-umum.js';

export interface DokumenEvaluasiData {
  instansiNama: string;
  tahun: number;
  /** '01 Januari 2026 s.d. 31 Desember 2026'. */
  periodeRentang: string;
  pegawai: Identitas;
  pejabatPenilai: Identitas | null;
  atasanPejabatPenilai: Identitas | null;
  capaianOrganisasi: PredikatOrganisasi | null;
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: PredikatPegawai;
  catatan: string | null;
  rekomendasi: string | null;
  keberatan: {
    keputusan: 'DIKUATKAN' | 'DIUBAH';
    ratingHasilKerja: Rating | null;
    ratingPerilaku: Rating | null;
    predikat: PredikatPegawai | null;
    pertimbangan: string | null;
    tanggal: string | null;
  } | null;
  draf: string | null;
  tanggalPegawai: string | null;
  tanggalPenilai: string | null;
}

type Row = TableCell[];

const bagian = (no: number, title: string): Row => [
  { text: String(no), bold: true, alignment: 'center', fillColor: HEADER_FILL },
  { text: title, bold: true, colSpan: 2, fillColor: HEADER_FILL },
  covered(),
];
const isian = (label: string, value: string | null | undefined): Row => ['', label, value?.trim() || KOSONG];

function orang(no: number, title: string, i: Identitas | null): Row[] {
  return [
    bagian(no, title),
    isian('Nama', i?.nama),
    isian('NIP', i?.nip),
    isian('Pangkat/Gol. Ruang', i?.pangkatGolongan),
    isian('Jabatan', i?.jabatan),
    isian('Unit Kerja', i?.unitKerja),
  ];
}

export function dokumenEvaluasiDocument(
  d: DokumenEvaluasiData,
  verifikasi: Verifikasi,
): TDocumentDefinitions {
  const k = d.keberatan;
  const body: Row[] = [
    ...orang(1, 'PEGAWAI YANG DINILAI', d.pegawai),
    ...orang(2, 'PEJABAT PENILAI KINERJA', d.pejabatPenilai),
    ...orang(3, 'ATASAN PEJABAT PENILAI KINERJA', d.atasanPejabatPenilai),
    bagian(4, 'EVALUASI KINERJA'),
    isian(
      'Capaian Kinerja Organisasi',
      d.capaianOrganisasi ? PREDIKAT_ORGANISASI_LABEL[d.capaianOrganisasi] : 'Belum ditetapkan',
    ),
    bagian(5, 'PREDIKAT KINERJA PEGAWAI'),
    isian('Rating Hasil Kerja', RATING_LABEL[d.ratingHasilKerja]),
    isian('Rating Perilaku Kerja', RATING_LABEL[d.ratingPerilaku]),
    isian('Predikat Kinerja Pegawai', PREDIKAT_PEGAWAI_LABEL[d.predikat]),
    bagian(6, 'CATATAN/REKOMENDASI'),
    isian('Catatan', d.catatan),
    isian('Rekomendasi', d.rekomendasi),
    ...(k
      ? [
          bagian(7, 'KEPUTUSAN ATAS KEBERATAN'),
          isian('Keputusan', k.keputusan === 'DIUBAH' ? 'Diubah' : 'Dikuatkan'),
          ...(k.keputusan === 'DIUBAH'
            ? [
                isian('Rating Hasil Kerja', k.ratingHasilKerja && RATING_LABEL[k.ratingHasilKerja]),
                isian('Rating Perilaku Kerja', k.ratingPerilaku && RATING_LABEL[k.ratingPerilaku]),
                isian('Predikat Kinerja Pegawai', k.predikat && PREDIKAT_PEGAWAI_LABEL[k.predikat]),
              ]
            : []),
          isian('Pertimbangan', k.pertimbangan),
        ]
      : []),
  ];
  const tandaTangan: Content = {
    unbreakable: true,
    margin: [0, 16, 0, 0],
    columns: [
      blokTandaTangan('Pegawai yang Dinilai', d.pegawai, d.tanggalPegawai, verifikasi.tempat),
      blokTandaTangan('Pejabat Penilai Kinerja', d.pejabatPenilai, d.tanggalPenilai, verifikasi.tempat),
      ...(k
        ? [
            blokTandaTangan(
              'Atasan Pejabat Penilai Kinerja',
              d.atasanPejabatPenilai,
              k.tanggal,
              verifikasi.tempat,
            ),
          ]
        : []),
    ],
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGIN_HALAMAN,
    info: {
      title: `Dokumen Evaluasi Kinerja ${d.pegawai.nama} ${d.tahun}`,
      subject: 'Dokumen Evaluasi Kinerja Pegawai',
      creator: 'e-Kinerja',
    },
    ...(d.draf ? tandaDraf(d.draf) : {}),
    footer: footerVerifikasi(verifikasi, `Dokumen evaluasi kinerja ${d.pegawai.nip} · tahun ${d.tahun}`),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    styles: GAYA,
    content: [
      { text: 'DOKUMEN EVALUASI KINERJA PEGAWAI', style: 'judul' },
      { text: `PERIODE: ${d.periodeRentang.toUpperCase()}`, style: 'subjudul', margin: [0, 2, 0, 0] },
      { text: d.instansiNama.toUpperCase(), bold: true, margin: [0, 10, 0, 4] },
      { table: { widths: [18, 140, '*'], dontBreakRows: true, body } },
      tandaTangan,
    ],
  };
}
