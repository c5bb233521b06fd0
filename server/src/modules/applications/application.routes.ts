import {
  ApplicationDecisionSchema,
  ApplicationInputSchema,
  ApplicationListQuerySchema,
  ObjectIdSchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { ApplicationService } from './application.service.js';

const byId = z.object({ id: ObjectIdSchema });

/** 揭榜申请: apply to a challenge (`/needs/:id/applications`), the firm's board, and decisions. */
export function applicationRouter(applications: ApplicationService): Router {
  const router = Router();
  router.post(
    '/needs/:id/applications',
    ...endpoint(
      { params: byId, body: ApplicationInputSchema },
      ({ params, body }, req) => applications.apply(req.ctx, params.id, body),
      { status: 201 },
    ),
  );
  router.get(
    '/needs/:id/applications',
    ...endpoint({ params: byId, query: ApplicationListQuerySchema }, ({ params, query }, req) =>
      applications.listForChallenge(req.ctx, params.id, query),
    ),
  );
  router.get(
    '/applications/mine',
    ...endpoint({ query: ApplicationListQuerySchema }, ({ query }, req) =>
      applications.listMine(req.ctx, query),
    ),
  );
  router.get(
    '/applications/:id',
    ...endpoint({ params: byId }, ({ params }, req) => applications.get(req.ctx, params.id)),
  );
  router.post(
    '/applications/:id/decision',
    ...endpoint({ params: byId, body: ApplicationDecisionSchema }, ({ params, body }, req) =>
      applications.decide(req.ctx, params.id, body),
    ),
  );
  return router;
}
