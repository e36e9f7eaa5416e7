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
