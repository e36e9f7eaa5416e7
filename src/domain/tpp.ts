/**
 * TPP (tambahan penghasilan pegawai, SPEC §7.1): the monthly allowance from a base per kelas jabatan,
 * split into productivity (the monthly predikat) and discipline (attendance). Every weight, band,
 * factor and amount is data edited by the BKD per Perkada.
 */
import { formatPersen } from './angka.js';
import { kekuranganTahunan, type StatusEvaluasi } from './evaluasi.js';
import { NAMA_BULAN } from './jadwal.js';
import {
  PREDIKAT_PEGAWAI,
  PREDIKAT_PEGAWAI_LABEL,
  type PredikatPegawai,
  SUMBER_PENILAIAN_LABEL,
  type SumberPenilaian,
} from './predikat.js';

/**
 * What the productivity part follows (SPEC §7.1): the monthly predikat through the factor table, or
 * the share of the period's realisasi the assessor accepted.
 */
export const DASAR_PRODUKTIVITAS = ['PREDIKAT', 'REALISASI'] as const;
export type DasarProduktivitas = (typeof DASAR_PRODUKTIVITAS)[number];
export const DASAR_PRODUKTIVITAS_LABEL: Record<DasarProduktivitas, string> = {
  PREDIKAT: 'Predikat bulanan (tabel faktor)',
  REALISASI: 'Persentase realisasi yang disetujui',
};

/** Deduction band for lateness or leaving early: minutes from..to (to null = and more), percent per occurrence. */
export interface PitaPotongan {
  dariMenit: number;
  sampaiMenit: number | null;
  persen: number;
}

/**
 * The progres harian compliance band (ADR 0017): percent of the discipline part per working day
 * without an entry, and per day entered late, the band's total capped; only with its Perkada.
 */
export interface PotonganKepatuhanHarian {
  persenTidakAda: number;
  persenTerlambat: number;
  batasPersen: number;
  /** The Perkada article that sets it, e.g. "Perkada No. 12 Tahun 2026 Pasal 9" (required). */
  dasarHukum: string;
}

export interface ParameterTpp {
  /** Monthly base amount in rupiah per kelas jabatan ('1'..'17'). */
  dasarPerKelas: Record<string, number>;
  /** Weights in percent; they add up to 100 (default 60/40). */
  bobotProduktivitas: number;
  bobotDisiplin: number;
  pitaTerlambat: PitaPotongan[];
  pitaPulangCepat: PitaPotongan[];
  /** Percent of the discipline part lost per working day absent without reason (or without any record). */
  persenTanpaKeterangan: number;
  /** Productivity factor in percent per monthly predikat (SB 100, B 100, BP 75, K 50, SK 25). */
  faktorPredikat: Record<PredikatPegawai, number>;
  /** Withhold the whole TPP while the employee's annual SKP is not approved. */
  tahanTanpaSkp: boolean;
  /**
   * Percent of the discipline part lost per missed required ceremony (apel/upacara) on a day the
   * employee was at work, as the attendance import reports it; 0 = not deducted.
   */
  persenApel: number;
  dasarProduktivitas: DasarProduktivitas;
  /**
   * From this month (1–12) of year Y+1, withhold the whole TPP while the employee's year-Y annual
   * evaluation is not FINAL (SPEC §7.1); null: never.
   */
  tahanEvaluasiSejakBulan: number | null;
  /** Absent or null: off (the default; SPEC §12 leaves any cut for late entries to the Perkada). */
  kepatuhanHarian?: PotonganKepatuhanHarian | null;
}

const PITA_BAKU: PitaPotongan[] = [
  { dariMenit: 1, sampaiMenit: 30, persen: 0.5 },
  { dariMenit: 31, sampaiMenit: 60, persen: 1 },
  { dariMenit: 61, sampaiMenit: 90, persen: 1.25 },
  { dariMenit: 91, sampaiMenit: null, persen: 1.5 },
];

