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

const TERM_CACHE_SIZE = 128;
/** Queries whose ranked first hits are kept, and the hits kept for them all (deep pages keep long prefixes). */
const RANKED_PREFIX_CACHE_SIZE = 2_000;
const RANKED_PREFIX_CACHE_HITS = 200_000;

/** The best documents of a query, as far as they were ranked. */
interface RankedPrefix {
  hits: RankedHit[];
  /** Fewer documents matched than were asked for: the prefix is the whole ranking. */
  complete: boolean;
  /** Every hit carries all its ranks and score details (asked with a score). */
  withRanks: boolean;
}

export interface CachedTerm {
  derivation: TermDerivations;
  docs: TermDocs;
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
  private readonly prefixes = new Map<string, RankedPrefix>();
  private keptHits = 0;

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
    const key = `${term.kind}|${term.prefix}|${term.words.join(' ')}|${fields.mask}|${fields.typoMask}`;
    let entry = this.terms.get(key);
    if (entry) this.terms.delete(key);
    else entry = outsideScratch(compute);
    this.terms.set(key, entry);
    if (this.terms.size > TERM_CACHE_SIZE) this.terms.delete(this.terms.keys().next().value!);
    return entry;
  }

  /**
   * The first `needed` documents of the query `key` in rank order, ranked once and kept (LRU) until the index
   * changes: a listing's matches, a search page and its next page ask the same queries again, and ranking is
   * most of a query's cost.
   */
  rankedPrefix(
    key: string,
    needed: number,
    needRanks: boolean,
    rank: (limit: number) => RankedHit[],
  ): RankedHit[] {
    const kept = this.prefixes.get(key);
    if (kept) {
      this.prefixes.delete(key);
      this.keptHits -= kept.hits.length;
    }
    const usable = kept && (kept.complete || kept.hits.length >= needed) && (kept.withRanks || !needRanks);
    const prefix = usable ? kept : { hits: rank(needed), complete: false, withRanks: needRanks };
    if (!usable) prefix.complete = prefix.hits.length < needed;
    this.prefixes.set(key, prefix);
    this.keptHits += prefix.hits.length;
    for (const [oldest, evicted] of this.prefixes) {
      if (this.prefixes.size <= RANKED_PREFIX_CACHE_SIZE && this.keptHits <= RANKED_PREFIX_CACHE_HITS) break;
      this.prefixes.delete(oldest);
      this.keptHits -= evicted.hits.length;
    }
    return prefix.hits.slice(0, needed);
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
