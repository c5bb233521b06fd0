import { errorMessage, type ErrorBody, type ErrorCode } from '@techmatch/shared';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { requestLocale } from './locale.js';

/** Errors raised by Express's body parser carry a `type`; map the ones a client can cause to our codes. */
const BODY_PARSER_ERRORS: Record<string, ErrorCode> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
};

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && type in BODY_PARSER_ERRORS) {
    return new AppError(BODY_PARSER_ERRORS[type] as ErrorCode);
  }
  return null;
}

export const apiNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('ROUTE_NOT_FOUND'));
};

/** The single place that turns any thrown error into `{ error: { code, message, details? } }`. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const known = toAppError(error);
  const appError = known ?? new AppError('INTERNAL');
  if (!known) req.log.error({ err: error }, 'unhandled error');
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: errorMessage(appError.code, requestLocale(req)),
      ...(appError.details === undefined ? {} : { details: appError.details }),
      requestId: String(req.id),
    },
  };
  res.status(appError.status).json(body);
};
