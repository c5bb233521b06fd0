import { DEFAULT_LOCALE, type Locale } from '@techmatch/shared';
import type { Request } from 'express';

/** Picks the response language from `Accept-Language`; Chinese unless the client prefers English. */
export function requestLocale(req: Request): Locale {
  const preferred = req.acceptsLanguages('zh', 'zh-CN', 'en');
  return preferred === 'en' ? 'en' : DEFAULT_LOCALE;
}
