import { MeiliError } from '../errors.js';

/** A lexical token of a filter expression; offsets count Unicode code points, as Meilisearch's columns do. */
export interface FilterToken {
  kind: 'word' | 'quoted' | 'op' | 'punct';
  text: string;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}_.-]/u;
const OPERATORS = ['!=', '>=', '<=', '=', '>', '<'];
export const KEYWORDS = new Set([
  'AND',
  'OR',
  'IN',
  'NOT',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
  '_geoRadius',
  '_geoBoundingBox',
  '_geoPolygon',
]);

/** A filter syntax error laid out as Meilisearch prints it: diagnosis, newline, `start:end filter`. */
export class FilterSyntaxError extends MeiliError {
  constructor(diagnosis: string, start: number, end: number, filter: string) {
    super('invalid_search_filter', `${diagnosis}\n${start + 1}:${end + 1} ${filter}`);
  }
}

export function tokenizeFilter(chars: string[], filter: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      i = readQuoted(chars, i, filter, tokens);
    } else if ('()[],'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
    } else if (WORD_CHAR.test(c)) {
      const start = i;
      while (i < chars.length && WORD_CHAR.test(chars[i]!)) i++;
      tokens.push({ kind: 'word', text: chars.slice(start, i).join(''), start, end: i });
    } else {
      const op = OPERATORS.find((candidate) => chars.slice(i, i + candidate.length).join('') === candidate);
      if (!op) {
        tokens.push({ kind: 'punct', text: c, start: i, end: i + 1 });
        i++;
        continue;
      }
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return tokens;
}

function readQuoted(chars: string[], open: number, filter: string, tokens: FilterToken[]): number {
  const quote = chars[open]!;
  let text = '';
  let i = open + 1;
  while (i < chars.length && chars[i] !== quote) {
    if (chars[i] === '\\' && i + 1 < chars.length) {
      i++;
      text += decodeEscape(chars[i]!, quote);
    } else {
      text += chars[i];
    }
    i++;
  }
  if (i >= chars.length) {
    const fragment = chars.slice(open).join('');
    throw new FilterSyntaxError(
      `Expression \`${fragment}\` is missing the following closing delimiter: \`${quote}\`.`,
      open,
      chars.length,
      filter,
    );
  }
  tokens.push({ kind: 'quoted', text, start: open, end: i + 1 });
  return i + 1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '0': '\0' };

function decodeEscape(c: string, quote: string): string {
  if (c === quote) return c;
  return ESCAPES[c] ?? `\\${c}`;
}
