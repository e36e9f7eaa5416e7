/**
 * Builds a province-shaped OrgPlan: head of region, Sekretariat Daerah with assistants and biro,
 * OPDs with sekretariat, bidang, seksi and UPT, then fills staff (pelaksana and fungsional) round
 * the units until the requested head count. Deterministic for a given seed.
 */

import type { JenisJabatan, JenisUnor, JenjangFungsional } from '../../domain/jabatan.js';
import { KEBIJAKAN_MFA_OPSIONAL } from '../../domain/mfa.js';
import { checkNip, type JenisAsn } from '../../domain/nip.js';
import type { JabatanPlan, OrgPlan, PegawaiPlan, RolePlan, UnorPlan } from './plan.js';

export interface OpdSpec {
  nama: string;
  kepala: string;
  bidang: { nama: string; seksi: string[] }[];
  upt: string[];
  /** Functional positions typical for this OPD: [name, jenjang]. */
  fungsional: [string, JenjangFungsional][];
}

export interface ProvinceSpec {
  kode: string;
  nama: string;
  kepalaDaerah: string;
  seed: number;
  total: number;
  opd: OpdSpec[];
  biro: { nama: string; asisten: number; bagian: string[] }[];
  asisten: string[];
  /** NIP sequence numbers used, so two instansi never share an NIP. */
  seqRange: [number, number];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

const NAMA_L = [
  'Rahmat',
  'Irfan',
  'Yusuf',
  'Fadli',
  'Arfan',
  'Ridwan',
  'Hendra',
  'Syahrul',
  'Zulkifli',
  'Arifin',
  'Iwan',
  'Rusli',
  'Sofyan',
  'Hamka',
  'Taufik',
  'Wahyudi',
  'Fikri',
  'Anwar',
  'Budi',
  'Agus',
  'Darwin',
  'Jefri',
  'Rizal',
  'Herman',
  'Ismail',
  'Ramli',
  'Salim',
  'Yamin',
  'Nurdin',
  'Ikbal',
  'Faisal',
  'Rahman',
  'Alwi',
  'Idris',
  'Kurniawan',
  'Reza',
];
const NAMA_P = [
  'Nurhayati',
  'Sri',
  'Fitriani',
  'Rahmawati',
  'Nurlela',
  'Hasna',
  'Yuliana',
  'Wahyuni',
  'Siti',
  'Rosmini',
  'Nurul',
  'Indah',
  'Dewi',
  'Novita',
  'Ratna',
  'Ayu',
  'Sartika',
  'Marlina',
  'Hartati',
  'Irawati',
  'Fatmawati',
  'Sulastri',
  'Astuti',
  'Kartini',
  'Nirwana',
  'Asni',
  'Susanti',
  'Lestari',
  'Yunita',
  'Maryam',
  'Zulfa',
  'Rina',
];
const TENGAH_L = ['Hidayat', 'Saputra', 'Pratama', 'Wahyu', 'Ramadhan', 'Eka', 'Dwi', 'Aditya'];
const TENGAH_P = ['Putri', 'Ayu', 'Nur', 'Sari', 'Eka', 'Dwi', 'Indah', 'Kurnia'];
const MARGA = [
  'Gobel',
  'Habibie',
  'Mohamad',
  'Pakaya',
  'Lamato',
  'Katili',
  'Hasan',
  'Daud',
  'Mooduto',
  'Nusi',
  'Dunggio',
  'Tangahu',
  'Polapa',
  'Hulukati',
  'Latif',
  'Mahmud',
  'Kadir',
  'Biki',
  'Ibrahim',
  'Paneo',
  'Naue',
  'Hiola',
  'Djafar',
  'Lahay',
  'Badu',
  'Rauf',
  'Pomalingo',
  'Kasim',
  'Nento',
  'Ointu',
  'Dai',
  'Uno',
  'Abdullah',
  'Usman',
  'Rahim',
  'Bone',
  'Tuli',
  'Panigoro',
  'Datau',
  'Akuba',
  'Tilome',
  'Thalib',
  'Moha',
  'Monoarfa',
  'Suleman',
  'Bakari',
];
const PELAKSANA = [
  'Pengadministrasi Perkantoran',
  'Penata Layanan Operasional',
  'Pengelola Layanan Operasional',
  'Operator Layanan Operasional',
  'Penelaah Teknis Kebijakan',
];
const FUNGSIONAL_UMUM: [string, JenjangFungsional][] = [
  ['Perencana Ahli Pertama', 'AHLI_PERTAMA'],
  ['Analis Kebijakan Ahli Muda', 'AHLI_MUDA'],
  ['Pranata Komputer Terampil', 'TERAMPIL'],
  ['Arsiparis Mahir', 'MAHIR'],
  ['Analis Keuangan Pusat dan Daerah Ahli Pertama', 'AHLI_PERTAMA'],
];
const KELAS_FUNGSIONAL: Record<JenjangFungsional, number> = {
  PEMULA: 5,
  TERAMPIL: 6,
  MAHIR: 7,
  PENYELIA: 8,
  AHLI_PERTAMA: 8,
  AHLI_MUDA: 9,
  AHLI_MADYA: 11,
  AHLI_UTAMA: 13,
};
const GOLONGAN: Record<string, string[]> = {
  JPT_UTAMA: ['IV/e'],
  JPT_MADYA: ['IV/d', 'IV/e'],
  JPT_PRATAMA: ['IV/b', 'IV/c'],
  ADMINISTRATOR: ['IV/a', 'IV/b'],
  PENGAWAS: ['III/c', 'III/d'],
  PELAKSANA: ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'],
  PEMULA: ['II/a'],
  TERAMPIL: ['II/b', 'II/c', 'II/d'],
  MAHIR: ['III/a', 'III/b'],
  PENYELIA: ['III/c', 'III/d'],
  AHLI_PERTAMA: ['III/a', 'III/b'],
  AHLI_MUDA: ['III/c', 'III/d'],
  AHLI_MADYA: ['IV/a', 'IV/b', 'IV/c'],
  AHLI_UTAMA: ['IV/d', 'IV/e'],
};
const SENIORITY: Record<string, [number, number]> = {
  JPT_UTAMA: [1990, 1995],
  JPT_MADYA: [1992, 1998],
  JPT_PRATAMA: [1994, 2003],
  ADMINISTRATOR: [1996, 2006],
  PENGAWAS: [2000, 2012],
  PELAKSANA: [2005, 2021],
};

const LATEST_APPOINTMENT_YEAR = 2024;
/**
 * The plan is built without a clock and its NIPs must hold on any later day, so they are checked
 * as of the end of the latest appointment year drawn.
 */
export const NIP_PLAN_CHECKED_ON = `${LATEST_APPOINTMENT_YEAR}-12-31`;

export interface BuiltProvince {
  plan: OrgPlan;
  /** Keys of notable people, for demo accounts and tests. */
  keys: Record<string, string>;
}

export function buildProvince(spec: ProvinceSpec): BuiltProvince {
  const r = rng(spec.seed);
  const unor: UnorPlan[] = [];
  const jabatan: JabatanPlan[] = [];
  const pegawai: PegawaiPlan[] = [];
  const roles: RolePlan[] = [];
  const keys: Record<string, string> = {};
  const nips = new Set<string>();
  let seq = spec.seqRange[0];
  const jabatanByKey = new Map<string, JabatanPlan>();

  function addUnor(key: string, parentKey: string | null, jenis: JenisUnor, nama: string) {
    unor.push({ key, parentKey, jenis, nama });
    return key;
  }
  function addJabatan(
    key: string,
    unorKey: string,
    nama: string,
    jenis: JenisJabatan,
    atasanKey: string | null,
    options: { kepala?: boolean; jenjang?: JenjangFungsional } = {},
  ) {
    const existing = jabatanByKey.get(key);
    if (existing) return existing.key;
    const jenjang = options.jenjang ?? null;
    const kelas = jenjang
      ? KELAS_FUNGSIONAL[jenjang]
      : ((
          { JPT_UTAMA: 17, JPT_MADYA: 15, JPT_PRATAMA: 14, ADMINISTRATOR: 12, PENGAWAS: 9 } as Record<
            string,
            number
          >
        )[jenis] ?? r.int(5, 7));
    const j: JabatanPlan = {
      key,
      unorKey,
      nama,
      jenis,
      jenjang,
      kelasJabatan: kelas,
      atasanKey,
      isKepalaUnor: !!options.kepala,
    };
    jabatan.push(j);
    jabatanByKey.set(key, j);
    return key;
  }

  function nip(jenisAsn: JenisAsn, birthYear: number, tmtYear: number, male: boolean): string {
    for (;;) {
      const month = String(r.int(1, 12)).padStart(2, '0');
      const day = String(r.int(1, 28)).padStart(2, '0');
      const code = jenisAsn === 'PNS' ? String(r.int(1, 12)).padStart(2, '0') : String(r.int(13, 99));
      seq = seq >= spec.seqRange[1] ? spec.seqRange[0] : seq + 1;
      const candidate = `${birthYear}${month}${day}${tmtYear}${code}${male ? 1 : 2}${String(seq).padStart(3, '0')}`;
      if (nips.has(candidate)) continue;
      if (!checkNip(candidate, jenisAsn, NIP_PLAN_CHECKED_ON).valid)
        throw new Error(`NIP demo tidak valid: ${candidate}`);
      nips.add(candidate);
      return candidate;
    }
  }

  function gelar(j: JabatanPlan, male: boolean): [string | null, string | null] {
    if (j.jenis === 'FUNGSIONAL') {
      if (/^Dokter\b/.test(j.nama)) return ['dr.', r.chance(0.3) ? 'Sp.PD' : null];
      if (/^Perawat\b/.test(j.nama)) return [null, r.chance(0.6) ? 'S.Kep., Ns.' : 'A.Md.Kep.'];
      if (/^Bidan\b/.test(j.nama)) return [null, 'A.Md.Keb.'];
      if (/^Apoteker\b/.test(j.nama)) return ['apt.', 'S.Farm.'];
    }
    if (j.jenis === 'PELAKSANA' && r.chance(0.35)) return [null, null];
    const s1 = r.pick(['S.E.', 'S.H.', 'S.Sos.', 'S.Kom.', 'S.T.', 'S.Pd.', 'S.IP.', 'S.Ak.', 'S.P.']);
    const senior = j.jenis.startsWith('JPT') || j.jenis === 'ADMINISTRATOR' || j.jenjang === 'AHLI_MADYA';
    const s2 =
      senior || r.chance(0.2) ? `, ${r.pick(['M.Si.', 'M.M.', 'M.Pd.', 'M.AP.', 'M.T.', 'M.H.'])}` : '';
    const depan = senior && r.chance(0.15) ? 'Dr.' : senior && !male && r.chance(0.1) ? 'Ir.' : null;
    if (j.jenis === 'PELAKSANA' && r.chance(0.3)) return [null, 'A.Md.'];
    return [depan, `${s1}${s2}`];
  }

  function addPegawai(key: string, jabatanKey: string, jenisAsn: JenisAsn = 'PNS') {
    const j = jabatanByKey.get(jabatanKey)!;
    const male = r.chance(0.52);
    const first = r.pick(male ? NAMA_L : NAMA_P);
    const nama = `${first}${r.chance(0.45) ? ` ${r.pick(male ? TENGAH_L : TENGAH_P)}` : ''} ${r.pick(MARGA)}`;
    const [gelarDepan, gelarBelakang] = gelar(j, male);
    const level = j.jenjang ?? j.jenis;
    const golongan =
      jenisAsn === 'PPPK'
        ? j.jenjang?.startsWith('AHLI')
          ? r.pick(['IX', 'X', 'XI'])
          : r.pick(['V', 'VI', 'VII'])
        : r.pick(GOLONGAN[level]!);
    const [fromYear, toYear] =
      jenisAsn === 'PPPK' ? [2022, LATEST_APPOINTMENT_YEAR] : (SENIORITY[j.jenis] ?? [2008, 2021]);
    const tmtYear = r.int(fromYear, toYear);
    const birthYear = tmtYear - r.int(22, 30);
    pegawai.push({
      key,
      nip: nip(jenisAsn, birthYear, tmtYear, male),
      gelarDepan,
      nama,
      gelarBelakang,
      jenisAsn,
      golongan,
      jabatanKey,
      tmtJabatan: `${Math.max(tmtYear, 2019 + r.int(0, 5))}-${String(r.int(1, 12)).padStart(2, '0')}-01`,
    });
    return key;
  }

  /** Units where staff are placed, with the position staff report to. */
  const staffSlots: { unorKey: string; atasanKey: string; fungsional: [string, JenjangFungsional][] }[] = [];

  const root = addUnor('root', null, 'INSTANSI', spec.nama);
  const jKdh = addJabatan('j:kdh', root, spec.kepalaDaerah, 'JPT_UTAMA', null, { kepala: true });
  keys.kepalaDaerah = addPegawai('p:kdh', jKdh);

  const setda = addUnor('setda', root, 'OPD', 'Sekretariat Daerah');
  const jSekda = addJabatan('j:sekda', setda, 'Sekretaris Daerah', 'JPT_MADYA', jKdh, { kepala: true });
  keys.sekda = addPegawai('p:sekda', jSekda);
  const asisten = spec.asisten.map((nama, i) => {
    const k = addJabatan(`j:asisten${i}`, setda, nama, 'JPT_PRATAMA', jSekda);
    addPegawai(`p:asisten${i}`, k);
    return k;
  });
  spec.biro.forEach((b, bi) => {
    const u = addUnor(`biro${bi}`, setda, 'BIRO', b.nama);
    const head = addJabatan(`j:biro${bi}`, u, `Kepala ${b.nama}`, 'JPT_PRATAMA', asisten[b.asisten]!, {
      kepala: true,
    });
    addPegawai(`p:biro${bi}`, head);
    b.bagian.forEach((bagian, gi) => {
      const ub = addUnor(`biro${bi}:bag${gi}`, u, 'BAGIAN', bagian);
      const kabag = addJabatan(`j:biro${bi}:bag${gi}`, ub, `Kepala ${bagian}`, 'ADMINISTRATOR', head, {
        kepala: true,
      });
      addPegawai(`p:biro${bi}:bag${gi}`, kabag);
      staffSlots.push({ unorKey: ub, atasanKey: kabag, fungsional: FUNGSIONAL_UMUM });
    });
  });

  spec.opd.forEach((o, oi) => {
    const u = addUnor(`opd${oi}`, root, 'OPD', o.nama);
    const head = addJabatan(`j:opd${oi}`, u, o.kepala, 'JPT_PRATAMA', jKdh, { kepala: true });
    keys[`kepala:${oi}`] = addPegawai(`p:opd${oi}`, head);
    const fung = [...o.fungsional, ...FUNGSIONAL_UMUM.slice(0, 2)];

    const sek = addUnor(`opd${oi}:sek`, u, 'SEKRETARIAT', 'Sekretariat');
    const jSek = addJabatan(`j:opd${oi}:sek`, sek, 'Sekretaris', 'ADMINISTRATOR', head, { kepala: true });
    addPegawai(`p:opd${oi}:sek`, jSek);
    for (const [si, sub] of ['Subbagian Umum dan Kepegawaian', 'Subbagian Keuangan dan Aset'].entries()) {
      const us = addUnor(`opd${oi}:sek:${si}`, sek, 'SUBBAGIAN', sub);
      const j = addJabatan(`j:opd${oi}:sek:${si}`, us, `Kepala ${sub}`, 'PENGAWAS', jSek, { kepala: true });
      addPegawai(`p:opd${oi}:sek:${si}`, j);
      staffSlots.push({ unorKey: us, atasanKey: j, fungsional: FUNGSIONAL_UMUM });
    }
    o.bidang.forEach((b, bi) => {
      const ub = addUnor(`opd${oi}:bid${bi}`, u, 'BIDANG', b.nama);
      const kabid = addJabatan(`j:opd${oi}:bid${bi}`, ub, `Kepala ${b.nama}`, 'ADMINISTRATOR', head, {
        kepala: true,
      });
      keys[`kabid:${oi}:${bi}`] = addPegawai(`p:opd${oi}:bid${bi}`, kabid);
      b.seksi.forEach((s, si) => {
        const us = addUnor(`opd${oi}:bid${bi}:s${si}`, ub, 'SEKSI', s);
        const kasi = addJabatan(`j:opd${oi}:bid${bi}:s${si}`, us, `Kepala ${s}`, 'PENGAWAS', kabid, {
          kepala: true,
        });
        keys[`kasi:${oi}:${bi}:${si}`] = addPegawai(`p:opd${oi}:bid${bi}:s${si}`, kasi);
        staffSlots.push({ unorKey: us, atasanKey: kasi, fungsional: fung });
      });
    });
    o.upt.forEach((nama, ui) => {
      const uu = addUnor(`opd${oi}:upt${ui}`, u, 'UPT', nama);
      const j = addJabatan(`j:opd${oi}:upt${ui}`, uu, `Kepala ${nama}`, 'ADMINISTRATOR', head, {
        kepala: true,
      });
      addPegawai(`p:opd${oi}:upt${ui}`, j);
      staffSlots.push({ unorKey: uu, atasanKey: j, fungsional: fung });
    });
  });

  // Staff round the units until the head count: about one in four is functional, about one in six PPPK.
  let n = 0;
  while (pegawai.length < spec.total) {
    const slot = staffSlots[n % staffSlots.length]!;
    const round = Math.floor(n / staffSlots.length);
    n++;
    const isFungsional = round === 1 || (round > 1 && r.chance(0.25));
    let jabatanKey: string;
    if (isFungsional) {
      const [nama, jenjang] = r.pick(slot.fungsional);
      jabatanKey = addJabatan(`${slot.unorKey}:f:${nama}`, slot.unorKey, nama, 'FUNGSIONAL', slot.atasanKey, {
        jenjang,
      });
    } else {
      const nama = round === 0 ? PELAKSANA[0]! : r.pick(PELAKSANA);
      jabatanKey = addJabatan(`${slot.unorKey}:p:${nama}`, slot.unorKey, nama, 'PELAKSANA', slot.atasanKey);
    }
    const key = addPegawai(`p:staf${n}`, jabatanKey, r.chance(0.17) ? 'PPPK' : 'PNS');
    if (round === 0) keys[`pelaksana:${slot.unorKey}`] = key;
    if (round === 1) keys[`fungsional:${slot.unorKey}`] = key;
  }

  return {
    plan: {
      instansi: { kode: spec.kode, nama: spec.nama, jenis: 'PROVINSI', zonaWaktu: 'Asia/Makassar' },
      unor,
      jabatan,
      pegawai,
      roles,
      // Demo and bench accounts log in with the password alone (README); a real instansi keeps the default.
      kebijakanMfa: KEBIJAKAN_MFA_OPSIONAL,
    },
    keys,
  };
}
