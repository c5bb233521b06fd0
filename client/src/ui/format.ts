/** Date-time in the UI language, e.g. 2026/11/27 16:05 (zh-CN) or 11/27/2026, 4:05 PM (en). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
