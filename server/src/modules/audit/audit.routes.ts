import { AuditQuerySchema, PageQuerySchema } from '@techmatch/shared';
import { Router } from 'express';
import { endpoint } from '../../platform/http/endpoint.js';
import type { AuditService } from './audit.service.js';

export function auditRouter(audit: AuditService): Router {
  const router = Router();
  router.get(
    '/audit',
    ...endpoint({ query: AuditQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      audit.list(req.ctx, query),
    ),
  );
  return router;
}
