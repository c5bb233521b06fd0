import {
  FunnelQuerySchema,
  StatisticsQuerySchema,
  todayInChina,
  yearOf,
  YearSchema,
} from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { DashboardService } from './dashboard.service.js';
import type { funnelService } from './funnel.js';

/** The public dashboard (`GET /dashboard`) and staff statistics for any period, with the funnel. */
export function dashboardRouter(
  dashboard: DashboardService,
  funnel: ReturnType<typeof funnelService>,
): Router {
  const router = Router();
  router.get(
    '/dashboard',
    ...endpoint({ query: z.object({ year: YearSchema.optional() }) }, ({ query }) =>
      dashboard.snapshot(query.year ?? yearOf(todayInChina())),
    ),
  );
  router.get(
    '/statistics',
    ...endpoint({ query: StatisticsQuerySchema }, ({ query }, req) => dashboard.statistics(req.ctx, query)),
  );
  router.get(
    '/statistics/funnel',
    ...endpoint({ query: FunnelQuerySchema }, ({ query }, req) => funnel(req.ctx, query)),
  );
  return router;
}
