import { describe, expect, it } from 'vitest';
import {
  alasanBulanBelumSelesai,
  alasanTolakPersetujuan,
  hariBelumDiimpor,
  hitungTpp,
  PARAMETER_TPP_BAKU,
  type ParameterTpp,
  type RingkasanTpp,
  tahunEvaluasiWajib,
  validasiParameterTpp,
} from './tpp.js';

/** Kelas 12 (Rp 6.000.000), Baik in July, approved SKP, 22 working days, nothing to deduct. */
const r = (over: Partial<RingkasanTpp> = {}): RingkasanTpp => ({
  kelasJabatan: 12,
  predikat: 'BAIK',
  periodeLabel: 'Juli 2026',
  tahun: 2026,
  skpDisetujui: true,
  hariKerja: 22,
  terlambat: [0, 0, 0, 0],
  pulangCepat: [0, 0, 0, 0],
  tanpaKeterangan: 0,
  dikecualikan: { DINAS_LUAR: 0, CUTI: 0, SAKIT: 0, IZIN: 0 },
  ...over,
});

const uraian = (h: ReturnType<typeof hitungTpp>) => h.rincian.map((b) => b.uraian);

describe('hitungTpp (SPEC §7.1), worked examples', () => {
  it('a clean month: 60 % productivity at factor 100 and 40 % discipline without deduction', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r());
    expect(h).toMatchObject({
      dasar: 6_000_000,
      produktivitas: 3_600_000,
      disiplin: 2_400_000,
      jumlah: 6_000_000,
    });
    expect(h.ditahan).toBeNull();
    expect(uraian(h)).toEqual([
      'Besaran TPP kelas jabatan 12: Rp 6.000.000.',
      'Produktivitas: Rp 6.000.000 × 60 % × 100 % (Baik, Juli 2026) = Rp 3.600.000.',
      'Hari kerja bulan ini: 22 hari.',
      'Disiplin: Rp 6.000.000 × 40 % × (100 % − 0 %) = Rp 2.400.000.',
      'Jumlah: Rp 3.600.000 + Rp 2.400.000 = Rp 6.000.000.',
    ]);
  });

  it('a predikat from the national import names its source on the productivity line', () => {
    const lokal = uraian(hitungTpp(PARAMETER_TPP_BAKU, r({ sumberPredikat: 'LOKAL' })))[1];
    expect(lokal).toBe('Produktivitas: Rp 6.000.000 × 60 % × 100 % (Baik, Juli 2026) = Rp 3.600.000.');
    expect(uraian(hitungTpp(PARAMETER_TPP_BAKU, r({ sumberPredikat: 'IMPOR_NASIONAL' })))[1]).toBe(
      'Produktivitas: Rp 6.000.000 × 60 % × 100 % (Baik, Juli 2026, sumber: impor aplikasi nasional) = Rp 3.600.000.',
    );
  });

  it('lateness bands, early leave, absence: each band its own line, the sum deducted from discipline', () => {
    const h = hitungTpp(
      PARAMETER_TPP_BAKU,
      r({
        terlambat: [1, 2, 0, 1],
        pulangCepat: [0, 0, 1, 0],
        tanpaKeterangan: 1,
        dikecualikan: { DINAS_LUAR: 1, CUTI: 2, SAKIT: 0, IZIN: 0 },
      }),
    );
    // 0,5 + 2 × 1 + 1,5 + 1,25 + 3 = 8,25 %
    expect(h.potonganPersen).toBe(8.25);
    expect(h.disiplin).toBe(2_202_000); // 6.000.000 × 40 % × 91,75 %
    expect(h.jumlah).toBe(5_802_000);
    expect(uraian(h)).toEqual([
      'Besaran TPP kelas jabatan 12: Rp 6.000.000.',
      'Produktivitas: Rp 6.000.000 × 60 % × 100 % (Baik, Juli 2026) = Rp 3.600.000.',
      'Hari kerja bulan ini: 22 hari.',
      'Terlambat 1–30 menit: 1 kali × 0,5 % = 0,5 %.',
      'Terlambat 31–60 menit: 2 kali × 1 % = 2 %.',
      'Terlambat ≥ 91 menit atau tanpa catatan jam: 1 kali × 1,5 % = 1,5 %.',
      'Pulang cepat 61–90 menit: 1 kali × 1,25 % = 1,25 %.',
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran): 1 hari × 3 % = 3 %.',
      'Tidak dipotong: dinas luar 1 hari, cuti 2 hari.',
      'Disiplin: Rp 6.000.000 × 40 % × (100 % − 8,25 %) = Rp 2.202.000.',
      'Jumlah: Rp 3.600.000 + Rp 2.202.000 = Rp 5.802.000.',
    ]);
  });

  it('the deduction is capped at 100 %: discipline never goes negative', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ tanpaKeterangan: 34 }));
    expect(h.potonganPersen).toBe(100);
    expect(h.disiplin).toBe(0);
    expect(uraian(h)).toContain(
      'Disiplin: Rp 6.000.000 × 40 % × (100 % − 100 %, potongan dibatasi 100 %) = Rp 0.',
    );
  });

  it.each([
    ['SANGAT_BAIK', 3_600_000, 'Sangat Baik'],
    ['BUTUH_PERBAIKAN', 2_700_000, 'Butuh Perbaikan'],
    ['KURANG', 1_800_000, 'Kurang/Misconduct'],
    ['SANGAT_KURANG', 900_000, 'Sangat Kurang'],
  ] as const)('predikat %s: productivity factor applied', (predikat, produktivitas, label) => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ predikat }));
    expect(h.produktivitas).toBe(produktivitas);
    expect(uraian(h)[1]).toContain(`(${label}, Juli 2026)`);
  });

  it('no predikat for the period: menunggu penilaian, productivity not computed (not 0 %), the line says so', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ predikat: null, periodeLabel: 'Triwulan III 2026' }));
    expect(h).toMatchObject({
      produktivitas: 0,
      disiplin: 2_400_000,
      jumlah: 2_400_000,
      menungguPenilaian: true,
    });
    expect(uraian(h)[1]).toBe(
      'Produktivitas: menunggu penilaian — belum ada predikat Triwulan III 2026; bagian produktivitas belum dihitung (bukan 0 %) dan tidak termasuk jumlah sampai predikat ditetapkan dan TPP dihitung ulang.',
    );
    expect(uraian(h).at(-1)).toBe('Jumlah: Rp 2.400.000 (disiplin saja; produktivitas menunggu penilaian).');
    expect(uraian(h).join(' ')).not.toContain('× 0 %');
  });

  it('no predikat while withheld: the withholding decides, not a pending assessment', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ predikat: null, skpDisetujui: false }));
    expect(h).toMatchObject({ jumlah: 0, menungguPenilaian: false });
  });

  it('days whose attendance was not imported are not absence, and the line says how many', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ belumDiimpor: 5, tanpaKeterangan: 1 }));
    expect(h).toMatchObject({ potonganPersen: 3, disiplin: 2_328_000, belumDiimpor: 5 });
    expect(uraian(h)).toContain(
      'Data kehadiran belum diimpor: 5 hari kerja tanpa catatan kehadiran siapa pun di OPD ini; tidak dihitung sebagai tanpa keterangan.',
    );
    // A line stored before the rule (no field) reads as nothing missing.
    expect(hitungTpp(PARAMETER_TPP_BAKU, r()).belumDiimpor).toBe(0);
  });

  it('withholding without an approved SKP: pays 0 and still shows what it would have been', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ skpDisetujui: false }));
    expect(h).toMatchObject({ produktivitas: 3_600_000, disiplin: 2_400_000, jumlah: 0 });
    expect(h.ditahan).toBe('SKP tahun 2026 belum disetujui; TPP ditahan.');
    expect(uraian(h).slice(-2)).toEqual([
      'SKP tahun 2026 belum disetujui; TPP ditahan. Jumlah yang ditahan: Rp 6.000.000.',
      'Jumlah dibayarkan: Rp 0 (ditahan; tanpa penahanan Rp 3.600.000 + Rp 2.400.000 = Rp 6.000.000).',
    ]);
    expect(
      hitungTpp({ ...PARAMETER_TPP_BAKU, tahanTanpaSkp: false }, r({ skpDisetujui: false })).jumlah,
    ).toBe(6_000_000);
  });

  it("withholding while last year's annual evaluation is not final names the missing evaluation", () => {
    const april = r({ periodeLabel: 'April 2027', tahun: 2027 });
    const draf = hitungTpp(PARAMETER_TPP_BAKU, {
      ...april,
      tahunanBelumFinal: { tahun: 2026, status: 'DRAF' },
    });
    expect(draf).toMatchObject({ jumlah: 0, produktivitas: 3_600_000, disiplin: 2_400_000 });
    expect(draf.ditahan).toBe(
      'Evaluasi kinerja tahunan 2026 masih draf (belum final); TPP ditahan sejak April 2027 sampai evaluasi tahunan itu final.',
    );
    const belumAda = hitungTpp(PARAMETER_TPP_BAKU, {
      ...april,
      skpDisetujui: false,
      tahunanBelumFinal: { tahun: 2026, status: null },
    });
    expect(belumAda.ditahan).toBe(
      'SKP tahun 2027 belum disetujui; TPP ditahan. Evaluasi kinerja tahunan 2026 belum dibuat (belum final); TPP ditahan sejak April 2027 sampai evaluasi tahunan itu final.',
    );
    // Off: the stored fact does not withhold.
    const mati = { ...PARAMETER_TPP_BAKU, tahanEvaluasiSejakBulan: null };
    expect(hitungTpp(mati, { ...april, tahunanBelumFinal: { tahun: 2026, status: 'DRAF' } }).jumlah).toBe(
      6_000_000,
    );
  });

  it('no kelas jabatan, or a kelas missing from the table: Rp 0 with the reason', () => {
    expect(uraian(hitungTpp(PARAMETER_TPP_BAKU, r({ kelasJabatan: null })))[0]).toBe(
      'Kelas jabatan belum ditetapkan; TPP tidak dapat dihitung (Rp 0).',
    );
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ kelasJabatan: 18 }));
    expect(h.jumlah).toBe(0);
    expect(uraian(h)[0]).toBe('Kelas jabatan 18 tidak ada dalam tabel besaran TPP; TPP Rp 0.');
  });

  it('rupiah are rounded half up per part, exactly (no float drift)', () => {
    const p: ParameterTpp = { ...PARAMETER_TPP_BAKU, dasarPerKelas: { '1': 3, '2': 1_234_567 } };
    // 3 × 60 % = 1,8 → 2; 3 × 40 % = 1,2 → 1
    expect(hitungTpp(p, r({ kelasJabatan: 1 }))).toMatchObject({ produktivitas: 2, disiplin: 1, jumlah: 3 });
    // 3 × 50 % × 100 % = 1,5 → 2 (half up)
    const separuh = { ...p, bobotProduktivitas: 50, bobotDisiplin: 50 };
    expect(hitungTpp(separuh, r({ kelasJabatan: 1 })).produktivitas).toBe(2);
    // 1.234.567 × 60 % × 75 % = 555.555,15 → 555.555; × 40 % × 99,5 % = 491.357,666 → 491.358
    const h = hitungTpp(p, r({ kelasJabatan: 2, predikat: 'BUTUH_PERBAIKAN', terlambat: [1, 0, 0, 0] }));
    expect(h).toMatchObject({ produktivitas: 555_555, disiplin: 491_358, jumlah: 1_046_913 });
  });
});

