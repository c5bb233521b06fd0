import type { Vocabulary } from '../engine/inverted-index.js';
import type { Token } from '../engine/tokenizer.js';
import type { TermDerivations } from './derivations.js';
import type { QueryTerm } from './query.js';

/**
 * Decides which document words to highlight: typo, exact, synonym and phrase matches in full;
 * prefix matches only over the query word's length, as Meilisearch's matcher does.
 */
export class Matcher {
  private readonly full = new Set<number>();
  private readonly prefixes: { wordIds: Set<number>; length: number; word: string }[] = [];

  constructor(
    private readonly vocabulary: Vocabulary,
    terms: QueryTerm[],
    derivations: TermDerivations[],
  ) {
    derivations.forEach((derivation, index) => {
      const term = terms[index]!;
      const prefix = {
        wordIds: new Set<number>(),
        length: [...(term.words[0] ?? '')].length,
        word: term.words[0] ?? '',
      };
      for (const match of derivation.words) {
        const word = vocabulary.words[match.wordId]!;
        if (term.prefix && match.cost === 0 && !match.exact && word.startsWith(prefix.word))
          prefix.wordIds.add(match.wordId);
        else this.full.add(match.wordId);
      }
      for (const phrase of derivation.phrases) for (const id of phrase) this.full.add(id);
      if (prefix.wordIds.size) this.prefixes.push(prefix);
    });
  }

  /** UTF-16 length of the part of `token` to highlight; 0 when it does not match. */
  matchLength(token: Token): number {
    const id = this.vocabulary.find(token.word);
    if (id === undefined) return 0;
    if (this.full.has(id)) return token.end - token.start;
    const prefix = this.prefixes.find((candidate) => candidate.wordIds.has(id));
    return prefix ? Math.min(prefix.length, token.end - token.start) : 0;
  }

  get isEmpty(): boolean {
    return this.full.size === 0 && this.prefixes.length === 0;
  }
}
