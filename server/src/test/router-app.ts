import express from 'express';
import { errorHandler } from '../platform/http/error-handler.js';
import { requestLogger } from '../platform/http/middleware.js';
import { silentLogger } from './stack.js';

/** A bare app around one router, with the same request logging and error handling as the real one. */
export function createRouterTestApp(router: express.Router) {
  const app = express();
  app.use(requestLogger(silentLogger));
  app.use(express.json());
  app.use(router);
  app.use(errorHandler);
  return app;
}
