/**
 * Deadlines of the monthly cycle (SPEC §5.1, §5.3): the last instant of a window for one employee
 * (an admin's exception extends it), when an item waiting for the pejabat penilai escalates to the
 * atasan pejabat penilai, which window closes soon (reminders), and how a deadline reads as a countdown.
 */
import {
  type BukaanKhusus,
  bolehMenulis,
  isMasaPenilaianUlang,
  type JadwalConfig,
  type Jendela,
  type JenisJendela,
  jendelaAktif,
  jendelaPeriode,
  NAMA_BULAN,
  type Periode,
  tutupPeriode,
} from './jadwal.js';
import { requiredWindows, type StatusRealisasi } from './realisasi-workflow.js';

/** The statuses in which a realisasi waits for the assessor's verdict. */
export const MENUNGGU_PENILAIAN = ['DIAJUKAN', 'DIPERBAIKI'] as const satisfies readonly StatusRealisasi[];
export type StatusMenunggu = (typeof MENUNGGU_PENILAIAN)[number];

export function isMenungguPenilaian(status: StatusRealisasi): status is StatusMenunggu {
  return (MENUNGGU_PENILAIAN as readonly StatusRealisasi[]).includes(status);
}

/** The windows in which the assessor may decide on a waiting item (the same for accepting and returning). */
export const jendelaPenilaian = (status: StatusMenunggu): JenisJendela[] => requiredWindows(status, 'accept');

/**
 * The last instant one may write in a window of a period: its regular end, or later while an exception
 * for that window and period lasts (`berakhir` is exclusive). The caller passes the exceptions that
 * apply to the employee and were not revoked.
 */
export function batasJendela(
  jenis: JenisJendela,
  periode: Periode,
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[] = [],
): Date {
  let batas = jendelaPeriode(jenis, periode, config).akhir.getTime();
  for (const b of bukaan)
    if (b.jenis === jenis && b.periodeKode === periode.kode)
      batas = Math.max(batas, b.berakhir.getTime() - 1);
  return new Date(batas);
}

/**
 * The pejabat penilai's deadline for a waiting item: the end of the latest window its verdict may use;
 * a corrected item may also be re-assessed until the period closes.
 */
export function batasPenilaian(
  status: StatusMenunggu,
  periode: Periode,
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[] = [],
): Date {
  const ulang = status === 'DIPERBAIKI' ? [tutupPeriode(periode, config).getTime()] : [];
  return new Date(
    Math.max(
      ...ulang,
      ...jendelaPenilaian(status).map((j) => batasJendela(j, periode, config, bukaan).getTime()),
    ),
  );
}

/**
 * Re-assessment without an exception (SPEC §5.1): once the period had a correction round (a corrected
 * item, or the period's ratings after one), the pejabat penilai decides until the period closes.
 */
export function isPenilaianUlangTerbuka(
  now: Date,
  periode: Periode,
  config: JadwalConfig,
  setelahPerbaikan: boolean,
): boolean {
  return setelahPerbaikan && isMasaPenilaianUlang(now, periode, config);
}

/**
 * When one of the windows serves the employee: its opening (null once one is open, an exception
 * counting, or when all have passed) and the last instant of any of them.
 */
export function rentangJendela(
  now: Date,
  jenis: readonly JenisJendela[],
  periode: Periode,
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[] = [],
): { mulai: Date | null; akhir: Date } {
  const akhir = new Date(Math.max(...jenis.map((j) => batasJendela(j, periode, config, bukaan).getTime())));
  if (jenis.some((j) => bolehMenulis(now, j, periode, config, bukaan).ok)) return { mulai: null, akhir };
  const mulai = new Date(Math.min(...jenis.map((j) => jendelaPeriode(j, periode, config).mulai.getTime())));
  return { mulai: now < mulai ? mulai : null, akhir };
}

/**
 * Escalation: an item still waiting after every window in which its pejabat penilai could decide on
 * it has closed (exceptions included) goes to the atasan pejabat penilai, who may then assess it.
 */
export function isTereskalasi(
  now: Date,
  status: StatusRealisasi,
  periode: Periode,
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[] = [],
): boolean {
  return isMenungguPenilaian(status) && now > batasPenilaian(status, periode, config, bukaan);
}

