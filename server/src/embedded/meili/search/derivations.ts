import type { Vocabulary } from '../engine/inverted-index.js';
import type { TypoTolerance } from '../settings/settings.js';
import type { QueryTerm } from './query.js';
import { allowedTypos, typoDistance } from './typo.js';

/** A vocabulary word that matches a query term, with its typo cost; `exact` = the query word itself. */
export interface WordMatch {
  wordId: number;
  cost: number;
  exact: boolean;
}

export interface TermDerivations {
  words: WordMatch[];
  /** Word-id sequences that must appear adjacent (quoted phrases, multi-word synonyms). */
  phrases: number[][];
  maxTypos: number;
}

export interface DerivationContext {
  vocabulary: Vocabulary;
  typoTolerance: TypoTolerance;
  /** Synonym alternatives (tokenised) by the key's words joined with a space. */
  synonyms: ReadonlyMap<string, string[][]>;
}

function wordIds(vocabulary: Vocabulary, words: string[]): number[] | undefined {
  const ids = words.map((word) => vocabulary.find(word));
  return ids.every((id) => id !== undefined) ? (ids as number[]) : undefined;
}

export function deriveTerm(term: QueryTerm, context: DerivationContext): TermDerivations {
  const derivations: TermDerivations = { words: [], phrases: [], maxTypos: 0 };
  const best = new Map<number, WordMatch>();
  const offer = (match: WordMatch) => {
    const known = best.get(match.wordId);
    if (!known || match.cost < known.cost || (match.cost === known.cost && match.exact && !known.exact)) {
      best.set(match.wordId, match);
    }
  };
  const addPhrase = (words: string[]) => {
    if (words.length === 1) {
      const id = context.vocabulary.find(words[0]!);
      if (id !== undefined) offer({ wordId: id, cost: 0, exact: false });
      return;
    }
    const ids = wordIds(context.vocabulary, words);
    if (ids) derivations.phrases.push(ids);
  };
  if (term.kind === 'word') {
    derivations.maxTypos = deriveWord(term.words[0]!, term.prefix, context, offer);
  } else if (term.kind === 'phrase' && term.words.length === 1) {
    const id = context.vocabulary.find(term.words[0]!);
    if (id !== undefined) offer({ wordId: id, cost: 0, exact: true });
  } else {
    addPhrase(term.words);
  }
  for (const alternative of context.synonyms.get(term.words.join(' ')) ?? []) addPhrase(alternative);
  derivations.words = [...best.values()];
  return derivations;
}

/** Exact, prefix and typo derivations of one query word; returns the typos allowed for it. */
function deriveWord(
  word: string,
  prefix: boolean,
  context: DerivationContext,
  offer: (m: WordMatch) => void,
): number {
  const { vocabulary } = context;
  const exactId = vocabulary.find(word);
  if (exactId !== undefined) offer({ wordId: exactId, cost: 0, exact: true });
  if (prefix) for (const id of vocabulary.withPrefix(word)) offer({ wordId: id, cost: 0, exact: false });
  const maxTypos = allowedTypos(word, context.typoTolerance);
  if (maxTypos === 0) return 0;
  const query = [...word];
  const words = vocabulary.words;
  for (let id = 0; id < words.length; id++) {
    const candidate = words[id]!;
    if (!prefix && Math.abs(candidate.length - word.length) > maxTypos + 1) continue;
    if (maxTypos === 1 && candidate[0] !== word[0]) continue;
    const distance = typoDistance(query, [...candidate], maxTypos, prefix);
    if (distance > 0 && distance <= maxTypos) offer({ wordId: id, cost: distance, exact: false });
  }
  return maxTypos;
}
