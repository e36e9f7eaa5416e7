/** Per-instansi settings that SPEC marks configurable; the BKD admin edits them, every change audited. */
import type { z } from 'zod';
import type { PengaturanBody, PengaturanOut } from '../../contracts/pengaturan.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import * as q from './pengaturan.queries.js';

export const PENGATURAN_BAWAAN = { batasSkp: '01-31', cakupanMemblokir: false, version: 1 } as const;

export function createPengaturanService({ db, audit }: { db: Db; audit: AuditService }) {
  async function get(instansiId: number, tx: DbOrTx = db): Promise<PengaturanOut> {
    return (await q.findPengaturan(tx, instansiId)) ?? { ...PENGATURAN_BAWAAN };
  }

  return {
    get,
    async save(actor: Actor, body: z.infer<typeof PengaturanBody>, meta: { requestId: string }) {
      const { version, ...set } = body;
      return db.transaction(async (tx) => {
        const before = await get(actor.instansiId, tx);
        if (!(await q.savePengaturanIfVersion(tx, actor.instansiId, version, set)))
          throw new AppError('VERSION_CONFLICT');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          actorId: actor.id,
          action: 'pengaturan.ubah',
          entity: 'pengaturan',
          entityId: actor.instansiId,
          before,
          after: set,
          requestId: meta.requestId,
        });
        return get(actor.instansiId, tx);
      });
    },
  };
}

export type PengaturanService = ReturnType<typeof createPengaturanService>;
