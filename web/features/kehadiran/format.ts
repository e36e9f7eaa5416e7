/** Dates and statuses as the attendance pages show them. */
import { NAMA_BULAN } from '../../../src/domain/jadwal';
import { hariIso, NAMA_HARI, type StatusKehadiran } from '../../../src/domain/kehadiran';

/** "Senin, 2 Maret 2026". */
export function formatTanggal(tanggal: string, denganHari = true): string {
  const [t, b, h] = tanggal.split('-').map(Number);
  const teks = `${h} ${NAMA_BULAN[(b ?? 1) - 1]} ${t}`;
  return denganHari ? `${NAMA_HARI[hariIso(tanggal)]}, ${teks}` : teks;
}

export const WARNA_STATUS: Record<StatusKehadiran, string> = {
  HADIR: 'teal',
  DINAS_LUAR: 'blue',
  CUTI: 'grape',
  SAKIT: 'yellow',
  IZIN: 'cyan',
  TANPA_KETERANGAN: 'red',
};
