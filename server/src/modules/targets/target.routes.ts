import { AnnualTargetInputSchema, YearSchema } from '@techmatch/shared';
import { Router } from 'express';
import { z } from 'zod';
import { endpoint } from '../../platform/http/endpoint.js';
import type { TargetService } from './target.service.js';

const byYear = z.object({ year: YearSchema });

export function targetRouter(targets: TargetService): Router {
  const router = Router();
  router.get('/targets/:year', ...endpoint({ params: byYear }, ({ params }) => targets.get(params.year)));
  router.put(
    '/targets/:year',
    ...endpoint({ params: byYear, body: AnnualTargetInputSchema }, ({ params, body }, req) =>
      targets.update(req.ctx, params.year, body),
    ),
  );
  return router;
}
