/** In-app notifications: other services send them inside their own transaction; the owner reads them. */
import type { z } from 'zod';
import type { NotifikasiPage, NotifikasiQuery } from '../../contracts/notifikasi.js';
import type { Db, Tx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../auth/actor.js';
import * as q from './notifikasi.queries.js';

export type Notifikasi = q.NotifikasiRow;

export function createNotifikasiService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Sends within the caller's transaction, so a notice exists only if the change it reports does. */
    kirim: (tx: Tx, items: Notifikasi[]) => q.insertNotifikasi(tx, items),

    async list(actor: Actor, query: z.infer<typeof NotifikasiQuery>): Promise<NotifikasiPage> {
      const before = query.cursor === undefined ? null : Number(query.cursor);
      if (before !== null && !(Number.isInteger(before) && before > 0))
        throw new AppError('BAD_REQUEST', undefined, 'Kursor halaman tidak valid.');
      const [found, belumDibaca] = await Promise.all([
        q.pageOfNotifikasi(db, actor.id, before, query.limit + 1),
        q.countBelumDibaca(db, actor.id),
      ]);
      const page = found.slice(0, query.limit);
      return {
        items: page.map(({ dibacaAt, createdAt, ...n }) => ({
          ...n,
          dibaca: dibacaAt !== null,
          createdAt: createdAt.toISOString(),
        })),
        nextCursor: found.length > query.limit ? String(page.at(-1)!.id) : null,
        belumDibaca,
      };
    },

    /** Marking read is not a change to plans or evaluations, so it is not audited. */
    async baca(actor: Actor, ids: number[] | undefined) {
      await db.transaction((tx) => q.markRead(tx, actor.id, ids, clock.now()));
    },
  };
}

export type NotifikasiService = ReturnType<typeof createNotifikasiService>;
