/**
 * The SKP lifecycle (SPEC §4.6): the only code that decides status changes. DRAFT → DIAJUKAN →
 * DISETUJUI, or DIKEMBALIKAN with a note, which the owner edits back into a DRAFT. An approved SKP
 * changes only through a new version; the approved one stays as it was.
 */
export const STATUS_SKP = ['DRAFT', 'DIAJUKAN', 'DISETUJUI', 'DIKEMBALIKAN'] as const;
export type StatusSkp = (typeof STATUS_SKP)[number];

export const STATUS_SKP_LABEL: Record<StatusSkp, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan',
  DISETUJUI: 'Disetujui',
  DIKEMBALIKAN: 'Dikembalikan',
};

export type SkpTransition =
  | { kind: 'submit' }
  | { kind: 'approve' }
  | { kind: 'return'; catatan: string }
  /** The owner edits a returned SKP: it becomes a draft again. */
  | { kind: 'revise' };

export type TransitionResult =
  | { ok: true; status: StatusSkp }
  | { ok: false; code: 'SKP_NOT_EDITABLE' | 'SKP_INVALID_TRANSITION' | 'CATATAN_REQUIRED'; message: string };

const ALLOWED: Record<SkpTransition['kind'], { from: StatusSkp[]; to: StatusSkp }> = {
  submit: { from: ['DRAFT'], to: 'DIAJUKAN' },
  approve: { from: ['DIAJUKAN'], to: 'DISETUJUI' },
  return: { from: ['DIAJUKAN'], to: 'DIKEMBALIKAN' },
  revise: { from: ['DIKEMBALIKAN'], to: 'DRAFT' },
};

const REFUSAL: Record<SkpTransition['kind'], string> = {
  submit: 'Hanya SKP berstatus Draf yang dapat diajukan.',
  approve: 'Hanya SKP yang sedang diajukan yang dapat disetujui.',
  return: 'Hanya SKP yang sedang diajukan yang dapat dikembalikan.',
  revise: 'Hanya SKP yang dikembalikan yang dapat diperbaiki menjadi Draf.',
};

export function transition(current: StatusSkp, t: SkpTransition): TransitionResult {
  const rule = ALLOWED[t.kind];
  if (!rule.from.includes(current))
    return { ok: false, code: 'SKP_INVALID_TRANSITION', message: REFUSAL[t.kind] };
  if (t.kind === 'return' && t.catatan.trim().length < 3) {
    return { ok: false, code: 'CATATAN_REQUIRED', message: 'Catatan pengembalian wajib diisi.' };
  }
  return { ok: true, status: rule.to };
}

/** The owner may change the content only of a draft (a returned SKP is revised into one first). */
export function isEditable(status: StatusSkp): boolean {
  return status === 'DRAFT' || status === 'DIKEMBALIKAN';
}

/** An approved SKP is revised by copying it into a new version; nothing else may be versioned. */
export function canStartNewVersion(status: StatusSkp): boolean {
  return status === 'DISETUJUI';
}
