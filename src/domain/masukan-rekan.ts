/**
 * Peer input on behaviour (SPEC §5.3: "Peers may give input on behaviour (optional; the assessor
 * decides)"). Colleagues are those with the same pejabat penilai; input is written from the first day
 * of the period until the period closes, the same end as re-assessment (jadwal.ts). The assessment
 * never requires it.
 */
import {
  type IzinMenulis,
  type JadwalConfig,
  labelPeriode,
  mulaiPeriode,
  type Periode,
  tutupPeriode,
} from './jadwal.js';

/** At most this many characters per input. */
export const MASUKAN_REKAN_MAKS = 1000;

/** Whether input on the period may be written or withdrawn now. */
export function izinMasukanRekan(now: Date, periode: Periode, config: JadwalConfig): IzinMenulis {
  if (mulaiPeriode(periode, config) <= now && now <= tutupPeriode(periode, config)) return { ok: true };
  return {
    ok: false,
    pesan: `Masukan rekan kerja periode ${labelPeriode(periode)} hanya dapat ditulis atau dihapus sejak awal periode sampai periode ditutup.`,
  };
}

/** Who may write about whom, from the superiors of both on the day of writing. */
export function tolakMasukanRekan(f: {
  penulisId: number;
  pegawaiId: number;
  pegawaiAktif: boolean;
  atasanPenulis: number | null;
  atasanPegawai: number | null;
}): string | null {
  if (f.penulisId === f.pegawaiId) return 'Anda tidak dapat memberi masukan tentang diri sendiri.';
  if (!f.pegawaiAktif) return 'Pegawai ini sudah tidak aktif.';
  if (f.atasanPenulis === null || f.atasanPenulis !== f.atasanPegawai)
    return 'Masukan hanya dapat diberikan kepada rekan kerja dengan pejabat penilai yang sama.';
  return null;
}
