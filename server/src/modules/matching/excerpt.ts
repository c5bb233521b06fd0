const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * A short excerpt of `text` around the first matched term, HTML-escaped, with every matched term wrapped in
 * `<mark>`: the explanation users see on both sides of a match.
 */
export function markedExcerpt(text: string, terms: string[], maxLength = 140): string {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  const first = Math.min(
    ...wanted.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0),
    text.length,
  );
  const start = first === text.length ? 0 : Math.max(0, first - 30);
  const slice = text.slice(start, start + maxLength);
  const prefix = start > 0 ? '…' : '';
  const suffix = start + maxLength < text.length ? '…' : '';
  if (wanted.length === 0) return escapeHtml(prefix + slice + suffix);
  const pattern = new RegExp(wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  let out = '';
  let last = 0;
  for (const match of slice.matchAll(pattern)) {
    out += `${escapeHtml(slice.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = (match.index ?? 0) + match[0].length;
  }
  return escapeHtml(prefix) + out + escapeHtml(slice.slice(last) + suffix);
}
