/**
 * The evaluation periods and the monthly windows of SPEC §5.1 and §6.1: which period a month belongs
 * to, when input, assessment and correction are open (in the instansi's time zone), and who may write now.
 */
export const JENIS_PERIODE = ['BULANAN', 'TRIWULANAN', 'SEMESTERAN'] as const;
export type JenisPeriode = (typeof JENIS_PERIODE)[number];

export const JENIS_JENDELA = ['INPUT', 'PENILAIAN', 'PERBAIKAN'] as const;
export type JenisJendela = (typeof JENIS_JENDELA)[number];

export const JENIS_JENDELA_LABEL: Record<JenisJendela, string> = {
  INPUT: 'Pengisian realisasi',
  PENILAIAN: 'Penilaian dan umpan balik',
  PERBAIKAN: 'Perbaikan realisasi',
};

export const NAMA_BULAN = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** First and last day of a window, in the month after the period; clamped to that month's length. */
export type RentangHari = readonly [number, number];

export interface JadwalConfig {
  periode: JenisPeriode;
  input: RentangHari;
  penilaian: RentangHari;
  perbaikan: RentangHari;
  /** IANA zone of the instansi, e.g. 'Asia/Makassar'. */
  zonaWaktu: string;
}

/** Seed: Pemprov Gorontalo (SPEC §5.1); days 16–18 belong to no window. */
export const DEFAULT_JADWAL: JadwalConfig = {
  periode: 'BULANAN',
  input: [1, 7],
  penilaian: [8, 15],
  perbaikan: [19, 25],
  zonaWaktu: 'Asia/Makassar',
};

const RENTANG: Record<JenisJendela, (c: JadwalConfig) => RentangHari> = {
  INPUT: (c) => c.input,
  PENILAIAN: (c) => c.penilaian,
  PERBAIKAN: (c) => c.perbaikan,
};

/** A calendar month, 'YYYY-MM', of the instansi's calendar. */
export type YearMonth = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(value: string): value is YearMonth {
  return YEAR_MONTH.test(value);
}

export function parseYearMonth(ym: YearMonth): { tahun: number; bulan: number } {
  const m = YEAR_MONTH.exec(ym);
  if (!m) throw new RangeError(`Bulan tidak valid: '${ym}' (format YYYY-MM).`);
  return { tahun: Number(m[1]), bulan: Number(m[2]) };
}

export function formatYearMonth(tahun: number, bulan: number): YearMonth {
  return `${String(tahun).padStart(4, '0')}-${String(bulan).padStart(2, '0')}`;
}

