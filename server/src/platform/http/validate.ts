import { localizeValidationMessage, type ErrorIssue, type Locale } from '@techmatch/shared';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { requestLocale } from './locale.js';

export interface RequestSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

export const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

export function describeIssues(part: string, error: z.ZodError, locale: Locale): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    code: issue.code,
    message: localizeValidationMessage(issue.message, locale),
  }));
}

/**
 * Validates params, query and body against shared zod schemas, reports every issue (not only the first)
 * in the request's language, and writes the parsed, coerced values back so handlers read typed data.
 */
export function validate(schemas: RequestSchemas): RequestHandler {
  return (req, _res, next) => {
    const locale = requestLocale(req);
    const issues: ErrorIssue[] = [];
    const parsed: Record<string, unknown> = {};
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part], { error: zodLocales[locale].localeError });
      if (result.success) parsed[part] = result.data;
      else issues.push(...describeIssues(part, result.error, locale));
    }
    if (issues.length > 0) {
      next(new AppError('VALIDATION_FAILED', { issues }));
      return;
    }
    if (parsed.params) req.params = parsed.params as typeof req.params;
    if (parsed.query) Object.defineProperty(req, 'query', { value: parsed.query, writable: true });
    if (parsed.body !== undefined) req.body = parsed.body;
    next();
  };
}
