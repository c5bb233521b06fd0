import type { NeedHit, NeedSearchQuery, NeedSearchResult } from '@techmatch/shared';
import type { Meilisearch, Settings } from 'meilisearch';
import {
  equals,
  facetedSearch,
  listingDocumentBase,
  listingHitBase,
  listingSearchSource,
  listingSort,
  range,
  type ExtraSettings,
  type Formatted,
  type ListingDocumentBase,
} from '../listings/listing-search.js';
import { lastOpenDay, type NeedDoc, type NeedModel } from './need.model.js';

export interface NeedDocument extends ListingDocumentBase {
  description: string;
  requirements: string[];
  county: string;
  kind: string;
  budgetFen?: number;
  negotiable: boolean;
  bountyFen?: number;
  deadline: string | null;
  applicationDeadline: string | null;
  /** Last day the need takes answers, as a number (YYYYMMDD), for range filters. */
  openUntil?: number;
  visibility: 'public' | 'verified';
}

const dayNumber = (date: string) => Number(date.replaceAll('-', ''));

export function needDocument(doc: NeedDoc): NeedDocument | null {
  if (doc.status !== 'published') return null;
  const openUntil = lastOpenDay(doc);
  return {
    ...listingDocumentBase(doc),
    description: doc.description,
    requirements: doc.challenge?.requirements ?? [],
    county: doc.county,
    kind: doc.kind,
    ...(doc.budgetFen === null ? {} : { budgetFen: doc.budgetFen }),
    negotiable: doc.budgetFen === null,
    ...(doc.challenge ? { bountyFen: doc.challenge.bountyFen } : {}),
    deadline: doc.deadline,
    applicationDeadline: doc.challenge?.applicationDeadline ?? null,
    ...(openUntil ? { openUntil: dayNumber(openUntil) } : {}),
    visibility: doc.challenge?.visibility ?? 'public',
  };
}

export const needIndexSettings: Settings = {
  searchableAttributes: ['title', 'keywords', 'description', 'requirements', 'organisationName'],
  filterableAttributes: [
    'field',
    'county',
    'kind',
    'budgetFen',
    'bountyFen',
    'negotiable',
    'openUntil',
    'visibility',
    'organisationId',
    'id',
  ],
  sortableAttributes: ['publishedAtTs', 'budgetFen', 'bountyFen', 'openUntil'],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 5000 },
};

export function needSearchSource(index: string, model: NeedModel, extraSettings: ExtraSettings) {
  return listingSearchSource(index, model, needIndexSettings, extraSettings, needDocument);
}

function toHit(hit: Formatted<NeedDocument>): NeedHit {
  return {
    ...listingHitBase(hit, 'description'),
    description: hit.description,
    county: hit.county as NeedHit['county'],
    kind: hit.kind as NeedHit['kind'],
    budgetFen: hit.budgetFen ?? null,
    bountyFen: hit.bountyFen ?? null,
    deadline: hit.deadline,
    applicationDeadline: hit.applicationDeadline,
  };
}

/** `seesPrivate`: the caller belongs to a verified organisation (or the bureau) and may see private challenges. */
export function searchNeeds(
  client: Meilisearch,
  index: string,
  query: NeedSearchQuery,
  seesPrivate: boolean,
  /** Restricts the search to one listing: does this query find it? */
  onlyId?: string,
): Promise<NeedSearchResult> {
  return facetedSearch<NeedDocument, NeedHit>(
    client,
    {
      index,
      q: query.q,
      facetFilters: {
        field: query.field ? equals('field', query.field) : null,
        county: query.county ? equals('county', query.county) : null,
        kind: query.kind ? equals('kind', query.kind) : null,
      },
      fixedFilters: [
        seesPrivate ? null : equals('visibility', 'public'),
        range('budgetFen', query.budgetMinFen, query.budgetMaxFen),
        query.negotiable ? `negotiable = ${query.negotiable === 'only'}` : null,
        query.openOn ? `openUntil >= ${dayNumber(query.openOn)} OR openUntil NOT EXISTS` : null,
        onlyId ? equals('id', onlyId) : null,
      ],
      sort: listingSort(query.q, query.sort, 'budgetFen'),
      page: query.page,
      pageSize: query.pageSize,
      highlight: { attributes: ['title', 'description'], crop: ['description'] },
    },
    toHit,
  );
}
