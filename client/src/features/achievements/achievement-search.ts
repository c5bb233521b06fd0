import {
  AchievementSearchQuerySchema,
  FIELDS,
  IP_TYPES,
  MATURITIES,
  TRANSFER_MODES,
} from '@techmatch/shared';
import { enumFacet, type SearchSpec } from '../listings/search-spec.js';

export const achievementSearch: SearchSpec = {
  type: 'achievement',
  schema: AchievementSearchQuerySchema,
  title: 'achievements.searchTitle',
  lead: 'achievements.searchLead',
  placeholder: 'achievements.placeholder',
  facets: [
    enumFacet('field', 'field', 'achievements.facets.field', FIELDS),
    enumFacet('maturity', 'maturity', 'achievements.facets.maturity', MATURITIES),
    enumFacet(
      'transferMode',
      'transferMode',
      'achievements.facets.transferMode',
      TRANSFER_MODES,
      'transferModes',
    ),
    enumFacet('ipType', 'ipType', 'achievements.facets.ipType', IP_TYPES),
  ],
  range: { min: 'priceMinFen', max: 'priceMaxFen', title: 'achievements.facets.price' },
  sorts: {
    relevance: 'listings.search.sorts.relevance',
    newest: 'listings.search.sorts.newest',
    price_asc: 'achievements.sorts.price_asc',
    price_desc: 'achievements.sorts.price_desc',
  },
};
