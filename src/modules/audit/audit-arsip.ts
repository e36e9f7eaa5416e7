/**
 * Anchors of archived audit segments (ADR 0029): the last place and hash of an instansi's segment,
 * its row count and the SHA-256 of its dump, signed with the checkpoint key (ADR 0007). The live
 * chain goes on from the latest one; a dump is checked offline against its anchor and the one before.
 */
import { fieldsSignedBy, signFields } from './audit-checkpoint.js';

export interface AnchorFields {
  instansiId: number;
  /** The year archived. */
  tahun: number;
  sampaiUrutan: number;
  sampaiId: number;
  hash: string;
  jumlah: number;
  sha256: string;
  at: string;
}

export interface Anchor extends AnchorFields {
  id: number;
  signature: string;
}

function fields(a: AnchorFields) {
  return [
    'ekinerja-audit-arsip-v1',
    a.instansiId,
    a.tahun,
    a.sampaiUrutan,
    a.sampaiId,
    a.hash,
    a.jumlah,
    a.sha256,
    a.at,
  ];
}

export function signAnchor(key: string, anchor: AnchorFields): string {
  return signFields(key, fields(anchor));
}

export function anchorValid(key: string, anchor: Anchor): boolean {
  return fieldsSignedBy(key, fields(anchor), anchor.signature);
}

/** What an archive folder holds next to each dump: its anchor and the one its segment follows. */
export interface BerkasJangkar {
  /** The dump's file name, in the same folder. */
  berkas: string;
  arsip: Anchor;
  sebelumnya: Anchor | null;
}
