/** Use cases over the organisation tree: browse units, their positions and holders, find positions. */
import type { z } from 'zod';
import type { JabatanSearchQuery, UnitMandiriBody } from '../../contracts/org.js';
import type { Db } from '../../db/client.js';
import { dapatKepalaUnitMandiri } from '../../domain/jabatan.js';
import { AppError } from '../../platform/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { listScope } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import * as q from './org.queries.js';

export function createOrgService({ db, audit }: { db: Db; audit: AuditService }) {
  /** An OPD admin sees only the subtrees of their OPDs; the BKD and tim penilai see all. */
  async function visibleUnor(actor: Actor, unorId: number) {
    const u = await q.findUnor(db, unorId);
    if (!u || u.instansiId !== actor.instansiId) throw new AppError('NOT_FOUND');
    const { opdIds } = listScope(actor);
    if (opdIds && (u.opdId === null || !opdIds.includes(u.opdId))) throw new AppError('FORBIDDEN');
    return u;
  }

  const zones = new Map<number, string>();

  return {
    /** The instansi's time zone: its dates (today, months, windows) are counted in it. */
    async zonaWaktu(instansiId: number): Promise<string> {
      let zone = zones.get(instansiId);
      if (!zone) {
        zone = (await q.instansiZone(db, instansiId)) ?? 'Asia/Makassar';
        zones.set(instansiId, zone);
      }
      return zone;
    },

    async children(actor: Actor, parentId: number | undefined) {
      if (parentId !== undefined) {
        await visibleUnor(actor, parentId);
        return { items: await q.unorChildren(db, actor.instansiId, q.childrenOf(parentId)) };
      }
      const { opdIds } = listScope(actor);
      const where = opdIds ? q.unorIn(opdIds) : q.childrenOf(null);
      return { items: await q.unorChildren(db, actor.instansiId, where) };
    },

    async detail(actor: Actor, unorId: number) {
      const u = await visibleUnor(actor, unorId);
      const pathIds = u.path.split('/').filter(Boolean).map(Number);
      const [self] = await q.unorChildren(db, actor.instansiId, q.unorIn([u.id]));
      const [jalurRows, jabatanRows] = await Promise.all([
        q.unorByIds(db, pathIds),
        q.jabatanInUnor(db, u.id),
      ]);
      const holders = await q.holdersOf(
        db,
        jabatanRows.map((j) => j.id),
      );
      const byName = new Map(jalurRows.map((r) => [r.id, r.nama]));
      return {
        unor: self!,
        jalur: pathIds.flatMap((id) => (byName.has(id) ? [{ id, nama: byName.get(id)! }] : [])),
        jabatan: jabatanRows.map((j) => ({
          ...j,
          pemangku: holders.filter((h) => h.jabatanId === j.id),
        })),
      };
    },

    async searchJabatan(actor: Actor, query: z.infer<typeof JabatanSearchQuery>) {
      const afterId = query.cursor ? Number(query.cursor) : null;
      if (afterId !== null && !Number.isInteger(afterId))
        throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      return q.searchJabatan(
        db,
        listScope(actor),
        { q: query.q, unorId: query.unorId },
        afterId,
        query.limit,
      );
    },

    /**
     * BKD only (route access): marks a position as head of an independent unit. Plans already
     * created keep their layout; the next plan for the position takes the new one.
     */
    async setUnitMandiri(
      actor: Actor,
      id: number,
      body: z.infer<typeof UnitMandiriBody>,
      meta: { requestId: string },
    ) {
      return db.transaction(async (tx) => {
        const j = await q.findJabatan(tx, actor.instansiId, id);
        if (!j) throw new AppError('NOT_FOUND');
        if (body.kepalaUnitMandiri && !dapatKepalaUnitMandiri(j.jenis)) {
          throw new AppError(
            'VALIDATION_FAILED',
            { field: 'kepalaUnitMandiri' },
            'Hanya jabatan administrator atau pengawas yang dapat ditandai sebagai kepala unit kerja mandiri.',
          );
        }
        if (j.kepalaUnitMandiri !== body.kepalaUnitMandiri) {
          await q.setKepalaUnitMandiri(tx, id, body.kepalaUnitMandiri);
          await audit.record(tx, {
            instansiId: actor.instansiId,
            opdId: j.opdId,
            actorId: actor.id,
            action: 'jabatan.unit_mandiri',
            entity: 'jabatan',
            entityId: id,
            before: { kepalaUnitMandiri: j.kepalaUnitMandiri },
            after: { kepalaUnitMandiri: body.kepalaUnitMandiri },
            reason: body.alasan,
            requestId: meta.requestId,
          });
        }
        return { id, kepalaUnitMandiri: body.kepalaUnitMandiri };
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
