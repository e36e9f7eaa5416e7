/**
 * Compliance per day of progres harian (SPEC §12, issue 15): a per-instansi rule, off by default,
 * "an entry for each working day by HH:MM on the N-th working day after it", in the instansi's zone.
 * An employee's working day is judged by when its first entry reached the server against that
 * deadline; a day the attendance shows as excused (dinas luar, cuti, sakit, izin) never counts
 * against him. The monitoring SQL (kepatuhan-harian.queries.ts) applies `statusHari` in the same order.
 */
import { awalTanggal, NAMA_BULAN, singkatanZona } from './jadwal.js';
import { hariIso, type JamKerja, NAMA_HARI, type StatusKehadiran } from './kehadiran.js';
import { tanggalBulan } from './progres-harian.js';

export interface AturanKepatuhanHarian {
  aktif: boolean;
  /** 'HH:MM', 24-hour, local: the last minute an entry is on time. */
  batasJam: string;
  /** 0 = the activity's own day, 1 = the next working day, … */
  hariKerjaKe: number;
}

/** Off until the BKD switches it on; when on, by 23:59 of the next working day. */
export const ATURAN_KEPATUHAN_HARIAN_BAWAAN: AturanKepatuhanHarian = {
  aktif: false,
  batasJam: '23:59',
  hariKerjaKe: 1,
};
export const HARI_KERJA_KE_MAKS = 10;
export const POLA_JAM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const STATUS_KEPATUHAN = [
  'TEPAT_WAKTU',
  'TERLAMBAT',
  'TIDAK_ADA',
  'BELUM_JATUH_TEMPO',
  'BUKAN_HARI_KERJA',
  'DIKECUALIKAN',
] as const;
export type StatusKepatuhan = (typeof STATUS_KEPATUHAN)[number];

export const STATUS_KEPATUHAN_LABEL: Record<StatusKepatuhan, string> = {
  TEPAT_WAKTU: 'Tepat waktu',
  TERLAMBAT: 'Terlambat',
  TIDAK_ADA: 'Tidak diisi',
  BELUM_JATUH_TEMPO: 'Belum jatuh tempo',
  BUKAN_HARI_KERJA: 'Bukan hari kerja',
  DIKECUALIKAN: 'Dikecualikan',
};

/** "paling lambat pukul 23.59 WITA pada hari kerja berikutnya". */
export function uraianAturan(a: Pick<AturanKepatuhanHarian, 'batasJam' | 'hariKerjaKe'>, zonaWaktu: string) {
  const jam = `pukul ${a.batasJam.replace(':', '.')} ${singkatanZona(zonaWaktu)}`;
  const hari =
    a.hariKerjaKe === 0
      ? 'pada hari kegiatan itu'
      : a.hariKerjaKe === 1
        ? 'pada hari kerja berikutnya'
        : `pada hari kerja ke-${a.hariKerjaKe} setelah hari kegiatan`;
  return `progres harian setiap hari kerja diisi paling lambat ${jam} ${hari}`;
}

/** The instansi's calendar: hours per weekday and holidays ('YYYY-MM-DD'). */
export interface KalenderKerja {
  jamKerja: JamKerja;
  libur: ReadonlySet<string>;
}

export const hariKerja = (tanggal: string, k: KalenderKerja) =>
  k.jamKerja[hariIso(tanggal)] !== undefined && !k.libur.has(tanggal);

