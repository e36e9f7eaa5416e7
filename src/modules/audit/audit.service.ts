/**
 * Records every change in the append-only audit log, inside the caller's transaction, without a lock:
 * the rows are hash-chained by the chaining step shortly after they commit (audit-rantai.ts, ADR 0019).
 */
import type { z } from 'zod';
import type { AuditQuery } from '../../contracts/audit.js';
import { type Db, setelahCommit, type Tx } from '../../db/client.js';
import { type AksiAudit, namaSasaranAudit, tahunAudit } from '../../domain/audit.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { adminOpdIds, hasRole } from '../auth/access.policy.js';
import type { Actor } from '../auth/actor.js';
import { insertAudit, listAudit } from './audit.queries.js';
import type { PenautAudit } from './audit-rantai.js';

export interface AuditInput {
  instansiId: number;
  opdId?: number | null;
  actorId: number | null;
  action: AksiAudit;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  requestId?: string | null;
}

/** Dates and undefined become what jsonb will give back, so the hash verifies after a round trip. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export function createAuditService({
  db,
  clock,
  penaut,
  setelahAksi,
}: {
  db: Db;
  clock: Clock;
  /** Woken after each write, to chain the new rows once committed. */
  penaut: Pick<PenautAudit, 'bangunkan'>;
  /** Told each audited action once its transaction committed (caches forget what it changed). */
  setelahAksi?: (aksi: AksiAudit) => void;
}) {
  /** Several entries of one instansi in one insert, in order; no lock, no read of the chain. */
  async function recordMany(tx: Tx, instansiId: number, inputs: AuditInput[]): Promise<void> {
    if (inputs.length === 0) return;
    const at = new Date(clock.now().toISOString());
    await insertAudit(
      tx,
      inputs.map((input) => ({
        instansiId,
        opdId: input.opdId ?? null,
        at,
        tahun: tahunAudit(at),
        actorId: input.actorId,
        action: input.action,
        entity: input.entity,
        entityId: String(input.entityId),
        before: plain(input.before),
        after: plain(input.after),
        reason: input.reason ?? null,
        requestId: input.requestId ?? null,
      })),
    );
    penaut.bangunkan();
    if (setelahAksi)
      for (const aksi of new Set(inputs.map((i) => i.action))) setelahCommit(tx, () => setelahAksi(aksi));
  }

  return {
    record: (tx: Tx, input: AuditInput) => recordMany(tx, input.instansiId, [input]),
    recordMany,

    /** The BKD admin reads the whole instansi; an OPD admin only the entries of their OPDs. */
    async list(actor: Actor, query: z.infer<typeof AuditQuery>) {
      const afterId = query.cursor ? Number(query.cursor) : null;
      if (afterId !== null && !Number.isInteger(afterId))
        throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
      const page = await listAudit(db, {
        instansiId: actor.instansiId,
        opdIds: hasRole(actor, 'ADMIN_INSTANSI') ? null : adminOpdIds(actor),
        entity: query.entity,
        entityId: query.entityId,
        actorId: query.actorId,
        action: query.action,
        beforeId: afterId,
        limit: query.limit,
      });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => {
          const {
            sasaranGelarDepan: _gd,
            sasaranNama: _n,
            sasaranGelarBelakang: _gb,
            sasaranNip: _nip,
            skpTahun: _t,
            realisasiPeriode: _p,
            jabatanNama: _j,
            ...e
          } = r;
          return { ...e, sasaran: namaSasaranAudit(r) };
        }),
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
