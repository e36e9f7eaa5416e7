/**
 * The demo government: Pemerintah Provinsi Gorontalo (real unit names, fictional people).
 * Deterministic: the same plan, NIPs and demo accounts on every machine.
 */
import { namaLengkap } from '../../domain/pegawai.js';
import type { SkpSeedState } from './insert-skp.js';
import { buildProvince, type OpdSpec } from './province.js';

const UMUM = (bidang: string[], seksi: string[][]): OpdSpec['bidang'] =>
  bidang.map((nama, i) => ({ nama, seksi: seksi[i] ?? [] }));

const OPD: OpdSpec[] = [
  {
    nama: 'Dinas Pendidikan dan Kebudayaan',
    kepala: 'Kepala Dinas Pendidikan dan Kebudayaan',
    bidang: UMUM(
      ['Bidang Pembinaan SMA', 'Bidang Pembinaan SMK', 'Bidang Kebudayaan'],
      [
        ['Seksi Kurikulum SMA', 'Seksi Peserta Didik SMA'],
        ['Seksi Kurikulum SMK', 'Seksi Sarana Prasarana SMK'],
        ['Seksi Cagar Budaya', 'Seksi Kesenian'],
      ],
    ),
    upt: ['UPTD Balai Teknologi Informasi dan Komunikasi Pendidikan'],
    fungsional: [
      ['Pengawas Sekolah Ahli Madya', 'AHLI_MADYA'],
      ['Pamong Budaya Ahli Pertama', 'AHLI_PERTAMA'],
    ],
  },
  {
    nama: 'Dinas Kesehatan',
    kepala: 'Kepala Dinas Kesehatan',
    bidang: UMUM(
      [
        'Bidang Pelayanan Kesehatan',
        'Bidang Pencegahan dan Pengendalian Penyakit',
        'Bidang Kesehatan Masyarakat',
      ],
      [
        ['Seksi Pelayanan Kesehatan Primer', 'Seksi Pelayanan Kesehatan Rujukan'],
        ['Seksi Surveilans dan Imunisasi', 'Seksi Pengendalian Penyakit Menular'],
        ['Seksi Kesehatan Keluarga dan Gizi', 'Seksi Promosi Kesehatan'],
      ],
    ),
    upt: ['UPTD Laboratorium Kesehatan Daerah'],
    fungsional: [
      ['Epidemiolog Kesehatan Ahli Muda', 'AHLI_MUDA'],
      ['Nutrisionis Ahli Pertama', 'AHLI_PERTAMA'],
      ['Administrator Kesehatan Ahli Muda', 'AHLI_MUDA'],
    ],
  },
  {
    nama: 'RSUD Dr. Hasri Ainun Habibie',
    kepala: 'Direktur RSUD Dr. Hasri Ainun Habibie',
    bidang: UMUM(
      ['Bidang Pelayanan Medik', 'Bidang Keperawatan', 'Bidang Penunjang'],
      [
        ['Seksi Rawat Jalan', 'Seksi Rawat Inap'],
        ['Seksi Asuhan Keperawatan', 'Seksi Mutu Keperawatan'],
        ['Seksi Penunjang Medik', 'Seksi Penunjang Nonmedik'],
      ],
    ),
    upt: [],
    fungsional: [
      ['Dokter Ahli Pertama', 'AHLI_PERTAMA'],
      ['Perawat Terampil', 'TERAMPIL'],
      ['Perawat Ahli Pertama', 'AHLI_PERTAMA'],
      ['Bidan Terampil', 'TERAMPIL'],
      ['Apoteker Ahli Pertama', 'AHLI_PERTAMA'],
    ],
  },
  {
    nama: 'Badan Kepegawaian Daerah',
    kepala: 'Kepala Badan Kepegawaian Daerah',
    bidang: UMUM(
      [
        'Bidang Pengadaan dan Informasi Kepegawaian',
        'Bidang Mutasi dan Promosi',
        'Bidang Penilaian Kinerja dan Penghargaan',
      ],
      [
        ['Subbidang Pengadaan', 'Subbidang Data dan Informasi'],
        ['Subbidang Mutasi', 'Subbidang Promosi'],
        ['Subbidang Penilaian Kinerja', 'Subbidang Penghargaan dan Disiplin'],
      ],
    ),
    upt: [],
    fungsional: [
      ['Analis SDM Aparatur Ahli Muda', 'AHLI_MUDA'],
      ['Analis SDM Aparatur Ahli Pertama', 'AHLI_PERTAMA'],
      ['Pranata SDM Aparatur Terampil', 'TERAMPIL'],
    ],
  },
  {
    nama: 'Badan Perencanaan Pembangunan Daerah',
    kepala: 'Kepala Badan Perencanaan Pembangunan Daerah',
    bidang: UMUM(
      [
        'Bidang Perencanaan Ekonomi',
        'Bidang Perencanaan Infrastruktur',
        'Bidang Pemerintahan dan Pembangunan Manusia',
      ],
      [
        ['Subbidang Pertanian dan Kelautan', 'Subbidang Industri dan Perdagangan'],
        ['Subbidang Tata Ruang', 'Subbidang Prasarana Wilayah'],
        ['Subbidang Pendidikan dan Kesehatan', 'Subbidang Pemerintahan'],
      ],
    ),
    upt: [],
    fungsional: [
      ['Perencana Ahli Muda', 'AHLI_MUDA'],
      ['Perencana Ahli Madya', 'AHLI_MADYA'],
    ],
  },
  {
    nama: 'Inspektorat',
    kepala: 'Inspektur',
    bidang: UMUM(
      ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II', 'Inspektur Pembantu Khusus'],
      [[], [], []],
    ),
    upt: [],
    fungsional: [
      ['Auditor Ahli Pertama', 'AHLI_PERTAMA'],
      ['Auditor Ahli Muda', 'AHLI_MUDA'],
      ['Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Muda', 'AHLI_MUDA'],
    ],
  },
  ...[
    [
      'Badan Pengelolaan Keuangan dan Aset Daerah',
      ['Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Aset'],
      'Analis Keuangan Pusat dan Daerah Ahli Muda',
    ],
    [
      'Badan Pendapatan Daerah',
      ['Bidang Pajak Daerah', 'Bidang Retribusi dan Pendapatan Lain'],
      'Analis Keuangan Pusat dan Daerah Ahli Pertama',
    ],
    [
      'Dinas Pekerjaan Umum dan Penataan Ruang',
      ['Bidang Bina Marga', 'Bidang Sumber Daya Air', 'Bidang Cipta Karya'],
      'Teknik Jalan dan Jembatan Ahli Pertama',
    ],
    [
      'Dinas Sosial',
      ['Bidang Rehabilitasi Sosial', 'Bidang Perlindungan dan Jaminan Sosial'],
      'Pekerja Sosial Ahli Pertama',
    ],
    [
      'Satuan Polisi Pamong Praja',
      ['Bidang Penegakan Peraturan Daerah', 'Bidang Ketertiban Umum'],
      'Polisi Pamong Praja Terampil',
    ],
    [
      'Dinas Komunikasi, Informatika dan Statistik',
      ['Bidang Aplikasi Informatika', 'Bidang Statistik dan Persandian'],
      'Pranata Komputer Ahli Pertama',
    ],
    [
      'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
      ['Bidang Pelayanan Perizinan', 'Bidang Promosi Penanaman Modal'],
      'Analis Kebijakan Ahli Pertama',
    ],
    [
      'Dinas Pertanian',
      ['Bidang Tanaman Pangan', 'Bidang Hortikultura', 'Bidang Peternakan'],
      'Penyuluh Pertanian Ahli Pertama',
    ],
    [
      'Dinas Kelautan dan Perikanan',
      ['Bidang Perikanan Tangkap', 'Bidang Perikanan Budidaya'],
      'Penyuluh Perikanan Ahli Pertama',
    ],
    [
      'Dinas Pariwisata',
      ['Bidang Destinasi Pariwisata', 'Bidang Pemasaran Pariwisata'],
      'Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama',
    ],
    [
      'Dinas Perhubungan',
      ['Bidang Lalu Lintas Angkutan Jalan', 'Bidang Pelayaran'],
      'Penguji Kendaraan Bermotor Terampil',
    ],
    [
      'Dinas Lingkungan Hidup dan Kehutanan',
      ['Bidang Pengendalian Pencemaran', 'Bidang Kehutanan'],
      'Pengendali Dampak Lingkungan Ahli Pertama',
    ],
    [
      'Dinas Energi dan Sumber Daya Mineral dan Transmigrasi',
      ['Bidang Energi dan Ketenagalistrikan', 'Bidang Transmigrasi'],
      'Inspektur Tambang Ahli Pertama',
    ],
    [
      'Badan Penanggulangan Bencana Daerah',
      ['Bidang Pencegahan dan Kesiapsiagaan', 'Bidang Kedaruratan dan Logistik'],
      'Analis Bencana Ahli Pertama',
    ],
    [
      'Badan Kesatuan Bangsa dan Politik',
      ['Bidang Ideologi dan Wawasan Kebangsaan', 'Bidang Politik Dalam Negeri'],
      'Analis Kebijakan Ahli Muda',
    ],
    [
      'Dinas Pemberdayaan Masyarakat dan Desa, Kependudukan dan Pencatatan Sipil',
      ['Bidang Pemberdayaan Masyarakat', 'Bidang Kependudukan'],
      'Administrator Database Kependudukan Ahli Pertama',
    ],
    [
      'Dinas Perindustrian dan Perdagangan',
      ['Bidang Perindustrian', 'Bidang Perdagangan'],
      'Pengawas Perdagangan Ahli Pertama',
    ],
    [
      'Dinas Koperasi, Usaha Kecil dan Menengah',
      ['Bidang Kelembagaan Koperasi', 'Bidang Usaha Kecil'],
      'Pengawas Koperasi Ahli Pertama',
    ],
    [
      'Dinas Kepemudaan dan Olahraga',
      ['Bidang Kepemudaan', 'Bidang Olahraga'],
      'Analis Kebijakan Ahli Pertama',
    ],
    [
      'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
      ['Bidang Perlindungan Perempuan', 'Bidang Pemenuhan Hak Anak'],
      'Penyuluh Keluarga Berencana Ahli Pertama',
    ],
  ].map(([nama, bidang, fungsional]) => ({
    nama: nama as string,
    kepala: `Kepala ${nama as string}`,
    bidang: (bidang as string[]).map((b) => ({
      nama: b,
      seksi: [`Seksi ${b.replace(/^Bidang /, '')} I`, `Seksi ${b.replace(/^Bidang /, '')} II`],
    })),
    upt: [] as string[],
    fungsional: [
      [fungsional as string, (fungsional as string).includes('Ahli') ? 'AHLI_PERTAMA' : 'TERAMPIL'],
    ] as OpdSpec['fungsional'],
  })),
];

