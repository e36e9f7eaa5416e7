/** An organisation as plain data, referencing its parts by local keys; insertOrgPlan writes it. */
import type { JenisJabatan, JenisUnor, JenjangFungsional, Peran } from '../../domain/jabatan.js';
import type { KebijakanMfa } from '../../domain/mfa.js';
import type { JenisAsn } from '../../domain/nip.js';

export interface UnorPlan {
  key: string;
  parentKey: string | null;
  jenis: JenisUnor;
  nama: string;
}

export interface JabatanPlan {
  key: string;
  unorKey: string;
  nama: string;
  jenis: JenisJabatan;
  jenjang: JenjangFungsional | null;
  kelasJabatan: number;
  atasanKey: string | null;
  isKepalaUnor: boolean;
}

export interface PegawaiPlan {
  key: string;
  nip: string;
  gelarDepan: string | null;
  nama: string;
  gelarBelakang: string | null;
  jenisAsn: JenisAsn;
  golongan: string;
  jabatanKey: string;
  tmtJabatan: string;
}

export interface RolePlan {
  pegawaiKey: string;
  peran: Peran;
  /** The OPD unor of an ADMIN_OPD. */
  opdKey: string | null;
}

export interface OrgPlan {
  instansi: { kode: string; nama: string; jenis: string; zonaWaktu: string };
  /** Parents before children. */
  unor: UnorPlan[];
  jabatan: JabatanPlan[];
  pegawai: PegawaiPlan[];
  roles: RolePlan[];
  /** Who must enter an authenticator code; absent = the default (admins and assessors). */
  kebijakanMfa?: KebijakanMfa;
}

/** Units whose subtree forms one OPD (the scope of an OPD admin). */
export const OPD_LEVEL: ReadonlySet<JenisUnor> = new Set(['OPD']);