/** The defaults until the BKD saves its own (amounts are a plausible provincial Perkada, kelas 1–17). */
export const PARAMETER_TPP_BAKU: ParameterTpp = {
  dasarPerKelas: {
    '1': 1_500_000,
    '2': 1_700_000,
    '3': 1_900_000,
    '4': 2_100_000,
    '5': 2_400_000,
    '6': 2_700_000,
    '7': 3_000_000,
    '8': 3_400_000,
    '9': 3_900_000,
    '10': 4_500_000,
    '11': 5_200_000,
    '12': 6_000_000,
    '13': 7_500_000,
    '14': 9_500_000,
    '15': 12_000_000,
    '16': 16_000_000,
    '17': 22_000_000,
  },
  bobotProduktivitas: 60,
  bobotDisiplin: 40,
  pitaTerlambat: PITA_BAKU,
  pitaPulangCepat: PITA_BAKU,
  persenTanpaKeterangan: 3,
  faktorPredikat: { SANGAT_BAIK: 100, BAIK: 100, BUTUH_PERBAIKAN: 75, KURANG: 50, SANGAT_KURANG: 25 },
  tahanTanpaSkp: true,
  // Provincial Perkada commonly deduct 1 % (apel) to 2 % (upacara); one rate for both keeps it simple.
  persenApel: 1,
  dasarProduktivitas: 'PREDIKAT',
  tahanEvaluasiSejakBulan: 4,
};

/** Percentages are kept to two decimals, so the arithmetic below is exact in hundredths. */
const SERATUS = 100;
const keSeratus = (persen: number) => Math.round(persen * SERATUS);
const duaDesimal = (n: number) => Math.abs(n * SERATUS - Math.round(n * SERATUS)) < 1e-9;

function cekPersen(label: string, n: number, out: string[]) {
  if (!Number.isFinite(n) || n < 0 || n > 100) out.push(`${label} harus antara 0 dan 100 %.`);
  else if (!duaDesimal(n)) out.push(`${label} paling banyak dua angka desimal.`);
}

function cekPita(nama: string, pita: PitaPotongan[], out: string[]) {
  if (pita.length === 0) {
    out.push(`Pita ${nama} wajib diisi sekurang-kurangnya satu.`);
    return;
  }
  pita.forEach((p, i) => {
    const label = `Pita ${nama} ke-${i + 1}`;
    cekPersen(`Persentase ${label.toLowerCase()}`, p.persen, out);
    if (!Number.isInteger(p.dariMenit) || p.dariMenit < 1)
      out.push(`${label}: menit awal harus bilangan bulat ≥ 1.`);
    if (p.sampaiMenit !== null && (!Number.isInteger(p.sampaiMenit) || p.sampaiMenit < p.dariMenit))
      out.push(`${label}: menit akhir harus bilangan bulat ≥ menit awal.`);
    const sebelum = pita[i - 1];
    if (sebelum && sebelum.sampaiMenit !== null && p.dariMenit !== sebelum.sampaiMenit + 1)
      out.push(
        `${label} harus dimulai tepat setelah pita sebelumnya (menit ${sebelum.sampaiMenit + 1}), tanpa celah atau tumpang tindih.`,
      );
    const terakhir = i === pita.length - 1;
    if (!terakhir && p.sampaiMenit === null)
      out.push(`${label}: hanya pita terakhir yang boleh tanpa batas akhir.`);
    if (terakhir && p.sampaiMenit !== null)
      out.push(`Pita ${nama} terakhir harus tanpa batas akhir (mis. ≥ 91 menit atau tanpa catatan jam).`);
  });
}

/** The shortest Perkada reference accepted for the progres harian band. */
export const PANJANG_DASAR_HUKUM_MIN = 10;

