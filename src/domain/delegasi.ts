/**
 * Delegation of assessment: a pejabat penilai on leave names another official who assesses their
 * subordinates, in their name, for an inclusive range of dates in the instansi's zone.
 *
 * Who may receive it: an official holding a structural position at least as high as the giver's
 * (a pengawas hands over to another pengawas or to an administrator, never to staff), so the
 * assessment stays with someone who assesses at that level anyway. A giver without a structural
 * position (e.g. a functional team lead) may hand over to any structural official.
 */
import { isStruktural, JENIS_JABATAN_LABEL, type JenisJabatan } from './jabatan.js';
import { selisihHari } from './tenggat.js';

/** Long leave (cuti besar) lasts up to three months; a longer absence calls for a Plt. */
export const MAKS_HARI_DELEGASI = 92;

const TINGKAT: Partial<Record<JenisJabatan, number>> = {
  JPT_UTAMA: 5,
  JPT_MADYA: 4,
  JPT_PRATAMA: 3,
  ADMINISTRATOR: 2,
  PENGAWAS: 1,
};

/** The reason a penerima cannot receive the giver's delegation, or null when they can. */
export function alasanPenerimaDitolak(
  pemberi: JenisJabatan | null,
  penerima: JenisJabatan | null,
): string | null {
  if (!penerima || !isStruktural(penerima))
    return 'Penerima delegasi harus pejabat yang memegang jabatan struktural.';
  const min = pemberi ? (TINGKAT[pemberi] ?? 0) : 0;
  if ((TINGKAT[penerima] ?? 0) < min)
    return `Penerima delegasi harus pejabat setingkat atau lebih tinggi dari pemberi (${JENIS_JABATAN_LABEL[pemberi!]}).`;
  return null;
}

/** The reason a date range is refused (inclusive dates, 'YYYY-MM-DD'), or null. */
export function alasanRentangDitolak(mulai: string, selesai: string, hariIni: string): string | null {
  if (selesai < mulai) return 'Tanggal selesai tidak boleh sebelum tanggal mulai.';
  if (mulai < hariIni) return 'Tanggal mulai delegasi tidak boleh sebelum hari ini.';
  if (selisihHari(mulai, selesai) + 1 > MAKS_HARI_DELEGASI)
    return `Delegasi paling lama ${MAKS_HARI_DELEGASI} hari; untuk ketidakhadiran lebih lama tunjuk Plt.`;
  return null;
}

export const STATUS_DELEGASI = ['BELUM_BERLAKU', 'AKTIF', 'BERAKHIR', 'DICABUT'] as const;
export type StatusDelegasi = (typeof STATUS_DELEGASI)[number];

export function statusDelegasi(
  d: { mulai: string; selesai: string; dicabut: boolean },
  hariIni: string,
): StatusDelegasi {
  if (d.dicabut) return 'DICABUT';
  if (hariIni < d.mulai) return 'BELUM_BERLAKU';
  return hariIni <= d.selesai ? 'AKTIF' : 'BERAKHIR';
}
