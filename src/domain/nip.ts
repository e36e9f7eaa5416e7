/**
 * NIP structure (SPEC §9). PNS: birth date, TMT CPNS year+month, gender, sequence.
 * PPPK: birth date, appointment year, a two-digit contract code (not a month), gender, sequence.
 * There is no checksum, so validation is structural, plus dates that cannot have happened yet:
 * `today` is the instansi's calendar date (YYYY-MM-DD), passed in so the rule stays pure.
 */
export const JENIS_ASN = ['PNS', 'PPPK', 'PPPK_PW'] as const;
/**
 * PPPK_PW: PPPK paruh waktu (KepmenPANRB 16/2025), a PPPK for the NIP and golongan rules, with a
 * one-year contract extended on quarterly evaluations (pppk-paruh-waktu.ts).
 */
export type JenisAsn = (typeof JENIS_ASN)[number];

export const JENIS_ASN_LABEL: Record<JenisAsn, string> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  PPPK_PW: 'PPPK Paruh Waktu',
};

export interface NipParts {
  tanggalLahir: string;
  tahunMasuk: number;
  /** PNS only: TMT CPNS month. For PPPK these two digits are a contract code. */
  bulanMasuk: number | null;
  kodeKontrak: string | null;
  jenisKelamin: 'L' | 'P';
  urutan: number;
}

export interface NipCheck {
  valid: boolean;
  errors: string[];
  warnings: string[];
  parts: NipParts | null;
}

const MIN_AGE_AT_APPOINTMENT = 17;

function realDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Removes the spaces of the printed form (8-6-1-3) so both forms are accepted. */
export function normalizeNip(input: string): string {
  return input.replace(/\s+/g, '');
}

export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (!/^\d{18}$/.test(n)) return nip;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

export function checkNip(input: string, jenisAsn: JenisAsn, today: string): NipCheck {
  const nip = normalizeNip(input);
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!/^\d{18}$/.test(nip)) {
    return { valid: false, errors: ['NIP harus terdiri atas 18 angka.'], warnings, parts: null };
  }
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  const tanggalLahir = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!realDate(year, month, day) || year < 1900) {
    errors.push('8 angka pertama NIP bukan tanggal lahir yang sah (format TTTTBBHH).');
  } else if (tanggalLahir > today) {
    errors.push(`Tanggal lahir pada NIP (${tanggalLahir}) belum terjadi; periksa kembali NIP.`);
  }
  const tahunMasuk = Number(nip.slice(8, 12));
  const twoDigits = nip.slice(12, 14);
  let bulanMasuk: number | null = null;
  if (jenisAsn === 'PNS') {
    bulanMasuk = Number(twoDigits);
    if (bulanMasuk < 1 || bulanMasuk > 12) {
      errors.push('Angka ke-13 dan ke-14 NIP PNS harus bulan TMT CPNS (01–12).');
    } else if (tahunMasuk >= 1900 && `${nip.slice(8, 12)}-${twoDigits}` > today.slice(0, 7)) {
      errors.push(`TMT CPNS pada NIP (${nip.slice(8, 12)}-${twoDigits}) belum terjadi; periksa kembali NIP.`);
    }
  } else if (tahunMasuk > Number(today.slice(0, 4))) {
    errors.push(`Tahun pengangkatan pada NI PPPK (${tahunMasuk}) belum terjadi; periksa kembali NIP.`);
  }
  if (tahunMasuk < 1900) {
    errors.push(
      jenisAsn === 'PNS'
        ? 'Angka ke-9 sampai ke-12 NIP harus tahun TMT CPNS.'
        : 'Angka ke-9 sampai ke-12 NI PPPK harus tahun pengangkatan.',
    );
  }
  const gender = nip.slice(14, 15);
  if (gender !== '1' && gender !== '2') {
    errors.push('Angka ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan).');
  }
  const urutan = Number(nip.slice(15, 18));
  if (urutan < 1) errors.push('Nomor urut NIP (3 angka terakhir) harus 001–999.');
  if (errors.length === 0 && tahunMasuk - year < MIN_AGE_AT_APPOINTMENT) {
    warnings.push(
      `Tahun pengangkatan kurang dari ${MIN_AGE_AT_APPOINTMENT} tahun setelah tahun lahir; periksa kembali NIP.`,
    );
  }
  if (errors.length > 0) return { valid: false, errors, warnings, parts: null };
  return {
    valid: true,
    errors,
    warnings,
    parts: {
      tanggalLahir,
      tahunMasuk,
      bulanMasuk,
      kodeKontrak: jenisAsn === 'PNS' ? null : twoDigits,
      jenisKelamin: gender === '1' ? 'L' : 'P',
      urutan,
    },
  };
}

/** 'PNS', 'PPPK', and paruh waktu as 'PPPK Paruh Waktu', 'PPPK-PW' or 'PPPK_PW', any case. */
export function parseJenisAsn(text: string): JenisAsn | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[\s_-]+/g, ' ');
  if (key === 'PPPK PARUH WAKTU' || key === 'PPPK PW') return 'PPPK_PW';
  return key === 'PNS' || key === 'PPPK' ? key : null;
}
