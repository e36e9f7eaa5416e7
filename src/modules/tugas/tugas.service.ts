/**
 * Once per scheduled time across instances: every app node schedules the same periodic jobs
 * (platform/tugas-berkala.ts); before working, a node claims the job's slot in the database and only
 * the first claim of a slot runs. An advisory lock alone would let a node whose clock or event loop
 * runs late start the same slot again after the first finished.
 */
import { hostname } from 'node:os';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import * as q from './tugas.queries.js';

/** Claims are kept a week: enough to read which node ran the recent slots. */
const SIMPAN_MS = 7 * 86_400_000;

export function createTugasService(deps: { db: Db; clock: Clock; node?: string }) {
  const { db, clock } = deps;
  const node = deps.node ?? `${hostname()}:${process.pid}`;
  return {
    node,
    async klaim(nama: string, slot: Date): Promise<boolean> {
      const menang = await q.klaimSlot(db, nama, slot, node);
      if (menang) await q.hapusSlotLama(db, nama, new Date(clock.now().getTime() - SIMPAN_MS));
      return menang;
    },
    /** The latest slots of a job and the node that ran each, newest first. */
    riwayat: (nama: string, batas = 50) => q.riwayatSlot(db, nama, batas),
  };
}

export type TugasService = ReturnType<typeof createTugasService>;
