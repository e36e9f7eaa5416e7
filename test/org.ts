/**
 * A small, complete org tree per test, in its own instansi so tests stay independent, written by
 * the same insertOrgPlan as the demo seed: governor → kepala OPD → administrator (bidang) →
 * pengawas (seksi) → two pelaksana + one fungsional; a second OPD; the BKD with an admin, an OPD
 * admin and a tim penilai member.
 */
import { hash } from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../src/db/client.js';
import { insertOrgPlan } from '../src/db/seed/insert-org.js';
import type { OrgPlan } from '../src/db/seed/plan.js';
import type { JenisJabatan, JenisUnor, JenjangFungsional } from '../src/domain/jabatan.js';
import { KEBIJAKAN_MFA_OPSIONAL } from '../src/domain/mfa.js';
import { TEST_PASSWORD } from './harness.js';

let counter = Math.floor(Math.random() * 50_000);
let passwordHash: Promise<string> | null = null;

/** Valid, unique PNS NIPs: birth date and sequence vary with a per-process counter. */
export function nextNip(): string {
  counter++;
  const day = String((counter % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(counter / 28) % 12) + 1).padStart(2, '0');
  const year = 1960 + (Math.floor(counter / 336) % 40);
  const seq = String((counter % 999) + 1).padStart(3, '0');
  return `${year}${month}${day}${year + 25}01${counter % 2 ? 1 : 2}${seq}`;
}

export interface Person {
  id: number;
  nip: string;
}

const UNOR_KEYS = ['root', 'opd', 'bidang', 'seksi', 'opd2', 'bkd'] as const;
const UNOR: [key: (typeof UNOR_KEYS)[number], parent: string | null, jenis: JenisUnor, nama: string][] = [
  ['root', null, 'INSTANSI', 'Pemerintah Provinsi Uji'],
  ['opd', 'root', 'OPD', 'Dinas Pendidikan'],
  ['bidang', 'opd', 'BIDANG', 'Bidang Pembinaan SMA'],
  ['seksi', 'bidang', 'SEKSI', 'Seksi Kurikulum'],
  ['opd2', 'root', 'OPD', 'Dinas Kesehatan'],
  ['bkd', 'root', 'OPD', 'Badan Kepegawaian Daerah'],
];

const JABATAN_KEYS = [
  'jGub',
  'jKadis',
  'jKabid',
  'jKasi',
  'jStaf',
  'jFung',
  'jKadis2',
  'jStaf2',
  'jKaban',
  'jAnalis',
] as const;
const JABATAN: [
  key: (typeof JABATAN_KEYS)[number],
  unor: string,
  nama: string,
  jenis: JenisJabatan,
  atasan: string | null,
  jenjang?: JenjangFungsional,
][] = [
  ['jGub', 'root', 'Gubernur', 'JPT_UTAMA', null],
  ['jKadis', 'opd', 'Kepala Dinas Pendidikan', 'JPT_PRATAMA', 'jGub'],
  ['jKabid', 'bidang', 'Kepala Bidang Pembinaan SMA', 'ADMINISTRATOR', 'jKadis'],
  ['jKasi', 'seksi', 'Kepala Seksi Kurikulum', 'PENGAWAS', 'jKabid'],
  ['jStaf', 'seksi', 'Pengolah Data Kurikulum', 'PELAKSANA', 'jKasi'],
  ['jFung', 'seksi', 'Pengembang Teknologi Pembelajaran Ahli Pertama', 'FUNGSIONAL', 'jKasi', 'AHLI_PERTAMA'],
  ['jKadis2', 'opd2', 'Kepala Dinas Kesehatan', 'JPT_PRATAMA', 'jGub'],
  ['jStaf2', 'opd2', 'Pengadministrasi Umum', 'PELAKSANA', 'jKadis2'],
  ['jKaban', 'bkd', 'Kepala Badan Kepegawaian Daerah', 'JPT_PRATAMA', 'jGub'],
  ['jAnalis', 'bkd', 'Analis SDM Aparatur Ahli Muda', 'FUNGSIONAL', 'jKaban', 'AHLI_MUDA'],
];

