/**
 * Attendance (SPEC §7.1): daily records imported from a fingerprint or online attendance system,
 * the instansi's working hours per weekday and its holiday calendar.
 */
import { parseYearMonth } from './jadwal.js';

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

/** Default hours when the instansi set none: Monday–Thursday 07:30–16:00, Friday 07:30–16:30. */
export const JAM_KERJA_BAKU: JamKerja = {
  '1': { masuk: '07:30', pulang: '16:00' },
  '2': { masuk: '07:30', pulang: '16:00' },
  '3': { masuk: '07:30', pulang: '16:00' },
  '4': { masuk: '07:30', pulang: '16:00' },
  '5': { masuk: '07:30', pulang: '16:30' },
};

export const HARI_ISO = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type HariIso = (typeof HARI_ISO)[number];

export const NAMA_HARI: Record<HariIso, string> = {
  '1': 'Senin',
  '2': 'Selasa',
  '3': 'Rabu',
  '4': 'Kamis',
  '5': 'Jumat',
  '6': 'Sabtu',
  '7': 'Minggu',
};

const JAM = /^([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]([0-5]\d))?$/;

/** Minutes since midnight of "HH:MM" or "HH:MM:SS" (seconds ignored: 07:30:59 is not yet late); null when malformed. */
export function menitDariJam(jam: string): number | null {
  const m = JAM.exec(jam.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A clock time as attendance systems export it ("7:30", "07.30", "07:30:15") → "HH:MM:SS"; null when malformed. */
export function normalisasiJam(jam: string): string | null {
  const m = JAM.exec(jam.trim());
  if (!m) return null;
  return `${m[1]?.padStart(2, '0')}:${m[2]}:${m[3] ?? '00'}`;
}

/** Minutes after the day's start; 0 when on time, null when there is no check-in record. */
export function menitTerlambat(jamMasuk: string | null, jadwal: JamKerjaHari): number | null {
  const masuk = jamMasuk === null ? null : menitDariJam(jamMasuk);
  const mulai = menitDariJam(jadwal.masuk);
  if (masuk === null || mulai === null) return null;
  return Math.max(0, masuk - mulai);
}

/** Minutes before the day's end; 0 when not early, null when there is no check-out record. */
export function menitPulangCepat(jamPulang: string | null, jadwal: JamKerjaHari): number | null {
  const pulang = jamPulang === null ? null : menitDariJam(jamPulang);
  const selesai = menitDariJam(jadwal.pulang);
  if (pulang === null || selesai === null) return null;
  return Math.max(0, selesai - pulang);
}

/** ISO weekday of a calendar date 'YYYY-MM-DD'. */
export function hariIso(tanggal: string): HariIso {
  const d = new Date(`${tanggal}T00:00:00Z`).getUTCDay();
  return String(d === 0 ? 7 : d) as HariIso;
}

/** The working days of a month: weekdays with hours, less the holidays, each with that day's hours. */
export function hariKerjaBulan(
  bulan: string,
  jamKerja: JamKerja,
  libur: ReadonlySet<string>,
): { tanggal: string; jam: JamKerjaHari }[] {
  const { tahun, bulan: bln } = parseYearMonth(bulan);
  const jumlahHari = new Date(Date.UTC(tahun, bln, 0)).getUTCDate();
  const out: { tanggal: string; jam: JamKerjaHari }[] = [];
  for (let hari = 1; hari <= jumlahHari; hari++) {
    const tanggal = `${bulan}-${String(hari).padStart(2, '0')}`;
    const jam = jamKerja[hariIso(tanggal)];
    if (jam && !libur.has(tanggal)) out.push({ tanggal, jam });
  }
  return out;
}

export const STATUS_KEHADIRAN_LABEL: Record<StatusKehadiran, string> = {
  HADIR: 'Hadir',
  DINAS_LUAR: 'Dinas Luar',
  CUTI: 'Cuti',
  SAKIT: 'Sakit',
  IZIN: 'Izin',
  TANPA_KETERANGAN: 'Tanpa Keterangan',
};

/** Status words as fingerprint and online attendance systems export them, normalised (letters only). */
const KATA_STATUS: Record<string, StatusKehadiran> = {
  hadir: 'HADIR',
  h: 'HADIR',
  masuk: 'HADIR',
  tepatwaktu: 'HADIR',
  terlambat: 'HADIR',
  pulangcepat: 'HADIR',
  dl: 'DINAS_LUAR',
  dinasluar: 'DINAS_LUAR',
  tugasluar: 'DINAS_LUAR',
  tl: 'DINAS_LUAR',
  perjalanandinas: 'DINAS_LUAR',
  c: 'CUTI',
  cuti: 'CUTI',
  ct: 'CUTI',
  cutitahunan: 'CUTI',
  s: 'SAKIT',
  sakit: 'SAKIT',
  i: 'IZIN',
  izin: 'IZIN',
  ijin: 'IZIN',
  tk: 'TANPA_KETERANGAN',
  alpa: 'TANPA_KETERANGAN',
  alpha: 'TANPA_KETERANGAN',
  a: 'TANPA_KETERANGAN',
  mangkir: 'TANPA_KETERANGAN',
  tanpaketerangan: 'TANPA_KETERANGAN',
};

/**
 * A required ceremony (apel/upacara) of a day as the import reports it: attended or missed; a day
 * without a value had no ceremony (or the system does not record them).
 */
export const STATUS_APEL = ['HADIR', 'TIDAK_HADIR'] as const;
export type StatusApel = (typeof STATUS_APEL)[number];

export const STATUS_APEL_LABEL: Record<StatusApel, string> = {
  HADIR: 'Mengikuti apel',
  TIDAK_HADIR: 'Tidak mengikuti apel',
};

/** Ceremony words as exports write them, normalised (lowercase letters and digits). */
const KATA_APEL: Record<string, StatusApel> = {
  hadir: 'HADIR',
  h: 'HADIR',
  ya: 'HADIR',
  y: 'HADIR',
  ikut: 'HADIR',
  apel: 'HADIR',
  '1': 'HADIR',
  tidakhadir: 'TIDAK_HADIR',
  th: 'TIDAK_HADIR',
  tidak: 'TIDAK_HADIR',
  t: 'TIDAK_HADIR',
  tidakapel: 'TIDAK_HADIR',
  tidakikut: 'TIDAK_HADIR',
  tidakmengikuti: 'TIDAK_HADIR',
  alpa: 'TIDAK_HADIR',
  tk: 'TIDAK_HADIR',
  absen: 'TIDAK_HADIR',
  mangkir: 'TIDAK_HADIR',
  '0': 'TIDAK_HADIR',
};

/** A ceremony word ("Hadir", "TH", "Tidak", "0" …); null when unknown. */
export function parseApel(kata: string): StatusApel | null {
  return KATA_APEL[kata.toLowerCase().replace(/[^a-z0-9]/g, '')] ?? null;
}

/**
 * A missed ceremony counts (TPP, SPEC §7.1) only on a day the employee was at work: official travel,
 * leave, sickness and permission never count, and an absence without reason is deducted as such.
 */
export const apelTerlewat = (c: { status: StatusKehadiran; apel: StatusApel | null }) =>
  c.status === 'HADIR' && c.apel === 'TIDAK_HADIR';

/** A status word of an export ("H", "Dinas Luar", "TK", "tanpa_keterangan" …); null when unknown. */
export function parseStatusKehadiran(kata: string): StatusKehadiran | null {
  return KATA_STATUS[kata.toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function tanggalSah(tahun: number, bulan: number, hari: number): string | null {
  const d = new Date(Date.UTC(tahun, bulan - 1, hari));
  if (d.getUTCFullYear() !== tahun || d.getUTCMonth() !== bulan - 1 || d.getUTCDate() !== hari) return null;
  return `${String(tahun).padStart(4, '0')}-${pad2(bulan)}-${pad2(hari)}`;
}

/** A JavaScript date string, which is how a spreadsheet's date or time cell reaches us as text. */
const TEKS_DATE_JS = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/;

/**
 * A date as exports write it: "2026-03-02", "02/03/2026", "2-3-2026", "02.03.2026" (day first, as in
 * Indonesia) or a spreadsheet date cell; → "YYYY-MM-DD", null when not a real date.
 */
export function parseTanggal(teks: string): string | null {
  const t = teks.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return tanggalSah(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) return tanggalSah(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  if (TEKS_DATE_JS.test(t)) {
    // Spreadsheet dates are midnight UTC; the cell text shows them in the server's zone.
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * A clock time as exports write it ("7:30", "07.30", "07:30:15", a spreadsheet time cell or its day
 * fraction) → "HH:MM:SS"; null when malformed.
 */
export function parseJam(teks: string): string | null {
  const t = teks.trim();
  const jam = normalisasiJam(t);
  if (jam) return jam;
  let detik: number | null = null;
  if (TEKS_DATE_JS.test(t)) {
    const d = new Date(t);
    if (!Number.isNaN(d.getTime()))
      detik = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  } else if (/^0?\.\d+$/.test(t)) {
    detik = Math.round(Number(t) * 86_400);
  }
  if (detik === null || detik >= 86_400) return null;
  return `${pad2(Math.floor(detik / 3600))}:${pad2(Math.floor(detik / 60) % 60)}:${pad2(detik % 60)}`;
}

/** One day of one employee as an attendance system sends it (a file row or an API item), still text. */
export interface BarisMentah {
  tanggal: string;
  jamMasuk?: string | null | undefined;
  jamPulang?: string | null | undefined;
  status: string;
  keterangan?: string | null | undefined;
  /** The optional ceremony column. */
  apel?: string | null | undefined;
}

export interface BarisKehadiran {
  tanggal: string;
  /** "HH:MM:SS" or null. */
  jamMasuk: string | null;
  jamPulang: string | null;
  status: StatusKehadiran;
  keterangan: string | null;
  apel: StatusApel | null;
}

const kosong = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

/**
 * Checks a row on its own (the employee is checked against the database elsewhere): a real date not
 * after today, times, check-out not before check-in, a known status and ceremony word. A blank
 * status with a clock time is a plain attendance (fingerprint exports leave it blank).
 */
export function periksaBaris(
  b: BarisMentah,
  hariIni: string,
): { ok: true; nilai: BarisKehadiran } | { ok: false; alasan: string[] } {
  const alasan: string[] = [];
  const tanggal = kosong(b.tanggal) ? null : parseTanggal(b.tanggal);
  if (kosong(b.tanggal)) alasan.push('Tanggal wajib diisi.');
  else if (!tanggal) alasan.push(`Tanggal '${b.tanggal}' tidak valid; gunakan TTTT-BB-HH atau HH/BB/TTTT.`);
  else if (tanggal > hariIni) alasan.push(`Tanggal ${tanggal} belum terjadi.`);

  const jam = (v: string | null | undefined, label: string) => {
    if (kosong(v)) return null;
    const j = parseJam(v!);
    if (!j) alasan.push(`${label} '${v}' tidak valid; gunakan JJ:MM atau JJ:MM:DD.`);
    return j;
  };
  const jamMasuk = jam(b.jamMasuk, 'Jam masuk');
  const jamPulang = jam(b.jamPulang, 'Jam pulang');
  if (jamMasuk && jamPulang && jamPulang < jamMasuk)
    alasan.push(`Jam pulang ${jamPulang.slice(0, 5)} lebih awal dari jam masuk ${jamMasuk.slice(0, 5)}.`);

  let status: StatusKehadiran | null = null;
  if (kosong(b.status)) {
    if (jamMasuk || jamPulang) status = 'HADIR';
    else alasan.push('Status wajib diisi bila tidak ada jam masuk maupun jam pulang.');
  } else {
    status = parseStatusKehadiran(b.status);
    if (!status)
      alasan.push(
        `Status '${b.status}' tidak dikenal; gunakan Hadir (H), Dinas Luar (DL), Cuti (C), Sakit (S), Izin (I) atau Tanpa Keterangan (TK).`,
      );
  }
  // A blank or a dash: no ceremony that day.
  const tanpaApel = kosong(b.apel) || /^-+$/.test(b.apel!.trim());
  const apel = tanpaApel ? null : parseApel(b.apel!);
  if (!tanpaApel && apel === null)
    alasan.push(
      `Apel '${b.apel}' tidak dikenal; gunakan Hadir (H) atau Tidak Hadir (TH), atau kosongkan bila tidak ada apel/upacara.`,
    );
  if (alasan.length) return { ok: false, alasan };
  const keterangan = kosong(b.keterangan) ? null : b.keterangan!.trim();
  return {
    ok: true,
    nilai: { tanggal: tanggal!, jamMasuk, jamPulang, status: status!, keterangan, apel },
  };
}

/** What is wrong with a working-hours setting (empty = valid). */
export function periksaJamKerja(jamKerja: JamKerja): string[] {
  const salah: string[] = [];
  const hari = HARI_ISO.filter((h) => jamKerja[h]);
  if (hari.length === 0) salah.push('Paling sedikit satu hari kerja harus diisi.');
  for (const h of hari) {
    const { masuk, pulang } = jamKerja[h]!;
    const m = /^\d{2}:\d{2}$/.test(masuk) ? menitDariJam(masuk) : null;
    const p = /^\d{2}:\d{2}$/.test(pulang) ? menitDariJam(pulang) : null;
    if (m === null) salah.push(`${NAMA_HARI[h]}: jam masuk '${masuk}' tidak valid (JJ:MM).`);
    if (p === null) salah.push(`${NAMA_HARI[h]}: jam pulang '${pulang}' tidak valid (JJ:MM).`);
    if (m !== null && p !== null && p <= m)
      salah.push(`${NAMA_HARI[h]}: jam pulang harus setelah jam masuk.`);
  }
  return salah;
}

/** A day of an employee's month: a working day (with its hours) or a day with a record. */
export interface HariKehadiran {
  tanggal: string;
  jadwal: JamKerjaHari | null;
  /** The holiday's description when the date is one. */
  libur: string | null;
  catatan: BarisKehadiran | null;
  menitTerlambat: number | null;
  menitPulangCepat: number | null;
}

/**
 * The month as the employee sees it: every working day, plus any other day that has a record (work
 * on a holiday or a weekend); lateness only counts on working days of a present employee.
 */
export function kalenderBulan(
  bulan: string,
  jamKerja: JamKerja,
  libur: ReadonlyMap<string, string>,
  catatan: readonly BarisKehadiran[],
): HariKehadiran[] {
  const kerja = new Map(
    hariKerjaBulan(bulan, jamKerja, new Set(libur.keys())).map((h) => [h.tanggal, h.jam]),
  );
  const perTanggal = new Map(catatan.map((c) => [c.tanggal, c]));
  const tanggal = [...new Set([...kerja.keys(), ...perTanggal.keys()])].sort();
  return tanggal.map((t) => {
    const jadwal = kerja.get(t) ?? null;
    const c = perTanggal.get(t) ?? null;
    const hitung = jadwal !== null && c?.status === 'HADIR';
    return {
      tanggal: t,
      jadwal,
      libur: libur.get(t) ?? null,
      catatan: c,
      menitTerlambat: hitung ? menitTerlambat(c.jamMasuk, jadwal) : null,
      menitPulangCepat: hitung ? menitPulangCepat(c.jamPulang, jadwal) : null,
    };
  });
}