describe('hitungTpp: missed ceremonies (apel/upacara) from the attendance import', () => {
  it('each missed ceremony on a day present deducts the rate from the discipline part, explained', () => {
    const h = hitungTpp(PARAMETER_TPP_BAKU, r({ apelTerlewat: 2, tanpaKeterangan: 1 }));
    // 3 % + 2 × 1 % = 5 %
    expect(h).toMatchObject({ potonganPersen: 5, disiplin: 2_280_000, jumlah: 5_880_000 });
    expect(uraian(h).slice(2, 6)).toEqual([
      'Hari kerja bulan ini: 22 hari.',
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran): 1 hari × 3 % = 3 %.',
      'Tidak mengikuti apel/upacara (pada hari hadir): 2 kali × 1 % = 2 %.',
      'Disiplin: Rp 6.000.000 × 40 % × (100 % − 5 %) = Rp 2.280.000.',
    ]);
  });

  it.each<[string, Partial<ParameterTpp>, Partial<RingkasanTpp>, number]>([
    ['a Perkada rate of 1,5 %', { persenApel: 1.5 }, { apelTerlewat: 3 }, 4.5],
    ['rate 0 switches the rule off', { persenApel: 0 }, { apelTerlewat: 3 }, 0],
    ['no missed ceremony', {}, { apelTerlewat: 0 }, 0],
    ['a line computed before the rule (no field)', {}, {}, 0],
    [
      'capped at 100 % with the other deductions',
      { persenApel: 50 },
      { apelTerlewat: 1, tanpaKeterangan: 20 },
      100,
    ],
  ])('%s', (_, p, over, potongan) => {
    const h = hitungTpp({ ...PARAMETER_TPP_BAKU, ...p }, r(over));
    expect(h.potonganPersen).toBe(potongan);
    if (!over.tanpaKeterangan)
      expect(
        uraian(h).some((u) => u.includes('apel')),
        'an apel line',
      ).toBe(potongan > 0);
  });
});

