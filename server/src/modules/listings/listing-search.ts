import type { Field, SEARCH_SORTS } from '@techmatch/shared';
import type { Meilisearch, MultiSearchQuery, SearchParams, SearchResponse, Settings } from 'meilisearch';
import { MeilisearchApiError } from 'meilisearch';
import type { Model } from 'mongoose';
import { AppError } from '../../platform/errors.js';
import type { SearchSource } from '../../platform/search-sync.js';
import type { ListingDoc } from './listing.model.js';

/** Quotes a value for a Meilisearch filter, so user input can never become filter syntax. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const equals = (attribute: string, value: string) => `${attribute} = ${quoteFilterValue(value)}`;

export function range(attribute: string, min: number | undefined, max: number | undefined): string | null {
  const parts = [
    ...(min === undefined ? [] : [`${attribute} >= ${Math.trunc(min)}`]),
    ...(max === undefined ? [] : [`${attribute} <= ${Math.trunc(max)}`]),
  ];
  return parts.length ? parts.join(' AND ') : null;
}

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Meilisearch marks matches inside the raw text, which may itself contain markup. Control characters serve as
 * marks (stored text never contains them), the whole text is escaped, and only then do marks become `<mark>`.
 */
export function safeHighlight(formatted: unknown): string {
  if (typeof formatted !== 'string') return '';
  return escapeHtml(formatted).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

export interface FacetedSearch {
  index: string;
  q: string;
  /** Filter clause per facet attribute (null when that facet is not filtered) plus other clauses. */
  facetFilters: Record<string, string | null>;
  fixedFilters: (string | null)[];
  sort: string[];
  page: number;
  pageSize: number;
  highlight: { attributes: string[]; crop: string[] };
}

export type Formatted<D> = D & { _formatted?: Record<string, unknown> };

/** The part of a search document every listing kind has. */
export interface ListingDocumentBase {
  id: string;
  title: string;
  field: string;
  keywords: string[];
  organisationId: string;
  organisationName: string;
  publishedAtTs: number;
}

export function listingDocumentBase(doc: ListingDoc): ListingDocumentBase {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    field: doc.field,
    keywords: doc.keywords,
    organisationId: doc.organisationId.toHexString(),
    organisationName: doc.organisationName,
    publishedAtTs: (doc.publishedAt ?? doc.updatedAt).getTime(),
  };
}

/** The hit fields every listing kind shows, with `bodyAttribute` (summary, description) highlighted. */
export function listingHitBase(hit: Formatted<ListingDocumentBase>, bodyAttribute: string) {
  return {
    id: hit.id,
    title: hit.title,
    field: hit.field as Field,
    keywords: hit.keywords,
    organisationName: hit.organisationName,
    publishedAt: new Date(hit.publishedAtTs).toISOString(),
    highlight: {
      title: safeHighlight(hit._formatted?.title),
      [bodyAttribute]: safeHighlight(hit._formatted?.[bodyAttribute]),
    },
  };
}

/** Relevance (newest first when nothing is typed), newest, or by the kind's price attribute; 面议 sorts last. */
export function listingSort(
  q: string,
  sort: (typeof SEARCH_SORTS)[number],
  priceAttribute: string,
): string[] {
  if (sort === 'newest' || (sort === 'relevance' && q === '')) return ['publishedAtTs:desc'];
  if (sort === 'price_asc') return [`${priceAttribute}:asc`];
  if (sort === 'price_desc') return [`${priceAttribute}:desc`];
  return [];
}

export interface SearchPage<H> {
  hits: H[];
  query: string;
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** Index settings extended at run time (synonyms and dictionary from the thesaurus). */
export type ExtraSettings = () => Promise<Partial<Settings>>;

export function listingSearchSource<D extends ListingDoc>(
  index: string,
  model: Model<D>,
  settings: Settings,
  extraSettings: ExtraSettings,
  toDocument: (doc: D) => object | null,
): SearchSource<D> {
  return {
    index,
    model,
    settings: async () => ({ ...settings, ...(await extraSettings()) }),
    toDocument: (doc) => toDocument(doc) as Record<string, unknown> | null,
  };
}

function clauses(search: FacetedSearch, without?: string): string[] {
  const facetClauses = Object.entries(search.facetFilters)
    .filter(([attribute, clause]) => clause && attribute !== without)
    .map(([, clause]) => clause as string);
  return [...search.fixedFilters.filter((c): c is string => c !== null), ...facetClauses];
}

function filterOf(list: string[]): string | undefined {
  return list.length ? list.map((c) => `(${c})`).join(' AND ') : undefined;
}

/**
 * One page of results with disjunctive facet counts: a facet that is filtered still shows the counts of its
 * other values (computed by a sibling query without its own filter), all in one multi-search round trip.
 */
export async function facetedSearch<D, H>(
  client: Meilisearch,
  search: FacetedSearch,
  toHit: (document: Formatted<D>) => H,
): Promise<SearchPage<H>> {
  const facetNames = Object.keys(search.facetFilters);
  const filtered = facetNames.filter((name) => search.facetFilters[name]);
  const main: MultiSearchQuery = {
    indexUid: search.index,
    q: search.q,
    filter: filterOf(clauses(search)),
    sort: search.sort.length ? search.sort : undefined,
    page: search.page,
    hitsPerPage: search.pageSize,
    facets: facetNames.filter((name) => !filtered.includes(name)),
    attributesToHighlight: search.highlight.attributes,
    attributesToCrop: search.highlight.crop,
    cropLength: 60,
    highlightPreTag: MARK_OPEN,
    highlightPostTag: MARK_CLOSE,
  } satisfies SearchParams & { indexUid: string };
  const siblings: MultiSearchQuery[] = filtered.map((name) => ({
    indexUid: search.index,
    q: search.q,
    filter: filterOf(clauses(search, name)),
    limit: 0,
    facets: [name],
  }));
  try {
    const { results } = await client.multiSearch({ queries: [main, ...siblings] });
    const [first, ...rest] = results as SearchResponse<Formatted<D>>[];
    const facets: Record<string, Record<string, number>> = { ...(first?.facetDistribution ?? {}) };
    for (const sibling of rest) Object.assign(facets, sibling.facetDistribution ?? {});
    const total = first?.totalHits ?? 0;
    return {
      hits: (first?.hits ?? []).map(toHit),
      query: search.q,
      page: search.page,
      pageSize: search.pageSize,
      total,
      totalPages: Math.ceil(total / search.pageSize),
      facets,
      processingTimeMs: first?.processingTimeMs ?? 0,
    };
  } catch (error) {
    if (error instanceof MeilisearchApiError && (error.response?.status ?? 500) < 500) throw error;
    throw new AppError('SEARCH_UNAVAILABLE');
  }
}
