/**
 * The official SKP document (SPEC §4, §8) as a pdfmake definition: A4 portrait, the national form's
 * layout (identity, hasil kerja, perilaku kerja, signatures, then the lampiran). Pure: no I/O.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { SkpDetail } from '../../contracts/skp.js';
import {
  ASPEK_LABEL,
  JENIS_LAMPIRAN,
  JENIS_LAMPIRAN_LABEL,
  type JenisRhk,
  PERSPEKTIF_LABEL,
} from '../../domain/skp.js';
import { STATUS_SKP_LABEL } from '../../domain/skp-workflow.js';
import {
  blokTandaTangan,
  covered,
  footerVerifikasi,
  formatTanggal,
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

const angka = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });

/** A target as printed: `1.250,5 – 1.500 dokumen` (KUANTITATIF) or the narrative (KUALITATIF). */
export function formatTarget(
  t: SkpDetail['rhk'][number]['iki'][number]['target'],
  pendekatan: SkpDetail['pendekatan'],
): string {
  if (t.nilai === null || (pendekatan === 'KUALITATIF' && t.teks)) return t.teks?.trim() || KOSONG;
  const range =
    t.nilaiMaks !== null && t.nilaiMaks !== t.nilai
      ? `${angka.format(t.nilai)} – ${angka.format(t.nilaiMaks)}`
      : angka.format(t.nilai);
  return [range, t.satuan?.trim()].filter(Boolean).join(' ');
}

type Rhk = SkpDetail['rhk'][number];

function rencanaCell(r: Rhk, rowSpan: number): TableCell {
  return {
    rowSpan,
    stack: [
      r.rencana,
      ...(r.penugasanDari
        ? [{ text: `Penugasan dari: ${r.penugasanDari}`, italics: true, fontSize: 8 }]
        : []),
    ],
  };
}

/** The rows of one RHK: the RHK cells span its IKIs (at least one row even without an IKI). */
function rhkRows(skp: SkpDetail, r: Rhk, no: number): TableCell[][] {
  const iki = r.iki.length ? r.iki : [null];
  const span = iki.length;
  const atasan = new Map(skp.skpAtasan?.rhk.map((a) => [a.id, a.rencana]) ?? []);
  const diintervensi = r.intervensi.flatMap((id) => {
    const text = atasan.get(id);
    return text ? [text] : [];
  });
  return iki.map((k, i): TableCell[] => {
    const first = i === 0;
    const noCell: TableCell = first ? { text: String(no), alignment: 'center', rowSpan: span } : covered();
    const rhkCell = first ? rencanaCell(r, span) : covered();
    const indikator = k?.indikator ?? KOSONG;
    const target = k ? formatTarget(k.target, skp.pendekatan) : KOSONG;
    if (skp.formatJpt) {
      return [noCell, rhkCell, indikator, target, k?.perspektif ? PERSPEKTIF_LABEL[k.perspektif] : KOSONG];
    }
    const atasanCell: TableCell = first
      ? diintervensi.length > 1
        ? { rowSpan: span, ul: diintervensi }
        : { rowSpan: span, text: diintervensi[0] ?? KOSONG }
      : covered();
    return [noCell, atasanCell, rhkCell, k?.aspek ? ASPEK_LABEL[k.aspek] : KOSONG, indikator, target];
  });
}

function hasilKerjaTable(skp: SkpDetail): Content {
  const columns = skp.formatJpt
    ? ['No', 'Rencana Hasil Kerja', 'Indikator Kinerja Individu', 'Target', 'Perspektif']
    : [
        'No',
        'Rencana Hasil Kerja Pimpinan yang Diintervensi',
        'Rencana Hasil Kerja',
        'Aspek',
        'Indikator Kinerja Individu',
        'Target',
      ];
  const widths = skp.formatJpt ? [18, '*', '*', 76, 76] : [18, '*', '*', 46, '*', 72];
  const group = (jenis: JenisRhk, title: string): TableCell[][] => {
    const items = skp.rhk.filter((r) => r.jenis === jenis);
    const heading: TableCell[] = [
      { text: title, bold: true, fillColor: GROUP_FILL, colSpan: columns.length },
      ...columns.slice(1).map(covered),
    ];
    if (!items.length) {
      return [
        heading,
        [{ text: KOSONG, alignment: 'center', colSpan: columns.length }, ...columns.slice(1).map(covered)],
      ];
    }
    return [heading, ...items.flatMap((r, i) => rhkRows(skp, r, i + 1))];
  };
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths,
      body: [
        judulTabel('HASIL KERJA', columns.length),
        columns.map((c) => th(c)),
        ...group('UTAMA', 'A. Utama'),
        ...group('TAMBAHAN', 'B. Tambahan'),
      ],
    },
  };
}

