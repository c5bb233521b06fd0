import type { IndexEngine } from '../engine/index-engine.js';
import { patternMatches } from '../engine/fields.js';
import { fieldBit } from '../engine/inverted-index.js';
import type { SortSource } from './sort-rule.js';
import { buildGlobalOrder } from './sort-rule.js';
import type { FieldRestriction } from './term-docs.js';

/** Settings-derived lookups for searching one index, rebuilt whenever the index changes. */
export class SearchContext implements SortSource {
  readonly stopWords: Set<string>;
  /** Synonym alternatives (tokenised) by their key's words joined with a space. */
  readonly synonyms = new Map<string, string[][]>();
  /** Multi-word synonym keys (tokenised) by their first word. */
  readonly multiWordKeys = new Map<string, string[][]>();
  private readonly orders = new Map<string, ReturnType<SortSource['globalOrder']>>();

  constructor(
    private readonly engine: IndexEngine,
    readonly version: number,
  ) {
    const tokenize = (text: string) => engine.tokenizer.tokenize(text).map((token) => token.word);
    this.stopWords = new Set(engine.settings.stopWords.flatMap(tokenize));
    for (const [key, alternatives] of Object.entries(engine.settings.synonyms)) {
      const keyWords = tokenize(key);
      if (keyWords.length === 0) continue;
      const joined = keyWords.join(' ');
      const list = this.synonyms.get(joined) ?? [];
      list.push(...alternatives.map(tokenize).filter((words) => words.length > 0));
      this.synonyms.set(joined, list);
      if (keyWords.length > 1) {
        const keys = this.multiWordKeys.get(keyWords[0]!) ?? [];
        keys.push(keyWords);
        keys.sort((a, b) => b.length - a.length);
        this.multiWordKeys.set(keyWords[0]!, keys);
      }
    }
  }

  get documents() {
    return this.engine.store.documents;
  }

  globalOrder(path: string, ascending: boolean) {
    const key = `${path}:${ascending}`;
    let order = this.orders.get(key);
    if (!order) {
      order = buildGlobalOrder(this.documents, this.engine.store.alive.toArray(), path, ascending);
      this.orders.set(key, order);
    }
    return order;
  }

  /** Searchable rank of a field (0 = most important), or -1 when the field is not searchable. */
  searchableRank(fid: number): number {
    const patterns = this.engine.settings.searchableAttributes;
    if (patterns.includes('*')) return fid;
    const path = this.engine.fields.names[fid]!;
    return patterns.findIndex((pattern) => patternMatches(pattern, path));
  }

  get searchableCount(): number {
    const patterns = this.engine.settings.searchableAttributes;
    return patterns.includes('*') ? this.engine.fields.names.length : patterns.length;
  }

  /** Fields a query may match: searchable ones, narrowed by `attributesToSearchOn`. */
  fieldRestriction(
    attributesToSearchOn: string[] | undefined,
  ): FieldRestriction & { rankOfBit(bit: number): number } {
    const allowed: boolean[] = [];
    const rankByBit = new Map<number, number>();
    let mask = 0;
    let typoMask = 0;
    const typoOff = this.engine.settings.typoTolerance.disableOnAttributes;
    this.engine.fields.names.forEach((path, fid) => {
      const rank = this.searchableRank(fid);
      if (rank < 0) return;
      if (attributesToSearchOn && !attributesToSearchOn.some((pattern) => patternMatches(pattern, path)))
        return;
      allowed[fid] = true;
      const bit = fieldBit(fid);
      mask |= bit;
      if (!typoOff.some((pattern) => patternMatches(pattern, path))) typoMask |= bit;
      rankByBit.set(bit, Math.min(rank, rankByBit.get(bit) ?? rank));
    });
    return {
      mask,
      typoMask,
      allows: (fid) => allowed[fid] === true,
      rankOfBit: (bit) => rankByBit.get(bit) ?? this.searchableCount,
    };
  }
}
