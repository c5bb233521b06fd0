import { ObjectIdSchema, ThesaurusEntryInputSchema, ThesaurusQuerySchema } from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { ThesaurusService } from './thesaurus.service.js';

const byId = z.object({ id: ObjectIdSchema });

export function thesaurusRouter(thesaurus: ThesaurusService): Router {
  const router = Router();
  router.get(
    '/thesaurus',
    ...endpoint({ query: ThesaurusQuerySchema }, ({ query }, req) => thesaurus.list(req.ctx, query)),
  );
  router.post(
    '/thesaurus',
    ...endpoint({ body: ThesaurusEntryInputSchema }, ({ body }, req) => thesaurus.create(req.ctx, body), {
      status: 201,
    }),
  );
  router.put(
    '/thesaurus/:id',
    ...endpoint({ params: byId, body: ThesaurusEntryInputSchema }, ({ params, body }, req) =>
      thesaurus.update(req.ctx, body, params.id),
    ),
  );
  router.delete(
    '/thesaurus/:id',
    ...endpoint({ params: byId }, ({ params }, req) => thesaurus.remove(req.ctx, params.id)),
  );
  return router;
}
