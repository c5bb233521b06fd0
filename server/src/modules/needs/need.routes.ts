import { NeedInputSchema, NeedSearchQuerySchema } from '@techmatch/shared';
import { Router } from 'express';
import type { Meilisearch } from 'meilisearch';
import { endpoint } from '../../platform/http/endpoint.js';
import { mountListingRoutes } from '../listings/listing.routes.js';
import { searchNeeds } from './need.search.js';
import { seesPrivateChallenges, type NeedService } from './need.service.js';

export function needRouter(needs: NeedService, search: Meilisearch, index: string): Router {
  const router = Router();
  router.get(
    '/needs/search',
    ...endpoint({ query: NeedSearchQuerySchema }, ({ query }, req) =>
      searchNeeds(search, index, query, seesPrivateChallenges(req.ctx.actor)),
    ),
  );
  mountListingRoutes(router, 'needs', needs, NeedInputSchema);
  return router;
}