const BIRO = [
  {
    nama: 'Biro Pemerintahan dan Kesejahteraan Rakyat',
    asisten: 0,
    bagian: ['Bagian Pemerintahan', 'Bagian Kesejahteraan Rakyat'],
  },
  {
    nama: 'Biro Perekonomian dan Administrasi Pembangunan',
    asisten: 1,
    bagian: ['Bagian Perekonomian', 'Bagian Administrasi Pembangunan'],
  },
  {
    nama: 'Biro Pengadaan Barang dan Jasa',
    asisten: 1,
    bagian: ['Bagian Pengelolaan Pengadaan', 'Bagian Layanan Pengadaan Secara Elektronik'],
  },
  { nama: 'Biro Hukum', asisten: 2, bagian: ['Bagian Perundang-undangan', 'Bagian Bantuan Hukum'] },
  {
    nama: 'Biro Organisasi',
    asisten: 2,
    bagian: [
      'Bagian Kelembagaan dan Analisis Jabatan',
      'Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja',
    ],
  },
  {
    nama: 'Biro Umum',
    asisten: 2,
    bagian: ['Bagian Tata Usaha Pimpinan', 'Bagian Rumah Tangga dan Perlengkapan'],
  },
];

export const DEMO_KODE = 'PROV-GTLO';
export const DEMO_EMPLOYEES = 2000;

