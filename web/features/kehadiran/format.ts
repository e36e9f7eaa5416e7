/** Dates and statuses as the attendance pages show them. */
import { hariIso, NAMA_HARI, type StatusKehadiran } from '../../../src/domain/kehadiran';
import { formatTanggal } from '../../lib/istilah';

/** "Senin, 2 Maret 2026". */
export function tanggalDenganHari(tanggal: string): string {
  return `${NAMA_HARI[hariIso(tanggal)]}, ${formatTanggal(tanggal)}`;
}

export const WARNA_STATUS: Record<StatusKehadiran, string> = {
  HADIR: 'teal',
  DINAS_LUAR: 'blue',
  CUTI: 'grape',
  SAKIT: 'yellow',
  IZIN: 'cyan',
  TANPA_KETERANGAN: 'red',
};
