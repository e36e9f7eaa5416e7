/** Official terms shown in the UI, in one place. */
export { JENIS_JABATAN_LABEL, JENJANG_LABEL } from '../../src/domain/jabatan';

export const PERAN_LABEL = {
  ADMIN_INSTANSI: 'Admin Instansi (BKD)',
  ADMIN_OPD: 'Admin OPD',
  TIM_PENILAI: 'Tim Penilai Kinerja',
} as const;

export const JENIS_PENUGASAN_LABEL = { DEFINITIF: 'Definitif', PLT: 'Plt', PLH: 'Plh' } as const;

export const ISTILAH = {
  pejabatPenilai: 'Pejabat Penilai Kinerja',
  atasanPejabatPenilai: 'Atasan Pejabat Penilai Kinerja',
  bawahanLangsung: 'Bawahan langsung',
  rantaiAtasan: 'Rantai atasan',
  riwayatJabatan: 'Riwayat jabatan',
  unor: 'Unit organisasi',
} as const;

export function formatTanggal(iso: string | null): string {
  if (!iso) return 'sekarang';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant as a date and time, e.g. "3 Mar 2026, 10.00". */
/** The instansi's time zone and its abbreviation (WIB, WITA, WIT); null while unknown. */
export type Zona = { zonaWaktu: string; singkatan: string } | null;

/** Today in the instansi's zone, 'YYYY-MM-DD' (the browser's calendar only while the zone is unknown). */
export function hariIniDi(zona: Zona, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(zona ? { timeZone: zona.zonaWaktu } : {}),
  }).format(now);
}

/** An instant in the instansi's zone, never the browser's: '3 Agustus 2026 pukul 10.00 WITA'. */
export function formatWaktu(iso: string, zona: Zona): string {
  const teks = new Date(iso).toLocaleString('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(zona ? { timeZone: zona.zonaWaktu } : {}),
  });
  return zona ? `${teks} ${zona.singkatan}` : teks;
}

/**
 * An instant's calendar date in the instansi's zone: '1 Februari 2026'. `formatTanggal` of the ISO
 * text would give the UTC date, a day early for anything done before 07.00 WIB / 08.00 WITA.
 */
export function formatTanggalDi(iso: string, zona: Zona): string {
  return formatTanggal(hariIniDi(zona, new Date(iso)));
}

export { ASPEK_LABEL, JENIS_LAMPIRAN_LABEL, PERSPEKTIF_LABEL } from '../../src/domain/skp';
// SKP (perencanaan kinerja, SPEC §4): labels of the server's enums, and the form's wording.
export { STATUS_SKP_LABEL } from '../../src/domain/skp-workflow';

export const PENDEKATAN_LABEL = { KUANTITATIF: 'Kuantitatif', KUALITATIF: 'Kualitatif' } as const;

export const ISTILAH_SKP = {
  skp: 'Sasaran Kinerja Pegawai',
  skpSaya: 'SKP Saya',
  skpBawahan: 'SKP Bawahan',
  hasilKerja: 'Hasil Kerja',
  utama: 'A. Utama',
  tambahan: 'B. Tambahan',
  rhk: 'Rencana Hasil Kerja',
  iki: 'Indikator Kinerja Individu',
  rhkAtasan: 'RHK Atasan yang Diintervensi',
  penugasanDari: 'Penugasan dari',
  perspektif: 'Perspektif',
  aspek: 'Aspek',
  target: 'Target',
  ukuranKeberhasilan: 'Ukuran keberhasilan',
  perilakuKerja: 'Perilaku Kerja',
  ekspektasi: 'Ekspektasi Khusus Pimpinan',
  lampiran: 'Lampiran SKP',
  pegawaiDinilai: 'Pegawai yang Dinilai',
  pendekatan: 'Pendekatan',
  batasWaktu: 'Batas waktu penetapan',
  terlambat: 'Terlambat',
  perluDitinjau: 'Perlu ditinjau',
  catatanPengembalian: 'Catatan pengembalian',
  kontribusi: 'Kontribusi terhadap Perjanjian Kinerja',
  perjanjianKinerja: 'Perjanjian Kinerja',
  masalahCakupan: 'Masalah cakupan',
  belumAda: 'Belum ada',
  temuan: 'Yang harus diperbaiki sebelum diajukan',
  saran: 'Saran penulisan',
} as const;

/** Badge colours of the dibagi-habis statuses (labels: STATUS_CAKUPAN_LABEL in src/domain/cascading). */
export const WARNA_STATUS_CAKUPAN = {
  LENGKAP: 'teal',
  KURANG: 'orange',
  LEBIH: 'yellow',
  BEDA_SATUAN: 'grape',
  TANPA_BAWAHAN: 'red',
} as const;

export const ISTILAH_CASCADING = {
  matriksPeranHasil: 'Matriks Peran Hasil',
  dibagiHabis: 'Dibagi Habis',
  perjanjianKinerja: 'Perjanjian Kinerja',
  sasaranStrategis: 'Sasaran strategis',
  rhkTanpaInduk: 'RHK tanpa induk',
  tautanYatim: 'Tautan yatim',
  perluDitinjau: 'Perlu ditinjau',
  menungguAtasan: 'Menunggu SKP atasan',
  pengaturanInstansi: 'Pengaturan Instansi',
  ikm: 'Indeks Kepuasan Masyarakat (IKM)',
} as const;
