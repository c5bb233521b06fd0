import type { HealthResponse } from '@techmatch/shared';
import { Router } from 'express';
import type { HealthProbes } from '../../platform/health.js';
import { APP_VERSION } from '../../platform/version.js';

const startedAt = Date.now();

export function healthRouter(probes: HealthProbes): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const [database, search] = await Promise.all([probes.database(), probes.search()]);
    const realtime = probes.realtime();
    const degraded = [database, search, realtime].some(
      (s) => s.state !== 'up' && s.state !== 'not_configured',
    );
    const body: HealthResponse = {
      status: degraded ? 'degraded' : 'ok',
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      services: { database, search, realtime },
    };
    res.json(body);
  });
  return router;
}
