/**
 * Seeds one year of cascaded SKPs for every employee holding a position in an instansi, top-down
 * along atasan_langsung(): JPT plans derive from their unit's Perjanjian Kinerja, every other UTAMA
 * RHK intervenes an RHK of the superior's plan, and the KUANTITAS targets of the children add up to
 * the leader's (dibagi habis), except a deterministic few gaps. Set-based like insertOrgPlan: the
 * plans are built in memory from one read, then written with JSON recordsets in chunks.
 */
import { type SQL, sql } from 'drizzle-orm';
import { BERAKHLAK, type KodeBerakhlak } from '../../domain/berakhlak.js';
import { pangkatGolongan } from '../../domain/golongan.js';
import { isJpt, type JenisJabatan, type JenisUnor } from '../../domain/jabatan.js';
import { formatNip, type JenisAsn } from '../../domain/nip.js';
import { namaLengkap } from '../../domain/pegawai.js';
import type { JenisLampiran, JenisRhk, Perspektif } from '../../domain/skp.js';
import type { StatusSkp } from '../../domain/skp-workflow.js';
import { type DbOrTx, rows } from '../client.js';
import { rng } from './province.js';

/** TERLAMBAT: approved after the deadline; TANPA_SKP: no plan at all. */
export type SkpSeedState = 'DISETUJUI' | 'TERLAMBAT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DRAFT' | 'TANPA_SKP';

/** Subordinates intervene their superior's plan, so only people without subordinates may lack a usable one. */
const ONLY_LEAVES: ReadonlySet<SkpSeedState> = new Set(['DRAFT', 'DIKEMBALIKAN', 'TANPA_SKP']);

export interface SkpSeedOptions {
  instansiId: number;
  tahun: number;
  seed: number;
  /** Who gets which state, by pegawai id or NIP. Listed leaders never get a random dibagi-habis gap. */
  states?: readonly { pegawai: number | string; state: SkpSeedState; catatan?: string }[];
  /** Share of the other employees drawn into each state at random (default: none, all approved). */
  mix?: Partial<Record<Exclude<SkpSeedState, 'DISETUJUI'>, number>>;
  /** The day whose superiors count, as atasan_langsung() sees them (default 1 January of the year). */
  tanggal?: string;
  /** Nothing is dated after this instant (a current-year seed made early in the year). */
  now?: Date;
}

/** A plausible spread for a large synthetic instansi: mostly approved, some late, a few still open. */
export const SYNTHETIC_MIX: SkpSeedOptions['mix'] = {
  TERLAMBAT: 0.05,
  DIAJUKAN: 0.02,
  DRAFT: 0.01,
  DIKEMBALIKAN: 0.005,
  TANPA_SKP: 0.01,
};

export interface SkpSeedCounts {
  pegawai: number;
  skp: number;
  rhk: number;
  iki: number;
  intervensi: number;
  perilaku: number;
  lampiran: number;
  perjanjianKinerja: number;
  pkSasaran: number;
  status: Record<StatusSkp | 'TANPA_SKP', number>;
  terlambat: number;
}

// ---------------------------------------------------------------------------------------------
// Content: four result themes, one per JPT perspektif. A theme keeps its unit all the way down the
// chain, because dibagi habis adds the children's targets in the leader's unit.

type Phrase = (topik: string) => string;

interface Tema {
  kode: 'layanan' | 'kegiatan' | 'laporan' | 'dokumen';
  satuan: string;
  /** A unit that does not add up with `satuan` (the "beda satuan" gap). */
  satuanLain: string;
  perspektif: Perspektif;
  pk: (t: string) => { sasaran: string; indikator: string; satuan: string };
  pkTarget: [number, number];
  jpt: Phrase;
  jptIki: Phrase;
  pimpinan: Phrase[];
  staf: Phrase[];
  kuantitas: Phrase;
  kuantitasLain: Phrase;
  kualitas: string;
  waktu: string;
  /** A leaf's KUANTITAS target range. */
  dasar: [number, number];
}

/** "layanan pelayanan kesehatan primer" reads badly: the service phrases drop a leading "pelayanan". */
const layanan = (t: string) => t.replace(/^pelayanan /, '');

