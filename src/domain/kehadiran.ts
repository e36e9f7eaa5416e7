/**
 * Attendance (SPEC §7.1): daily records imported from a fingerprint or online attendance system,
 * the instansi's working hours per weekday and its holiday calendar.
 */

/** Status of a day as the attendance system reports it. */
export const STATUS_KEHADIRAN = ['HADIR', 'DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN', 'TANPA_KETERANGAN'] as const;
export type StatusKehadiran = (typeof STATUS_KEHADIRAN)[number];

/** Working hours of one weekday, "HH:MM" in the instansi's zone. */
export interface JamKerjaHari {
  masuk: string;
  pulang: string;
}

/** Working hours per ISO weekday ('1' = Monday … '7' = Sunday); a weekday absent is not a working day. */
export type JamKerja = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', JamKerjaHari>>;
