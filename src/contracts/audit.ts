import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().max(80).optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorNama: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const AuditResponse = pageOf(AuditEntry);