/** The OPD whose chain the demo accounts follow (Dinas Kesehatan), and the BKD. */
const OPD_DINKES = 1;
const OPD_BKD = 3;

/**
 * The mid-year cases (insert-peristiwa.ts), away from the Dinas Kesehatan chain the browser journeys
 * follow: the Kepala Bidang Kebudayaan of Dinas Pendidikan takes early retirement and the Kepala Bidang
 * Pembinaan SMK acts for the post; a Perencana of Badan Pendapatan Daerah moves to Bappeda; Dinas Perhubungan has not
 * imported last month's attendance yet.
 */
const PLT = { jabatan: 'j:opd0:bid2', pensiun: 'kabid:0:2', pejabat: 'kabid:0:1' };
const MUTASI = {
  dari: 'opd7:bid0:s0:f:Perencana Ahli Pertama',
  ke: 'opd4:bid1:s0:f:Perencana Ahli Pertama',
};
const OPD_BELUM_DIIMPOR = 'opd16';
/** How many of Dinas Kesehatan's PPPK are paruh waktu in the demo. */
export const PARUH_WAKTU_DINKES = 4;

export function demoGorontalo() {
  const built = buildProvince({
    kode: DEMO_KODE,
    nama: 'Pemerintah Provinsi Gorontalo',
    kepalaDaerah: 'Gubernur Gorontalo',
    seed: 7501,
    total: DEMO_EMPLOYEES,
    opd: OPD,
    biro: BIRO,
    asisten: [
      'Asisten Pemerintahan dan Kesejahteraan Rakyat',
      'Asisten Perekonomian dan Pembangunan',
      'Asisten Administrasi Umum',
    ],
    seqRange: [1, 499],
  });
  const { plan, keys } = built;
  const seksiDinkes = `opd${OPD_DINKES}:bid0:s0`;
  const accounts = {
    admin_instansi: keys[`fungsional:opd${OPD_BKD}:bid2:s0`]!,
    admin_opd: keys[`pelaksana:opd${OPD_DINKES}:sek:0`]!,
    kepala_opd: keys[`kepala:${OPD_DINKES}`]!,
    administrator: keys[`kabid:${OPD_DINKES}:0`]!,
    pengawas: keys[`kasi:${OPD_DINKES}:0:0`]!,
    pelaksana: keys[`pelaksana:${seksiDinkes}`]!,
    fungsional: keys[`fungsional:${seksiDinkes}`]!,
    // A second pelaksana of Yamin's seksi with an approved plan: the monthly-cycle journey.
    staf: plan.pegawai.find(
      (p) =>
        p.jabatanKey.startsWith(`${seksiDinkes}:p:`) &&
        p.key !== keys[`pelaksana:${seksiDinkes}`] &&
        p.key !== keys[`fungsional:${seksiDinkes}`],
    )!.key,
    // Acts for the vacant Kepala Bidang Kebudayaan: its two kasi are his subordinates too.
    plt: keys[PLT.pejabat]!,
    // Moved mid-year: two plans this year, angka kredit in two parts.
    mutasi: plan.pegawai.find((p) => p.jabatanKey === MUTASI.dari)!.key,
  };
  // PPPK paruh waktu (SPEC §12): four of Dinas Kesehatan's PPPK outside the journeys' seksi, chosen
  // by plan order so no random draw moves and every other employee stays as he was.
  for (const p of plan.pegawai
    .filter((p) => p.jenisAsn === 'PPPK' && p.jabatanKey.startsWith(`opd${OPD_DINKES}:bid1:`))
    .slice(0, PARUH_WAKTU_DINKES)) {
    p.jenisAsn = 'PPPK_PW';
  }
  plan.roles.push(
    { pegawaiKey: accounts.admin_instansi, peran: 'ADMIN_INSTANSI', opdKey: null },
    ...plan.unor
      .filter((u) => u.jenis === 'OPD')
      .map((u) => ({
        pegawaiKey:
          u.key === `opd${OPD_DINKES}`
            ? accounts.admin_opd
            : (keys[`pelaksana:${u.key}:sek:0`] ?? keys[`pelaksana:biro0:bag0`]!),
        peran: 'ADMIN_OPD' as const,
        opdKey: u.key,
      })),
    { pegawaiKey: keys[`kepala:${OPD_BKD}`]!, peran: 'TIM_PENILAI', opdKey: null },
    { pegawaiKey: keys[`kabid:${OPD_BKD}:2`]!, peran: 'TIM_PENILAI', opdKey: null },
    { pegawaiKey: keys['kepala:5']!, peran: 'TIM_PENILAI', opdKey: null },
  );
  return { plan, accounts, keys };
}

