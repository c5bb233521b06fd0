import { MeiliError, unknownField } from '../errors.js';
import type { IndexEngine } from '../engine/index-engine.js';
import { filterRuleFor } from '../engine/index-engine.js';
import { normalizeFacet } from '../engine/facet-index.js';
import { isRecord } from '../settings/validators.js';
import { computeFacets } from './facets.js';
import { parseSearchBody } from './params.js';
import { matchDocuments } from './search.js';

const FIELDS = [
  'facetName',
  'facetQuery',
  'q',
  'filter',
  'matchingStrategy',
  'attributesToSearchOn',
  'exhaustiveFacetCount',
  'locales',
];

/** `POST /indexes/:uid/facet-search`: facet values whose words start with `facetQuery`, among the matches. */
export function facetSearch(engine: IndexEngine, body: unknown) {
  const started = performance.now();
  if (!isRecord(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
  for (const key of Object.keys(body))
    if (!FIELDS.includes(key)) throw unknownField('bad_request', key, FIELDS);
  const { facetName, facetQuery, exhaustiveFacetCount: _exhaustive, ...rest } = body;
  if (typeof facetName !== 'string')
    throw new MeiliError('missing_facet_search_facet_name', 'Missing field `facetName`');
  if (!engine.settings.facetSearch) {
    throw new MeiliError(
      'facet_search_disabled',
      `The facet search is disabled for this index, enable it by setting \`facetSearch\` to \`true\`.`,
    );
  }
  const rule = filterRuleFor(engine.settings, facetName);
  if (!rule?.facetSearch) {
    throw new MeiliError(
      'invalid_facet_search_facet_name',
      `Attribute \`${facetName}\` is not facet-searchable. Note: this attribute is not filterable with facet search enabled in \`filterableAttributes\`.`,
    );
  }
  if (facetQuery !== undefined && facetQuery !== null && typeof facetQuery !== 'string') {
    throw new MeiliError(
      'invalid_facet_search_facet_query',
      'Invalid value type at `.facetQuery`: expected a string.',
    );
  }
  const query = parseSearchBody(rest);
  const { candidates } = matchDocuments(engine, query);
  const { distribution } = computeFacets(engine, [facetName], candidates);
  const needle = normalizeFacet(facetQuery ?? '');
  const facetHits = Object.entries(distribution[facetName] ?? {})
    .filter(
      ([value]) =>
        !needle ||
        normalizeFacet(value)
          .split(/\s+/u)
          .some((word) => word.startsWith(needle)) ||
        normalizeFacet(value).startsWith(needle),
    )
    .map(([value, count]) => ({ value, count }));
  return {
    facetHits,
    facetQuery: facetQuery ?? null,
    processingTimeMs: Math.round(performance.now() - started),
  };
}
