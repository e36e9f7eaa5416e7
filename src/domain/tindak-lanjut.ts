/**
 * Follow-up of the annual results (SPEC §7.3), read from the final annual predikat (after objections)
 * of year Y and of Y-1:
 * - NAIK_PANGKAT: at least Baik in both years (rank promotion);
 * - TALENTA: Sangat Baik in both years (talent pool);
 * - GAGAL_BERULANG: below Baik (Butuh Perbaikan, Kurang or Sangat Kurang) in both years (sanctions);
 * - BELUM_LENGKAP: a year without a FINAL evaluation — never classified by guess.
 * The lists overlap where the rules do: a Sangat Baik pair is in NAIK_PANGKAT and TALENTA.
 */
import type { PredikatPegawai } from './predikat.js';

export const DAFTAR_TINDAK_LANJUT = ['NAIK_PANGKAT', 'TALENTA', 'GAGAL_BERULANG', 'BELUM_LENGKAP'] as const;
export type DaftarTindakLanjut = (typeof DAFTAR_TINDAK_LANJUT)[number];
export type DaftarBerpredikat = Exclude<DaftarTindakLanjut, 'BELUM_LENGKAP'>;

export const DAFTAR_TINDAK_LANJUT_LABEL: Record<DaftarTindakLanjut, string> = {
  NAIK_PANGKAT: 'Usul Kenaikan Pangkat',
  TALENTA: 'Kelompok Rencana Suksesi (Talenta)',
  GAGAL_BERULANG: 'Tidak Mencapai Target Berulang',
  BELUM_LENGKAP: 'Belum Lengkap',
};

/** The predikat both years must have to be on a list: the one statement of the rule (also used by SQL). */
export const SYARAT_DAFTAR: Readonly<Record<DaftarBerpredikat, readonly PredikatPegawai[]>> = {
  NAIK_PANGKAT: ['SANGAT_BAIK', 'BAIK'],
  TALENTA: ['SANGAT_BAIK'],
  GAGAL_BERULANG: ['BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
};

/** The lists an employee is on, from the final predikat of Y-1 and Y (null: no FINAL evaluation). */
export function daftarTindakLanjut(
  sebelumnya: PredikatPegawai | null,
  tahunIni: PredikatPegawai | null,
): DaftarTindakLanjut[] {
  if (sebelumnya === null || tahunIni === null) return ['BELUM_LENGKAP'];
  return (Object.keys(SYARAT_DAFTAR) as DaftarBerpredikat[]).filter(
    (d) => SYARAT_DAFTAR[d].includes(sebelumnya) && SYARAT_DAFTAR[d].includes(tahunIni),
  );
}
