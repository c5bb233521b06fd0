import { MeiliError, unknownField } from '../../errors.js';
import { assertIndexUid } from '../../indexes.js';
import { facetSearch } from '../../search/facet-search.js';
import type { FederatedQuery } from '../../search/federation.js';
import { federatedSearch } from '../../search/federation.js';
import type { SearchQuery } from '../../search/params.js';
import { parseSearchBody, parseSearchParams, SEARCH_FIELDS } from '../../search/params.js';
import { search } from '../../search/search.js';
import { isRecord } from '../../settings/validators.js';
import type { Route, RouteContext } from '../router.js';
import { ok } from '../router.js';

function searchIndex(context: RouteContext, query: SearchQuery) {
  const uid = context.params.uid!;
  const { engine } = context.instance.indexes.require(uid);
  return ok(search(engine, query, context.caller.searchFilter(uid)));
}

/** Errors inside multi-search name the query they come from, as Meilisearch does. */
function inside<T>(position: number, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MeiliError)
      throw new MeiliError(error.code, `Inside \`.queries[${position}]\`: ${error.message}`, error.status);
    throw error;
  }
}

const QUERY_FIELDS = ['indexUid', 'federationOptions', ...SEARCH_FIELDS];

function multiSearch(context: RouteContext, body: unknown) {
  if (!isRecord(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
  for (const key of Object.keys(body))
    if (key !== 'queries' && key !== 'federation')
      throw unknownField('bad_request', key, ['queries', 'federation']);
  if (!Array.isArray(body.queries))
    throw new MeiliError('missing_multi_search_queries', 'Missing field `queries`');
  const federation = body.federation;
  const parsed = body.queries.map((raw, position) =>
    inside(position, () => {
      if (!isRecord(raw)) throw new MeiliError('bad_request', 'Invalid value type: expected an object.');
      const { indexUid, federationOptions, ...params } = raw;
      for (const key of Object.keys(raw))
        if (!QUERY_FIELDS.includes(key)) throw unknownField('bad_request', key, QUERY_FIELDS);
      if (indexUid === undefined) throw new MeiliError('missing_index_uid', 'Missing field `indexUid`');
      assertIndexUid(indexUid);
      if (!context.caller.allowsIndex(indexUid))
        throw new MeiliError('invalid_api_key', 'The provided API key is invalid.');
      const engine = context.instance.indexes.require(indexUid).engine;
      const weight =
        isRecord(federationOptions) && typeof federationOptions.weight === 'number'
          ? federationOptions.weight
          : 1;
      return {
        engine,
        query: parseSearchBody(params),
        weight,
        tenantFilter: context.caller.searchFilter(indexUid),
      } satisfies FederatedQuery;
    }),
  );
  if (isRecord(federation)) return ok(federatedSearch(parsed, federation));
  const results = parsed.map(({ engine, query, tenantFilter }, position) =>
    inside(position, () => ({ indexUid: engine.uid, ...search(engine, query, tenantFilter) })),
  );
  return ok({ results });
}

export const searchRoutes: Route[] = [
  {
    method: 'POST',
    path: '/indexes/:uid/search',
    action: 'search',
    handle: async (c) => searchIndex(c, parseSearchBody(await c.json())),
  },
  {
    method: 'GET',
    path: '/indexes/:uid/search',
    action: 'search',
    handle: (c) => searchIndex(c, parseSearchParams(c.query)),
  },
  {
    method: 'POST',
    path: '/multi-search',
    action: 'search',
    handle: async (c) => multiSearch(c, await c.json()),
  },
  {
    method: 'POST',
    path: '/indexes/:uid/facet-search',
    action: 'search',
    handle: async (c) => ok(facetSearch(c.instance.indexes.require(c.params.uid!).engine, await c.json())),
  },
];