describe('hitungTpp: the progres harian band (opt-in, with its Perkada)', () => {
  const band = {
    persenTidakAda: 1,
    persenTerlambat: 0.5,
    batasPersen: 5,
    dasarHukum: 'Perkada No. 12 Tahun 2026 Pasal 9',
  };
  const ketentuan =
    'progres harian setiap hari kerja diisi paling lambat pukul 23.59 WITA pada hari kerja berikutnya';
  const kh = (tidakAda: number, terlambat: number, dikecualikan = 0) => ({
    kepatuhanHarian: { tidakAda, terlambat, dikecualikan, ketentuan },
  });

  it('explains the rule, each deduction and the cap per line', () => {
    const h = hitungTpp({ ...PARAMETER_TPP_BAKU, kepatuhanHarian: band }, r(kh(4, 3, 2)));
    // 4 × 1 % + 3 × 0,5 % = 5,5 %, capped at 5 %
    expect(h.potonganPersen).toBe(5);
    expect(uraian(h).slice(3, 7)).toEqual([
      `Kepatuhan progres harian (Perkada No. 12 Tahun 2026 Pasal 9): ${ketentuan}; 4 hari tidak diisi, 3 hari terlambat, 2 hari dikecualikan (dinas luar, cuti, sakit, izin).`,
      'Progres harian tidak diisi: 4 hari × 1 % = 4 %.',
      'Progres harian terlambat: 3 hari × 0,5 % = 1,5 %.',
      'Potongan progres harian 5,5 % dibatasi 5 % (Perkada No. 12 Tahun 2026 Pasal 9).',
    ]);
  });

  it.each<[string, ParameterTpp['kepatuhanHarian'], Partial<RingkasanTpp>, number]>([
    ['under the cap', band, kh(2, 1), 2.5],
    ['every day on time: the rule line only', band, kh(0, 0), 0],
    ['off (null): nothing, whatever the counts', null, kh(10, 10), 0],
    ['off (absent, the default): nothing', undefined, kh(10, 10), 0],
    ['a line computed without the counts', band, {}, 0],
  ])('%s', (_, kepatuhanHarian, over, potongan) => {
    const p = { ...PARAMETER_TPP_BAKU, ...(kepatuhanHarian !== undefined && { kepatuhanHarian }) };
    const h = hitungTpp(p, r(over));
    expect(h.potonganPersen).toBe(potongan);
    expect(uraian(h).some((u) => u.startsWith('Kepatuhan progres harian'))).toBe(
      !!kepatuhanHarian && !!over.kepatuhanHarian,
    );
  });

  it('is validated: rates and the Perkada reference', () => {
    expect(validasiParameterTpp({ ...PARAMETER_TPP_BAKU, kepatuhanHarian: band })).toEqual([]);
    expect(
      validasiParameterTpp({
        ...PARAMETER_TPP_BAKU,
        kepatuhanHarian: { ...band, persenTidakAda: 120, dasarHukum: ' ' },
      }),
    ).toEqual([
      'Potongan progres harian tidak diisi per hari harus antara 0 dan 100 %.',
      'Dasar hukum potongan progres harian wajib diisi (Perkada dan pasalnya, mis. "Perkada No. 12 Tahun 2026 Pasal 9").',
    ]);
  });
});

