import type { Document } from '../engine/fields.js';
import { patternMatches } from '../engine/fields.js';
import type { Tokenizer } from '../engine/tokenizer.js';
import type { Matcher } from './matcher.js';

export interface FormatOptions {
  tokenizer: Tokenizer;
  matcher: Matcher;
  highlight: (path: string) => boolean;
  cropLength: (path: string) => number | undefined;
  preTag: string;
  postTag: string;
  cropMarker: string;
}

const selects = (patterns: readonly string[], path: string) =>
  patterns.some((pattern) => patternMatches(pattern, path));
const mayContain = (patterns: readonly string[], path: string) =>
  patterns.some(
    (pattern) => pattern.startsWith(`${path}.`) || (pattern.includes('*') && !pattern.startsWith('*')),
  );

/**
 * The top-level names every list selects, when the lists are plain names or `*` (the common case, chosen
 * without walking patterns per field); undefined when a wildcard pattern or a dot path needs the walk.
 */
function plainSelection(lists: readonly (readonly string[])[]): Set<string> | undefined {
  const restricting = lists.filter((patterns) => !patterns.includes('*'));
  if (restricting.length === 0) return undefined;
  if (restricting.some((patterns) => patterns.some((p) => p.includes('*') || p.includes('.'))))
    return undefined;
  const [first = [], ...others] = restricting;
  return new Set(first.filter((name) => others.every((patterns) => patterns.includes(name))));
}

/** Keep the fields of `value` that every pattern list selects (dot paths reach into nested objects). */
export function selectFields(value: Document, lists: readonly (readonly string[])[], prefix = ''): Document {
  const names = prefix ? undefined : plainSelection(lists);
  if (names) return Object.fromEntries(Object.entries(value).filter(([key]) => names.has(key)));
  const out: Document = {};
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (lists.every((patterns) => selects(patterns, path))) out[key] = child;
    else if (lists.every((patterns) => selects(patterns, path) || mayContain(patterns, path))) {
      const nested = selectNested(child, lists, path);
      if (nested !== undefined) out[key] = nested;
    }
  }
  return out;
}

function selectNested(value: unknown, lists: readonly (readonly string[])[], path: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => selectNested(item, lists, path)).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const picked = selectFields(value as Document, lists, path);
  return Object.keys(picked).length ? picked : undefined;
}

/** The `_formatted` copy: numbers as strings, chosen strings highlighted and/or cropped. */
export function formatValue(value: unknown, path: string, options: FormatOptions): unknown {
  if (Array.isArray(value)) return value.map((item) => formatValue(item, path, options));
  if (typeof value === 'number') return formatString(String(value), path, options);
  if (typeof value === 'string') return formatString(value, path, options);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, formatValue(child, `${path}.${key}`, options)]),
    );
  }
  return value;
}

function formatString(text: string, path: string, options: FormatOptions): string {
  const highlight = options.highlight(path);
  const crop = options.cropLength(path);
  if (!highlight && crop === undefined) return text;
  const tokens = options.tokenizer.tokenizeStored(text);
  const lengths = tokens.map((token) => options.matcher.matchLength(token));
  const [first, last] = crop === undefined ? [0, tokens.length - 1] : cropWindow(lengths, crop);
  if (tokens.length === 0 || last < first) return crop === 0 ? '' : text;
  const from = crop === undefined ? 0 : tokens[first]!.start;
  const to = crop === undefined ? text.length : tokens[last]!.end;
  let out = crop !== undefined && first > 0 ? options.cropMarker : '';
  let cursor = from;
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    const length = highlight ? lengths[i]! : 0;
    if (length === 0) continue;
    out +=
      text.slice(cursor, token.start) +
      options.preTag +
      text.slice(token.start, token.start + length) +
      options.postTag;
    cursor = token.start + length;
  }
  out += text.slice(cursor, to);
  if (crop !== undefined && last < tokens.length - 1) out += options.cropMarker;
  return out;
}

/** The `cropLength`-word window with the most distinct matches, centred on them. */
function cropWindow(lengths: number[], cropLength: number): [number, number] {
  if (lengths.length <= cropLength) return [0, lengths.length - 1];
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start + cropLength <= lengths.length; start++) {
    let score = 0;
    for (let i = start; i < start + cropLength; i++) if (lengths[i]! > 0) score++;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  if (bestScore <= 0) return [0, cropLength - 1];
  const matches = lengths
    .map((length, index) => (length > 0 ? index : -1))
    .filter((index) => index >= best && index < best + cropLength);
  const span = matches[matches.length - 1]! - matches[0]! + 1;
  const start = Math.max(
    0,
    Math.min(lengths.length - cropLength, matches[0]! - Math.floor((cropLength - span) / 2)),
  );
  return [start, start + cropLength - 1];
}

export interface MatchPosition {
  start: number;
  length: number;
  indices?: number[];
}

/** `_matchesPosition`: byte offsets of every match per attribute path. */
export function matchesPosition(
  document: Document,
  tokenizer: Tokenizer,
  matcher: Matcher,
): Record<string, MatchPosition[]> {
  const out: Record<string, MatchPosition[]> = {};
  const visit = (value: unknown, path: string, index: number | undefined) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, path, i));
    if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key, index);
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const text = String(value);
    for (const token of tokenizer.tokenizeStored(text)) {
      const length = matcher.matchLength(token);
      if (length === 0) continue;
      const position: MatchPosition = {
        start: byteLength(text, 0, token.start),
        length: byteLength(text, token.start, token.start + length),
      };
      if (index !== undefined) position.indices = [index];
      (out[path] ??= []).push(position);
    }
  };
  visit(document, '', undefined);
  return out;
}

const byteLength = (text: string, from: number, to: number) => Buffer.byteLength(text.slice(from, to));
