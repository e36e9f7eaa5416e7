/** Kinds of position and functional levels (SPEC §2 glossary). */
export const JENIS_JABATAN = [
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL',
] as const;
export type JenisJabatan = (typeof JENIS_JABATAN)[number];

export const JENIS_JABATAN_LABEL: Record<JenisJabatan, string> = {
  JPT_UTAMA: 'JPT Utama',
  JPT_MADYA: 'JPT Madya',
  JPT_PRATAMA: 'JPT Pratama',
  ADMINISTRATOR: 'Administrator',
  PENGAWAS: 'Pengawas',
  PELAKSANA: 'Pelaksana',
  FUNGSIONAL: 'Fungsional',
};

export const JENJANG_FUNGSIONAL = [
  'PEMULA',
  'TERAMPIL',
  'MAHIR',
  'PENYELIA',
  'AHLI_PERTAMA',
  'AHLI_MUDA',
  'AHLI_MADYA',
  'AHLI_UTAMA',
] as const;
export type JenjangFungsional = (typeof JENJANG_FUNGSIONAL)[number];

export const JENJANG_LABEL: Record<JenjangFungsional, string> = {
  PEMULA: 'Pemula',
  TERAMPIL: 'Terampil',
  MAHIR: 'Mahir',
  PENYELIA: 'Penyelia',
  AHLI_PERTAMA: 'Ahli Pertama',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_UTAMA: 'Ahli Utama',
};

/** Structural positions have a single definitive holder; pelaksana/fungsional positions may have many. */
export function isStruktural(jenis: JenisJabatan): boolean {
  return jenis !== 'PELAKSANA' && jenis !== 'FUNGSIONAL';
}

export function isJpt(jenis: JenisJabatan): boolean {
  return jenis === 'JPT_UTAMA' || jenis === 'JPT_MADYA' || jenis === 'JPT_PRATAMA';
}

/**
 * The SKP layout (SPEC §4.2): JPT positions and heads of independent units plan with a perspektif
 * per IKI and no intervensi. Only the layout: who assesses still follows `isJpt` alone.
 */
export function formatJpt(j: { jenis: JenisJabatan; kepalaUnitMandiri: boolean }): boolean {
  return isJpt(j.jenis) || j.kepalaUnitMandiri;
}

/** Only an administrator or pengawas position can head an independent unit; a JPT has the layout already. */
export function dapatKepalaUnitMandiri(jenis: JenisJabatan): boolean {
  return isStruktural(jenis) && !isJpt(jenis);
}

export const JENIS_UNOR = [
  'INSTANSI',
  'SEKRETARIAT',
  'OPD',
  'BIRO',
  'BIDANG',
  'BAGIAN',
  'SUBBIDANG',
  'SUBBAGIAN',
  'SEKSI',
  'UPT',
] as const;
export type JenisUnor = (typeof JENIS_UNOR)[number];

export const JENIS_PENUGASAN = ['DEFINITIF', 'PLT', 'PLH'] as const;
export type JenisPenugasan = (typeof JENIS_PENUGASAN)[number];

export const PERAN = ['ADMIN_INSTANSI', 'ADMIN_OPD', 'TIM_PENILAI'] as const;
export type Peran = (typeof PERAN)[number];

const compact = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/** Reads a kind of position as written in spreadsheets: a label ("JPT Pratama") or a code. */
export function parseJenisJabatan(text: string): JenisJabatan | null {
  const key = compact(text);
  return JENIS_JABATAN.find((j) => compact(j) === key || compact(JENIS_JABATAN_LABEL[j]) === key) ?? null;
}

export function parseJenjang(text: string): JenjangFungsional | null {
  const key = compact(text);
  return JENJANG_FUNGSIONAL.find((j) => compact(j) === key || compact(JENJANG_LABEL[j]) === key) ?? null;
}

/** Functional position names end with their level ("Analis Kebijakan Ahli Muda"). */
export function jenjangFromNama(nama: string): JenjangFungsional | null {
  const lower = nama.toLowerCase();
  return JENJANG_FUNGSIONAL.find((j) => lower.endsWith(JENJANG_LABEL[j].toLowerCase())) ?? null;
}

/**
 * Why an admin names someone's superior by hand (SPEC §3): KOREKSI fixes a wrong or missing superior;
 * KETUA_TIM makes a functional employee's team lead his pejabat penilai ("the leader they work under").
 */
export const JENIS_ATASAN_OVERRIDE = ['KOREKSI', 'KETUA_TIM'] as const;
export type JenisAtasanOverride = (typeof JENIS_ATASAN_OVERRIDE)[number];

export const JENIS_ATASAN_OVERRIDE_LABEL: Record<JenisAtasanOverride, string> = {
  KOREKSI: 'Koreksi atasan',
  KETUA_TIM: 'Ketua Tim Kerja',
};

/** How a chain link is named: the team lead by his role, everyone else by his position. */
export const SEBUTAN_KETUA_TIM = 'Ketua Tim Kerja';

/**
 * A team lead is assigned only to someone holding a functional position, and must be an active
 * employee of the same OPD; null when allowed, otherwise the Indonesian reason.
 */
export function tolakKetuaTim(
  sasaran: { jenisJabatan: JenisJabatan | null; opdId: number | null },
  ketua: { isActive: boolean; opdId: number | null },
): string | null {
  if (sasaran.jenisJabatan !== 'FUNGSIONAL')
    return 'Ketua Tim Kerja hanya dapat ditetapkan bagi pegawai yang menduduki jabatan fungsional.';
  if (!ketua.isActive) return 'Ketua Tim Kerja harus pegawai yang masih aktif.';
  if (sasaran.opdId === null || ketua.opdId !== sasaran.opdId)
    return 'Ketua Tim Kerja harus pegawai aktif pada OPD yang sama dengan pegawai yang dinilai.';
  return null;
}