const TEMA: readonly Tema[] = [
  {
    kode: 'layanan',
    satuan: 'layanan',
    satuanLain: 'berkas',
    perspektif: 'PENERIMA_LAYANAN',
    pk: (t) => ({
      sasaran: `Meningkatnya kualitas pelayanan ${layanan(t)}`,
      indikator: `Indeks kepuasan masyarakat atas layanan ${layanan(t)}`,
      satuan: 'indeks',
    }),
    pkTarget: [78, 88],
    jpt: (t) => `Meningkatnya kualitas pelayanan ${layanan(t)}`,
    jptIki: (t) => `Jumlah layanan ${layanan(t)} yang diselesaikan sesuai standar pelayanan`,
    pimpinan: [
      (t) => `Meningkatnya kualitas layanan ${layanan(t)}`,
      (t) => `Terselenggaranya pelayanan ${layanan(t)} sesuai standar`,
      (t) => `Meningkatnya kecepatan penyelesaian layanan ${layanan(t)}`,
    ],
    staf: [
      (t) => `Terselesaikannya layanan ${layanan(t)}`,
      (t) => `Terlayaninya permohonan layanan ${layanan(t)}`,
      (t) => `Terverifikasinya berkas permohonan layanan ${layanan(t)}`,
    ],
    kuantitas: () => 'Jumlah layanan yang diselesaikan',
    kuantitasLain: () => 'Jumlah berkas layanan yang diproses',
    kualitas: 'Persentase layanan yang diselesaikan sesuai SOP',
    waktu: 'Ketepatan waktu penyelesaian layanan',
    dasar: [12, 60],
  },
  {
    kode: 'kegiatan',
    satuan: 'kegiatan',
    satuanLain: 'kali',
    perspektif: 'PROSES_BISNIS',
    pk: (t) => ({
      sasaran: `Meningkatnya efektivitas penyelenggaraan urusan ${t}`,
      indikator: `Persentase program ${t} yang mencapai target`,
      satuan: '%',
    }),
    pkTarget: [85, 95],
    jpt: (t) => `Terselenggaranya program ${t} yang efektif`,
    jptIki: (t) => `Jumlah kegiatan program ${t} yang terlaksana sesuai rencana`,
    pimpinan: [
      (t) => `Terlaksananya pembinaan dan pengendalian ${t}`,
      (t) => `Terlaksananya koordinasi pelaksanaan program ${t}`,
      (t) => `Terselenggaranya fasilitasi kegiatan ${t}`,
    ],
    staf: [
      (t) => `Terlaksananya fasilitasi kegiatan ${t}`,
      (t) => `Terlaksananya pendampingan teknis ${t}`,
      (t) => `Terselenggaranya rapat koordinasi ${t}`,
    ],
    kuantitas: () => 'Jumlah kegiatan yang terlaksana',
    kuantitasLain: () => 'Jumlah pelaksanaan kegiatan',
    kualitas: 'Persentase kegiatan yang terlaksana sesuai rencana',
    waktu: 'Ketepatan waktu pelaksanaan kegiatan',
    dasar: [2, 12],
  },
  {
    kode: 'laporan',
    satuan: 'laporan',
    satuanLain: 'dokumen',
    perspektif: 'PENGUATAN_INTERNAL',
    pk: (t) => ({
      sasaran: `Meningkatnya akuntabilitas kinerja ${t}`,
      indikator: 'Nilai evaluasi SAKIP',
      satuan: 'nilai',
    }),
    pkTarget: [70, 82],
    jpt: (t) => `Meningkatnya akuntabilitas kinerja ${t}`,
    jptIki: () => 'Jumlah laporan kinerja dan evaluasi yang disampaikan tepat waktu',
    pimpinan: [
      (t) => `Tersedianya laporan monitoring dan evaluasi ${t}`,
      (t) => `Terlaksananya evaluasi kinerja ${t}`,
      (t) => `Meningkatnya kualitas pelaporan kinerja ${t}`,
    ],
    staf: [
      (t) => `Tersusunnya laporan pelaksanaan kegiatan ${t}`,
      (t) => `Tersusunnya bahan laporan monitoring ${t}`,
      (t) => `Terdokumentasinya capaian kegiatan ${t}`,
    ],
    kuantitas: () => 'Jumlah laporan yang disusun',
    kuantitasLain: () => 'Jumlah dokumen laporan',
    kualitas: 'Persentase laporan yang diterima tanpa perbaikan',
    waktu: 'Ketepatan waktu penyampaian laporan',
    dasar: [2, 12],
  },
  {
    kode: 'dokumen',
    satuan: 'dokumen',
    satuanLain: 'naskah',
    perspektif: 'ANGGARAN',
    pk: (t) => ({
      sasaran: `Meningkatnya kualitas perencanaan dan penganggaran ${t}`,
      indikator: 'Persentase keselarasan program dengan RPJMD',
      satuan: '%',
    }),
    pkTarget: [90, 100],
    jpt: (t) => `Tersusunnya perencanaan dan penganggaran ${t} yang akuntabel`,
    jptIki: () => 'Jumlah dokumen perencanaan dan penganggaran yang ditetapkan',
    pimpinan: [
      (t) => `Tersusunnya dokumen perencanaan ${t}`,
      (t) => `Tersusunnya rancangan kebijakan teknis ${t}`,
      (t) => `Tersedianya dokumen penganggaran ${t}`,
    ],
    staf: [
      (t) => `Tersusunnya bahan dokumen perencanaan ${t}`,
      (t) => `Tersusunnya konsep naskah dinas ${t}`,
      (t) => `Terhimpunnya data pendukung penyusunan dokumen ${t}`,
    ],
    kuantitas: () => 'Jumlah dokumen yang tersusun',
    kuantitasLain: () => 'Jumlah naskah yang tersusun',
    kualitas: 'Persentase dokumen yang sesuai standar',
    waktu: 'Ketepatan waktu penyusunan dokumen',
    dasar: [2, 8],
  },
];
const [LAYANAN, ...OTHER_TEMA] = TEMA as [Tema, ...Tema[]];