describe('hitungTpp: productivity from the share of approved realisasi (dasar REALISASI)', () => {
  const REALISASI: ParameterTpp = { ...PARAMETER_TPP_BAKU, dasarProduktivitas: 'REALISASI' };
  const x = (rhk: number, diterima: number, perluPerbaikan = 0, menungguPenilai = 0) => ({
    realisasi: { rhk, diterima, perluPerbaikan, menungguPenilai },
  });

  it.each<[string, Partial<RingkasanTpp>, number, string]>([
    [
      'every item accepted',
      x(3, 3),
      3_600_000,
      'Produktivitas: Rp 6.000.000 × 60 % × 3/3 (3 dari 3 realisasi Juli 2026 disetujui = 100 %) = Rp 3.600.000.',
    ],
    [
      'two of three, one sent back',
      x(3, 2, 1),
      2_400_000,
      'Produktivitas: Rp 6.000.000 × 60 % × 2/3 (2 dari 3 realisasi Juli 2026 disetujui = 66,67 %; 1 perlu perbaikan) = Rp 2.400.000.',
    ],
    [
      'one of four, one sent back, two never submitted',
      x(4, 1, 1),
      900_000,
      'Produktivitas: Rp 6.000.000 × 60 % × 1/4 (1 dari 4 realisasi Juli 2026 disetujui = 25 %; 1 perlu perbaikan, 2 belum diajukan) = Rp 900.000.',
    ],
    [
      'assessed, none accepted: a real 0 %',
      x(2, 0, 2),
      0,
      'Produktivitas: Rp 6.000.000 × 60 % × 0/2 (0 dari 2 realisasi Juli 2026 disetujui = 0 %; 2 perlu perbaikan) = Rp 0.',
    ],
    [
      'the predikat plays no part',
      { predikat: 'SANGAT_KURANG', ...x(1, 1) },
      3_600_000,
      'Produktivitas: Rp 6.000.000 × 60 % × 1/1 (1 dari 1 realisasi Juli 2026 disetujui = 100 %) = Rp 3.600.000.',
    ],
  ])('%s', (_, over, produktivitas, baris) => {
    const h = hitungTpp(REALISASI, r(over));
    expect(h).toMatchObject({ produktivitas, menungguPenilaian: false, jumlah: produktivitas + 2_400_000 });
    expect(uraian(h)[1]).toBe(baris);
  });

  it('the share is exact and rounded half up once (1/3 of Rp 1.234.567 × 60 % = 246.913,4)', () => {
    const p = { ...REALISASI, dasarPerKelas: { '2': 1_234_567 } };
    expect(hitungTpp(p, r({ kelasJabatan: 2, ...x(3, 1, 2) })).produktivitas).toBe(246_913);
  });

  it.each<[string, Partial<RingkasanTpp>, string]>([
    ['no approved SKP with RHK', x(0, 0), 'belum ada SKP disetujui dengan RHK untuk Juli 2026'],
    ['no facts stored', {}, 'belum ada SKP disetujui dengan RHK untuk Juli 2026'],
    ['nothing assessed yet (drafts only)', x(3, 0), 'belum ada realisasi Juli 2026 yang dinilai'],
    [
      'an item still waits for the assessor',
      x(3, 2, 0, 1),
      '1 dari 3 realisasi Juli 2026 masih menunggu penilaian atasan',
    ],
  ])('menunggu penilaian, never 0 %%: %s', (_, over, alasan) => {
    const h = hitungTpp(REALISASI, r({ predikat: 'BAIK', ...over }));
    expect(h).toMatchObject({ produktivitas: 0, jumlah: 2_400_000, menungguPenilaian: true });
    expect(uraian(h)[1]).toBe(
      `Produktivitas: menunggu penilaian — ${alasan}; bagian produktivitas belum dihitung (bukan 0 %) dan tidak termasuk jumlah sampai realisasinya dinilai dan TPP dihitung ulang.`,
    );
  });
});

