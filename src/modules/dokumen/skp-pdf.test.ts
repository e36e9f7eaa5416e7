import { describe, expect, it } from 'vitest';
import type { SkpDetail } from '../../contracts/skp.js';
import { formatTanggal } from './pdf-umum.js';
import { formatTarget, skpDocument } from './skp-pdf.js';

const verifikasi = {
  kode: 'ABCDE23456',
  url: 'https://kinerja.contoh.go.id/verifikasi/ABCDE23456',
  tempat: 'Gorontalo',
};

const target = (
  nilai: number | null,
  satuan: string | null,
  nilaiMaks: number | null = null,
  teks: string | null = null,
) => ({
  nilai,
  nilaiMaks,
  satuan,
  teks,
});

function skp(over: Partial<SkpDetail> = {}): SkpDetail {
  return {
    id: 7,
    instansiNama: 'Pemerintah Provinsi Uji',
    unorId: 4,
    pegawaiId: 3,
    pegawaiNama: 'Kepala Seksi',
    jabatanNama: 'Kepala Seksi Kurikulum',
    tahun: 2026,
    periodeMulai: '2026-01-01',
    periodeAkhir: '2026-12-31',
    pendekatan: 'KUANTITATIF',
    isJpt: false,
    formatJpt: false,
    status: 'DISETUJUI',
    versi: 2,
    version: 5,
    catatanPengembalian: null,
    rhk: [
      {
        id: 11,
        jenis: 'UTAMA',
        rencana: 'Tersusunnya kurikulum',
        penugasanDari: null,
        pkSasaranId: null,
        perluDitinjau: false,
        iki: [
          {
            id: 1,
            aspek: 'KUANTITAS',
            indikator: 'Jumlah dokumen',
            target: target(1250, 'dokumen'),
            perspektif: null,
          },
          {
            id: 2,
            aspek: 'WAKTU',
            indikator: 'Ketepatan waktu',
            target: target(10, 'bulan', 12),
            perspektif: null,
          },
        ],
        intervensi: [90],
      },
      {
        id: 12,
        jenis: 'TAMBAHAN',
        rencana: 'Menjadi narasumber',
        penugasanDari: 'Kepala Dinas',
        pkSasaranId: null,
        perluDitinjau: false,
        iki: [],
        intervensi: [],
      },
    ],
    perilaku: [
      {
        kode: 'PELAYANAN',
        nama: 'Berorientasi Pelayanan',
        panduan: ['a', 'b', 'c'],
        ekspektasi: 'Responsif',
      },
    ],
    atasan: { pegawaiId: 5, namaLengkap: 'Kepala Bidang', statusSkp: 'DISETUJUI' },
    skpAtasan: {
      id: 5,
      pegawaiNama: 'Kepala Bidang',
      status: 'DISETUJUI',
      rhk: [{ id: 90, rencana: 'Kurikulum SMA terbit' }],
    },
    lampiran: [{ jenis: 'KONSEKUENSI', label: 'Konsekuensi', items: ['Teguran tertulis'] }],
    identitas: {
      pegawai: {
        nama: 'Kepala Seksi',
        nip: '198001012005011001',
        pangkatGolongan: 'Penata (III/c)',
        jabatan: 'Kepala Seksi Kurikulum',
        unitKerja: 'Dinas Pendidikan',
      },
      pejabatPenilai: null,
    },
    diajukanAt: '2026-01-08T01:00:00Z',
    disetujuiAt: '2026-01-09T01:00:00Z',
    batasWaktu: '2026-01-31',
    terlambat: false,
    keteranganTerlambat: null,
    cakupan: null,
    temuan: [],
    saran: [],
    can: { edit: false, submit: false, assess: false, ekspektasi: false, newVersion: true },
    ...over,
  };
}

/** Every string of a pdfmake node tree, in document order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts);
  return [];
}

describe('SKP document definition', () => {
  it('formats dates and targets the Indonesian way', () => {
    expect(formatTanggal('2026-01-09')).toBe('09 Januari 2026');
    expect(formatTanggal('2026-12-31T10:00:00Z')).toBe('31 Desember 2026');
    expect(formatTarget(target(1250.5, 'dokumen'), 'KUANTITATIF')).toBe('1.250,5 dokumen');
    expect(formatTarget(target(10, 'bulan', 12), 'KUANTITATIF')).toBe('10 – 12 bulan');
    expect(formatTarget(target(100, '%'), 'KUANTITATIF')).toBe('100 %');
    expect(formatTarget(target(null, null, null, 'Laporan diterima tepat waktu'), 'KUALITATIF')).toBe(
      'Laporan diterima tepat waktu',
    );
    expect(formatTarget(target(null, null), 'KUANTITATIF')).toBe('-');
  });

  it('non-JPT: six columns, the intervened RHK of the superior by name, both groups, the lampiran', () => {
    const doc = skpDocument(skp(), { tanggalDisetujui: '2026-01-09', verifikasi });
    const all = texts(doc.content);
    expect(all).toContain('Rencana Hasil Kerja Pimpinan yang Diintervensi');
    expect(all).not.toContain('Perspektif');
    expect(all).toContain('Kurikulum SMA terbit');
    expect(all).toEqual(
      expect.arrayContaining(['A. Utama', 'B. Tambahan', '1.250 dokumen', '10 – 12 bulan']),
    );
    expect(all).toContain('Penugasan dari: Kepala Dinas');
    expect(all).toContain('LAMPIRAN SASARAN KINERJA PEGAWAI');
    expect(all).toContain('Teguran tertulis');
    expect(all.filter((t) => t === 'Gorontalo, 09 Januari 2026')).toHaveLength(4);
    expect(all).toContain('PERIODE PENILAIAN: 01 JANUARI 2026 S.D. 31 DESEMBER 2026');
    expect(doc.watermark).toBeUndefined();
    expect(doc.header).toBeUndefined();
    expect(doc.pageSize).toBe('A4');
    // Every page carries the verification code, its address and a QR code of that address.
    const footer = texts((doc.footer as (p: number, n: number, s: unknown) => unknown)(1, 2, {}));
    expect(footer).toEqual(
      expect.arrayContaining([
        'Kode verifikasi: ABCDE-23456',
        `Keaslian dokumen ini dapat diperiksa di ${verifikasi.url}`,
        'Halaman 1 dari 2',
      ]),
    );
    expect(JSON.stringify((doc.footer as (p: number, n: number, s: unknown) => unknown)(1, 2, {}))).toContain(
      `"qr":"${verifikasi.url}"`,
    );
  });

  it.each([
    ['JPT', { isJpt: true, formatJpt: true }],
    ['head of an independent unit', { isJpt: false, formatJpt: true }],
  ])('%s: the JPT subtitle and five columns with perspektif', (_, format) => {
    const all = texts(skpDocument(skp({ ...format, skpAtasan: null }), { verifikasi }).content);
    expect(all).toContain('BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI');
    expect(all).toContain('Perspektif');
    expect(all).not.toContain('Rencana Hasil Kerja Pimpinan yang Diintervensi');
  });

  it('a plan not yet approved is marked as a draft and has no signing date', () => {
    const doc = skpDocument(skp({ status: 'DIAJUKAN', disetujuiAt: null }), { verifikasi });
    expect(doc.watermark).toMatchObject({ text: 'DRAF' });
    expect(typeof doc.header).toBe('function');
    const header = (doc.header as (p: number, n: number, s: unknown) => { text: string })(1, 1, {});
    expect(header.text).toBe('DRAF — belum disetujui (status: Diajukan)');
    expect(texts(doc.content).some((t) => t.includes('09 Januari 2026'))).toBe(false);
  });
});