const TAMBAHAN: readonly { rencana: Phrase; kuantitas: string; satuan: string; target: [number, number] }[] =
  [
    {
      rencana: () => 'Terlaksananya tugas tambahan yang diberikan pimpinan',
      kuantitas: 'Jumlah tugas tambahan yang diselesaikan',
      satuan: 'tugas',
      target: [2, 6],
    },
    {
      rencana: () => 'Meningkatnya kompetensi diri melalui pengembangan kompetensi',
      kuantitas: 'Jumlah jam pelajaran pengembangan kompetensi',
      satuan: 'JP',
      target: [20, 40],
    },
    {
      rencana: (t) => `Terlaksananya peran sebagai anggota tim kerja ${t}`,
      kuantitas: 'Jumlah rapat tim kerja yang diikuti',
      satuan: 'kegiatan',
      target: [4, 12],
    },
  ];

const EKSPEKTASI: Record<KodeBerakhlak, string[]> = {
  BERORIENTASI_PELAYANAN: [
    'Menanggapi setiap permintaan layanan paling lambat satu hari kerja dengan ramah dan solutif.',
    'Menindaklanjuti keluhan pengguna layanan sampai tuntas dan melaporkannya kepada atasan.',
    'Memberikan informasi layanan yang jelas dan mudah dipahami masyarakat.',
  ],
  AKUNTABEL: [
    'Menyelesaikan pekerjaan sesuai target dan melaporkan realisasi setiap bulan tepat waktu.',
    'Menggunakan sarana kantor secara bertanggung jawab dan hanya untuk kepentingan dinas.',
    'Menyimpan bukti dukung setiap hasil kerja secara tertib.',
  ],
  KOMPETEN: [
    'Mengikuti minimal 20 jam pelajaran pengembangan kompetensi dalam setahun.',
    'Berbagi pengetahuan teknis dengan rekan kerja melalui diskusi rutin.',
    'Menguasai aplikasi kerja yang digunakan unit kerja.',
  ],
  HARMONIS: [
    'Menjaga suasana kerja yang saling menghargai dan membantu rekan yang kesulitan.',
    'Bersikap santun kepada rekan kerja dan pengguna layanan tanpa membedakan latar belakang.',
  ],
  LOYAL: [
    'Menjaga kerahasiaan data dan dokumen kedinasan.',
    'Menjaga nama baik instansi di lingkungan kerja maupun di media sosial.',
  ],
  ADAPTIF: [
    'Menyesuaikan cara kerja dengan perubahan kebijakan dan aplikasi baru dengan cepat.',
    'Mengusulkan minimal satu perbaikan cara kerja dalam setahun.',
  ],
  KOLABORATIF: [
    'Aktif berkoordinasi dengan unit kerja lain untuk menyelesaikan pekerjaan bersama.',
    'Terbuka menerima masukan dan melibatkan rekan kerja dalam penyelesaian tugas tim.',
  ],
};

const LAMPIRAN: Record<JenisLampiran, string[]> = {
  DUKUNGAN_SUMBER_DAYA: [
    'Perangkat komputer, jaringan internet kantor, dan akses aplikasi e-Kinerja.',
    'Anggaran kegiatan sesuai Dokumen Pelaksanaan Anggaran unit kerja.',
    'Bimbingan teknis dan arahan dari pejabat penilai.',
    'Data dan dokumen pendukung dari unit kerja terkait.',
  ],
  SKEMA_PERTANGGUNGJAWABAN: [
    'Realisasi dan bukti dukung dilaporkan setiap bulan melalui e-Kinerja paling lambat tanggal 5 bulan berikutnya.',
    'Capaian kinerja dibahas dalam dialog kinerja setiap triwulan bersama pejabat penilai.',
    'Laporan capaian tahunan disampaikan kepada pejabat penilai pada akhir periode penilaian.',
  ],
  KONSEKUENSI: [
    'Capaian sesuai atau di atas ekspektasi menjadi dasar pemberian TPP sesuai ketentuan.',
    'Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan dan dialog kinerja.',
    'Kinerja yang sangat baik menjadi pertimbangan dalam pengembangan karier.',
  ],
};

const CATATAN_PENGEMBALIAN = [
  'Target kuantitas belum sesuai pembagian pada matriks peran hasil; sesuaikan dengan target RHK atasan yang diintervensi.',
  'Rumuskan RHK sebagai hasil, bukan kegiatan, dan lengkapi indikator kualitas dengan ukuran yang terukur.',
  'Indikator kualitas belum terukur; gunakan persentase kesesuaian dengan standar atau SOP.',
];

const PREFIX = /^(Dinas|Badan|Biro|Bidang|Bagian|Subbidang|Subbagian|Seksi|UPTD|Kantor|Asisten)\s+/;

