import { describe, expect, it } from 'vitest';
import { periodeOf } from './jadwal.js';
import { checkLogHarian, jumlahkanLog, type LogHarian, nilaiDariLog, ringkasanLog } from './log-harian.js';

const juli = periodeOf('2026-07', { periode: 'BULANAN' });
const entry = (over: Partial<LogHarian> = {}): LogHarian => ({
  tanggal: '2026-07-14',
  jamMulai: '08:00',
  jamSelesai: '11:30',
  kegiatan: 'Menyusun draf telaahan staf',
  kuantitas: 2,
  satuan: 'dokumen',
  buktiDukung: 'https://drive.example.go.id/telaahan',
  ...over,
});

describe('checkLogHarian (SPEC §5.2)', () => {
  it('accepts a complete entry, with or without an evidence link', () => {
    expect(checkLogHarian(entry(), juli)).toEqual([]);
    expect(checkLogHarian(entry({ buktiDukung: null }), juli)).toEqual([]);
    expect(checkLogHarian(entry({ buktiDukung: '  ' }), juli)).toEqual([]);
    expect(checkLogHarian(entry({ kuantitas: 0, jamMulai: '00:00', jamSelesai: '23:59' }), juli)).toEqual([]);
  });

  it.each([
    [{ tanggal: '2026-08-01' }, 'Tanggal 1 Agustus 2026 berada di luar periode Juli 2026.'],
    [{ tanggal: '2026-06-30' }, 'Tanggal 30 Juni 2026 berada di luar periode Juli 2026.'],
    [{ tanggal: '2026-02-30' }, 'Tanggal tidak valid (format TTTT-BB-HH).'],
    [{ tanggal: '14-07-2026' }, 'Tanggal tidak valid (format TTTT-BB-HH).'],
    [{ jamMulai: '8:00' }, 'Jam mulai tidak valid (format JJ:MM, mis. 08:00).'],
    [{ jamSelesai: '24:00' }, 'Jam selesai tidak valid (format JJ:MM, mis. 16:00).'],
    [{ jamSelesai: '08:00' }, 'Jam selesai harus setelah jam mulai.'],
    [{ jamMulai: '13:00', jamSelesai: '09:59' }, 'Jam selesai harus setelah jam mulai.'],
    [{ kegiatan: '   ' }, 'Uraian kegiatan wajib diisi.'],
    [{ kuantitas: 1.5 }, 'Kuantitas harus bilangan bulat, nol atau lebih.'],
    [{ kuantitas: -1 }, 'Kuantitas harus bilangan bulat, nol atau lebih.'],
    [{ kuantitas: Number.NaN }, 'Kuantitas harus bilangan bulat, nol atau lebih.'],
    [{ kuantitas: 1_000_001 }, 'Kuantitas paling banyak 1.000.000.'],
    [{ satuan: ' ' }, 'Satuan wajib diisi.'],
    [
      { buktiDukung: 'drive.example.go.id/x' },
      'Tautan bukti dukung harus berupa alamat web (http atau https).',
    ],
    [
      { buktiDukung: 'javascript:alert(1)' },
      'Tautan bukti dukung harus berupa alamat web (http atau https).',
    ],
  ] as [Partial<LogHarian>, string][])('%o: %s', (over, message) => {
    expect(checkLogHarian(entry(over), juli)).toEqual([message]);
  });

  it('reports every problem of an entry at once', () => {
    expect(checkLogHarian(entry({ jamMulai: '25:00', kegiatan: '', kuantitas: -2 }), juli)).toHaveLength(3);
  });

  it('a quarterly period takes dates from any of its months', () => {
    const q3 = periodeOf('2026-08', { periode: 'TRIWULANAN' });
    expect(checkLogHarian(entry({ tanggal: '2026-09-30' }), q3)).toEqual([]);
    expect(checkLogHarian(entry({ tanggal: '2026-10-01' }), q3)).toEqual([
      'Tanggal 1 Oktober 2026 berada di luar periode Triwulan III 2026.',
    ]);
  });
});

