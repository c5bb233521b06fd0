import { MeiliError } from '../errors.js';
import type { Bitset } from '../engine/bitset.js';
import { withScratch } from '../engine/scratch.js';
import { normalizeFacet } from '../engine/facet-index.js';
import type { Document } from '../engine/fields.js';
import { patternMatches, valuesAtPath } from '../engine/fields.js';
import type { IndexEngine } from '../engine/index-engine.js';
import { filterRuleFor } from '../engine/index-engine.js';
import { evaluateFilter, parseFilterParam } from '../filter/evaluate.js';
import type { RankedHit, WordsBucket } from './bucket-sort.js';
import { bucketSort } from './bucket-sort.js';
import { contextFor } from './context-cache.js';
import { computeFacets, filterableHint, resolveFacetNames } from './facets.js';
import { filterContext } from './filter-context.js';
import { formatValue, matchesPosition, selectFields } from './format.js';
import type { FormatOptions } from './format.js';
import { Matcher } from './matcher.js';
import type { SearchQuery } from './params.js';
import { globalScore } from './rank.js';
import { buildRankingRules, validateSort } from './ranking-rules.js';
import type { TextQuery } from './text-query.js';
import { analyseText, negatedDocs, wordsBuckets } from './text-query.js';

export type SearchHit = Document & {
  _formatted?: Document;
  _matchesPosition?: unknown;
  _rankingScore?: number;
  _rankingScoreDetails?: Record<string, unknown>;
};

export interface SearchResponse {
  hits: SearchHit[];
  query: string;
  processingTimeMs: number;
  [key: string]: unknown;
}

interface Window {
  offset: number;
  limit: number;
  paged: boolean;
}

function window(query: SearchQuery, maxTotalHits: number): Window & { page?: number; hitsPerPage?: number } {
  const paged = query.page !== undefined || query.hitsPerPage !== undefined;
  if (!paged) {
    const offset = Math.min(query.offset ?? 0, maxTotalHits);
    return { offset, limit: Math.min(query.limit ?? 20, maxTotalHits - offset), paged };
  }
  const page = query.page ?? 1;
  const hitsPerPage = query.hitsPerPage ?? 20;
  if (page === 0 || hitsPerPage === 0) return { offset: 0, limit: 0, paged, page, hitsPerPage };
  const offset = Math.min(hitsPerPage * (page - 1), maxTotalHits);
  return { offset, limit: Math.min(hitsPerPage, maxTotalHits - offset), paged, page, hitsPerPage };
}

function checkAttributesToSearchOn(engine: IndexEngine, attributes: string[] | undefined): void {
  const searchable = engine.settings.searchableAttributes;
  for (const attribute of attributes ?? []) {
    if (searchable.includes('*') || searchable.some((pattern) => patternMatches(pattern, attribute)))
      continue;
    throw new MeiliError(
      'invalid_search_attributes_to_search_on',
      `Index \`${engine.uid}\`: Attribute \`${attribute}\` is not searchable. Available searchable attributes are: \`${searchable.join(', ')}\`.`,
    );
  }
}

function distinctAttribute(engine: IndexEngine, query: SearchQuery): string | undefined {
  if (query.distinct !== undefined && !filterRuleFor(engine.settings, query.distinct)) {
    throw new MeiliError(
      'invalid_search_distinct',
      `Index \`${engine.uid}\`: Attribute \`${query.distinct}\` is not filterable and thus, cannot be used as distinct attribute. ${filterableHint(engine)}`,
    );
  }
  return query.distinct ?? engine.settings.distinctAttribute ?? undefined;
}

/** Filter and text matching: every candidate document, plus the lazy words-rule buckets. */
export function matchDocuments(engine: IndexEngine, query: SearchQuery, tenantFilter?: unknown) {
  const context = contextFor(engine);
  checkAttributesToSearchOn(engine, query.attributesToSearchOn);
  const restriction = context.fieldRestriction(query.attributesToSearchOn);
  let universe = engine.store.alive.resized(engine.store.capacity);
  for (const param of [tenantFilter, query.filter]) {
    const filter = parseFilterParam(param as SearchQuery['filter']);
    if (filter) universe = evaluateFilter(filter, filterContext(engine, universe));
  }
  const q = query.q ?? '';
  const text = q.trim() ? analyseText(q, engine, context, restriction) : undefined;
  const excluded = text && negatedDocs(text, engine, restriction, universe);
  if (excluded) universe = universe.andNot(excluded);
  const matched =
    text && text.parsed.terms.length > 0
      ? { text, ...wordsBuckets(text, universe, query.matchingStrategy ?? 'last') }
      : { text: undefined, ...placeholder(universe) };
  return { ...matched, context, restriction };
}

export function search(engine: IndexEngine, query: SearchQuery, tenantFilter?: unknown): SearchResponse {
  return withScratch(() => runSearch(engine, query, tenantFilter));
}