/** The subject of a unit's work in running text: "Seksi Kurikulum SMA" → "kurikulum SMA". */
function topikUnit(nama: string, jenis: JenisUnor | null): string {
  if (jenis === 'INSTANSI') return 'pemerintahan daerah';
  if (/^RSUD\b|^Rumah Sakit/.test(nama)) return 'pelayanan kesehatan rujukan';
  if (/^Inspektorat/.test(nama)) return 'pengawasan internal';
  if (/^Inspektur Pembantu/.test(nama)) return `pengawasan ${nama.replace(/^Inspektur Pembantu\s+/, '')}`;
  if (nama === 'Sekretariat Daerah') return 'administrasi pemerintahan daerah';
  if (nama === 'Sekretariat') return 'kesekretariatan';
  if (/^Satuan Polisi Pamong Praja/.test(nama)) return 'ketenteraman dan ketertiban umum';
  return nama
    .replace(PREFIX, '')
    .split(' ')
    .map((w) => (/[A-Z].*[A-Z]|\d|\.|^[IVX]+$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}

// ---------------------------------------------------------------------------------------------

interface Pegawai {
  id: number;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string;
  jabatanId: number;
  jabatanNama: string;
  jenis: JenisJabatan;
  unorId: number;
  unorNama: string;
  unorJenis: JenisUnor;
  opdNama: string | null;
  atasanId: number | null;
}

type Gap = 'KURANG' | 'LEBIH' | 'BEDA_SATUAN' | null;

interface PlanRhk {
  urutan: number;
  jenis: JenisRhk;
  rencana: string;
  tema: Tema | null;
  kuantitas: string;
  satuan: string;
  kualitas: string | null;
  waktu: string | null;
  perspektif: Perspektif | null;
  pkUrutan: number | null;
  atasan: PlanRhk | null;
  /** Children's RHKs that intervene this one (including the shares of children without a plan). */
  anak: PlanRhk[];
  gap: Gap;
  /** Set when the RHK is left for nobody to intervene. */
  tanpaBawahan: boolean;
  target: number;
  range: [number, number];
}

interface Plan {
  p: Pegawai;
  state: SkpSeedState;
  isJpt: boolean;
  isLeaf: boolean;
  depth: number;
  atasan: Plan | null;
  penilai: Plan | null;
  rhk: PlanRhk[];
  catatan: string | null;
  /** Listed in `states`: kept free of random gaps. */
  pinned: boolean;
}

const CHUNK = 20_000;

async function insertJson(tx: DbOrTx, records: object[], statement: (json: string) => SQL) {
  for (let i = 0; i < records.length; i += CHUNK) {
    await tx.execute(statement(JSON.stringify(records.slice(i, i + CHUNK))));
  }
}

async function takeIds(tx: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const [row] = await rows<{ ids: number[] }>(
    tx,
    sql`SELECT json_agg(nextval(pg_get_serial_sequence(${table}, 'id'))::int) AS ids FROM generate_series(1, ${n}::int)`,
  );
  return row!.ids;
}

async function readPegawai(tx: DbOrTx, instansiId: number, tanggal: string) {
  return rows<Pegawai>(
    tx,
    sql`SELECT p.id, p.nip, p.gelar_depan AS "gelarDepan", p.nama, p.gelar_belakang AS "gelarBelakang",
               p.jenis_asn AS "jenisAsn", p.golongan, j.id AS "jabatanId", j.nama AS "jabatanNama", j.jenis,
               u.id AS "unorId", u.nama AS "unorNama", u.jenis AS "unorJenis", o.nama AS "opdNama",
               atasan_langsung(p.id, ${tanggal}::date) AS "atasanId"
          FROM pegawai p
          JOIN jabatan j ON j.id = p.jabatan_id
          JOIN unor u ON u.id = j.unor_id
          LEFT JOIN unor o ON o.id = p.opd_id
         WHERE p.instansi_id = ${instansiId} AND p.is_active
         ORDER BY p.id`,
  );
}

/** The printed identity, as skp.service's setujui() freezes it. */
function identitas(p: Pegawai) {
  return {
    nama: namaLengkap(p),
    nip: formatNip(p.nip),
    pangkatGolongan: pangkatGolongan(p.jenisAsn, p.golongan),
    jabatan: p.jabatanNama,
    unitKerja: [...new Set([p.unorNama, p.opdNama].filter(Boolean))].join(', '),
  };
}

/** The subject of a position's work: an assistant's from the position's name, others' from the unit. */
function topikOf(p: Pegawai) {
  return isJpt(p.jenis) && p.jabatanNama.startsWith('Asisten ')
    ? topikUnit(p.jabatanNama, null)
    : topikUnit(p.unorNama, p.unorJenis);
}

function newRhk(partial: Partial<PlanRhk> & Pick<PlanRhk, 'urutan' | 'jenis' | 'rencana'>): PlanRhk {
  return {
    tema: null,
    kuantitas: '',
    satuan: '',
    kualitas: null,
    waktu: null,
    perspektif: null,
    pkUrutan: null,
    atasan: null,
    anak: [],
    gap: null,
    tanpaBawahan: false,
    target: 0,
    range: [1, 1],
    ...partial,
  };
}

/** The UTAMA RHKs a leader's subordinates share out among themselves. */
const sharable = (plan: Plan) => plan.rhk.filter((x) => x.jenis === 'UTAMA' && !x.tanpaBawahan);

/**
 * Builds every plan in memory: the tree from the superiors read, states, Perjanjian Kinerja per
 * JPT unit, RHKs top-down (each leader shares its RHKs out before its subordinates are built), then
 * targets bottom-up (a leader's KUANTITAS target is the sum of what its subordinates carry).
 */
function buildPlans(people: Pegawai[], options: SkpSeedOptions) {
  const r = rng(options.seed);
  const byId = new Map(people.map((p) => [p.id, p]));
  const children = new Map<number, Pegawai[]>();
  const roots: Pegawai[] = [];
  for (const p of people) {
    const a = p.atasanId !== null && p.atasanId !== p.id ? byId.get(p.atasanId) : undefined;
    if (a) children.set(a.id, [...(children.get(a.id) ?? []), p]);
    else roots.push(p);
  }
  // Breadth first from the roots; people caught in an override cycle start a tree of their own.
  const order: Pegawai[] = [];
  const depth = new Map<number, number>();
  const visit = (start: Pegawai) => {
    if (depth.has(start.id)) return;
    depth.set(start.id, 0);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const p = queue[i]!;
      order.push(p);
      for (const c of children.get(p.id) ?? []) {
        if (depth.has(c.id)) continue;
        depth.set(c.id, depth.get(p.id)! + 1);
        queue.push(c);
      }
    }
  };
  for (const p of roots) visit(p);
  for (const p of people) visit(p);

  const listed = new Map<number, { state: SkpSeedState; catatan: string | undefined }>();
  const byNip = new Map(people.map((p) => [p.nip, p]));
  for (const s of options.states ?? []) {
    const p = typeof s.pegawai === 'number' ? byId.get(s.pegawai) : byNip.get(s.pegawai);
    if (!p) throw new Error(`Seed SKP: pegawai ${s.pegawai} tidak memegang jabatan di instansi ini.`);
    if (ONLY_LEAVES.has(s.state) && children.has(p.id)) {
      throw new Error(
        `Seed SKP: ${p.nip} memiliki bawahan; status ${s.state} hanya untuk pegawai tanpa bawahan.`,
      );
    }
    listed.set(p.id, { state: s.state, catatan: s.catatan });
  }
  const mix = Object.entries(options.mix ?? {}) as [SkpSeedState, number][];
  const drawState = (p: Pegawai): SkpSeedState => {
    let x = r.next();
    for (const [state, share] of mix) {
      if (x < share) return ONLY_LEAVES.has(state) && children.has(p.id) ? 'DISETUJUI' : state;
      x -= share;
    }
    return 'DISETUJUI';
  };

  // Perjanjian Kinerja of every unit holding a JPT position: layanan and one or two more themes;
  // all four where the head of region or the Sekda sits, so every JPT below finds its theme there.
  const pk = new Map<number, { topik: string; tema: Tema[] }>();
  for (const p of order) {
    if (!isJpt(p.jenis)) continue;
    const top = p.jenis === 'JPT_UTAMA' || p.jenis === 'JPT_MADYA';
    const unit = pk.get(p.unorId);
    if (unit) {
      if (top) unit.tema = [...TEMA];
      continue;
    }
    const more = OTHER_TEMA.filter(() => r.chance(0.5)).slice(0, 2);
    pk.set(p.unorId, {
      topik: topikUnit(p.unorNama, p.unorJenis),
      tema: top ? [...TEMA] : [LAYANAN, ...(more.length ? more : [r.pick(OTHER_TEMA)])],
    });
  }

  const plans = new Map<number, Plan>();
  for (const p of order) {
    const atasan = p.atasanId !== null ? (plans.get(p.atasanId) ?? null) : null;
    const given = listed.get(p.id);
    // The top of the tree has nobody to submit to: its plan is simply approved.
    const state = given?.state ?? (atasan ? drawState(p) : 'DISETUJUI');
    let penilai: Plan | null = atasan;
    if (atasan && isJpt(p.jenis)) while (penilai!.atasan) penilai = penilai!.atasan;
    plans.set(p.id, {
      p,
      state,
      isJpt: isJpt(p.jenis),
      isLeaf: !children.has(p.id),
      depth: depth.get(p.id)!,
      atasan,
      penilai,
      rhk: [],
      catatan: state === 'DIKEMBALIKAN' ? (given?.catatan ?? r.pick(CATATAN_PENGEMBALIAN)) : null,
      pinned: given !== undefined,
    });
  }

  // RHKs top-down. `serves` holds, per subordinate, the leader RHKs it was given to intervene.
  const serves = new Map<number, PlanRhk[]>();
  for (const p of order) {
    const plan = plans.get(p.id)!;
    const topik = topikOf(p);
    const variant = r.int(0, 2);
    const leaderRhk = plan.atasan ? sharable(plan.atasan) : [];
    if (plan.isJpt) {
      pk.get(p.unorId)!.tema.forEach((tema, i) => {
        plan.rhk.push(
          newRhk({
            urutan: i,
            jenis: 'UTAMA',
            rencana: tema.jpt(topik),
            tema,
            kuantitas: tema.jptIki(topik),
            satuan: tema.satuan,
            perspektif: tema.perspektif,
            pkUrutan: i,
            // Optional for JPT, but it carries dibagi habis up to the head of region.
            atasan: leaderRhk.find((x) => x.tema === tema) ?? null,
            range: [tema.dasar[0] * 10, tema.dasar[1] * 10],
          }),
        );
      });
    } else {
      // Without a superior's plan (the top of a tree) the results stand on their own.
      const parents: (PlanRhk | null)[] = serves.get(p.id) ?? [null, null];
      parents.forEach((parent, i) => {
        const tema = parent?.tema ?? TEMA[i]!;
        const lain = parent?.gap === 'BEDA_SATUAN';
        plan.rhk.push(
          newRhk({
            urutan: i,
            jenis: 'UTAMA',
            rencana: (plan.isLeaf ? tema.staf : tema.pimpinan)[(variant + i) % 3]!(topik),
            tema,
            kuantitas: lain ? tema.kuantitasLain(topik) : tema.kuantitas(topik),
            satuan: lain ? tema.satuanLain : tema.satuan,
            kualitas: tema.kualitas,
            waktu: tema.waktu,
            atasan: parent,
            range:
              plan.isLeaf && p.jenis !== 'PENGAWAS' ? tema.dasar : [tema.dasar[0] * 3, tema.dasar[1] * 3],
          }),
        );
      });
      // The "nobody intervenes it" gap: an extra result of a leader that its subordinates do not share.
      if (!plan.isLeaf && !plan.pinned && leaderRhk.length && r.chance(0.03)) {
        const parent = r.pick(leaderRhk);
        const tema = parent.tema!;
        plan.rhk.push(
          newRhk({
            urutan: plan.rhk.length,
            jenis: 'UTAMA',
            rencana: `${tema.pimpinan[(variant + plan.rhk.length) % 3]!(topik)} melalui inovasi layanan digital`,
            tema,
            kuantitas: tema.kuantitas(topik),
            satuan: tema.satuan,
            kualitas: tema.kualitas,
            waktu: tema.waktu,
            atasan: parent,
            tanpaBawahan: true,
            range: [tema.dasar[0] * 2, tema.dasar[1] * 2],
          }),
        );
      }
      if (plan.isLeaf && r.chance(0.3)) {
        const t = r.pick(TAMBAHAN);
        plan.rhk.push(
          newRhk({
            urutan: plan.rhk.length,
            jenis: 'TAMBAHAN',
            rencana: t.rencana(topik),
            kuantitas: t.kuantitas,
            satuan: t.satuan,
            kualitas: 'Persentase tugas yang diselesaikan dengan baik',
            waktu: 'Ketepatan waktu penyelesaian tugas',
            range: t.target,
          }),
        );
      }
    }
    for (const x of plan.rhk) x.atasan?.anak.push(x);

    // Share this plan's RHKs out round robin, so every one of them is served by somebody.
    const subs = (children.get(p.id) ?? []).filter((s) => !isJpt(s.jenis));
    const shared = sharable(plan);
    if (!subs.length || !shared.length) continue;
    const n = shared.length;
    let next = r.int(0, n - 1);
    for (const s of subs) {
      const k = Math.min(n, Math.max(r.int(2, 3), Math.ceil(n / subs.length)));
      serves.set(
        s.id,
        Array.from({ length: k }, (_, j) => shared[(next + j) % n]!),
      );
      next = (next + k) % n;
    }
    if (plan.pinned) continue;
    for (const x of shared) {
      const roll = r.next();
      const servedBy = subs.filter((s) => serves.get(s.id)!.includes(x));
      if (roll < 0.025) x.gap = 'KURANG';
      else if (roll < 0.04) x.gap = 'LEBIH';
      // Only leaves switch unit, so the leader's own contribution upward stays in the common unit.
      else if (roll < 0.055 && servedBy.every((s) => !children.has(s.id))) x.gap = 'BEDA_SATUAN';
    }
  }

  // Targets bottom-up. Children without a plan still count: the leader planned with their share.
  for (let i = order.length - 1; i >= 0; i--) {
    for (const x of plans.get(order[i]!.id)!.rhk) {
      const carried = x.anak.filter((c) => x.gap === 'BEDA_SATUAN' || c.satuan === x.satuan);
      if (!carried.length) {
        x.target = r.int(x.range[0], x.range[1]);
        continue;
      }
      const sum = carried.reduce((a, c) => a + c.target, 0);
      const delta = Math.max(1, Math.round(sum * (0.1 + 0.15 * r.next())));
      if (x.gap === 'LEBIH' && sum > delta) x.target = sum - delta;
      else if (x.gap === 'KURANG' || x.gap === 'LEBIH') x.target = sum + delta;
      else x.target = sum;
    }
  }
  return { order, plans, pk, rng: r };
}

const DAY = 86_400_000;

export async function insertSkpPlans(tx: DbOrTx, options: SkpSeedOptions): Promise<SkpSeedCounts> {
  const { instansiId, tahun } = options;
  const [existing] = await rows<{ skp: number; pk: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM skp WHERE instansi_id = ${instansiId} AND tahun = ${tahun}) AS skp,
               (SELECT count(*)::int FROM perjanjian_kinerja WHERE instansi_id = ${instansiId} AND tahun = ${tahun}) AS pk`,
  );
  if (existing!.skp > 0 || existing!.pk > 0) {
    throw new Error(`Seed SKP: SKP atau perjanjian kinerja tahun ${tahun} instansi ${instansiId} sudah ada.`);
  }
  const people = await readPegawai(tx, instansiId, options.tanggal ?? `${tahun}-01-01`);
  const { order, plans, pk, rng: r } = buildPlans(people, options);

  // Office hours in any Indonesian zone (00–07 UTC is 07–16 local), never after `now`.
  const limit = options.now?.getTime() ?? Number.POSITIVE_INFINITY;
  const at = (month: number, day: number, notBefore = 0) => {
    const t = Date.UTC(tahun, month - 1, day, r.int(0, 7), r.int(0, 59), r.int(0, 59));
    return new Date(Math.max(notBefore, Math.min(t, limit - 60_000))).toISOString();
  };
  const later = (from: string, days: number) =>
    new Date(Math.min(Date.parse(from) + days * DAY + r.int(0, 7) * 3_600_000, limit - 30_000)).toISOString();

  const pkRecords = [...pk.keys()].map((unorId) => ({ unor_id: unorId, at: at(1, 2) }));
  const pkIds = new Map<number, number>();
  for (const row of pkRecords.length
    ? await rows<{ id: number; unorId: number }>(
        tx,
        sql`INSERT INTO perjanjian_kinerja (instansi_id, unor_id, tahun, created_at, updated_at)
            SELECT ${instansiId}, unor_id, ${tahun}, at, at FROM json_to_recordset(${JSON.stringify(pkRecords)}::json)
              AS t(unor_id int, at timestamptz)
            RETURNING id, unor_id AS "unorId"`,
      )
    : [])
    pkIds.set(row.unorId, row.id);
  const sasaranRecords = [...pk.entries()].flatMap(([unorId, unit]) =>
    unit.tema.map((tema, urutan) => ({
      pk_id: pkIds.get(unorId)!,
      urutan,
      ...tema.pk(unit.topik),
      nilai: r.int(tema.pkTarget[0], tema.pkTarget[1]),
    })),
  );
  const sasaranIds = new Map<string, number>();
  for (const row of sasaranRecords.length
    ? await rows<{ id: number; pkId: number; urutan: number }>(
        tx,
        sql`INSERT INTO pk_sasaran (pk_id, urutan, sasaran, indikator, target_nilai, target_satuan)
            SELECT pk_id, urutan, sasaran, indikator, nilai, satuan FROM json_to_recordset(${JSON.stringify(sasaranRecords)}::json)
              AS t(pk_id int, urutan int, sasaran text, indikator text, nilai numeric, satuan text)
            RETURNING id, pk_id AS "pkId", urutan`,
      )
    : [])
    sasaranIds.set(`${row.pkId}:${row.urutan}`, row.id);

  // Ids come from the sequences up front, so every row is written with its links in one pass.
  const written = order.map((p) => plans.get(p.id)!).filter((plan) => plan.state !== 'TANPA_SKP');
  const skpIds = await takeIds(tx, 'skp', written.length);
  const rhkIds = await takeIds(
    tx,
    'rhk',
    written.reduce((n, plan) => n + plan.rhk.length, 0),
  );
  const rhkId = new Map<PlanRhk, number>();
  for (const plan of written) for (const x of plan.rhk) rhkId.set(x, rhkIds[rhkId.size]!);

  const status: SkpSeedCounts['status'] = {
    DRAFT: 0,
    DIAJUKAN: 0,
    DISETUJUI: 0,
    DIKEMBALIKAN: 0,
    TANPA_SKP: 0,
  };
  status.TANPA_SKP = order.length - written.length;
  let terlambat = 0;
  const skpRecords: object[] = [];
  const rhkRecords: object[] = [];
  const linkRecords: { r: number; a: number }[] = [];
  let iki = 0;
  written.forEach((plan, n) => {
    const { p } = plan;
    const s: StatusSkp = plan.state === 'TERLAMBAT' ? 'DISETUJUI' : (plan.state as StatusSkp);
    const late = plan.state === 'TERLAMBAT';
    status[s]++;
    if (late) terlambat++;
    // Leaders submit first and their staff a few days later; late plans are approved in February–March.
    const created = at(1, r.int(2, 6));
    const diajukan =
      s === 'DRAFT'
        ? null
        : late
          ? at(2, r.int(1, 20), Date.parse(created))
          : at(1, Math.min(24, 5 + plan.depth * 3 + r.int(0, 3)), Date.parse(created));
    const disetujui = s === 'DISETUJUI' ? later(diajukan!, late ? r.int(2, 30) : r.int(1, 5)) : null;
    const dikembalikan = s === 'DIKEMBALIKAN' ? later(diajukan!, r.int(1, 4)) : null;
    const penilai = s === 'DRAFT' ? null : (plan.penilai?.p ?? null);
    const id = skpIds[n]!;
    skpRecords.push({
      id,
      p: p.id,
      j: p.jabatanId,
      jpt: plan.isJpt,
      s,
      c: plan.catatan,
      pen: penilai?.id ?? null,
      da: diajukan,
      ds: disetujui,
      dso: s === 'DISETUJUI' ? (penilai?.id ?? null) : null,
      idt:
        s === 'DISETUJUI'
          ? { pegawai: identitas(p), pejabatPenilai: penilai ? identitas(penilai) : null }
          : null,
      ca: created,
      ua: disetujui ?? dikembalikan ?? diajukan ?? later(created, r.int(0, 10)),
    });
    for (const x of plan.rhk) {
      const pkId = pkIds.get(p.unorId);
      rhkRecords.push({
        id: rhkId.get(x)!,
        skp: id,
        u: x.urutan,
        j: x.jenis,
        r: x.rencana,
        pk: x.pkUrutan === null ? null : (sasaranIds.get(`${pkId}:${x.pkUrutan}`) ?? null),
        q: x.kuantitas,
        n: x.target,
        sat: x.satuan,
        kl: x.kualitas,
        w: x.waktu,
        ps: x.perspektif,
      });
      iki += plan.isJpt ? 1 : 3;
      const parent = x.atasan && rhkId.get(x.atasan);
      if (parent) linkRecords.push({ r: rhkId.get(x)!, a: parent });
    }
  });

  await insertJson(
    tx,
    skpRecords,
    (
      json,
    ) => sql`INSERT INTO skp (id, instansi_id, pegawai_id, jabatan_id, tahun, periode_mulai, periode_akhir,
        pendekatan, is_jpt, format_jpt, status, catatan_pengembalian, pejabat_penilai_id, diajukan_at, disetujui_at,
        disetujui_oleh_id, identitas, created_at, updated_at) OVERRIDING SYSTEM VALUE
      SELECT id, ${instansiId}, p, j, ${tahun}, ${`${tahun}-01-01`}::date, ${`${tahun}-12-31`}::date, 'KUANTITATIF',
             jpt, jpt, s, c, pen, da, ds, dso, idt, ca, ua
        FROM json_to_recordset(${json}::json) AS t(id int, p int, j int, jpt boolean, s text, c text, pen int,
             da timestamptz, ds timestamptz, dso int, idt jsonb, ca timestamptz, ua timestamptz)`,
  );
  // An RHK and its IKIs in one statement: a JPT RHK has one IKI with a perspektif and no aspek,
  // the others one IKI per aspek (KUANTITAS in the theme's unit, KUALITAS 100 %, WAKTU 12 bulan).
  await insertJson(
    tx,
    rhkRecords,
    (json) => sql`WITH t AS (
        SELECT * FROM json_to_recordset(${json}::json)
          AS t(id int, skp int, u int, j text, r text, pk int, q text, n numeric, sat text, kl text, w text, ps text)
      ), r AS (
        INSERT INTO rhk (id, skp_id, instansi_id, tahun, jenis, urutan, rencana, pk_sasaran_id) OVERRIDING SYSTEM VALUE
        SELECT id, skp, ${instansiId}, ${tahun}, j, u, r, pk FROM t
      )
      INSERT INTO iki (rhk_id, instansi_id, tahun, urutan, aspek, indikator, target_nilai, target_satuan, perspektif)
      SELECT t.id, ${instansiId}, ${tahun}, v.k, v.a, v.i, v.n, v.s, t.ps
        FROM t CROSS JOIN LATERAL (VALUES
          (0, CASE WHEN t.ps IS NULL THEN 'KUANTITAS' END, t.q, t.n, t.sat),
          (1, 'KUALITAS', t.kl, 100, '%'),
          (2, 'WAKTU', t.w, 12, 'bulan')) AS v(k, a, i, n, s)
       WHERE v.i IS NOT NULL`,
  );
  await insertJson(
    tx,
    linkRecords,
    (json) => sql`INSERT INTO rhk_intervensi (rhk_id, atasan_rhk_id, instansi_id, tahun)
      SELECT r, a, ${instansiId}, ${tahun} FROM json_to_recordset(${json}::json) AS t(r int, a int)`,
  );

  // The assessor's part (ekspektasi, lampiran) exists once a plan reached the assessor. Choices
  // follow the employee for ekspektasi and the assessor for the lampiran, which they write once.
  const submitted = sql.raw(`s.instansi_id = ${instansiId} AND s.tahun = ${tahun} AND s.status <> 'DRAFT'`);
  const perilaku = BERAKHLAK.map((b, n) => ({ kode: b.kode, n, pilihan: EKSPEKTASI[b.kode] }));
  await tx.execute(
    sql`INSERT INTO skp_perilaku (skp_id, kode, ekspektasi)
        SELECT s.id, b.kode, b.pilihan ->> ((s.pegawai_id + b.n) % json_array_length(b.pilihan))
          FROM skp s CROSS JOIN json_to_recordset(${JSON.stringify(perilaku)}::json) AS b(kode text, n int, pilihan json)
         WHERE ${submitted}`,
  );
  const lampiran = (Object.entries(LAMPIRAN) as [JenisLampiran, string[]][]).flatMap(([jenis, pilihan]) =>
    [0, 1].map((urutan) => ({ jenis, urutan, pilihan })),
  );
  await tx.execute(
    sql`INSERT INTO skp_lampiran (skp_id, jenis, urutan, teks)
        SELECT s.id, b.jenis, b.urutan,
               b.pilihan ->> ((coalesce(s.pejabat_penilai_id, s.pegawai_id) + b.urutan) % json_array_length(b.pilihan))
          FROM skp s CROSS JOIN json_to_recordset(${JSON.stringify(lampiran)}::json) AS b(jenis text, urutan int, pilihan json)
         WHERE ${submitted}`,
  );
  await tx.execute(sql`INSERT INTO pengaturan (instansi_id) VALUES (${instansiId}) ON CONFLICT DO NOTHING`);

  const withAssessor = written.length - status.DRAFT;
  return {
    pegawai: people.length,
    skp: written.length,
    rhk: rhkRecords.length,
    iki,
    intervensi: linkRecords.length,
    perilaku: withAssessor * BERAKHLAK.length,
    lampiran: withAssessor * lampiran.length,
    perjanjianKinerja: pkRecords.length,
    pkSasaran: sasaranRecords.length,
    status,
    terlambat,
  };
}