describe('validasiParameterTpp', () => {
  it('accepts the defaults (ceremony 1 %, productivity from the predikat), a rate of 0 and the REALISASI basis', () => {
    expect(PARAMETER_TPP_BAKU).toMatchObject({ persenApel: 1, dasarProduktivitas: 'PREDIKAT' });
    expect(validasiParameterTpp(PARAMETER_TPP_BAKU)).toEqual([]);
    expect(
      validasiParameterTpp({ ...PARAMETER_TPP_BAKU, persenApel: 0, dasarProduktivitas: 'REALISASI' }),
    ).toEqual([]);
  });

  it.each<[string, Partial<ParameterTpp>, string]>([
    [
      'weights not 100',
      { bobotProduktivitas: 60, bobotDisiplin: 50 },
      'Bobot produktivitas dan disiplin harus berjumlah 100 % (sekarang 110 %).',
    ],
    [
      'negative amount',
      { dasarPerKelas: { '1': -5 } },
      'Besaran TPP kelas 1 harus bilangan bulat rupiah ≥ 0.',
    ],
    ['bad kelas', { dasarPerKelas: { x: 5 } }, "Kelas jabatan 'x' tidak valid (1–20)."],
    [
      'percent above 100',
      { persenTanpaKeterangan: 120 },
      'Potongan tanpa keterangan per hari harus antara 0 dan 100 %.',
    ],
    [
      'three decimals',
      { persenTanpaKeterangan: 3.125 },
      'Potongan tanpa keterangan per hari paling banyak dua angka desimal.',
    ],
    [
      'overlapping bands',
      {
        pitaTerlambat: [
          { dariMenit: 1, sampaiMenit: 30, persen: 0.5 },
          { dariMenit: 25, sampaiMenit: null, persen: 1 },
        ],
      },
      'Pita keterlambatan ke-2 harus dimulai tepat setelah pita sebelumnya (menit 31), tanpa celah atau tumpang tindih.',
    ],
    [
      'a gap between bands',
      {
        pitaPulangCepat: [
          { dariMenit: 1, sampaiMenit: 30, persen: 0.5 },
          { dariMenit: 40, sampaiMenit: null, persen: 1 },
        ],
      },
      'Pita pulang cepat ke-2 harus dimulai tepat setelah pita sebelumnya (menit 31), tanpa celah atau tumpang tindih.',
    ],
    [
      'a closed last band',
      { pitaTerlambat: [{ dariMenit: 1, sampaiMenit: 30, persen: 0.5 }] },
      'Pita keterlambatan terakhir harus tanpa batas akhir (mis. ≥ 91 menit atau tanpa catatan jam).',
    ],
    ['no band', { pitaTerlambat: [] }, 'Pita keterlambatan wajib diisi sekurang-kurangnya satu.'],
    [
      'factor above 100',
      { faktorPredikat: { ...PARAMETER_TPP_BAKU.faktorPredikat, SANGAT_BAIK: 150 } },
      'Faktor predikat Sangat Baik harus antara 0 dan 100 %.',
    ],
    [
      'ceremony rate negative',
      { persenApel: -1 },
      'Potongan tidak mengikuti apel/upacara per kali harus antara 0 dan 100 %.',
    ],
    [
      'ceremony rate with three decimals',
      { persenApel: 0.125 },
      'Potongan tidak mengikuti apel/upacara per kali paling banyak dua angka desimal.',
    ],
    [
      'unknown productivity basis',
      { dasarProduktivitas: 'CAPAIAN' as ParameterTpp['dasarProduktivitas'] },
      'Dasar produktivitas harus Predikat atau Realisasi.',
    ],
    [
      'withholding month outside the year',
      { tahanEvaluasiSejakBulan: 13 },
      'Bulan mulai penahanan TPP karena evaluasi tahunan harus 1–12 (Januari–Desember) atau kosong.',
    ],
  ])('%s', (_, over, pesan) => {
    expect(validasiParameterTpp({ ...PARAMETER_TPP_BAKU, ...over })).toContain(pesan);
  });
});

