import { ErrorBodySchema } from '@techmatch/shared';
import type { z } from 'zod';
import { currentLocale } from './i18n/index.js';

/** An API failure with the server's stable code, or a client-side one (NETWORK, INVALID_RESPONSE). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The stable code of a failure, for the UI to translate (anything unexpected is INTERNAL). */
export function errorCode(error: unknown): string {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;

/** The session's CSRF token, sent with every write (set by the session store on sign-in). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function readError(res: Response): Promise<ApiError> {
  const parsed = ErrorBodySchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return new ApiError('INTERNAL', res.status, res.statusText);
  const { code, message, details } = parsed.data.error;
  return new ApiError(code, res.status, message, details);
}

function headersFor(method: Method, hasBody: boolean): Record<string, string> {
  return {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
    ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
    ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
  };
}

/**
 * Calls the API and validates the answer against the shared schema, so a drift between server and client
 * shows up as an error here instead of as `undefined` somewhere in a template. A `FormData` body (a file
 * upload) goes out as multipart, any other body as JSON.
 */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const multipart = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body !== undefined && !multipart),
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, 'network error');
  }
  if (!res.ok) throw await readError(res);
  const parsed = schema.safeParse(res.status === 204 ? undefined : await res.json());
  if (!parsed.success) throw new ApiError('INVALID_RESPONSE', res.status, parsed.error.message);
  return parsed.data;
}

export const api = {
  get: <S extends z.ZodType>(path: string, schema: S) => apiRequest('GET', path, schema),
  post: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiRequest('POST', path, schema, body),
  put: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiRequest('PUT', path, schema, body),
  patch: <S extends z.ZodType>(path: string, schema: S, body?: unknown) =>
    apiRequest('PATCH', path, schema, body),
  delete: <S extends z.ZodType>(path: string, schema: S) => apiRequest('DELETE', path, schema),
};

/** Builds a query string from defined, non-empty values. */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