function runSearch(engine: IndexEngine, query: SearchQuery, tenantFilter?: unknown): SearchResponse {
  const started = performance.now();
  validateSort(engine, query.sort);
  const facetNames = query.facets ? resolveFacetNames(engine, query.facets) : undefined;
  const distinct = distinctAttribute(engine, query);
  const { text, candidates, buckets, context, restriction } = matchDocuments(engine, query, tenantFilter);
  const rules = buildRankingRules(engine, context, query);
  const maxTotalHits = engine.settings.pagination.maxTotalHits;
  const win = window(query, maxTotalHits);
  const distinctKey = distinct ? distinctKeyOf(engine, distinct) : undefined;
  const rankingRules = rules.build(text && rules.textState(text, restriction));
  const needRanks = Boolean(query.showRankingScore || query.showRankingScoreDetails);
  const rank = (offset: number, limit: number) =>
    bucketSort(buckets, rankingRules, {
      offset,
      limit,
      threshold: query.rankingScoreThreshold,
      distinctKey,
      needRanks,
    });
  // Under a score threshold the hits dropped count towards the total, so that query is ranked afresh.
  const ranked =
    query.rankingScoreThreshold !== undefined || win.limit === 0
      ? rank(win.offset, win.limit)
      : {
          hits: context
            .rankedPrefix(
              resultKey(query, tenantFilter),
              win.offset + win.limit,
              needRanks,
              (limit) => rank(0, limit).hits,
            )
            .slice(win.offset),
          belowThreshold: 0,
        };
  const total = countTotal(candidates, ranked.belowThreshold, distinctKey);
  const hits = ranked.hits.map((hit) => presentHit(engine, query, hit, text));
  const response: SearchResponse = { hits, query: query.q ?? '', processingTimeMs: 0 };
  Object.assign(response, pagination(win, Math.min(total, maxTotalHits)));
  if (facetNames) {
    const { distribution, stats } = computeFacets(engine, facetNames, candidates);
    response.facetDistribution = distribution;
    response.facetStats = stats;
  }
  response.processingTimeMs = Math.round(performance.now() - started);
  return response;
}

/** What decides a query's ranked documents, given the index version. */
function resultKey(query: SearchQuery, tenantFilter: unknown): string {
  const { q, matchingStrategy, attributesToSearchOn, locales, filter, sort, distinct } = query;
  return JSON.stringify([
    q,
    matchingStrategy,
    attributesToSearchOn,
    locales,
    filter,
    tenantFilter,
    sort,
    distinct,
  ]);
}

/** Every document of the universe, listed only if the ranking is not already kept. */
function placeholder(universe: Bitset): { candidates: Bitset; buckets: Iterable<WordsBucket> } {
  function* buckets() {
    yield { active: [], docs: universe.toArray(), ranks: [] };
  }
  return { candidates: universe, buckets: buckets() };
}

function pagination(win: ReturnType<typeof window>, totalHits: number): Record<string, number> {
  if (!win.paged) return { limit: win.limit, offset: win.offset, estimatedTotalHits: totalHits };
  const hitsPerPage = win.hitsPerPage!;
  return {
    hitsPerPage,
    page: win.page!,
    totalPages: hitsPerPage === 0 ? 0 : Math.ceil(totalHits / hitsPerPage),
    totalHits,
  };
}

/** Distinct values compare like facet values: strings normalised (so `Fantasy` = `fantasy`), numbers by value. */
function distinctKeyOf(engine: IndexEngine, attribute: string) {
  return (docid: number): string | undefined => {
    const value = valuesAtPath(engine.store.documents[docid] ?? {}, attribute).find(
      (v) => v !== null && v !== undefined,
    );
    if (value === undefined) return undefined;
    return typeof value === 'number' ? `n:${value}` : `s:${normalizeFacet(String(value))}`;
  };
}

function countTotal(
  candidates: Bitset,
  belowThreshold: number,
  distinctKey?: (docid: number) => string | undefined,
): number {
  if (!distinctKey) return candidates.count() - belowThreshold;
  const seen = new Set<string>();
  let withoutValue = 0;
  candidates.forEach((docid) => {
    const key = distinctKey(docid);
    if (key === undefined) withoutValue++;
    else seen.add(key);
  });
  return seen.size + withoutValue - belowThreshold;
}

function presentHit(
  engine: IndexEngine,
  query: SearchQuery,
  ranked: RankedHit,
  text: TextQuery | undefined,
): SearchHit {
  const document = engine.store.documents[ranked.docid]!;
  const displayed = engine.settings.displayedAttributes;
  const retrieve = query.attributesToRetrieve ?? ['*'];
  const hit: SearchHit = selectFields(document, [displayed, retrieve]);
  const highlight = query.attributesToHighlight ?? [];
  const crop = (query.attributesToCrop ?? []).map((entry) => entry.split(':') as [string, string?]);
  if (highlight.length || crop.length || query.showMatchesPosition) {
    const matcher = new Matcher(
      engine.inverted.vocabulary,
      text?.parsed.terms ?? [],
      text?.derivations ?? [],
    );
    if (highlight.length || crop.length) {
      const formattedFields = [...retrieve, ...highlight, ...crop.map(([name]) => name)];
      const source = selectFields(document, [displayed, formattedFields]);
      const options: FormatOptions = {
        tokenizer: engine.tokenizer,
        matcher,
        highlight: (path) => highlight.some((pattern) => patternMatches(pattern, path)),
        cropLength: (path) => {
          const entry = crop.find(([pattern]) => patternMatches(pattern, path));
          return entry ? Number(entry[1] ?? query.cropLength ?? 10) : undefined;
        },
        preTag: query.highlightPreTag ?? '<em>',
        postTag: query.highlightPostTag ?? '</em>',
        cropMarker: query.cropMarker ?? '…',
      };
      hit._formatted = Object.fromEntries(
        Object.entries(source).map(([key, value]) => [key, formatValue(value, key, options)]),
      );
    }
    if (query.showMatchesPosition)
      hit._matchesPosition = matchesPosition(selectFields(document, [displayed]), engine.tokenizer, matcher);
  }
  if (query.showRankingScore) hit._rankingScore = globalScore(ranked.ranks);
  if (query.showRankingScoreDetails) {
    hit._rankingScoreDetails = Object.fromEntries(
      ranked.details.map(([name, detail], order) => [name, { order, ...detail }]),
    );
  }
  return hit;
}