/** Why a parameter set cannot be used, in Indonesian; empty when it is valid. */
export function validasiParameterTpp(p: ParameterTpp): string[] {
  const out: string[] = [];
  const kelas = Object.entries(p.dasarPerKelas);
  if (kelas.length === 0) out.push('Tabel besaran TPP per kelas jabatan wajib diisi.');
  for (const [k, rupiah] of kelas) {
    if (!/^([1-9]|1\d|20)$/.test(k)) out.push(`Kelas jabatan '${k}' tidak valid (1–20).`);
    if (!Number.isInteger(rupiah) || rupiah < 0)
      out.push(`Besaran TPP kelas ${k} harus bilangan bulat rupiah ≥ 0.`);
  }
  cekPersen('Bobot produktivitas', p.bobotProduktivitas, out);
  cekPersen('Bobot disiplin', p.bobotDisiplin, out);
  if (keSeratus(p.bobotProduktivitas) + keSeratus(p.bobotDisiplin) !== 100 * SERATUS)
    out.push(
      `Bobot produktivitas dan disiplin harus berjumlah 100 % (sekarang ${formatPersen(p.bobotProduktivitas + p.bobotDisiplin, 2)}).`,
    );
  cekPita('keterlambatan', p.pitaTerlambat, out);
  cekPita('pulang cepat', p.pitaPulangCepat, out);
  cekPersen('Potongan tanpa keterangan per hari', p.persenTanpaKeterangan, out);
  for (const predikat of PREDIKAT_PEGAWAI)
    cekPersen(`Faktor predikat ${PREDIKAT_PEGAWAI_LABEL[predikat]}`, p.faktorPredikat[predikat], out);
  cekPersen('Potongan tidak mengikuti apel/upacara per kali', p.persenApel, out);
  if (!(DASAR_PRODUKTIVITAS as readonly string[]).includes(p.dasarProduktivitas))
    out.push('Dasar produktivitas harus Predikat atau Realisasi.');
  const sejak = p.tahanEvaluasiSejakBulan;
  if (sejak !== null && !(Number.isInteger(sejak) && sejak >= 1 && sejak <= 12))
    out.push('Bulan mulai penahanan TPP karena evaluasi tahunan harus 1–12 (Januari–Desember) atau kosong.');
  const kh = p.kepatuhanHarian;
  if (kh) {
    cekPersen('Potongan progres harian tidak diisi per hari', kh.persenTidakAda, out);
    cekPersen('Potongan progres harian terlambat per hari', kh.persenTerlambat, out);
    cekPersen('Batas potongan progres harian', kh.batasPersen, out);
    if (kh.dasarHukum.trim().length < PANJANG_DASAR_HUKUM_MIN)
      out.push(
        'Dasar hukum potongan progres harian wajib diisi (Perkada dan pasalnya, mis. "Perkada No. 12 Tahun 2026 Pasal 9").',
      );
  }
  return out;
}

/**
 * Why a month cannot be computed yet, or null: only a month that has ended (payroll is irreversible,
 * and the rest of a running month would count as absence). `hariIni` is 'YYYY-MM-DD' in the
 * instansi's zone.
 */
export function alasanBulanBelumSelesai(bulan: string, hariIni: string): string | null {
  if (bulan < hariIni.slice(0, 7)) return null;
  return bulan === hariIni.slice(0, 7)
    ? `TPP bulan ${bulan} belum dapat dihitung: bulan ini belum berakhir. TPP dihitung setelah bulannya selesai.`
    : `TPP bulan ${bulan} belum dapat dihitung: bulannya belum tiba.`;
}

/** One employee's month as the SQL aggregates it (counts only, never the day rows). */
export interface RingkasanTpp {
  kelasJabatan: number | null;
  /** The predikat of the period containing the month, and that period's label ('Juli 2026'). */
  predikat: PredikatPegawai | null;
  /** Where that predikat comes from (absent in lines computed before the national import: LOKAL). */
  sumberPredikat?: SumberPenilaian;
  periodeLabel: string;
  tahun: number;
  skpDisetujui: boolean;
  hariKerja: number;
  /** Occurrences per band of `pitaTerlambat` / `pitaPulangCepat`, in the same order. */
  terlambat: number[];
  pulangCepat: number[];
  /** Working days marked TANPA_KETERANGAN or without a record while others of the OPD have one. */
  tanpaKeterangan: number;
  /**
   * Working days on which nobody of the employee's OPD has a record: the attendance was not imported,
   * so they are neither absence nor presence (absent in lines computed before this rule: 0).
   */
  belumDiimpor?: number;
  /** Working days that are not deductions, per status. */
  dikecualikan: Record<StatusDikecualikan, number>;
  /**
   * Working days present (Hadir) on which the import says the employee missed a required ceremony
   * (kehadiran.ts apelTerlewat; absent in lines computed before this rule: 0).
   */
  apelTerlewat?: number;
  /**
   * With the progres harian band on: the month's working days without a timely entry, and those
   * excused by attendance, with the rule in words (absent otherwise and in older lines).
   */
  kepatuhanHarian?: { terlambat: number; tidakAda: number; dikecualikan: number; ketentuan: string };
  /** With dasarProduktivitas REALISASI: the period's realisasi of the approved SKP (absent otherwise). */
  realisasi?: RealisasiPeriode;
  /**
   * Set only when the month falls under `tahanEvaluasiSejakBulan` and the employee's result of the
   * year before is not FINAL (db/predikat-akhir): that year and its evaluation's status (null: none).
   */
  tahunanBelumFinal?: { tahun: number; status: StatusEvaluasi | null };
}

