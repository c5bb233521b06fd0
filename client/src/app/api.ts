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

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function readError(res: Response): Promise<ApiError> {
  const parsed = ErrorBodySchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) return new ApiError('INTERNAL', res.status, res.statusText);
  const { code, message, details } = parsed.data.error;
  return new ApiError(code, res.status, message, details);
}

/**
 * Calls the API and validates the answer against the shared schema, so a drift between server and client
 * shows up as an error here instead of as `undefined` somewhere in a template.
 */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': currentLocale(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
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
