import express from 'express';
import { pino } from 'pino';
import { createApp, type AppDeps } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { notConfigured } from '../platform/health.js';
import { errorHandler } from '../platform/http/error-handler.js';
import { requestLogger } from '../platform/http/middleware.js';

export const silentLogger = pino({ level: 'silent' });

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...overrides });
}

/** An app with no backing services configured, for tests of the HTTP shell itself. */
export function createTestApp(overrides: Partial<AppDeps> = {}) {
  return createApp({
    config: testConfig(),
    logger: silentLogger,
    health: {
      database: notConfigured,
      search: notConfigured,
      realtime: () => ({ mode: 'not_configured', state: 'not_configured', connections: 0 }),
    },
    ...overrides,
  });
}

/** A bare app around one router, with the same request logging and error handling as the real one. */
export function createRouterTestApp(router: express.Router) {
  const app = express();
  app.use(requestLogger(silentLogger));
  app.use(express.json());
  app.use(router);
  app.use(errorHandler);
  return app;
}
