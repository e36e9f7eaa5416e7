/**
 * The ceiling of every admin power (SPEC §11): who may reset, move, re-assign or grant to whom.
 * One rule for all powers, so no route can be the weak one: nobody acts on himself or his own
 * superior chain; an OPD admin only on ordinary employees of his OPD; the BKD admin on anyone
 * else, giving a reason when the other is a BKD admin too; and no power may place the actor in
 * the target's superior chain (he would then read and assess the target's work).
 */

export const KUASA_ADMIN = [
  'RESET_KATA_SANDI',
  'RESET_MFA',
  'ATASAN',
  'MUTASI',
  'PLT',
  'PERAN',
  'IMPOR',
] as const;
export type KuasaAdmin = (typeof KUASA_ADMIN)[number];

export const LABEL_KUASA: Record<KuasaAdmin, string> = {
  RESET_KATA_SANDI: 'mereset kata sandi',
  RESET_MFA: 'mereset perangkat autentikator',
  ATASAN: 'mengubah atasan',
  MUTASI: 'memutasi',
  PLT: 'menugaskan Plt/Plh',
  PERAN: 'mengubah peran',
  IMPOR: 'mengubah data melalui impor',
};

/** Powers the BKD alone holds: an OPD admin never grants roles or imports employees. */
const HANYA_BKD: ReadonlySet<KuasaAdmin> = new Set(['PERAN', 'IMPOR']);

/** The actor as far as admin powers go. */
export interface PelakuAdmin {
  id: number;
  /** Holds ADMIN_INSTANSI (BKD). */
  bkd: boolean;
  /** OPDs he administers as ADMIN_OPD. */
  opdIds: readonly number[];
}

/** The facts about the target that the ceiling depends on, as of today. */
export interface SasaranAdmin {
  id: number;
  opdId: number | null;
  /** Holds ADMIN_INSTANSI. */
  adminInstansi: boolean;
  /** Holds ADMIN_OPD. */
  adminOpd: boolean;
  /** Holds a JPT position (definitive, Plt or Plh). */
  jpt: boolean;
  /** Is in the actor's superior chain (pejabat penilai, atasan pejabat penilai, …). */
  atasanPelaku: boolean;
  /** Heads (definitive, Plt or Plh) the actor's unit or a unit above it. */
  kepalaUnitPelaku: boolean;
}

/** Where the power would put the actor, for the powers that name a superior or a position. */
export interface AkibatKuasa {
  /** After it, the actor (or someone under him) would be in the target's superior chain. */
  pelakuMenjadiAtasan?: boolean;
  /** The position given (mutation, Plt/Plh) is a JPT one. */
  jabatanJpt?: boolean;
}

export type AlasanTolak =
  | 'DIRI_SENDIRI'
  | 'ATASAN_SENDIRI'
  | 'BUKAN_ADMIN'
  | 'HANYA_BKD'
  | 'DI_LUAR_OPD'
  | 'SASARAN_ADMIN'
  | 'SASARAN_KEPALA_UNIT'
  | 'SASARAN_JPT'
  | 'JABATAN_JPT'
  | 'MENJADI_ATASAN';

export type Putusan = { boleh: true; perluAlasan: boolean } | { boleh: false; alasan: AlasanTolak };

const PESAN: Record<AlasanTolak, string> = {
  DIRI_SENDIRI: 'Anda tidak dapat {kuasa} diri sendiri.',
  ATASAN_SENDIRI: 'Anda tidak dapat {kuasa} atasan Anda sendiri.',
  BUKAN_ADMIN: 'Hanya admin yang dapat {kuasa} pegawai.',
  HANYA_BKD: 'Hanya admin instansi (BKD) yang dapat {kuasa} pegawai.',
  DI_LUAR_OPD: 'Pegawai ini berada di luar OPD yang Anda kelola.',
  SASARAN_ADMIN: 'Admin OPD tidak dapat {kuasa} seorang admin; hubungi admin instansi (BKD).',
  SASARAN_KEPALA_UNIT:
    'Admin OPD tidak dapat {kuasa} kepala unit yang membawahi Anda; hubungi admin instansi (BKD).',
  SASARAN_JPT: 'Admin OPD tidak dapat {kuasa} pejabat pimpinan tinggi (JPT); hubungi admin instansi (BKD).',
  JABATAN_JPT: 'Jabatan pimpinan tinggi (JPT) hanya dapat diisi oleh admin instansi (BKD).',
  MENJADI_ATASAN:
    'Anda tidak dapat menjadikan diri Anda atau bawahan Anda atasan pegawai ini; mintalah admin lain.',
};

/** The Indonesian sentence for a refusal. */
export function pesanTolak(alasan: AlasanTolak, kuasa: KuasaAdmin): string {
  return PESAN[alasan].replace('{kuasa}', LABEL_KUASA[kuasa]);
}

export function putusanKuasa(
  pelaku: PelakuAdmin,
  sasaran: SasaranAdmin,
  kuasa: KuasaAdmin,
  akibat: AkibatKuasa = {},
): Putusan {
  const tolak = (alasan: AlasanTolak): Putusan => ({ boleh: false, alasan });
  if (sasaran.id === pelaku.id) return tolak('DIRI_SENDIRI');
  if (sasaran.atasanPelaku) return tolak('ATASAN_SENDIRI');
  if (!pelaku.bkd && pelaku.opdIds.length === 0) return tolak('BUKAN_ADMIN');
  if (akibat.pelakuMenjadiAtasan) return tolak('MENJADI_ATASAN');
  if (pelaku.bkd) return { boleh: true, perluAlasan: sasaran.adminInstansi };
  if (HANYA_BKD.has(kuasa)) return tolak('HANYA_BKD');
  if (sasaran.opdId === null || !pelaku.opdIds.includes(sasaran.opdId)) return tolak('DI_LUAR_OPD');
  if (sasaran.adminInstansi || sasaran.adminOpd) return tolak('SASARAN_ADMIN');
  if (sasaran.kepalaUnitPelaku) return tolak('SASARAN_KEPALA_UNIT');
  if (sasaran.jpt) return tolak('SASARAN_JPT');
  if (akibat.jabatanJpt) return tolak('JABATAN_JPT');
  return { boleh: true, perluAlasan: false };
}
