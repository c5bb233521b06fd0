import type { IncomingMessage } from 'node:http';
import type { Caller } from '../auth/authorize.js';
import type { Instance } from '../instance.js';
import { assertJsonContentType, parseJson, readBody } from './request.js';

export interface Reply {
  status: number;
  body?: unknown;
}

/** What a route handler sees: path params, query, the body on demand, and the caller's index scope. */
export interface RouteContext {
  instance: Instance;
  params: Record<string, string>;
  query: URLSearchParams;
  request: IncomingMessage;
  /** The body parsed as JSON (content type checked). */
  json(): Promise<unknown>;
  /** The raw body text. */
  text(): Promise<string>;
  /** The authenticated caller: which indexes its key may touch, and any tenant-token filter. */
  caller: Caller;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** API-key action required; `null` for public routes. */
  action: string | null;
  handle(context: RouteContext): Promise<Reply> | Reply;
}

export interface MatchedRoute {
  route: Route;
  params: Record<string, string>;
}

/** Routes with their path split once, for matching by segments. */
export function compileRoutes(routes: Route[]): [Route, string[]][] {
  return routes.map((route) => [route, route.path.split('/').filter(Boolean)]);
}

export function matchRoute(
  routes: [Route, string[]][],
  method: string,
  pathname: string,
): MatchedRoute | 'method' | undefined {
  const segments = pathname.split('/').filter(Boolean);
  let pathMatched = false;
  for (const [route, pattern] of routes) {
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]!);
        return true;
      }
      return part === segments[i];
    });
    if (!matches) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'method' : undefined;
}

export function bodyReaders(request: IncomingMessage) {
  let cached: Promise<string> | undefined;
  const text = () => (cached ??= readBody(request));
  return {
    text,
    json: async () => {
      assertJsonContentType(request);
      return parseJson(await text());
    },
  };
}

export const accepted = (body: unknown): Reply => ({ status: 202, body });
export const ok = (body: unknown): Reply => ({ status: 200, body });