describe('tahunEvaluasiWajib (SPEC §7.1: TPP withheld while the annual SKP is outstanding)', () => {
  it.each([
    [4, '2027-03', null],
    [4, '2027-04', 2026],
    [4, '2027-12', 2026],
    [1, '2027-01', 2026],
    [null, '2027-06', null],
  ] as const)('from month %s, %s → %s', (sejak, bulan, tahun) => {
    expect(tahunEvaluasiWajib({ ...PARAMETER_TPP_BAKU, tahanEvaluasiSejakBulan: sejak }, bulan)).toBe(tahun);
  });
});

describe('alasanBulanBelumSelesai (SPEC §7.1: only finished months)', () => {
  it.each([
    ['2026-11', '2026-12-06', null],
    ['2025-12', '2026-01-01', null],
    ['2026-12', '2026-12-06', 'bulan ini belum berakhir'],
    ['2026-12', '2026-12-31', 'bulan ini belum berakhir'],
    ['2027-01', '2026-12-06', 'bulannya belum tiba'],
  ])('%s on %s', (bulan, hariIni, alasan) => {
    const hasil = alasanBulanBelumSelesai(bulan, hariIni);
    if (alasan === null) expect(hasil).toBeNull();
    else expect(hasil).toContain(alasan);
  });
});

