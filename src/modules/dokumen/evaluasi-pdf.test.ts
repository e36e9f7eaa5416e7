import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf-text.js';
import type { Identitas } from '../../contracts/skp.js';
import { type DokumenEvaluasiData, dokumenEvaluasiDocument } from './dokumen-evaluasi-pdf.js';
import { type EvaluasiData, evaluasiDocument } from './evaluasi-pdf.js';
import { renderPdf } from './pdf-render.js';
import { penetapanDocument } from './penetapan-pdf.js';

const verifikasi = {
  kode: 'ABCDE23456',
  url: 'https://kinerja.contoh.go.id/verifikasi/ABCDE23456',
  tempat: 'Gorontalo',
};

const orang = (nama: string, nip: string, jabatan: string): Identitas => ({
  nama,
  nip,
  pangkatGolongan: 'Penata Muda (III/a)',
  jabatan,
  unitKerja: 'Seksi Kurikulum, Dinas Pendidikan',
});
const pegawai = orang('Rina Pelaksana', '19900101 201501 2 001', 'Pengolah Data');
const penilai = orang('Budi Kasi', '19800101 200501 1 001', 'Kepala Seksi Kurikulum');
const atasan = orang('Sari Kabid', '19750101 200001 2 001', 'Kepala Bidang Pembinaan SMA');

/** The PDF's text with line breaks folded into spaces. */
const teks = async (def: Parameters<typeof renderPdf>[0]) =>
  (await pdfText(await renderPdf(def))).replace(/\s+/g, ' ');

function evaluasi(over: Partial<EvaluasiData> = {}): EvaluasiData {
  return {
    jenis: 'PERIODIK',
    instansiNama: 'Pemerintah Provinsi Uji',
    periodeLabel: 'Juli 2026',
    pegawai,
    pejabatPenilai: penilai,
    capaianOrganisasi: { predikat: 'BAIK', unitNama: 'Seksi Kurikulum' },
    distribusi: {
      unitNama: 'Seksi Kurikulum',
      jumlah: { SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 1, KURANG: 0, SANGAT_KURANG: 0 },
    },
    hasilKerja: [
      {
        jenis: 'UTAMA',
        rencana: 'Terhimpunnya data kurikulum',
        indikator: ['Jumlah data: 120 data'],
        realisasi: ['10 data'],
        umpanBalik: ['Data sudah lengkap'],
      },
    ],
    perilaku: [{ nama: 'Berorientasi Pelayanan', ekspektasi: 'Ramah', umpanBalik: ['Sangat membantu'] }],
    hasil: {
      ratingHasilKerja: 'SESUAI_EKSPEKTASI',
      ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
      predikat: 'BAIK',
      catatan: 'Pertahankan',
    },
    draf: null,
    tanggal: '2026-08-20',
    ...over,
  };
}

describe('Evaluasi Kinerja Pegawai', () => {
  it('prints identity, capaian organisasi, distribution, hasil kerja, perilaku, ratings, predikat and the code', async () => {
    const def = evaluasiDocument(evaluasi(), verifikasi);
    expect(def.watermark).toBeUndefined();
    const text = await teks(def);
    for (const s of [
      'EVALUASI KINERJA PEGAWAI PERIODIK',
      'PERIODE PENILAIAN: JULI 2026',
      'Rina Pelaksana',
      'Budi Kasi',
      'CAPAIAN KINERJA ORGANISASI Baik (Seksi Kurikulum)',
      'SB: 1',
      'B: 3',
      'N = 5 pegawai',
      'Terhimpunnya data kurikulum',
      '10 data',
      'Data sudah lengkap',
      'RATING HASIL KERJA Sesuai Ekspektasi',
      'Sangat membantu',
      'RATING PERILAKU KERJA Di Atas Ekspektasi',
      'PREDIKAT KINERJA PEGAWAI Baik',
      '20 Agustus 2026',
      'Kode verifikasi: ABCDE-23456',
    ])
      expect(text).toContain(s);
  });

  it('marks an unrated period as a draft; the annual one has its own title', async () => {
    const draf = evaluasiDocument(
      evaluasi({ hasil: null, draf: 'DRAF — belum dinilai', tanggal: null }),
      verifikasi,
    );
    expect(draf.watermark).toMatchObject({ text: 'DRAF' });
    const text = await teks(draf);
    expect(text).toContain('DRAF — belum dinilai');
    expect(text).toContain('PREDIKAT KINERJA PEGAWAI Belum dinilai');
    const tahunan = await teks(
      evaluasiDocument(evaluasi({ jenis: 'TAHUNAN', periodeLabel: 'Tahun 2026' }), verifikasi),
    );
    expect(tahunan).toContain('EVALUASI KINERJA PEGAWAI TAHUNAN');
  });
});

/** Lines that head what follows: none may be the last thing on a page (issue 14). */
const JUDUL_BAGIAN = [
  'HASIL KERJA',
  'PERILAKU KERJA',
  'A. Utama',
  'B. Tambahan',
  'No Rencana Hasil Kerja Indikator Kinerja Individu dan Target Realisasi Umpan Balik',
  'No Perilaku Kerja Ekspektasi Khusus Pimpinan Umpan Balik',
];

/** The last line of each page's content, the footer (code, address, page number) left out. */
async function akhirHalaman(def: Parameters<typeof renderPdf>[0]): Promise<string[]> {
  const halaman = (await pdfText(await renderPdf(def))).split('\n\n');
  return halaman.map((h) => {
    const baris = h
      .split('\n')
      .filter((b) => !/Kode verifikasi|Keaslian dokumen|Evaluasi kinerja 1|Halaman \d/.test(b));
    return baris.at(-1) ?? '';
  });
}

