import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from './config.js';
import { healthRouter } from './modules/health/health.routes.js';
import { apiNotFound, errorHandler } from './platform/http/error-handler.js';
import type { HealthProbes } from './platform/health.js';
import { requestLogger, securityHeaders } from './platform/http/middleware.js';
import type { Logger } from './platform/logger.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  health: HealthProbes;
}

/** Serves the built single-page client, falling back to index.html for client-side routes. */
function clientApp(clientDist: string): RequestHandler {
  const indexHtml = path.join(clientDist, 'index.html');
  const router = express.Router();
  router.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).type('text/plain').send('The web client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}

/** Builds the Express application without listening, so tests drive it with Supertest. */
export function createApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use('/api', express.json({ limit: config.BODY_LIMIT }));
  app.use('/api', healthRouter(deps.health));
  app.use('/api', apiNotFound);
  app.use(clientApp(config.CLIENT_DIST));
  app.use(errorHandler);
  return app;
}
