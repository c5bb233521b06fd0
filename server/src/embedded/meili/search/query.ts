import type { Tokenizer } from '../engine/tokenizer.js';

/** Meilisearch keeps at most this many query terms (a phrase counts as one). */
export const WORDS_LIMIT = 10;

/** One query term: a word, a quoted phrase, or a run of words that a multi-word synonym key covers. */
export interface QueryTerm {
  words: string[];
  kind: 'word' | 'phrase' | 'group';
  /** Only the last plain word of a query not ending in a separator matches as a prefix. */
  prefix: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Words or phrases after a `-`: documents containing them are excluded. */
  negatives: string[][];
}

interface Segment {
  text: string;
  phrase: boolean;
  negative: boolean;
}

/** Split raw `q` on `"phrases"` and `-negations` (a minus only counts at the start or after whitespace). */
function segmentQuery(q: string): Segment[] {
  const segments: Segment[] = [];
  let plain = '';
  const flushPlain = () => {
    if (plain) segments.push({ text: plain, phrase: false, negative: false });
    plain = '';
  };
  for (let i = 0; i < q.length;) {
    const c = q[i]!;
    const atWordStart = i === 0 || /\s/u.test(q[i - 1]!);
    const negative = c === '-' && atWordStart && i + 1 < q.length && !/\s/u.test(q[i + 1]!);
    const quoteAt = negative ? i + 1 : i;
    if (q[quoteAt] === '"') {
      flushPlain();
      const close = q.indexOf('"', quoteAt + 1);
      const end = close === -1 ? q.length : close;
      segments.push({ text: q.slice(quoteAt + 1, end), phrase: true, negative });
      i = end + 1;
    } else if (negative) {
      flushPlain();
      const match = /\S+/u.exec(q.slice(i + 1))!;
      segments.push({ text: match[0], phrase: false, negative: true });
      i += 1 + match[0].length;
    } else {
      plain += c;
      i++;
    }
  }
  flushPlain();
  return segments;
}

export interface QueryOptions {
  tokenizer: Tokenizer;
  stopWords: ReadonlySet<string>;
  /** Multi-word synonym keys, tokenised, grouped by their first word. */
  multiWordKeys: ReadonlyMap<string, string[][]>;
  prefixSearch: boolean;
}

export function parseQuery(q: string, options: QueryOptions): ParsedQuery {
  const terms: QueryTerm[] = [];
  const negatives: string[][] = [];
  for (const segment of segmentQuery(q)) {
    const words = options.tokenizer.tokenize(segment.text).map((token) => token.word);
    if (words.length === 0) continue;
    if (segment.negative) negatives.push(segment.phrase ? words : words.slice(0, 1));
    else if (segment.phrase) terms.push({ words, kind: 'phrase', prefix: false });
    else for (const word of words) terms.push({ words: [word], kind: 'word', prefix: false });
  }
  const grouped = groupSynonymKeys(dropStopWords(terms, options.stopWords), options.multiWordKeys);
  const limited = grouped.slice(0, WORDS_LIMIT);
  const last = limited[limited.length - 1];
  const endsWithSeparator = !/[\p{L}\p{N}]$/u.test(q);
  if (
    last?.kind === 'word' &&
    options.prefixSearch &&
    !endsWithSeparator &&
    limited.length === grouped.length
  ) {
    last.prefix = true;
  }
  return { terms: limited, negatives };
}

/** Stop words are skipped, except the last word of the query. */
function dropStopWords(terms: QueryTerm[], stopWords: ReadonlySet<string>): QueryTerm[] {
  if (stopWords.size === 0) return terms;
  return terms.filter(
    (term, index) => term.kind !== 'word' || index === terms.length - 1 || !stopWords.has(term.words[0]!),
  );
}

/** Merge consecutive plain words that spell a multi-word synonym key into one term. */
function groupSynonymKeys(terms: QueryTerm[], keys: ReadonlyMap<string, string[][]>): QueryTerm[] {
  if (keys.size === 0) return terms;
  const out: QueryTerm[] = [];
  for (let i = 0; i < terms.length;) {
    const candidates = terms[i]!.kind === 'word' ? (keys.get(terms[i]!.words[0]!) ?? []) : [];
    const key = candidates.find((words) =>
      words.every(
        (word, offset) => terms[i + offset]?.kind === 'word' && terms[i + offset]!.words[0] === word,
      ),
    );
    if (key) {
      out.push({ words: key, kind: 'group', prefix: false });
      i += key.length;
    } else {
      out.push(terms[i]!);
      i++;
    }
  }
  return out;
}