describe('page breaks of the periodic evaluation', () => {
  it('never leave a section title or a table header alone at the bottom of a page', async () => {
    const rhk = (i: number) => ({
      jenis: 'UTAMA' as const,
      rencana: `Terlaksananya kegiatan pembinaan nomor ${i} di sekolah menengah`,
      indikator: [`Jumlah sekolah yang dibina: ${i} sekolah`],
      realisasi: [`${i} sekolah`],
      umpanBalik: ['Sesuai rencana'],
    });
    const terdampar: string[] = [];
    // Around the counts at which the PERILAKU KERJA title used to end page 1 and page 2.
    for (const n of [5, 6, 7, 22, 23, 24]) {
      const akhir = await akhirHalaman(
        evaluasiDocument(
          evaluasi({ hasilKerja: Array.from({ length: n }, (_, i) => rhk(i + 1)) }),
          verifikasi,
        ),
      );
      for (const a of akhir.slice(0, -1)) if (JUDUL_BAGIAN.includes(a)) terdampar.push(`${n}: ${a}`);
    }
    expect(terdampar).toEqual([]);
  }, 30_000);
});

describe('Dokumen Evaluasi Kinerja Pegawai', () => {
  const data: DokumenEvaluasiData = {
    instansiNama: 'Pemerintah Provinsi Uji',
    tahun: 2026,
    periodeRentang: '01 Januari 2026 s.d. 31 Desember 2026',
    pegawai,
    pejabatPenilai: penilai,
    atasanPejabatPenilai: atasan,
    capaianOrganisasi: 'ISTIMEWA',
    ratingHasilKerja: 'SESUAI_EKSPEKTASI',
    ratingPerilaku: 'SESUAI_EKSPEKTASI',
    predikat: 'BAIK',
    catatan: 'Tingkatkan ketelitian',
    rekomendasi: 'Pelatihan analisis data',
    keberatan: null,
    draf: null,
    tanggalPegawai: '2027-01-05',
    tanggalPenilai: '2027-01-04',
  };

  it('has the numbered fields and the signatures on one page', async () => {
    const bytes = await renderPdf(dokumenEvaluasiDocument(data, verifikasi));
    const raw = await pdfText(bytes);
    expect(raw.split('\n\n')).toHaveLength(1);
    const text = raw.replace(/\s+/g, ' ');
    for (const s of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      '1 PEGAWAI YANG DINILAI',
      '2 PEJABAT PENILAI KINERJA',
      '3 ATASAN PEJABAT PENILAI KINERJA',
      '4 EVALUASI KINERJA',
      'Capaian Kinerja Organisasi Istimewa',
      '5 PREDIKAT KINERJA PEGAWAI',
      'Predikat Kinerja Pegawai Baik',
      '6 CATATAN/REKOMENDASI',
      'Pelatihan analisis data',
      'Sari Kabid',
      '05 Januari 2027',
      '04 Januari 2027',
      'Kode verifikasi: ABCDE-23456',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('KEPUTUSAN ATAS KEBERATAN');
  });

  it('adds the decision on an objection, signed by the atasan', async () => {
    const text = await teks(
      dokumenEvaluasiDocument(
        {
          ...data,
          keberatan: {
            keputusan: 'DIUBAH',
            ratingHasilKerja: 'DI_ATAS_EKSPEKTASI',
            ratingPerilaku: 'DI_ATAS_EKSPEKTASI',
            predikat: 'SANGAT_BAIK',
            pertimbangan: 'Bukti tambahan diterima',
            tanggal: '2027-01-20',
          },
        },
        verifikasi,
      ),
    );
    expect(text).toContain('7 KEPUTUSAN ATAS KEBERATAN');
    expect(text).toContain('Keputusan Diubah');
    expect(text).toContain('Sangat Baik');
    expect(text).toContain('Atasan Pejabat Penilai Kinerja');
    expect(text).toContain('20 Januari 2027');
  });
});

describe('Penetapan Predikat Kinerja', () => {
  it('prints the unit, organisation predikat, distribution with shares, breaches, justification and signer', async () => {
    const text = await teks(
      penetapanDocument(
        {
          instansiNama: 'Pemerintah Provinsi Uji',
          unitNama: 'Seksi Kurikulum',
          periodeLabel: 'Juli 2026',
          predikatOrganisasi: 'BAIK',
          jumlah: { SANGAT_BAIK: 1, BAIK: 3, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 },
          belumFinal: 2,
          pelanggaran: ['Tidak ada pegawai dengan predikat Butuh Perbaikan atau Kurang.'],
          justifikasi: 'Unit kecil dengan capaian merata.',
          penetap: penilai,
          tanggal: '2026-08-25',
        },
        verifikasi,
      ),
    );
    for (const s of [
      'PENETAPAN PREDIKAT KINERJA',
      'Unit Kerja Seksi Kurikulum',
      'Predikat Kinerja Organisasi Baik',
      'Baik 3 75 %',
      'Sangat Baik 1 25 %',
      'Jumlah 4',
      'Bersifat sementara: 2 pegawai belum memiliki evaluasi tahunan final dan tidak dihitung.',
      'Tidak ada pegawai dengan predikat Butuh Perbaikan atau Kurang.',
      'Unit kecil dengan capaian merata.',
      'Budi Kasi',
      '25 Agustus 2026',
      'Kode verifikasi: ABCDE-23456',
    ])
      expect(text).toContain(s);
  });
});
