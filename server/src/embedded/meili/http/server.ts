import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from '../auth/authorize.js';
import { MeiliError } from '../errors.js';
import { assertIndexUid } from '../indexes.js';
import type { Instance, Logger } from '../instance.js';
import { bodyReaders, compileRoutes, matchRoute } from './router.js';
import { documentRoutes } from './routes/documents.js';
import { indexRoutes } from './routes/indexes.js';
import { instanceRoutes } from './routes/instance-routes.js';
import { keyRoutes } from './routes/keys.js';
import { searchRoutes } from './routes/search.js';
import { settingsRoutes } from './routes/settings.js';
import { swapRoutes } from './routes/swap.js';
import { taskRoutes } from './routes/tasks.js';

const ROUTES = compileRoutes([
  ...instanceRoutes,
  ...indexRoutes,
  ...swapRoutes,
  ...documentRoutes,
  ...settingsRoutes,
  ...searchRoutes,
  ...taskRoutes,
  ...keyRoutes,
]);

function send(response: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const json = JSON.stringify(body);
  response
    .writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) })
    .end(json);
}

/** The request handler: route, authenticate, run, and answer errors as Meilisearch error objects. */
export function createHandler(instance: Instance, log: Logger) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const matched = matchRoute(ROUTES, request.method ?? 'GET', url.pathname.replace(/\/+$/, '') || '/');
      if (matched === undefined) throw new MeiliError('not_found', 'Not found.', 404);
      if (matched === 'method') throw new MeiliError('method_not_allowed', 'Method not allowed.', 405);
      const { route, params } = matched;
      if (params.uid !== undefined && route.path.startsWith('/indexes/')) assertIndexUid(params.uid);
      const indexUid = route.path.startsWith('/indexes/:uid') ? params.uid : undefined;
      const caller = authorize(instance.keys, request.headers.authorization, route.action, indexUid);
      const reply = await route.handle({
        instance,
        params,
        query: url.searchParams,
        request,
        caller,
        ...bodyReaders(request),
      });
      send(response, reply.status, reply.body);
    } catch (error) {
      const meiliError = error instanceof MeiliError ? error : new MeiliError('internal', String(error));
      if (meiliError.status >= 500)
        log('error', 'meili request failed', { error: String(error), url: request.url });
      if (!request.complete) request.resume();
      send(response, meiliError.status, meiliError.toBody());
    }
  };
}