/**
 * The same rule as rows for set-based SQL, one per waiting status and window: an item escalates when
 * `now` is past `batas` (the regular deadline) and no unrevoked exception for one of its `jendela`
 * lasts beyond `now` — which is isTereskalasi, since an exception only moves the deadline to its end.
 */
export function aturanEskalasi(
  periode: Periode,
  config: JadwalConfig,
): { periodeKode: string; status: StatusMenunggu; jendela: JenisJendela; batas: string }[] {
  return MENUNGGU_PENILAIAN.flatMap((status) => {
    const batas = batasPenilaian(status, periode, config).toISOString();
    return jendelaPenilaian(status).map((jendela) => ({ periodeKode: periode.kode, status, jendela, batas }));
  });
}

const DAY_MS = 86_400_000;

/**
 * The period whose realisasi the employee reports now, among candidates in order: the first whose
 * input is open (an exception counts), else the first still to open; with its opening (null when
 * open) and its last instant.
 */
export function periodeLapor(
  now: Date,
  kandidat: readonly Periode[],
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[],
): { periode: Periode; mulai: Date | null; akhir: Date } | null {
  const terbuka = kandidat.find((p) => bolehMenulis(now, 'INPUT', p, config, bukaan).ok);
  if (terbuka)
    return { periode: terbuka, mulai: null, akhir: batasJendela('INPUT', terbuka, config, bukaan) };
  const berikut = kandidat.map((p) => jendelaPeriode('INPUT', p, config)).find((j) => now < j.mulai);
  return berikut ? { periode: berikut.periode, mulai: berikut.mulai, akhir: berikut.akhir } : null;
}

/** The window open at `now` when it closes within `hari` days: what a reminder job announces. */
export function jendelaSegeraBerakhir(now: Date, config: JadwalConfig, hari: number): Jendela | null {
  const j = jendelaAktif(now, config);
  return j && j.akhir.getTime() - now.getTime() <= hari * DAY_MS ? j : null;
}

/** A local date 'YYYY-MM-DD' as written in letters and notices: '7 Agustus 2026'. */
export function labelTanggal(tanggal: string): string {
  return `${Number(tanggal.slice(8, 10))} ${NAMA_BULAN[Number(tanggal.slice(5, 7)) - 1]} ${tanggal.slice(0, 4)}`;
}

export type StatusTenggat = 'BELUM_DIBUKA' | 'BERJALAN' | 'HARI_INI' | 'TERLAMBAT';

/** Calendar days from one local date to another ('YYYY-MM-DD'); negative when `ke` is earlier. */
export function selisihHari(dari: string, ke: string): number {
  const utc = (d: string) =>
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(ke) - utc(dari)) / DAY_MS);
}

/**
 * A deadline as the inbox shows it, counted in calendar days of the instansi's zone (the caller gives
 * the local dates): "3 hari lagi", "berakhir hari ini", "terlambat 2 hari"; before a window opens,
 * "dibuka 4 hari lagi".
 */
export function hitungTenggat(t: {
  now: Date;
  hariIni: string;
  akhir: Date;
  hariAkhir: string;
  mulai?: Date | null;
  hariMulai?: string | null;
}): { status: StatusTenggat; sisaMs: number; sisaHari: number; label: string } {
  const sisaMs = t.akhir.getTime() - t.now.getTime();
  const sisaHari = selisihHari(t.hariIni, t.hariAkhir);
  if (t.mulai && t.hariMulai && t.now < t.mulai) {
    const n = selisihHari(t.hariIni, t.hariMulai);
    return {
      status: 'BELUM_DIBUKA',
      sisaMs,
      sisaHari,
      label: n > 0 ? `dibuka ${n} hari lagi` : 'dibuka hari ini',
    };
  }
  if (sisaMs < 0) {
    const n = -sisaHari;
    return {
      status: 'TERLAMBAT',
      sisaMs,
      sisaHari,
      label: n > 0 ? `terlambat ${n} hari` : 'terlambat, berakhir hari ini',
    };
  }
  if (sisaHari === 0) return { status: 'HARI_INI', sisaMs, sisaHari, label: 'berakhir hari ini' };
  return { status: 'BERJALAN', sisaMs, sisaHari, label: `${sisaHari} hari lagi` };
}
