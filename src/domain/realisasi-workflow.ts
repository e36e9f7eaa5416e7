/**
 * The lifecycle of one realisasi, per RHK per month (SPEC §5.3): the only code that decides its status
 * changes, and which window of the schedule (jadwal.ts) each change needs.
 */
import type { JenisJendela } from './jadwal.js';

export const STATUS_REALISASI = ['DRAFT', 'DIAJUKAN', 'DITERIMA', 'PERLU_PERBAIKAN', 'DIPERBAIKI'] as const;
export type StatusRealisasi = (typeof STATUS_REALISASI)[number];

export const STATUS_REALISASI_LABEL: Record<StatusRealisasi, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan',
  DITERIMA: 'Diterima',
  PERLU_PERBAIKAN: 'Perlu Perbaikan',
  DIPERBAIKI: 'Diperbaiki',
};

export type RealisasiTransition =
  /** The employee submits the month's realisasi. */
  | { kind: 'submit' }
  /** The assessor accepts it (first assessment or a re-assessment). */
  | { kind: 'accept' }
  /** The assessor sends it back with a direction the employee must follow. */
  | { kind: 'requestCorrection'; arahan: string }
  /** The employee submits the correction. */
  | { kind: 'resubmit' };

export type TransitionResult =
  | { ok: true; status: StatusRealisasi }
  | { ok: false; code: 'REALISASI_INVALID_TRANSITION' | 'ARAHAN_REQUIRED'; message: string };

const ALLOWED: Record<RealisasiTransition['kind'], { from: StatusRealisasi[]; to: StatusRealisasi }> = {
  submit: { from: ['DRAFT'], to: 'DIAJUKAN' },
  accept: { from: ['DIAJUKAN', 'DIPERBAIKI'], to: 'DITERIMA' },
  requestCorrection: { from: ['DIAJUKAN', 'DIPERBAIKI'], to: 'PERLU_PERBAIKAN' },
  resubmit: { from: ['PERLU_PERBAIKAN'], to: 'DIPERBAIKI' },
};

const REFUSAL: Record<RealisasiTransition['kind'], string> = {
  submit: 'Hanya realisasi berstatus Draf yang dapat diajukan.',
  accept: 'Hanya realisasi yang diajukan atau sudah diperbaiki yang dapat diterima.',
  requestCorrection: 'Hanya realisasi yang diajukan atau sudah diperbaiki yang dapat diminta perbaikan.',
  resubmit: 'Hanya realisasi yang perlu perbaikan yang dapat diajukan kembali.',
};

export function transition(current: StatusRealisasi, t: RealisasiTransition): TransitionResult {
  const rule = ALLOWED[t.kind];
  if (!rule.from.includes(current))
    return { ok: false, code: 'REALISASI_INVALID_TRANSITION', message: REFUSAL[t.kind] };
  if (t.kind === 'requestCorrection' && t.arahan.trim().length < 3) {
    return { ok: false, code: 'ARAHAN_REQUIRED', message: 'Arahan perbaikan wajib diisi.' };
  }
  return { ok: true, status: rule.to };
}

/** The window in which the employee edits: a draft during input, a returned item during correction. */
export function editWindow(status: StatusRealisasi): JenisJendela | null {
  if (status === 'DRAFT') return 'INPUT';
  if (status === 'PERLU_PERBAIKAN') return 'PERBAIKAN';
  return null;
}

/** The employee changes the content (realisasi, bukti dukung) only of a draft or a returned item. */
export function isEditableByPegawai(status: StatusRealisasi): boolean {
  return editWindow(status) !== null;
}

/**
 * The windows in which a transition may happen (any one suffices; an admin's exception for the window
 * counts too). Assessing needs the assessment window; re-assessing a corrected item is also allowed in
 * the correction window, since corrections arrive there, and after it until the period closes
 * (jadwal.isMasaPenilaianUlang, checked by the caller).
 */
export function requiredWindows(current: StatusRealisasi, kind: RealisasiTransition['kind']): JenisJendela[] {
  switch (kind) {
    case 'submit':
      return ['INPUT'];
    case 'resubmit':
      return ['PERBAIKAN'];
    case 'accept':
    case 'requestCorrection':
      return current === 'DIPERBAIKI' ? ['PENILAIAN', 'PERBAIKAN'] : ['PENILAIAN'];
  }
}

/** An item sent back waits for its correction, a corrected one for its re-assessment (SPEC §5.3). */
export const MENUNGGU_PERBAIKAN = [
  'PERLU_PERBAIKAN',
  'DIPERBAIKI',
] as const satisfies readonly StatusRealisasi[];

export type IzinPredikat = { ok: true } | { ok: false; rhk: string[]; pesan: string };

/**
 * The period's predikat (and its Evaluasi Kinerja Pegawai document) is final only once every correction
 * round has ended: refused, naming the RHKs, while an item waits for correction or re-assessment.
 */
export function bolehTetapkanPredikat(
  items: readonly { status: StatusRealisasi; rencana: string }[],
): IzinPredikat {
  const menunggu = items.filter((i) => (MENUNGGU_PERBAIKAN as readonly StatusRealisasi[]).includes(i.status));
  if (menunggu.length === 0) return { ok: true };
  const daftar = menunggu.map((i) => `"${i.rencana}" (${STATUS_REALISASI_LABEL[i.status]})`).join(', ');
  return {
    ok: false,
    rhk: menunggu.map((i) => i.rencana),
    pesan: `Predikat periode ini belum dapat ditetapkan: RHK ${daftar} masih menunggu perbaikan atau penilaian ulang.`,
  };
}
