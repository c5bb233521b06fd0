import type { Bitset } from '../engine/bitset.js';
import type { IndexEngine } from '../engine/index-engine.js';
import type { WordsBucket } from './bucket-sort.js';
import type { SearchContext } from './context.js';
import type { TermDerivations } from './derivations.js';
import { deriveTerm } from './derivations.js';
import type { MatchingStrategy } from './params.js';
import type { ParsedQuery } from './query.js';
import { parseQuery } from './query.js';
import type { FieldRestriction, TermDocs } from './term-docs.js';
import { computeTermDocs } from './term-docs.js';

/** The analysed text part of a search: terms, their derivations, and the documents each matches. */
export interface TextQuery {
  parsed: ParsedQuery;
  derivations: TermDerivations[];
  termDocs: TermDocs[];
}

/** Terms' document sets cover the whole index (they are cached per index version); callers intersect. */
export function analyseText(
  q: string,
  engine: IndexEngine,
  context: SearchContext,
  restriction: FieldRestriction,
): TextQuery {
  const parsed = parseQuery(q, {
    tokenizer: engine.tokenizer,
    stopWords: context.stopWords,
    multiWordKeys: context.multiWordKeys,
    prefixSearch: engine.settings.prefixSearch !== 'disabled',
  });
  const derivationContext = {
    vocabulary: engine.inverted.vocabulary,
    typoTolerance: engine.settings.typoTolerance,
    synonyms: context.synonyms,
  };
  const matches = parsed.terms.map((term) =>
    context.cachedTerm(term, restriction, () => {
      const derivation = deriveTerm(term, derivationContext);
      const live = engine.store.alive.resized(engine.store.capacity);
      return {
        derivation,
        docs: computeTermDocs(derivation, engine.inverted, restriction, live, term.kind === 'phrase'),
      };
    }),
  );
  return {
    parsed,
    derivations: matches.map((match) => match.derivation),
    termDocs: matches.map((match) => match.docs),
  };
}

/** Documents containing any negated word or phrase (`-word`, `-"a phrase"`), matched exactly. */
export function negatedDocs(
  text: TextQuery,
  engine: IndexEngine,
  restriction: FieldRestriction,
  universe: Bitset,
): Bitset | undefined {
  let excluded: Bitset | undefined;
  for (const words of text.parsed.negatives) {
    const kind = words.length > 1 ? 'phrase' : 'word';
    const derivation = deriveTerm(
      { words, kind, prefix: false },
      { ...noTypos, vocabulary: engine.inverted.vocabulary },
    );
    const docs = computeTermDocs(derivation, engine.inverted, restriction, universe, true).all;
    excluded = excluded ? excluded.or(docs) : docs;
  }
  return excluded;
}

const noTypos = {
  typoTolerance: {
    enabled: false,
    minWordSizeForTypos: { oneTypo: 0, twoTypos: 0 },
    disableOnWords: [],
    disableOnAttributes: [],
    disableOnNumbers: true,
  },
  synonyms: new Map<string, string[][]>(),
};

/** Term indices in the order the matching strategy drops them (the first term is never dropped). */
function removalOrder(text: TextQuery, universe: Bitset, strategy: MatchingStrategy): number[] {
  const n = text.termDocs.length;
  if (strategy === 'all') return [];
  const indices = Array.from({ length: n }, (_, index) => index);
  if (strategy === 'last') return indices.reverse().slice(0, n - 1);
  const frequency = text.termDocs.map((docs) => docs.all.and(universe).count());
  const byFrequency = indices.sort((a, b) => frequency[b]! - frequency[a]! || b - a);
  return byFrequency.slice(0, n - 1);
}

/**
 * The words rule: first the documents matching every term, then — dropping terms in the
 * strategy's order — those matching fewer. Returns every candidate and the lazy buckets.
 */
export function wordsBuckets(
  text: TextQuery,
  universe: Bitset,
  strategy: MatchingStrategy,
): { candidates: Bitset; buckets: Iterable<WordsBucket> } {
  const n = text.termDocs.length;
  const order = removalOrder(text, universe, strategy);
  const active = new Set(Array.from({ length: n }, (_, index) => index));
  for (const term of order) active.delete(term);
  const candidates = intersect([...active], text, universe);
  function* buckets(): Iterable<WordsBucket> {
    const current = Array.from({ length: n }, (_, index) => index);
    let emitted: Bitset | undefined;
    for (let step = 0; step <= order.length; step++) {
      let docs = intersect(current, text, universe);
      if (emitted) docs = docs.andNot(emitted);
      const rank = { rank: current.length, max: n };
      const detail = { matchingWords: current.length, maxMatchingWords: n, score: rank.rank / rank.max };
      yield { active: [...current], docs: docs.toArray(), ranks: [rank], detail };
      emitted = emitted ? emitted.or(docs) : docs;
      const dropped = order[step];
      if (dropped !== undefined) current.splice(current.indexOf(dropped), 1);
    }
  }
  return { candidates, buckets: buckets() };
}

function intersect(terms: number[], text: TextQuery, universe: Bitset): Bitset {
  return terms.reduce((set, term) => set.and(text.termDocs[term]!.all), universe);
}
