/** Who may read a dialog kinerja: the route scopes of the employee, plus everyone who took part. */
import { orangDialog } from '../../domain/dialog.js';
import { allows, type Relation } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';

/** The employee, his superiors, admins of his OPD or the instansi, and the tim penilai. */
export const PEMBACA_DIALOG = ['self', 'bawahan', 'opd', 'instansi', 'tim_penilai'] as const;

export interface DialogAkses {
  instansiId: number;
  pegawaiId: number;
  pegawaiOpdId: number | null;
  pimpinanId: number;
  pesertaIds: readonly number[];
}

/** A participant or the recorder reads it even when the hierarchy would not let them. */
export function ikutDialog(actor: Actor, dialog: DialogAkses): boolean {
  return orangDialog(dialog).has(actor.id);
}

export function bolehMembaca(actor: Actor, dialog: DialogAkses, relation: Relation): boolean {
  return (
    ikutDialog(actor, dialog) ||
    allows(
      actor,
      { id: dialog.pegawaiId, instansiId: dialog.instansiId, opdId: dialog.pegawaiOpdId },
      relation,
      PEMBACA_DIALOG,
    )
  );
}