/**
 * The items of the REALISASI basis: one per RHK of the employee's approved SKP for the period (the
 * plan realisasi are reported against), by the status of its realisasi (realisasi-workflow.ts).
 * Accepted (Diterima) counts as approved; sent back (Perlu Perbaikan), a draft or nothing reported
 * counts as not approved; submitted or corrected (Diajukan, Diperbaiki) still waits for the assessor.
 */
export interface RealisasiPeriode {
  rhk: number;
  diterima: number;
  perluPerbaikan: number;
  menungguPenilai: number;
}

/**
 * Why the REALISASI basis cannot give a share yet (SPEC §7.1: menunggu penilaian, never 0 %), or
 * null: no approved SKP with RHK, nothing assessed yet, or the assessor still owes a judgement.
 */
export function alasanMenungguRealisasi(x: RealisasiPeriode, periodeLabel: string): string | null {
  if (x.rhk === 0) return `belum ada SKP disetujui dengan RHK untuk ${periodeLabel}`;
  if (x.menungguPenilai > 0)
    return `${x.menungguPenilai} dari ${x.rhk} realisasi ${periodeLabel} masih menunggu penilaian atasan`;
  if (x.diterima + x.perluPerbaikan === 0) return `belum ada realisasi ${periodeLabel} yang dinilai`;
  return null;
}

/**
 * The year whose annual evaluation must be FINAL for TPP of `bulan` ('YYYY-MM') to be paid: the year
 * before, from the parameter's month on; null when the rule does not reach the month or is off.
 */
export function tahunEvaluasiWajib(p: ParameterTpp, bulan: string): number | null {
  const [tahun, ke] = bulan.split('-').map(Number) as [number, number];
  return p.tahanEvaluasiSejakBulan !== null && ke >= p.tahanEvaluasiSejakBulan ? tahun - 1 : null;
}

export const STATUS_DIKECUALIKAN = ['DINAS_LUAR', 'CUTI', 'SAKIT', 'IZIN'] as const;
export type StatusDikecualikan = (typeof STATUS_DIKECUALIKAN)[number];
const LABEL_DIKECUALIKAN: Record<StatusDikecualikan, string> = {
  DINAS_LUAR: 'dinas luar',
  CUTI: 'cuti',
  SAKIT: 'sakit',
  IZIN: 'izin',
};

export const KELOMPOK_RINCIAN = ['DASAR', 'PRODUKTIVITAS', 'DISIPLIN', 'PENAHANAN', 'JUMLAH'] as const;
export type KelompokRincian = (typeof KELOMPOK_RINCIAN)[number];

/** One explained line of the computation. */
export interface BarisRincian {
  kelompok: KelompokRincian;
  uraian: string;
}

export interface HasilTpp {
  dasar: number;
  /** 0 while `menungguPenilaian`: not computed, not a factor of 0 %. */
  produktivitas: number;
  disiplin: number;
  /** Discipline deduction in percent (capped at 100). */
  potonganPersen: number;
  /** What is paid: produktivitas + disiplin, or 0 when withheld. */
  jumlah: number;
  ditahan: string | null;
  /** No predikat for the month yet (and not withheld): the productivity part waits for it. */
  menungguPenilaian: boolean;
  /** Working days whose attendance was not imported for the employee's OPD. */
  belumDiimpor: number;
  rincian: BarisRincian[];
}

const RUPIAH = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
export const rupiah = (n: number) => `Rp ${RUPIAH.format(n)}`;

/** a × b × c / d rounded half up, exact for whole non-negative operands (BigInt: no float drift). */
function kaliBagi(a: number, b: number, c: number, d: number): number {
  const pembilang = BigInt(a) * BigInt(b) * BigInt(c);
  const penyebut = BigInt(d);
  return Number((pembilang * 2n + penyebut) / (penyebut * 2n));
}

export function labelPita(jenis: 'Terlambat' | 'Pulang cepat', p: PitaPotongan): string {
  return p.sampaiMenit === null
    ? `${jenis} ≥ ${p.dariMenit} menit atau tanpa catatan jam`
    : `${jenis} ${p.dariMenit}–${p.sampaiMenit} menit`;
}

const TANPA_REALISASI: RealisasiPeriode = { rhk: 0, diterima: 0, perluPerbaikan: 0, menungguPenilai: 0 };

