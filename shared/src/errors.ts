import { z } from 'zod';
import type { Locale } from './enums.js';

interface ErrorDefinition {
  status: number;
  en: string;
  zh: string;
}

/**
 * Every error the API can answer with. The code is the stable contract; the status and the messages live
 * here, once, so the server answers and the client translates from the same table.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, en: 'Some fields are not valid.', zh: '部分字段填写不正确。' },
  MALFORMED_JSON: { status: 400, en: 'The request body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request body is too large.', zh: '请求内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    en: 'This content type is not supported.',
    zh: '不支持该内容类型。',
  },
  ROUTE_NOT_FOUND: { status: 404, en: 'No such API route.', zh: '接口不存在。' },
  METHOD_NOT_ALLOWED: { status: 405, en: 'This method is not allowed here.', zh: '不支持该请求方法。' },
  INTERNAL: {
    status: 500,
    en: 'Something went wrong on our side. Please try again later.',
    zh: '服务器内部错误，请稍后再试。',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    en: 'A required service is temporarily unavailable.',
    zh: '依赖的服务暂时不可用。',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = ERROR_CATALOG[code];
  return locale === 'en' ? entry.en : entry.zh;
}

export const ErrorIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** The one JSON error shape: `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CATALOG, value);
}

/** All error messages of one language, keyed by code: the client's `errors.<CODE>` i18n messages. */
export function errorMessages(locale: Locale): Record<ErrorCode, string> {
  return Object.fromEntries(ERROR_CODES.map((code) => [code, errorMessage(code, locale)])) as Record<
    ErrorCode,
    string
  >;
}
