import { z } from 'zod';
import { BATAS_INT, PageQuery, pageOf, teks } from './common.js';

export const AuditQuery = PageQuery.extend({
  entity: teks().max(50).optional(),
  entityId: teks().max(50).optional(),
  actorId: z.coerce.number().int().positive().max(BATAS_INT).optional(),
  action: teks().max(80).optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorNama: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** The data in words: the employee's name and NIP, the SKP or realisasi with its owner, a position. */
  sasaran: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const AuditResponse = pageOf(AuditEntry);