/** The productivity part in rupiah with its line; null while it waits for an assessment. */
function bagianProduktivitas(
  p: ParameterTpp,
  r: RingkasanTpp,
  d: number,
): { nilai: number | null; uraian: string } {
  const bobot = keSeratus(p.bobotProduktivitas);
  const menunggu = (alasan: string, sampai: string) => ({
    nilai: null,
    uraian: `Produktivitas: menunggu penilaian — ${alasan}; bagian produktivitas belum dihitung (bukan 0 %) dan tidak termasuk jumlah sampai ${sampai} dan TPP dihitung ulang.`,
  });
  if (p.dasarProduktivitas === 'REALISASI') {
    const x = r.realisasi ?? TANPA_REALISASI;
    const alasan = alasanMenungguRealisasi(x, r.periodeLabel);
    if (alasan) return menunggu(alasan, 'realisasinya dinilai');
    const nilai = kaliBagi(d, bobot, x.diterima, 100 * SERATUS * x.rhk);
    const belum = x.rhk - x.diterima - x.perluPerbaikan;
    const lain = [
      ...(x.perluPerbaikan > 0 ? [`${x.perluPerbaikan} perlu perbaikan`] : []),
      ...(belum > 0 ? [`${belum} belum diajukan`] : []),
    ];
    const bagian = `${x.diterima} dari ${x.rhk} realisasi ${r.periodeLabel} disetujui = ${formatPersen((x.diterima * 100) / x.rhk, 2)}`;
    return {
      nilai,
      uraian: `Produktivitas: ${rupiah(d)} × ${formatPersen(p.bobotProduktivitas, 2)} × ${x.diterima}/${x.rhk} (${bagian}${lain.length ? `; ${lain.join(', ')}` : ''}) = ${rupiah(nilai)}.`,
    };
  }
  if (!r.predikat) return menunggu(`belum ada predikat ${r.periodeLabel}`, 'predikat ditetapkan');
  const faktor = p.faktorPredikat[r.predikat];
  const nilai = kaliBagi(d, bobot, keSeratus(faktor), 100 * SERATUS * 100 * SERATUS);
  const sumber =
    r.sumberPredikat === 'IMPOR_NASIONAL' ? `, sumber: ${SUMBER_PENILAIAN_LABEL.IMPOR_NASIONAL}` : '';
  return {
    nilai,
    uraian: `Produktivitas: ${rupiah(d)} × ${formatPersen(p.bobotProduktivitas, 2)} × ${formatPersen(faktor, 2)} (${PREDIKAT_PEGAWAI_LABEL[r.predikat]}, ${r.periodeLabel}${sumber}) = ${rupiah(nilai)}.`,
  };
}

/** The discipline deductions, each with its line: in hundredths of a percent, not yet capped. */
function potonganDisiplin(p: ParameterTpp, r: RingkasanTpp): { potongan: number; uraian: string[] } {
  const uraian: string[] = [];
  let potongan = 0;
  const tambah = (kali: number, persenPerKali: number, label: string, satuan: string) => {
    const sub = kali * keSeratus(persenPerKali);
    potongan += sub;
    uraian.push(
      `${label}: ${kali} ${satuan} × ${formatPersen(persenPerKali, 2)} = ${formatPersen(sub / SERATUS, 2)}.`,
    );
  };
  const pita = (jenis: 'Terlambat' | 'Pulang cepat', daftar: PitaPotongan[], kali: number[]) =>
    daftar.forEach((band, i) => {
      const n = kali[i] ?? 0;
      if (n > 0) tambah(n, band.persen, labelPita(jenis, band), 'kali');
    });
  pita('Terlambat', p.pitaTerlambat, r.terlambat);
  pita('Pulang cepat', p.pitaPulangCepat, r.pulangCepat);
  if (r.tanpaKeterangan > 0)
    tambah(
      r.tanpaKeterangan,
      p.persenTanpaKeterangan,
      'Tanpa keterangan (termasuk hari kerja tanpa catatan kehadiran)',
      'hari',
    );
  // A rate of 0 switches the rule off: no line, as before the rule existed.
  const apel = r.apelTerlewat ?? 0;
  if (apel > 0 && p.persenApel > 0)
    tambah(apel, p.persenApel, 'Tidak mengikuti apel/upacara (pada hari hadir)', 'kali');
  const kh = p.kepatuhanHarian;
  const rk = r.kepatuhanHarian;
  if (kh && rk) {
    uraian.push(
      `Kepatuhan progres harian (${kh.dasarHukum}): ${rk.ketentuan}; ${rk.tidakAda} hari tidak diisi, ${rk.terlambat} hari terlambat${rk.dikecualikan > 0 ? `, ${rk.dikecualikan} hari dikecualikan (dinas luar, cuti, sakit, izin)` : ''}.`,
    );
    const sebelum = potongan;
    if (rk.tidakAda > 0) tambah(rk.tidakAda, kh.persenTidakAda, 'Progres harian tidak diisi', 'hari');
    if (rk.terlambat > 0) tambah(rk.terlambat, kh.persenTerlambat, 'Progres harian terlambat', 'hari');
    const batas = keSeratus(kh.batasPersen);
    if (potongan - sebelum > batas) {
      uraian.push(
        `Potongan progres harian ${formatPersen((potongan - sebelum) / SERATUS, 2)} dibatasi ${formatPersen(kh.batasPersen, 2)} (${kh.dasarHukum}).`,
      );
      potongan = sebelum + batas;
    }
  }
  return { potongan, uraian };
}