const PEGAWAI = {
  gubernur: ['Gubernur Uji', 'jGub'],
  kepala: ['Kepala Dinas', 'jKadis'],
  administrator: ['Kepala Bidang', 'jKabid'],
  pengawas: ['Kepala Seksi', 'jKasi'],
  pelaksana: ['Pelaksana Satu', 'jStaf'],
  pelaksana2: ['Pelaksana Dua', 'jStaf'],
  fungsional: ['Fungsional Satu', 'jFung'],
  kepala2: ['Kepala Dinas Kesehatan', 'jKadis2'],
  orangLain: ['Staf Dinas Kesehatan', 'jStaf2'],
  kaban: ['Kepala BKD', 'jKaban'],
  adminBkd: ['Admin BKD', 'jAnalis'],
  adminOpd: ['Admin Dinas Pendidikan', 'jStaf'],
  timPenilai: ['Anggota Tim Penilai', 'jAnalis'],
} as const satisfies Record<string, [string, string]>;

type Who = keyof typeof PEGAWAI;

/**
 * Like the demo, the test instansi lets everyone log in with the password alone; the MFA tests pass
 * `{ kebijakanMfa: 'bawaan' }` for the real default (codes required of admins and assessors).
 */
export async function buildOrg(db: Db, options: { kebijakanMfa?: 'bawaan' } = {}) {
  passwordHash ??= hash(TEST_PASSWORD);
  const plan: OrgPlan = {
    instansi: {
      kode: `UJI-${Date.now()}-${counter}`,
      nama: 'Pemerintah Provinsi Uji',
      jenis: 'PROVINSI',
      zonaWaktu: 'Asia/Makassar',
    },
    unor: UNOR.map(([key, parentKey, jenis, nama]) => ({ key, parentKey, jenis, nama })),
    jabatan: JABATAN.map(([key, unorKey, nama, jenis, atasanKey, jenjang]) => ({
      key,
      unorKey,
      nama,
      jenis,
      jenjang: jenjang ?? null,
      kelasJabatan: 9,
      atasanKey,
      isKepalaUnor: jenis !== 'PELAKSANA' && jenis !== 'FUNGSIONAL',
    })),
    pegawai: Object.entries(PEGAWAI).map(([key, [nama, jabatanKey]]) => ({
      key,
      nip: nextNip(),
      gelarDepan: null,
      nama,
      gelarBelakang: null,
      jenisAsn: 'PNS',
      golongan: 'III/a',
      jabatanKey,
      tmtJabatan: '2020-01-01',
    })),
    roles: [
      { pegawaiKey: 'adminBkd', peran: 'ADMIN_INSTANSI', opdKey: null },
      { pegawaiKey: 'adminOpd', peran: 'ADMIN_OPD', opdKey: 'opd' },
      { pegawaiKey: 'timPenilai', peran: 'TIM_PENILAI', opdKey: null },
    ],
    ...(options.kebijakanMfa === 'bawaan' ? {} : { kebijakanMfa: KEBIJAKAN_MFA_OPSIONAL }),
  };
  const pw = await passwordHash;
  const ids = await db.transaction((tx) => insertOrgPlan(tx, plan, { passwordHash: pw }));

  const person = (key: Who): Person => ({
    id: ids.pegawai.get(key)!,
    nip: plan.pegawai.find((p) => p.key === key)!.nip,
  });
  const people = Object.fromEntries(Object.keys(PEGAWAI).map((k) => [k, person(k as Who)])) as Record<
    Who,
    Person
  >;
  return {
    instansiId: ids.instansiId,
    unor: Object.fromEntries(UNOR_KEYS.map((k) => [k, { id: ids.unor.get(k)! }])) as Record<
      (typeof UNOR_KEYS)[number],
      { id: number }
    >,
    jabatan: Object.fromEntries(JABATAN_KEYS.map((k) => [k, ids.jabatan.get(k)!])) as Record<
      (typeof JABATAN_KEYS)[number],
      number
    >,
    ...people,
  };
}

export type Org = Awaited<ReturnType<typeof buildOrg>>;

/** The BKD admin (a logged-in client) takes every role from the admin OPD of the org; its answer. */
export async function cabutPeranAdminOpd(
  admin: {
    get(url: string): Promise<LightMyRequestResponse>;
    put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  },
  org: Org,
) {
  const { version } = (await admin.get(`/api/pegawai/${org.adminOpd.id}`)).json();
  return admin.put(`/api/pegawai/${org.adminOpd.id}/peran`, {
    peran: [],
    alasan: 'Tidak lagi admin OPD',
    version,
  });
}
