import { errorStatus, type ErrorCode } from '@techmatch/shared';

/** The one error type services throw. Its code decides the HTTP status and the localized message. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.status = errorStatus(code);
  }
}
