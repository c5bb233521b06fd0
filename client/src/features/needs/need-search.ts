import { COUNTIES, FIELDS, NEED_KINDS, NeedSearchQuerySchema } from '@techmatch/shared';
import { i18n } from '../../app/i18n/index.js';
import { enumFacet, type FacetSpec, type SearchSpec } from '../listings/search-spec.js';

const facets: FacetSpec[] = [
  enumFacet('field', 'field', 'needs.facets.field', FIELDS),
  enumFacet('county', 'county', 'needs.facets.county', COUNTIES),
  {
    param: 'kind',
    facet: 'kind',
    title: 'needs.facets.kind',
    values: NEED_KINDS,
    label: (v) => i18n.global.t(`needs.kind.${v}`),
  },
];

export const needSearch: SearchSpec = {
  type: 'need',
  schema: NeedSearchQuerySchema,
  title: 'needs.searchTitle',
  lead: 'needs.searchLead',
  placeholder: 'needs.placeholder',
  facets,
  range: { min: 'budgetMinFen', max: 'budgetMaxFen', title: 'needs.facets.budget' },
  sorts: {
    relevance: 'listings.search.sorts.relevance',
    newest: 'listings.search.sorts.newest',
    price_asc: 'needs.sorts.price_asc',
    price_desc: 'needs.sorts.price_desc',
  },
  openOnParam: 'openOn',
  openOnTitle: 'needs.facets.openOnly',
};

/** 揭榜挂帅: the needs search preset to challenges, without the kind facet. */
export const challengeSearch: SearchSpec = {
  ...needSearch,
  title: 'needs.challengesTitle',
  lead: 'needs.challengesLead',
  facets: facets.filter((facet) => facet.param !== 'kind'),
  preset: { kind: 'challenge' },
};
