import {
  DEFAULT_LOCALE,
  errorMessage,
  type ClientToServerEvents,
  type Locale,
  type SocketAck,
  type SocketError,
} from '@techmatch/shared';
import type { z } from 'zod';
import type { RequestContext } from './auth/actor.js';
import { AppError } from './errors.js';
import { describeIssues, zodLocales } from './http/validate.js';
import type { Logger } from './logger.js';
import type { RealtimeSocket } from './realtime.js';

/** The language of a socket's answers: the browser's `Accept-Language` at connection time. */
export function socketLocale(socket: RealtimeSocket): Locale {
  const header = socket.handshake.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : DEFAULT_LOCALE;
}

export function socketContext(socket: RealtimeSocket): RequestContext {
  return { actor: socket.data.actor, requestId: null, ip: socket.handshake.address || null };
}

function toSocketError(error: unknown, locale: Locale, logger: Logger): SocketError {
  const appError = error instanceof AppError ? error : new AppError('INTERNAL');
  if (!(error instanceof AppError)) logger.error({ err: error }, 'socket request failed');
  return {
    code: appError.code,
    message: errorMessage(appError.code, locale),
    ...(appError.details === undefined ? {} : { details: appError.details }),
  };
}

type Handle<S extends z.ZodType, R> = (ctx: RequestContext, input: z.output<S>) => Promise<R>;

/**
 * A socket request handled like an HTTP one: the payload is validated with its shared schema, the service
 * answers through the acknowledgement `{ ok, data }` or `{ ok: false, error }` with the HTTP error codes.
 * A client that sent no acknowledgement callback hears about a refusal through `onError`.
 */
export function onSocketRequest<S extends z.ZodType, R>(
  socket: RealtimeSocket,
  event: keyof ClientToServerEvents,
  schema: S,
  handle: Handle<S, R>,
  { logger, onError }: { logger: Logger; onError: (error: SocketError) => void },
): void {
  const locale = socketLocale(socket);
  const listener = async (payload: unknown, ack?: unknown) => {
    const answer = (result: SocketAck<R>) => {
      if (typeof ack === 'function') (ack as (a: SocketAck<R>) => void)(result);
      else if (!result.ok) onError(result.error);
    };
    try {
      const parsed = schema.safeParse(payload, { error: zodLocales[locale].localeError });
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', { issues: describeIssues('payload', parsed.error, locale) });
      }
      answer({ ok: true, data: await handle(socketContext(socket), parsed.data) });
    } catch (error) {
      answer({ ok: false, error: toSocketError(error, locale, logger) });
    }
  };
  // Socket.IO's typed `on` cannot name a listener for "any of the client events"; the payload is checked above.
  socket.on(event, listener as never);
}
