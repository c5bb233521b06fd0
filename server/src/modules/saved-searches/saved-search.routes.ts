import { ObjectIdSchema, SavedSearchInputSchema } from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { SavedSearchService } from './saved-search.service.js';

export function savedSearchRouter(searches: SavedSearchService): Router {
  const router = Router();
  router.get('/saved-searches', ...endpoint({}, (_input, req) => searches.list(req.ctx)));
  router.post(
    '/saved-searches',
    ...endpoint({ body: SavedSearchInputSchema }, ({ body }, req) => searches.create(req.ctx, body), {
      status: 201,
    }),
  );
  router.delete(
    '/saved-searches/:id',
    ...endpoint({ params: z.object({ id: ObjectIdSchema }) }, ({ params }, req) =>
      searches.remove(req.ctx, params.id),
    ),
  );
  return router;
}
