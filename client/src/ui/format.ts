/** Date-time in the UI language, e.g. 2026/11/27 16:05 (zh-CN) or 11/27/2026, 4:05 PM (en). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day in the UI language, e.g. 2026年11月27日 or Nov 27, 2026. A calendar date (`YYYY-MM-DD`, a deadline)
 * is that very day wherever the browser is; an instant is the day it was in China, the bureau's calendar.
 */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const calendar = CALENDAR_DATE.test(value);
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: calendar ? 'UTC' : 'Asia/Shanghai',
  }).format(new Date(calendar ? `${value}T00:00:00Z` : value));
}

/** A file size for people: 980 B, 12.3 KB, 4.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