function perilakuTable(skp: SkpDetail): Content {
  return {
    table: {
      headerRows: 2,
      dontBreakRows: true,
      widths: [18, '*', '*'],
      body: [
        judulTabel('PERILAKU KERJA', 3),
        [th('No'), th('Perilaku Kerja'), th('Ekspektasi Khusus Pimpinan')],
        ...skp.perilaku.map((p, i): TableCell[] => [
          { text: String(i + 1), alignment: 'center' },
          {
            stack: [
              { text: p.nama, bold: true },
              { ul: p.panduan, margin: [0, 2, 0, 0] },
            ],
          },
          p.ekspektasi?.trim() || KOSONG,
        ]),
      ],
    },
  };
}

function tandaTangan(skp: SkpDetail, tanggal: string | null, tempat: string): Content {
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      blokTandaTangan('Pegawai yang Dinilai', skp.identitas.pegawai, tanggal, tempat),
      { text: '', width: 40 },
      blokTandaTangan('Pejabat Penilai Kinerja', skp.identitas.pejabatPenilai, tanggal, tempat),
    ],
  };
}

function kepala(skp: SkpDetail, title: string, newPage = false): Content[] {
  const periode = `${formatTanggal(skp.periodeMulai)} s.d. ${formatTanggal(skp.periodeAkhir)}`;
  return [
    { text: title, style: 'judul', ...(newPage ? { pageBreak: 'before' as const } : {}) },
    { text: `PENDEKATAN HASIL KERJA ${skp.pendekatan}`, style: 'subjudul' },
    ...(skp.formatJpt
      ? [{ text: 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI', style: 'subjudul' }]
      : []),
    {
      margin: [0, 10, 0, 4],
      columns: [
        { text: skp.instansiNama.toUpperCase(), bold: true, width: '*' },
        { text: `PERIODE PENILAIAN: ${periode.toUpperCase()}`, bold: true, width: 'auto' },
      ],
    },
  ];
}

export interface SkpPdfOptions {
  /** The approval date (YYYY-MM-DD) in the instansi's zone; defaults to the date part of disetujuiAt. */
  tanggalDisetujui?: string | null;
  verifikasi: Verifikasi;
}

export function skpDocument(skp: SkpDetail, options: SkpPdfOptions): TDocumentDefinitions {
  const disetujui = skp.status === 'DISETUJUI';
  const tanggal = disetujui ? (options.tanggalDisetujui ?? skp.disetujuiAt?.slice(0, 10) ?? null) : null;
  const draf = `DRAF — belum disetujui (status: ${STATUS_SKP_LABEL[skp.status]})`;
  const { pegawai } = skp.identitas;
  const lampiran = JENIS_LAMPIRAN.map((jenis, i): Content => {
    const items = skp.lampiran.find((l) => l.jenis === jenis)?.items ?? [];
    return [
      { text: `${i + 1}. ${JENIS_LAMPIRAN_LABEL[jenis]}`, bold: true, margin: [0, 10, 0, 4] },
      items.length ? { ul: items, margin: [12, 0, 0, 0] } : { text: KOSONG, margin: [12, 0, 0, 0] },
    ];
  });

  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGIN_HALAMAN,
    info: {
      title: `SKP ${pegawai.nama} ${skp.tahun} versi ${skp.versi}`,
      subject: 'Sasaran Kinerja Pegawai',
      creator: 'e-Kinerja',
    },
    ...(disetujui ? {} : tandaDraf(draf)),
    footer: footerVerifikasi(
      options.verifikasi,
      `SKP ${pegawai.nip} · tahun ${skp.tahun} · versi ${skp.versi}`,
    ),
    defaultStyle: { fontSize: 9, lineHeight: 1.1 },
    styles: GAYA,
    content: [
      ...kepala(skp, 'SASARAN KINERJA PEGAWAI'),
      identitasTable(pegawai, skp.identitas.pejabatPenilai),
      hasilKerjaTable(skp),
      perilakuTable(skp),
      tandaTangan(skp, tanggal, options.verifikasi.tempat),
      ...kepala(skp, 'LAMPIRAN SASARAN KINERJA PEGAWAI', true),
      ...lampiran,
      tandaTangan(skp, tanggal, options.verifikasi.tempat),
    ],
  };
}
