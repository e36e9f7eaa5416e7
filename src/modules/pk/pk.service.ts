/** Perjanjian Kinerja per unit and year: entered by the BKD or the unit's OPD admin, read by the instansi. */
import type { z } from 'zod';
import type { PkBody, PkOut } from '../../contracts/pk.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import * as q from './pk.queries.js';

export function createPkService({ db, audit }: { db: Db; audit: AuditService }) {
  async function unitInScope(actor: Actor, unorId: number, write: boolean) {
    const u = await q.findUnorScope(db, unorId);
    if (!u || u.instansiId !== actor.instansiId)
      throw new AppError('NOT_FOUND', undefined, 'Unor tidak ditemukan.');
    const { opdIds } = listScope(actor);
    if (write && opdIds && (u.opdId === null || !opdIds.includes(u.opdId))) throw new AppError('FORBIDDEN');
    return u;
  }

  async function get(actor: Actor, unorId: number, tahun: number): Promise<PkOut> {
    await unitInScope(actor, unorId, false);
    const pk = await q.findPk(db, unorId, tahun);
    if (!pk)
      throw new AppError(
        'NOT_FOUND',
        undefined,
        'Perjanjian kinerja unit ini untuk tahun tersebut belum ada.',
      );
    return pk;
  }

  return {
    get,
    sasaranBelongsTo: (ids: number[], unorId: number, tahun: number) =>
      q.sasaranBelongsTo(db, ids, unorId, tahun),

    async save(actor: Actor, body: z.infer<typeof PkBody>, meta: { requestId: string }) {
      const u = await unitInScope(actor, body.unorId, true);
      const existing = await q.findPk(db, body.unorId, body.tahun);
      await db.transaction(async (tx) => {
        let id = existing?.id;
        if (!id) id = await q.insertPk(tx, actor.instansiId, body.unorId, body.tahun);
        else if (body.version === undefined || !(await q.bumpPk(tx, id, body.version)))
          throw new AppError('VERSION_CONFLICT');
        await q.replaceSasaran(tx, id, body.sasaran);
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: u.opdId,
          actorId: actor.id,
          action: existing ? 'pk.ubah' : 'pk.buat',
          entity: 'perjanjian_kinerja',
          entityId: id,
          before: existing?.sasaran ?? null,
          after: body.sasaran,
          requestId: meta.requestId,
        });
      });
      return get(actor, body.unorId, body.tahun);
    },
  };
}

export type PkService = ReturnType<typeof createPkService>;