/** Why the whole month is withheld, in words (both reasons when both apply), or null. */
function alasanPenahanan(p: ParameterTpp, r: RingkasanTpp): string | null {
  const alasan: string[] = [];
  if (p.tahanTanpaSkp && !r.skpDisetujui) alasan.push(`SKP tahun ${r.tahun} belum disetujui; TPP ditahan.`);
  const t = r.tahunanBelumFinal;
  if (p.tahanEvaluasiSejakBulan !== null && t)
    alasan.push(
      `${kekuranganTahunan(t.tahun, t.status)} (belum final); TPP ditahan sejak ${NAMA_BULAN[p.tahanEvaluasiSejakBulan - 1]} ${t.tahun + 1} sampai evaluasi tahunan itu final.`,
    );
  return alasan.length ? alasan.join(' ') : null;
}

/**
 * The month of one employee with every line explained. Rupiah are whole, each part rounded half up
 * (≥ 0,5 up) on its own; the total is the sum of the rounded parts.
 */
export function hitungTpp(p: ParameterTpp, r: RingkasanTpp): HasilTpp {
  const rincian: BarisRincian[] = [];
  const baris = (kelompok: KelompokRincian, uraian: string) => rincian.push({ kelompok, uraian });

  const dasar = r.kelasJabatan === null ? null : (p.dasarPerKelas[String(r.kelasJabatan)] ?? null);
  if (r.kelasJabatan === null)
    baris('DASAR', 'Kelas jabatan belum ditetapkan; TPP tidak dapat dihitung (Rp 0).');
  else if (dasar === null)
    baris('DASAR', `Kelas jabatan ${r.kelasJabatan} tidak ada dalam tabel besaran TPP; TPP Rp 0.`);
  else baris('DASAR', `Besaran TPP kelas jabatan ${r.kelasJabatan}: ${rupiah(dasar)}.`);
  const d = dasar ?? 0;

  const prod = bagianProduktivitas(p, r, d);
  baris('PRODUKTIVITAS', prod.uraian);
  const produktivitas = prod.nilai ?? 0;

  baris('DISIPLIN', `Hari kerja bulan ini: ${r.hariKerja} hari.`);
  const belumDiimpor = r.belumDiimpor ?? 0;
  if (belumDiimpor > 0)
    baris(
      'DISIPLIN',
      `Data kehadiran belum diimpor: ${belumDiimpor} hari kerja tanpa catatan kehadiran siapa pun di OPD ini; tidak dihitung sebagai tanpa keterangan.`,
    );
  const potong = potonganDisiplin(p, r);
  for (const u of potong.uraian) baris('DISIPLIN', u);
  const bebas = STATUS_DIKECUALIKAN.filter((s) => r.dikecualikan[s] > 0).map(
    (s) => `${LABEL_DIKECUALIKAN[s]} ${r.dikecualikan[s]} hari`,
  );
  if (bebas.length > 0) baris('DISIPLIN', `Tidak dipotong: ${bebas.join(', ')}.`);
  const dibatasi = potong.potongan > 100 * SERATUS;
  const potongan = dibatasi ? 100 * SERATUS : potong.potongan; // hundredths of a percent
  const potonganPersen = potongan / SERATUS;
  const disiplin = kaliBagi(
    d,
    keSeratus(p.bobotDisiplin),
    100 * SERATUS - potongan,
    100 * SERATUS * 100 * SERATUS,
  );
  baris(
    'DISIPLIN',
    `Disiplin: ${rupiah(d)} × ${formatPersen(p.bobotDisiplin, 2)} × (100 % − ${formatPersen(potonganPersen, 2)}${dibatasi ? ', potongan dibatasi 100 %' : ''}) = ${rupiah(disiplin)}.`,
  );

  const dihitung = produktivitas + disiplin;
  const ditahan = alasanPenahanan(p, r);
  if (ditahan) baris('PENAHANAN', `${ditahan} Jumlah yang ditahan: ${rupiah(dihitung)}.`);
  const jumlah = ditahan ? 0 : dihitung;
  const menungguPenilaian = prod.nilai === null && ditahan === null;
  baris(
    'JUMLAH',
    ditahan
      ? `Jumlah dibayarkan: Rp 0 (ditahan; tanpa penahanan ${rupiah(produktivitas)} + ${rupiah(disiplin)} = ${rupiah(dihitung)}).`
      : menungguPenilaian
        ? `Jumlah: ${rupiah(jumlah)} (disiplin saja; produktivitas menunggu penilaian).`
        : `Jumlah: ${rupiah(produktivitas)} + ${rupiah(disiplin)} = ${rupiah(jumlah)}.`,
  );
  return {
    dasar: d,
    produktivitas,
    disiplin,
    potonganPersen,
    jumlah,
    ditahan,
    menungguPenilaian,
    belumDiimpor,
    rincian,
  };
}

