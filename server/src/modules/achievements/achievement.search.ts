import type { AchievementHit, AchievementSearchQuery, AchievementSearchResult } from '@techmatch/shared';
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
import type { AchievementDoc, AchievementModel } from './achievement.model.js';

/** The search document: what visitors may find and filter by. Contacts never enter the index. */
export interface AchievementDocument extends ListingDocumentBase {
  summary: string;
  team: string;
  maturity: string;
  ipType: string;
  transferModes: string[];
  askingPriceFen?: number;
  negotiable: boolean;
}

export function achievementDocument(doc: AchievementDoc): AchievementDocument | null {
  if (doc.status !== 'published') return null;
  return {
    ...listingDocumentBase(doc),
    summary: doc.summary,
    team: doc.team,
    maturity: doc.maturity,
    ipType: doc.ipType,
    transferModes: doc.transferModes,
    ...(doc.askingPriceFen === null ? {} : { askingPriceFen: doc.askingPriceFen }),
    negotiable: doc.askingPriceFen === null,
  };
}

export const achievementIndexSettings: Settings = {
  searchableAttributes: ['title', 'keywords', 'summary', 'organisationName', 'team'],
  filterableAttributes: [
    'field',
    'maturity',
    'transferModes',
    'ipType',
    'askingPriceFen',
    'negotiable',
    'organisationId',
    'id',
  ],
  sortableAttributes: ['publishedAtTs', 'askingPriceFen'],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 5000 },
};

export function achievementSearchSource(
  index: string,
  model: AchievementModel,
  extraSettings: ExtraSettings,
) {
  return listingSearchSource(index, model, achievementIndexSettings, extraSettings, achievementDocument);
}

function toHit(hit: Formatted<AchievementDocument>): AchievementHit {
  return {
    ...listingHitBase(hit, 'summary'),
    summary: hit.summary,
    maturity: hit.maturity as AchievementHit['maturity'],
    ipType: hit.ipType as AchievementHit['ipType'],
    transferModes: hit.transferModes as AchievementHit['transferModes'],
    askingPriceFen: hit.askingPriceFen ?? null,
  };
}

export function searchAchievements(
  client: Meilisearch,
  index: string,
  query: AchievementSearchQuery,
  /** Restricts the search to one listing: does this query find it? */
  onlyId?: string,
): Promise<AchievementSearchResult> {
  return facetedSearch<AchievementDocument, AchievementHit>(
    client,
    {
      index,
      q: query.q,
      facetFilters: {
        field: query.field ? equals('field', query.field) : null,
        maturity: query.maturity ? equals('maturity', query.maturity) : null,
        transferModes: query.transferMode ? equals('transferModes', query.transferMode) : null,
        ipType: query.ipType ? equals('ipType', query.ipType) : null,
      },
      fixedFilters: [
        range('askingPriceFen', query.priceMinFen, query.priceMaxFen),
        query.negotiable ? `negotiable = ${query.negotiable === 'only'}` : null,
        onlyId ? equals('id', onlyId) : null,
      ],
      sort: listingSort(query.q, query.sort, 'askingPriceFen'),
      page: query.page,
      pageSize: query.pageSize,
      highlight: { attributes: ['title', 'summary'], crop: ['summary'] },
    },
    toHit,
  );
}
