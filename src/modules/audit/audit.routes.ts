import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditQuery, AuditResponse } from '../../contracts/audit.js';
import { errorResponses } from '../../platform/http.js';
import type { AuditService } from './audit.service.js';

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: { role: ['opd', 'instansi'] } },
        schema: {
          tags: ['Audit'],
          summary: 'Log audit (BKD: seluruh instansi; admin OPD: OPD-nya)',
          querystring: AuditQuery,
          response: { 200: AuditResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => audit.list(request.actor!, request.query),
    );
  };
}
