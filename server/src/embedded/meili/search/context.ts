import type { IndexEngine } from '../engine/index-engine.js';
import { patternMatches } from '../engine/fields.js';
import { fieldBit } from '../engine/inverted-index.js';
import type { SortSource } from './sort-rule.js';
import { buildGlobalOrder } from './sort-rule.js';
import type { FieldRestriction, TermDocs } from './term-docs.js';
import type { TermDerivations } from './derivations.js';
import type { QueryTerm } from './query.js';
import { outsideScratch } from '../engine/scratch.js';
import type { RankedHit } from './bucket-sort.js';
import { KeptRanking } from './kept-ranking.js';

const TERM_CACHE_SIZE = 128;
/** Documents held by kept query rankings, all queries together (≈ 6 bytes each). */
const RANKING_CACHE_DOCUMENTS = 8_000_000;
const ASKED_ONCE_MAX = 10_000;

export interface CachedTerm {
  derivation: TermDerivations;
  docs: TermDocs;
}

function termKey(term: QueryTerm, fields: FieldRestriction): string {
  return `${term.kind}|${term.prefix}|${term.words.join(' ')}|${fields.mask}|${fields.typoMask}`;
}

/** Settings-derived lookups for searching one index, rebuilt whenever the index changes. */
export class SearchContext implements SortSource {
  readonly stopWords: Set<string>;
  /** Synonym alternatives (tokenised) by their key's words joined with a space. */
  readonly synonyms = new Map<string, string[][]>();
  /** Multi-word synonym keys (tokenised) by their first word. */
  readonly multiWordKeys = new Map<string, string[][]>();
  private readonly orders = new Map<string, ReturnType<SortSource['globalOrder']>>();
  private readonly terms = new Map<string, CachedTerm>();
  private readonly rankings = new Map<string, KeptRanking>();
  private rankedDocuments = 0;
  private readonly askedOnce = new Set<string>();

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

  /**
   * A query term's derivations and document sets, computed over the whole index and kept (LRU)
   * until the index changes: the matching engine sends many short queries over the same domain
   * words, so most terms are already resolved.
   */
  cachedTerm(term: QueryTerm, fields: FieldRestriction, compute: () => CachedTerm): CachedTerm {
    const key = termKey(term, fields);
    let entry = this.terms.get(key);
    if (entry) this.terms.delete(key);
    else entry = outsideScratch(compute);
    this.terms.set(key, entry);
    if (this.terms.size > TERM_CACHE_SIZE) this.terms.delete(this.terms.keys().next().value!);
    return entry;
  }

  /**
   * Every document a query matches, in rank order, from the second time the query is asked until the index
   * changes. A ranking costs time in proportion to the documents carrying the query's terms, and the terms
   * carried by many documents are the ones many queries share; a query asked once is not worth ranking whole.
   */
  keptRanking(
    terms: readonly QueryTerm[],
    strategy: 'all' | 'last',
    fields: FieldRestriction,
    rank: () => RankedHit[],
  ): KeptRanking | undefined {
    const key = `${strategy}|${terms.map((term) => termKey(term, fields)).join('\u0000')}`;
    const kept = this.rankings.get(key);
    if (kept) {
      this.rankings.delete(key);
      this.rankings.set(key, kept);
      return kept;
    }
    if (!this.askedOnce.has(key)) {
      if (this.askedOnce.size >= ASKED_ONCE_MAX) this.askedOnce.clear();
      this.askedOnce.add(key);
      return undefined;
    }
    const ranking = new KeptRanking(outsideScratch(rank));
    if (ranking.size > RANKING_CACHE_DOCUMENTS) return ranking;
    this.rankings.set(key, ranking);
    this.rankedDocuments += ranking.size;
    for (const [oldest, evicted] of this.rankings) {
      if (this.rankedDocuments <= RANKING_CACHE_DOCUMENTS) break;
      this.rankings.delete(oldest);
      this.rankedDocuments -= evicted.size;
    }
    return ranking;
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
  ): FieldRestriction & { rankOfField(bitIndex: number): number } {
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
      const index = Math.min(fid, 31);
      rankByBit.set(index, Math.min(rank, rankByBit.get(index) ?? rank));
    });
    return {
      mask,
      typoMask,
      allows: (fid) => allowed[fid] === true,
      rankOfField: (index) => rankByBit.get(index) ?? this.searchableCount,
    };
  }
}