/** An OPD's working days of the month for which nobody of that OPD has an attendance record. */
export interface OpdBelumDiimpor {
  opdId: number | null;
  tanggal: string[];
}

/**
 * Per OPD of `opdIds`, the working days (sorted 'YYYY-MM-DD') on which none of its employees has a
 * record (`tercatat`: the distinct OPD–day pairs with a record); OPDs with every day present are left out.
 */
export function hariBelumDiimpor(
  hariKerja: string[],
  opdIds: (number | null)[],
  tercatat: { opdId: number | null; tanggal: string }[],
): OpdBelumDiimpor[] {
  const ada = new Set(tercatat.map((t) => `${t.opdId}|${t.tanggal}`));
  return [...new Set(opdIds)]
    .map((opdId) => ({ opdId, tanggal: hariKerja.filter((t) => !ada.has(`${opdId}|${t}`)) }))
    .filter((o) => o.tanggal.length > 0);
}

/** What still stands in the way of paying a month as computed (SPEC §7.1 guards). */
export interface KekuranganBulan {
  /** OPD–days without any attendance record, and the employees whose lines hold such days. */
  hariBelumDiimpor: number;
  pegawaiBelumDiimpor: number;
  /** Employees (not withheld) without the month's predikat. */
  menungguPenilaian: number;
}

export const adaKekurangan = (k: KekuranganBulan) => k.hariBelumDiimpor > 0 || k.menungguPenilaian > 0;

/** The gaps in words, for the refusal and the approval record. */
export function uraianKekurangan(k: KekuranganBulan): string {
  const bagian: string[] = [];
  if (k.hariBelumDiimpor > 0)
    bagian.push(
      `${k.hariBelumDiimpor} hari-OPD data kehadiran belum diimpor (${k.pegawaiBelumDiimpor} pegawai)`,
    );
  if (k.menungguPenilaian > 0) bagian.push(`${k.menungguPenilaian} pegawai menunggu penilaian`);
  return bagian.join(' dan ');
}

/** The shortest reason accepted for approving a month with gaps. */
export const PANJANG_ALASAN_MIN = 10;

/**
 * Why a month cannot be approved as it stands, or null. While data is missing, approval needs the
 * BKD's stated reason (at least a short sentence), since payroll cannot be taken back.
 */
export function alasanTolakPersetujuan(k: KekuranganBulan, alasan: string | null | undefined): string | null {
  if (!adaKekurangan(k)) return null;
  if ((alasan?.trim().length ?? 0) >= PANJANG_ALASAN_MIN) return null;
  return `TPP belum dapat disetujui: masih ada ${uraianKekurangan(k)}. Impor kehadiran atau tunggu penilaian lalu hitung ulang, atau setujui dengan alasan (sekurang-kurangnya ${PANJANG_ALASAN_MIN} karakter).`;
}