const tambahHari = (tanggal: string, n: number) =>
  new Date(Date.parse(`${tanggal}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** How far ahead the holidays must be known to find any deadline of a month. */
export const HARI_KALENDER_KE_DEPAN = 62;

/** The date of the deadline: the N-th working day after `tanggal` (itself when N = 0). */
export function tanggalTenggat(tanggal: string, hariKerjaKe: number, k: KalenderKerja): string {
  let t = tanggal;
  for (let sisa = hariKerjaKe, langkah = 0; sisa > 0; langkah++) {
    // At least one weekday has hours (periksaJamKerja), so only a long run of holidays gets here.
    if (langkah > HARI_KALENDER_KE_DEPAN) throw new Error(`Tidak ada hari kerja setelah ${tanggal}.`);
    t = tambahHari(t, 1);
    if (hariKerja(t, k)) sisa--;
  }
  return t;
}

/** The deadline as an instant: the end of minute `batasJam` on the deadline's date, exclusive. */
export function tenggat(
  tanggal: string,
  a: Pick<AturanKepatuhanHarian, 'batasJam' | 'hariKerjaKe'>,
  k: KalenderKerja,
  zonaWaktu: string,
): Date {
  const [jam, menit] = a.batasJam.split(':').map(Number) as [number, number];
  const awal = awalTanggal(tanggalTenggat(tanggal, a.hariKerjaKe, k), zonaWaktu).getTime();
  // Indonesia's zones keep no daylight saving: local minutes after midnight add as they are.
  return new Date(awal + (jam * 60 + menit + 1) * 60_000);
}

/** What is known of one employee's day. */
export interface FaktaHari {
  hariKerja: boolean;
  /** The attendance status when it excuses the day (tpp.ts STATUS_DIKECUALIKAN), else null. */
  dikecualikan: StatusKehadiran | null;
  /**
   * The day's entries: null when none; `pertama` is when the first reached the server, null when
   * one of them predates the record of that time (migration 0028; the day counts as on time).
   */
  entri: { pertama: Date | null } | null;
  /** The deadline (exclusive); null off working days. */
  tenggat: Date | null;
}

/** One day's status at `now`. The order matters and is the SQL's too. */
export function statusHari(f: FaktaHari, now: Date): StatusKepatuhan {
  if (!f.hariKerja || f.tenggat === null) return 'BUKAN_HARI_KERJA';
  if (f.dikecualikan !== null) return 'DIKECUALIKAN';
  if (f.entri && (f.entri.pertama === null || f.entri.pertama < f.tenggat)) return 'TEPAT_WAKTU';
  if (f.tenggat > now) return 'BELUM_JATUH_TEMPO';
  return f.entri ? 'TERLAMBAT' : 'TIDAK_ADA';
}

/** Every day of a month with whether it is a working day and, if so, its deadline. */
export function hariBulanKepatuhan(
  bulan: string,
  a: Pick<AturanKepatuhanHarian, 'batasJam' | 'hariKerjaKe'>,
  k: KalenderKerja,
  zonaWaktu: string,
): { tanggal: string; hariKerja: boolean; tenggat: Date | null }[] {
  return tanggalBulan(bulan).map((tanggal) => {
    const kerja = hariKerja(tanggal, k);
    return { tanggal, hariKerja: kerja, tenggat: kerja ? tenggat(tanggal, a, k, zonaWaktu) : null };
  });
}

/** The counts of a set of employee-days; the share is of the days judged (on time, late, missing). */
export interface JumlahKepatuhan {
  tepatWaktu: number;
  terlambat: number;
  tidakAda: number;
  belumJatuhTempo: number;
  dikecualikan: number;
}

/** Percent of judged days on time, one decimal; null when no day has been judged yet. */
export function persenPatuh(j: JumlahKepatuhan): number | null {
  const dinilai = j.tepatWaktu + j.terlambat + j.tidakAda;
  return dinilai === 0 ? null : Math.round((j.tepatWaktu / dinilai) * 1000) / 10;
}

export function hitungJumlah(status: readonly StatusKepatuhan[]): JumlahKepatuhan {
  const n = (s: StatusKepatuhan) => status.filter((x) => x === s).length;
  return {
    tepatWaktu: n('TEPAT_WAKTU'),
    terlambat: n('TERLAMBAT'),
    tidakAda: n('TIDAK_ADA'),
    belumJatuhTempo: n('BELUM_JATUH_TEMPO'),
    dikecualikan: n('DIKECUALIKAN'),
  };
}

/** "Senin, 3 Agustus 2026 pukul 23.59 WITA": a deadline as people read it. */
export function namaTenggat(at: Date, zonaWaktu: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zonaWaktu,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const p = Object.fromEntries(
    f.formatToParts(new Date(at.getTime() - 60_000)).map((x) => [x.type, x.value]),
  );
  const tanggal = `${p.year}-${p.month}-${p.day}`;
  return `${NAMA_HARI[hariIso(tanggal)]}, ${Number(p.day)} ${NAMA_BULAN[Number(p.month) - 1]} ${p.year} pukul ${p.hour}.${p.minute} ${singkatanZona(zonaWaktu)}`;
}

/**
 * Why the compliance of a month cannot count towards TPP yet, or null: a working day whose deadline
 * has not passed at `now` (the month's last days fall due in the next month).
 */
export function alasanKepatuhanBelumLengkap(
  hari: readonly { tanggal: string; tenggat: Date | null }[],
  now: Date,
  zonaWaktu: string,
): string | null {
  const terakhir = hari.filter((h) => h.tenggat !== null && h.tenggat > now).at(-1);
  if (!terakhir?.tenggat) return null;
  return `tenggat progres harian ${terakhir.tanggal} baru berakhir ${namaTenggat(terakhir.tenggat, zonaWaktu)}; hitung TPP setelah itu.`;
}
