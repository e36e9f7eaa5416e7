/** Who reads and who acts on an annual evaluation and its objection (SPEC §6.5–6.6). */
import type { Scope } from '../auth/actor.js';

/** The employee, his chain of superiors (assessor, atasan), admins of his OPD or the instansi, the tim penilai. */
export const PEMBACA_EVALUASI: readonly Scope[] = ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'];

/** The pejabat penilai of the plan writes and signs first; the employee signs it FINAL. */
export function penandatangan(
  actorId: number,
  e: { pegawaiId: number; pejabatPenilaiId: number; status: string },
): 'PENILAI' | 'PEGAWAI' | null {
  if (e.status === 'DRAF' && actorId === e.pejabatPenilaiId) return 'PENILAI';
  if (e.status === 'DITANDATANGANI_PENILAI' && actorId === e.pegawaiId) return 'PEGAWAI';
  return null;
}

/** A statement may be asked of the objecting employee or of the assessor whose ratings are contested. */
export function pihakKeterangan(
  pihak: 'PEGAWAI' | 'PENILAI',
  k: { pegawaiId: number; pejabatPenilaiId: number },
): number {
  return pihak === 'PEGAWAI' ? k.pegawaiId : k.pejabatPenilaiId;
}
