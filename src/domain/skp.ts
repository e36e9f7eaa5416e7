/**
 * The content rules of an SKP (SPEC §4.1–4.2): what must hold before it is submitted, and the
 * writing hints that are shown but never block.
 */
import { labelTanggal } from './tenggat.js';

export const PENDEKATAN = ['KUANTITATIF', 'KUALITATIF'] as const;
export type Pendekatan = (typeof PENDEKATAN)[number];
export const JENIS_RHK = ['UTAMA', 'TAMBAHAN'] as const;
export type JenisRhk = (typeof JENIS_RHK)[number];
export const ASPEK = ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] as const;
export type Aspek = (typeof ASPEK)[number];
export const PERSPEKTIF = ['PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN'] as const;
export type Perspektif = (typeof PERSPEKTIF)[number];

export const ASPEK_LABEL: Record<Aspek, string> = {
  KUANTITAS: 'Kuantitas',
  KUALITAS: 'Kualitas',
  WAKTU: 'Waktu',
  BIAYA: 'Biaya',
};

export const PERSPEKTIF_LABEL: Record<Perspektif, string> = {
  PENERIMA_LAYANAN: 'Penerima Layanan',
  PROSES_BISNIS: 'Proses Bisnis',
  PENGUATAN_INTERNAL: 'Penguatan Internal',
  ANGGARAN: 'Anggaran',
};

export const JENIS_LAMPIRAN = ['DUKUNGAN_SUMBER_DAYA', 'SKEMA_PERTANGGUNGJAWABAN', 'KONSEKUENSI'] as const;
export type JenisLampiran = (typeof JENIS_LAMPIRAN)[number];
export const JENIS_LAMPIRAN_LABEL: Record<JenisLampiran, string> = {
  DUKUNGAN_SUMBER_DAYA: 'Dukungan Sumber Daya',
  SKEMA_PERTANGGUNGJAWABAN: 'Skema Pertanggungjawaban',
  KONSEKUENSI: 'Konsekuensi',
};

/**
 * The date by which a plan should be approved (SPEC §4.6). `batas` is the instansi's MM-DD for the
 * year; a plan that starts later (after a mutation) gets one month from its start.
 */
export function batasWaktuSkp(tahun: number, periodeMulai: string, batas: string): string {
  const yearly = `${tahun}-${batas}`;
  if (periodeMulai <= yearly) return yearly;
  const [y, m, d] = periodeMulai.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m, d));
  // 31 January + 1 month overflows into March; clamp to the last day of the next month.
  if (next.getUTCMonth() !== m % 12) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Late: not approved by the deadline (approved after it, or still not approved once it passed). */
export function isTerlambat(batas: string, today: string, disetujuiPada: string | null): boolean {
  return disetujuiPada === null ? today > batas : disetujuiPada > batas;
}

/**
 * Why a plan is late, in the words of its badge: against which deadline, and the approval date (both
 * local dates in the instansi's zone, the same ones `isTerlambat` judged); null when it is not late.
 */
export function keteranganTerlambat(
  batas: string,
  today: string,
  disetujuiPada: string | null,
): string | null {
  if (!isTerlambat(batas, today, disetujuiPada)) return null;
  const tenggat = `tenggat ${labelTanggal(batas)}`;
  return disetujuiPada
    ? `Disetujui ${labelTanggal(disetujuiPada)}, ${tenggat}`
    : `Belum disetujui, ${tenggat}`;
}

/** A target: a value (optionally a range) with a unit for KUANTITATIF, a text for KUALITATIF. */
export interface Target {
  nilai: number | null;
  nilaiMaks: number | null;
  satuan: string | null;
  teks: string | null;
}

export interface Iki {
  aspek: Aspek | null;
  indikator: string;
  target: Target;
  perspektif: Perspektif | null;
}

export interface Rhk<Id = string | number> {
  id: Id;
  jenis: JenisRhk;
  rencana: string;
  iki: Iki[];
  /** The superior's RHKs this one intervenes. */
  intervensi: Id[];
}

export interface SkpContent<Id = string | number> {
  pendekatan: Pendekatan;
  /** JPT and heads of independent units: RHK → IKI + perspektif, no intervensi required. */
  formatJpt: boolean;
  rhk: Rhk<Id>[];
}

