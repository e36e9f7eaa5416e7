/** The employee's own active sessions: list them, end any of them (audited). */
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Actor } from './actor.js';
import * as q from './auth.queries.js';

export function createSesiService({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  return {
    async list(actor: Actor, sessionId: string | null) {
      const items = await q.listSesi(db, actor.id, clock.now());
      return {
        items: items.map((s) => ({
          id: s.id,
          dibuatAt: s.createdAt.toISOString(),
          kedaluwarsaAt: s.expiresAt.toISOString(),
          userAgent: s.userAgent,
          isSesiIni: s.id === sessionId,
        })),
      };
    },

    /** Ends one of the actor's sessions (another device, or this one). */
    async akhiri(actor: Actor, sessionId: string | null, id: string, requestId: string) {
      await db.transaction(async (tx) => {
        const ended = await q.deleteSesiOf(tx, actor.id, id);
        if (!ended) throw new AppError('NOT_FOUND');
        await audit.record(tx, {
          instansiId: actor.instansiId,
          opdId: actor.opdId,
          actorId: actor.id,
          action: 'auth.akhiri_sesi',
          entity: 'pegawai',
          entityId: actor.id,
          before: { dibuatAt: ended.createdAt.toISOString(), userAgent: ended.userAgent },
          requestId,
        });
      });
      return { isSesiIni: id === sessionId };
    },
  };
}

export type SesiService = ReturnType<typeof createSesiService>;
