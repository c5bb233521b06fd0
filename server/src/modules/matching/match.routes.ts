import {
  ListingMatchesQuerySchema,
  MatchBoardQuerySchema,
  ObjectIdSchema,
  OWNER_MATCH_ACTIONS,
  PageQuerySchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { MatchService } from './match.service.js';

const byId = z.object({ id: ObjectIdSchema });

export function matchRouter(matches: MatchService): Router {
  const router = Router();
  for (const [path, type] of [
    ['needs', 'need'],
    ['achievements', 'achievement'],
  ] as const) {
    router.get(
      `/${path}/:id/matches`,
      ...endpoint({ params: byId, query: ListingMatchesQuerySchema }, ({ params, query }, req) =>
        matches.forListing(req.ctx, type, params.id, query.includeDismissed === 'true'),
      ),
    );
  }
  router.get(
    '/matches/mine',
    ...endpoint({ query: PageQuerySchema }, ({ query }, req) => matches.mine(req.ctx, query)),
  );
  router.get(
    '/matches/board',
    ...endpoint({ query: MatchBoardQuerySchema.extend(PageQuerySchema.shape) }, ({ query }, req) =>
      matches.board(req.ctx, query),
    ),
  );
  router.post(
    '/matches/:id/handle',
    ...endpoint({ params: byId }, ({ params }, req) => matches.handle(req.ctx, params.id)),
  );
  router.post(
    '/matches/:id/:action',
    ...endpoint({ params: byId.extend({ action: z.enum(OWNER_MATCH_ACTIONS) }) }, ({ params }, req) =>
      matches.act(req.ctx, params.id, params.action),
    ),
  );
  return router;
}