export interface Finding {
  rhkIndex: number | null;
  message: string;
}

const label = (r: { rencana: string }) => `'${r.rencana.trim() || '(tanpa judul)'}'`;

/** What blocks submission. `atasanRhkIds` are the RHKs of the superior's current SKP. */
export function checkSkp<Id>(skp: SkpContent<Id>, atasanRhkIds: ReadonlySet<Id>): Finding[] {
  const found: Finding[] = [];
  if (!skp.rhk.some((r) => r.jenis === 'UTAMA')) {
    found.push({ rhkIndex: null, message: 'SKP harus memiliki minimal satu RHK Utama.' });
  }
  skp.rhk.forEach((r, i) => {
    const add = (message: string) => found.push({ rhkIndex: i, message });
    if (!r.rencana.trim()) add(`RHK nomor ${i + 1} belum diisi.`);
    if (r.iki.length === 0) add(`RHK ${label(r)} belum memiliki indikator kinerja individu.`);
    if (!skp.formatJpt && r.jenis === 'UTAMA' && r.intervensi.length === 0) {
      add(`RHK Utama ${label(r)} harus mengintervensi minimal satu RHK atasan langsung.`);
    }
    if (r.intervensi.some((id) => !atasanRhkIds.has(id))) {
      add(`RHK ${label(r)} mengintervensi RHK yang bukan milik SKP atasan langsung tahun ini.`);
    }
    r.iki.forEach((iki) => {
      const t = iki.target;
      if (!iki.indikator.trim()) add(`Ada indikator kosong pada RHK ${label(r)}.`);
      if (skp.formatJpt && !iki.perspektif)
        add(`Indikator '${iki.indikator}' pada RHK ${label(r)} belum memiliki perspektif.`);
      if (!skp.formatJpt && !iki.aspek)
        add(`Indikator '${iki.indikator}' pada RHK ${label(r)} belum memiliki aspek.`);
      if (skp.pendekatan === 'KUANTITATIF') {
        if (t.nilai === null || !Number.isFinite(t.nilai) || t.nilai < 0) {
          add(`Target indikator '${iki.indikator}' harus berupa angka (pendekatan kuantitatif).`);
        } else if (t.nilaiMaks !== null && t.nilaiMaks < t.nilai) {
          add(
            `Rentang target indikator '${iki.indikator}' tidak valid: batas atas lebih kecil dari batas bawah.`,
          );
        }
      } else if (!t.teks?.trim()) {
        add(
          `Target indikator '${iki.indikator}' harus berupa uraian ukuran keberhasilan (pendekatan kualitatif).`,
        );
      }
    });
  });
  return found;
}

// Activities start with an active verb (me-/mem-/men-/meng-/meny-); results are nominalised
// ("Tersusunnya …", "Meningkatnya …").
const ACTIVITY = /^(me|ber)[a-z]+$/i;

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Writing hints (shown, never blocking). */
export function rhkHints<Id>(skp: SkpContent<Id>): Finding[] {
  const found: Finding[] = [];
  const seen = new Map<string, number>();
  skp.rhk.forEach((r, i) => {
    const add = (message: string) => found.push({ rhkIndex: i, message });
    const first = r.rencana.trim().split(/\s+/)[0] ?? '';
    if (ACTIVITY.test(first) && !/nya$/i.test(first)) {
      add(`RHK ${label(r)} tampak seperti kegiatan; rumuskan sebagai hasil (mis. "Tersusunnya …").`);
    }
    const key = normalise(r.rencana);
    const previous = seen.get(key);
    if (key && previous !== undefined) add(`RHK ${label(r)} sama dengan RHK nomor ${previous + 1}.`);
    else seen.set(key, i);
    if (skp.pendekatan === 'KUANTITATIF') {
      for (const iki of r.iki) {
        if (!iki.target.satuan?.trim()) add(`Indikator '${iki.indikator}' belum memiliki satuan.`);
      }
    }
    if (!skp.formatJpt) {
      const missing = (['KUANTITAS', 'KUALITAS', 'WAKTU'] as const).filter(
        (a) => !r.iki.some((k) => k.aspek === a),
      );
      if (missing.length)
        add(`RHK ${label(r)} belum memiliki aspek ${missing.map((a) => ASPEK_LABEL[a]).join(', ')}.`);
    }
  });
  return found;
}