/**
 * When the mid-year cases take effect, from today (YYYY-MM-DD): the Plt on 1 February; the mutation
 * on the first of the month two before the current one, not before February, so the old plan's
 * months and the new plan's fall in the seeded monthly cycle. On the first of a month, so each month
 * belongs to one plan whichever rule picks it. Null in January: nothing of the year has happened yet.
 */
export function tmtPeristiwa(tanggal: string): { plt: string; mutasi: string } | null {
  const tahun = tanggal.slice(0, 4);
  const bulan = Number(tanggal.slice(5, 7));
  if (bulan === 1) return null;
  return { plt: `${tahun}-02-01`, mutasi: `${tahun}-${String(Math.max(2, bulan - 2)).padStart(2, '0')}-01` };
}

/** The mid-year cases by plan keys: seedDemo writes them once the year's plans exist. */
export function demoPeristiwa() {
  const { keys, accounts } = demoGorontalo();
  return {
    plt: { jabatanKey: PLT.jabatan, pensiunKey: keys[PLT.pensiun]!, pejabatKey: accounts.plt },
    mutasi: { pegawaiKey: accounts.mutasi, jabatanKey: MUTASI.ke },
    belumDiimporOpdKey: OPD_BELUM_DIIMPOR,
  };
}

/**
 * Who shows which SKP state in the demo's current year; everyone else has an approved plan. The
 * accounts' states are what the browser tests rely on: Idris has no plan yet, Rosmini's came back
 * with a note, Yamin, Hasna and Ikbal are approved (and kept free of random dibagi-habis gaps).
 */
