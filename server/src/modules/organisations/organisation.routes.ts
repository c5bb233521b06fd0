import {
  CreditCodeLookupQuerySchema,
  MembershipDecisionSchema,
  ObjectIdSchema,
  OrganisationListQuerySchema,
  OrganisationUpdateSchema,
  PageQuerySchema,
  VerificationDecisionSchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { OrganisationService } from './organisation.service.js';

const byId = z.object({ id: ObjectIdSchema });

export function organisationRouter(organisations: OrganisationService): Router {
  const router = Router();

  router.get(
    '/organisations/lookup',
    ...endpoint({ query: CreditCodeLookupQuerySchema }, async ({ query }) => ({
      organisation: await organisations.lookupByCreditCode(query.creditCode),
    })),
  );
  router.get(
    '/organisations',
    ...endpoint({ query: OrganisationListQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      organisations.list(req.ctx, query),
    ),
  );
  router.get(
    '/organisations/:id',
    ...endpoint({ params: byId }, ({ params }) => organisations.getPublic(params.id)),
  );
  router.get(
    '/organisations/:id/details',
    ...endpoint({ params: byId }, ({ params }, req) => organisations.getDetails(req.ctx, params.id)),
  );
  router.patch(
    '/organisations/:id',
    ...endpoint({ params: byId, body: OrganisationUpdateSchema }, ({ params, body }, req) =>
      organisations.update(req.ctx, params.id, body),
    ),
  );
  router.post(
    '/organisations/:id/verification',
    ...endpoint({ params: byId, body: VerificationDecisionSchema }, ({ params, body }, req) =>
      organisations.review(req.ctx, params.id, body),
    ),
  );
  router.get(
    '/organisations/:id/members',
    ...endpoint({ params: byId }, ({ params }, req) => organisations.members(req.ctx, params.id)),
  );
  router.post(
    '/organisations/:id/members/:userId/decision',
    ...endpoint(
      { params: byId.extend({ userId: ObjectIdSchema }), body: MembershipDecisionSchema },
      ({ params, body }, req) =>
        organisations.decideMembership(req.ctx, params.id, params.userId, body.decision),
    ),
  );

  return router;
}