describe('hariBelumDiimpor (per OPD: working days with no record for anyone)', () => {
  const hari = ['2026-07-01', '2026-07-02', '2026-07-03'];
  it.each([
    [
      'every day present',
      [
        { opdId: 1, tanggal: '2026-07-01' },
        { opdId: 1, tanggal: '2026-07-02' },
        { opdId: 1, tanggal: '2026-07-03' },
      ],
      [],
    ],
    [
      'one day missing',
      [
        { opdId: 1, tanggal: '2026-07-01' },
        { opdId: 1, tanggal: '2026-07-03' },
      ],
      [{ opdId: 1, tanggal: ['2026-07-02'] }],
    ],
    ['nothing imported', [], [{ opdId: 1, tanggal: hari }]],
    [
      'another OPD’s records do not count',
      [{ opdId: 2, tanggal: '2026-07-01' }],
      [{ opdId: 1, tanggal: hari }],
    ],
  ] as const)('%s', (_, tercatat, hasil) => {
    expect(hariBelumDiimpor(hari, [1, 1], [...tercatat])).toEqual(hasil);
  });
  it('employees without an OPD form their own group', () => {
    expect(hariBelumDiimpor(hari, [null], [{ opdId: null, tanggal: '2026-07-02' }])).toEqual([
      { opdId: null, tanggal: ['2026-07-01', '2026-07-03'] },
    ]);
  });
});

describe('alasanTolakPersetujuan (approval with gaps needs a reason)', () => {
  const lengkap = { hariBelumDiimpor: 0, pegawaiBelumDiimpor: 0, menungguPenilaian: 0 };
  const kurang = { hariBelumDiimpor: 3, pegawaiBelumDiimpor: 40, menungguPenilaian: 2 };
  it.each([
    ['complete, no reason', lengkap, undefined, null],
    [
      'gaps, no reason',
      kurang,
      undefined,
      '3 hari-OPD data kehadiran belum diimpor (40 pegawai) dan 2 pegawai menunggu penilaian',
    ],
    ['gaps, a blank reason', kurang, '   ', 'setujui dengan alasan'],
    ['gaps, too short', kurang, 'susulan', 'sekurang-kurangnya 10 karakter'],
    ['gaps, a reason', kurang, 'Produktivitas dibayar susulan bulan depan.', null],
    [
      'only pending assessments',
      { ...lengkap, menungguPenilaian: 1 },
      undefined,
      'masih ada 1 pegawai menunggu penilaian.',
    ],
  ] as const)('%s', (_, k, alasan, hasil) => {
    const out = alasanTolakPersetujuan(k, alasan);
    if (hasil === null) expect(out).toBeNull();
    else expect(out).toContain(hasil);
  });
});