function addMonths(ym: YearMonth, n: number): YearMonth {
  const { tahun, bulan } = parseYearMonth(ym);
  const index = tahun * 12 + bulan - 1 + n;
  return formatYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

export const nextYearMonth = (ym: YearMonth): YearMonth => addMonths(ym, 1);
export const prevYearMonth = (ym: YearMonth): YearMonth => addMonths(ym, -1);

/** One evaluation period: month `ke` of the year, or quarter, or semester. */
export interface Periode {
  tahun: number;
  ke: number;
  mulai: YearMonth;
  akhir: YearMonth;
  /** '2026-07', '2026-Q3' or '2026-S2'. */
  kode: string;
}

const PANJANG: Record<JenisPeriode, { bulan: number; huruf: string }> = {
  BULANAN: { bulan: 1, huruf: '' },
  TRIWULANAN: { bulan: 3, huruf: 'Q' },
  SEMESTERAN: { bulan: 6, huruf: 'S' },
};

export function periodeOf(ym: YearMonth, config: Pick<JadwalConfig, 'periode'>): Periode {
  const { tahun, bulan } = parseYearMonth(ym);
  const { bulan: panjang, huruf } = PANJANG[config.periode];
  const ke = Math.ceil(bulan / panjang);
  return {
    tahun,
    ke,
    mulai: formatYearMonth(tahun, (ke - 1) * panjang + 1),
    akhir: formatYearMonth(tahun, ke * panjang),
    kode: huruf ? `${tahun}-${huruf}${ke}` : ym,
  };
}

/** The year of a period code ('2026-07', '2026-Q3', '2026-S2' start with it). */
export function tahunKode(kode: string): number {
  return Number(kode.slice(0, 4));
}

export function periodeSebelumnya(periode: Periode, config: Pick<JadwalConfig, 'periode'>): Periode {
  return periodeOf(prevYearMonth(periode.mulai), config);
}

export function semuaPeriode(tahun: number, config: Pick<JadwalConfig, 'periode'>): Periode[] {
  const { bulan: panjang } = PANJANG[config.periode];
  return Array.from({ length: 12 / panjang }, (_, i) =>
    periodeOf(formatYearMonth(tahun, (i + 1) * panjang), config),
  );
}

const ROMAWI = ['I', 'II', 'III', 'IV'];

/** 'Juli 2026', 'Triwulan III 2026', 'Semester II 2026'. */
export function labelPeriode(periode: Periode): string {
  if (periode.mulai === periode.akhir) {
    return `${NAMA_BULAN[parseYearMonth(periode.mulai).bulan - 1]} ${periode.tahun}`;
  }
  const nama = periode.kode.includes('-Q') ? 'Triwulan' : 'Semester';
  return `${nama} ${ROMAWI[periode.ke - 1]} ${periode.tahun}`;
}

const SINGKATAN_ZONA: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for Indonesia's zones; any other zone by its IANA name. */
export function singkatanZona(zonaWaktu: string): string {
  return SINGKATAN_ZONA[zonaWaktu] ?? zonaWaktu;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone. */
function wallClock(at: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const part = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return {
    tahun: part.year!,
    bulan: part.month!,
    utc: Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!),
  };
}

/** How far the zone's wall clock runs ahead of UTC at an instant (DST included). */
const offsetAt = (at: number, timeZone: string) => wallClock(at, timeZone).utc - Math.floor(at / 1000) * 1000;

const DAY_MS = 86_400_000;

/**
 * The first instant of a local calendar day (`hari` may run past the month's end). Midnight is
 * wall − offset, with the offset in force a day before or a day after; when both fit (midnight
 * happens twice) the first counts, and when neither does (clocks jump over midnight) the day starts
 * at the jump, the later candidate.
 */
function awalHari(tahun: number, bulan: number, hari: number, timeZone: string): number {
  const wall = Date.UTC(tahun, bulan - 1, hari);
  const candidates = [-DAY_MS, DAY_MS].map((d) => wall - offsetAt(wall + d, timeZone));
  const exact = candidates.filter((c) => wallClock(c, timeZone).utc === wall);
  return exact.length ? Math.min(...exact) : Math.max(...candidates);
}

export interface Jendela {
  jenis: JenisJendela;
  periode: Periode;
  /** First instant, local 00:00 of the first day. */
  mulai: Date;
  /** Last instant, local 23:59:59.999 of the last day. */
  akhir: Date;
}

/** The local calendar days of a window: in the month after the period ends, clamped to its length. */
function hariJendela(jenis: JenisJendela, periode: Periode, config: JadwalConfig) {
  const { tahun, bulan } = parseYearMonth(nextYearMonth(periode.akhir));
  const panjangBulan = new Date(Date.UTC(tahun, bulan, 0)).getUTCDate();
  const [dari, sampai] = RENTANG[jenis](config).map((d) => Math.min(d, panjangBulan)) as [number, number];
  return { tahun, bulan, dari, sampai };
}

export function jendelaPeriode(jenis: JenisJendela, periode: Periode, config: JadwalConfig): Jendela {
  const { tahun, bulan, dari, sampai } = hariJendela(jenis, periode, config);
  return {
    jenis,
    periode,
    mulai: new Date(awalHari(tahun, bulan, dari, config.zonaWaktu)),
    akhir: new Date(awalHari(tahun, bulan, sampai + 1, config.zonaWaktu) - 1),
  };
}

/** The first instant of a local calendar day ('YYYY-MM-DD'): its local midnight. */
export function awalTanggal(tanggal: string, zonaWaktu: string): Date {
  const [tahun, bulan, hari] = tanggal.split('-').map(Number) as [number, number, number];
  return new Date(awalHari(tahun, bulan, hari, zonaWaktu));
}

/**
 * The exclusive end of a local calendar day ('YYYY-MM-DD'): the next day's local midnight. An admin
 * picks "valid through" a date; the server stores the instant the exception stops.
 */
export function akhirTanggal(tanggal: string, zonaWaktu: string): Date {
  const [tahun, bulan, hari] = tanggal.split('-').map(Number) as [number, number, number];
  return new Date(awalHari(tahun, bulan, hari + 1, zonaWaktu));
}

/** The first instant of a period: local 00:00 of its first day. */
export function mulaiPeriode(periode: Periode, config: JadwalConfig): Date {
  const { tahun, bulan } = parseYearMonth(periode.mulai);
  return new Date(awalHari(tahun, bulan, 1, config.zonaWaktu));
}

/**
 * When the period closes (SPEC §5.1: "re-assessment until the period closes"; SPEC names no day): the
 * last instant of the month that holds its windows, local time. The next period's input opens the day
 * after, so no two periods' corrections overlap.
 */
export function tutupPeriode(periode: Periode, config: JadwalConfig): Date {
  const { tahun, bulan } = parseYearMonth(nextYearMonth(periode.akhir));
  return new Date(awalHari(tahun, bulan + 1, 1, config.zonaWaktu) - 1);
}

/**
 * Re-assessment after a correction round (SPEC §5.1): from the opening of the assessment window until
 * the period closes, past the end of the correction window.
 */
export function isMasaPenilaianUlang(now: Date, periode: Periode, config: JadwalConfig): boolean {
  return jendelaPeriode('PENILAIAN', periode, config).mulai <= now && now <= tutupPeriode(periode, config);
}

export function isDalamJendela(
  now: Date,
  jenis: JenisJendela,
  periode: Periode,
  config: JadwalConfig,
): boolean {
  const { mulai, akhir } = jendelaPeriode(jenis, periode, config);
  return mulai <= now && now <= akhir;
}

/** The window open now, if any: it belongs to the period that ended last month (local calendar). */
export function jendelaAktif(now: Date, config: JadwalConfig): Jendela | null {
  const { tahun, bulan } = wallClock(now.getTime(), config.zonaWaktu);
  const bulanLalu = prevYearMonth(formatYearMonth(tahun, bulan));
  const periode = periodeOf(bulanLalu, config);
  if (periode.akhir !== bulanLalu) return null;
  for (const jenis of JENIS_JENDELA) {
    const jendela = jendelaPeriode(jenis, periode, config);
    if (jendela.mulai <= now && now <= jendela.akhir) return jendela;
  }
  return null;
}

/**
 * A window the admin opened outside the schedule (SPEC §5.1), until `berakhir` (exclusive). The caller
 * passes those that apply to the writer (opened for the employee or for the unit).
 */
export interface BukaanKhusus {
  jenis: JenisJendela;
  periodeKode: string;
  berakhir: Date;
}

export type IzinMenulis = { ok: true } | { ok: false; pesan: string };

/** A write needs its regular window open, or an unexpired exception for the same window and period. */
export function bolehMenulis(
  now: Date,
  jenis: JenisJendela,
  periode: Periode,
  config: JadwalConfig,
  bukaan: readonly BukaanKhusus[],
): IzinMenulis {
  if (isDalamJendela(now, jenis, periode, config)) return { ok: true };
  if (bukaan.some((b) => b.jenis === jenis && b.periodeKode === periode.kode && now < b.berakhir)) {
    return { ok: true };
  }
  const { tahun, bulan, dari, sampai } = hariJendela(jenis, periode, config);
  const hari = dari === sampai ? `${dari}` : `${dari}–${sampai}`;
  return {
    ok: false,
    pesan: `${JENIS_JENDELA_LABEL[jenis]} periode ${labelPeriode(periode)} dibuka ${hari} ${NAMA_BULAN[bulan - 1]} ${tahun} (${singkatanZona(config.zonaWaktu)}).`,
  };
}
