import { AchievementInputSchema, AchievementSearchQuerySchema } from '@techmatch/shared';
import { Router } from 'express';
import type { Meilisearch } from 'meilisearch';
import { endpoint } from '../../platform/http/endpoint.js';
import { mountListingRoutes } from '../listings/listing.routes.js';
import { searchAchievements } from './achievement.search.js';
import type { AchievementService } from './achievement.service.js';

export function achievementRouter(
  achievements: AchievementService,
  search: Meilisearch,
  index: string,
): Router {
  const router = Router();
  router.get(
    '/achievements/search',
    ...endpoint({ query: AchievementSearchQuerySchema }, ({ query }) =>
      searchAchievements(search, index, query),
    ),
  );
  mountListingRoutes(router, 'achievements', achievements, AchievementInputSchema);
  return router;
}
