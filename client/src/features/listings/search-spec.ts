import { enumLabel, type EnumKind } from '../../app/i18n/index.js';
import type { ListingType, SEARCH_SORTS } from '@techmatch/shared';
import type { SearchQuerySchema } from './search-query.js';

export type SearchSort = (typeof SEARCH_SORTS)[number];

/** One facet of a search page: single choice, with the number of results each value would give. */
export interface FacetSpec {
  /** The query parameter that filters on it, e.g. `transferMode`. */
  param: string;
  /** The facet's name in the answer's counts, e.g. `transferModes`. */
  facet: string;
  /** i18n key of its heading. */
  title: string;
  values: readonly string[];
  label(value: string): string;
}

/** What makes the achievements, needs and challenges search pages different; the page does the rest. */
export interface SearchSpec {
  /** The kind of listing searched (and kept by a saved search). */
  type: ListingType;
  schema: SearchQuerySchema;
  /** i18n keys of the page title, lead and search box placeholder. */
  title: string;
  lead: string;
  placeholder: string;
  facets: FacetSpec[];
  /** The amount range, in fen parameters, shown in 万元. */
  range: { min: string; max: string; title: string };
  /** i18n key of each sort's label. */
  sorts: Record<SearchSort, string>;
  /** Parameters the page fixes for itself (not in its URL), e.g. kind=challenge. */
  preset?: Record<string, string>;
  /** The parameter that, set to today, keeps only listings still open (needs). */
  openOnParam?: string;
  openOnTitle?: string;
}

/** The part of a search answer the page shows. */
export interface SearchAnswer<H> {
  hits: H[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** A facet over a domain enum, labelled like everywhere else (`enums.<kind>` in English, the term in Chinese). */
export function enumFacet(
  kind: EnumKind,
  param: string,
  title: string,
  values: readonly string[],
  facet = param,
): FacetSpec {
  return { param, facet, title, values, label: (value) => enumLabel(kind, value) };
}