describe('jumlahkanLog', () => {
  it('nothing logged sums to nothing', () => {
    expect(jumlahkanLog([])).toEqual([]);
  });

  it('sums per normalised unit, keeping the first spelling and order', () => {
    expect(
      jumlahkanLog([
        { kuantitas: 2, satuan: 'Dokumen ' },
        { kuantitas: 1, satuan: 'laporan' },
        { kuantitas: 3, satuan: 'dokumen' },
        { kuantitas: 0, satuan: 'LAPORAN' },
        { kuantitas: 4, satuan: 'surat  masuk' },
        { kuantitas: 1, satuan: 'Surat Masuk' },
      ]),
    ).toEqual([
      { satuan: 'Dokumen', kuantitas: 5 },
      { satuan: 'laporan', kuantitas: 1 },
      { satuan: 'surat  masuk', kuantitas: 5 },
    ]);
  });
});

describe('nilaiDariLog (the log sums into the realisasi)', () => {
  const log = [
    { kuantitas: 2, satuan: 'dokumen' },
    { kuantitas: 1, satuan: 'rapat' },
    { kuantitas: 3, satuan: 'Dokumen ' },
    { kuantitas: 4, satuan: 'rapat' },
  ];

  it('an empty log leaves no value and keeps the unit', () => {
    expect(nilaiDariLog([], 'dokumen')).toEqual({ nilai: null, satuan: 'dokumen', perSatuan: [] });
    expect(nilaiDariLog([], null)).toEqual({ nilai: null, satuan: null, perSatuan: [] });
  });

  it('one unit: the sum and that unit', () => {
    expect(
      nilaiDariLog(
        [
          { kuantitas: 0, satuan: 'data' },
          { kuantitas: 7, satuan: 'data' },
        ],
        null,
      ),
    ).toEqual({
      nilai: 7,
      satuan: 'data',
      perSatuan: [{ satuan: 'data', kuantitas: 7, dihitung: true }],
    });
  });

  it('mixed units: the unit of the entry recorded first counts when the realisasi has none of them', () => {
    for (const satuan of [null, '', 'laporan']) {
      expect(nilaiDariLog(log, satuan)).toEqual({
        nilai: 5,
        satuan: 'dokumen',
        perSatuan: [
          { satuan: 'dokumen', kuantitas: 5, dihitung: true },
          { satuan: 'rapat', kuantitas: 5, dihitung: false },
        ],
      });
    }
  });

  it("mixed units: the realisasi's own unit counts, in its spelling", () => {
    expect(nilaiDariLog(log, ' Rapat')).toMatchObject({ nilai: 5, satuan: 'Rapat' });
    expect(nilaiDariLog(log, 'DOKUMEN').perSatuan.map((p) => p.dihitung)).toEqual([true, false]);
  });

  it('per-unit totals in order of first entry give the same result as the entries', () => {
    expect(
      nilaiDariLog(
        [
          { kuantitas: 5, satuan: 'dokumen' },
          { kuantitas: 5, satuan: 'rapat' },
        ],
        null,
      ),
    ).toEqual(nilaiDariLog(log, null));
  });
});

describe('ringkasanLog', () => {
  it('counts entries and marks the unit that is the value', () => {
    expect(
      ringkasanLog(
        [
          { jumlah: 3, kuantitas: 6, satuan: 'dokumen' },
          { jumlah: 1, kuantitas: 2, satuan: 'rapat' },
          { jumlah: 2, kuantitas: 1, satuan: 'Dokumen' },
        ],
        'rapat',
      ),
    ).toEqual({
      jumlahEntri: 6,
      perSatuan: [
        { satuan: 'dokumen', kuantitas: 7, dihitung: false },
        { satuan: 'rapat', kuantitas: 2, dihitung: true },
      ],
    });
    expect(ringkasanLog([], null)).toEqual({ jumlahEntri: 0, perSatuan: [] });
  });
});