export function demoSkpStates(): { pegawai: string; state: SkpSeedState; catatan?: string }[] {
  const { plan, accounts, keys } = demoGorontalo();
  const nipOf = new Map(plan.pegawai.map((p) => [p.key, p.nip]));
  const accountKeys = new Set<string>(Object.values(accounts));
  // Staff of a unit, in the order they were placed; demo accounts are never picked.
  const staff = (unorKey: string, nth: number) =>
    plan.pegawai.filter((p) => p.jabatanKey.startsWith(`${unorKey}:`) && !accountKeys.has(p.key))[nth]!.nip;
  const key = (k: string) => nipOf.get(keys[k]!)!;
  return [
    { pegawai: nipOf.get(accounts.pelaksana)!, state: 'TANPA_SKP' },
    {
      pegawai: nipOf.get(accounts.fungsional)!,
      state: 'DIKEMBALIKAN',
      catatan:
        'Target kuantitas belum sesuai pembagian pada matriks peran hasil seksi; sesuaikan dengan RHK atasan yang diintervensi dan lengkapi indikator kualitasnya.',
    },
    { pegawai: nipOf.get(accounts.pengawas)!, state: 'DISETUJUI' },
    { pegawai: nipOf.get(accounts.administrator)!, state: 'DISETUJUI' },
    { pegawai: nipOf.get(accounts.kepala_opd)!, state: 'DISETUJUI' },
    // Yamin has one plan waiting for his decision.
    { pegawai: staff(`opd${OPD_DINKES}:bid0:s0`, 0), state: 'DIAJUKAN' },
    { pegawai: staff('opd0:bid0:s1', 0), state: 'DRAFT' },
    { pegawai: staff('opd0:bid2:s0', 1), state: 'TANPA_SKP' },
    { pegawai: staff('opd2:bid1:s0', 0), state: 'DIKEMBALIKAN' },
    { pegawai: staff('opd2:bid0:s1', 2), state: 'DIAJUKAN' },
    { pegawai: staff(`opd${OPD_BKD}:bid0:s1`, 0), state: 'DIAJUKAN' },
    { pegawai: staff('opd8:bid0:s0', 0), state: 'DRAFT' },
    { pegawai: staff('opd12:bid1:s1', 1), state: 'TANPA_SKP' },
    { pegawai: staff('biro3:bag0', 0), state: 'DRAFT' },
    // Leaders: one still waiting for approval (its staff intervene the submitted plan), two approved late.
    { pegawai: key('kasi:4:0:0'), state: 'DIAJUKAN' },
    { pegawai: key('kabid:5:1'), state: 'TERLAMBAT' },
    { pegawai: key('kepala:6'), state: 'TERLAMBAT' },
  ];
}

/**
 * Who shows what in the demo's monthly cycle: Salim (staf) reports the previous month himself in the
 * browser journey, so it stays empty for him; several of Yamin's and of the Plt's subordinates wait
 * for their assessment.
 */
export function demoRealisasi(): { tanpaLaporan: string[]; penilaiMenunggu: string[] } {
  const { plan, accounts } = demoGorontalo();
  const nipOf = new Map(plan.pegawai.map((p) => [p.key, p.nip]));
  return {
    tanpaLaporan: [nipOf.get(accounts.staf)!],
    // The Plt's inbox shows his own and the vacant position's subordinates waiting too.
    penilaiMenunggu: [nipOf.get(accounts.pengawas)!, nipOf.get(accounts.plt)!],
  };
}

export interface DemoAccount {
  role: string;
  nip: string;
  nama: string;
  password: string;
}

export function demoAccounts(password: string): DemoAccount[] {
  const { plan, accounts } = demoGorontalo();
  const byKey = new Map(plan.pegawai.map((p) => [p.key, p]));
  return Object.entries(accounts).map(([role, key]) => {
    const p = byKey.get(key)!;
    return { role, nip: p.nip, nama: namaLengkap(p), password };
  });
}
