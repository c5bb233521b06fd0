import { MeiliError } from '../errors.js';
import type { IndexEngine } from '../engine/index-engine.js';
import type { SearchQuery } from './params.js';
import type { SearchHit, SearchResponse } from './search.js';
import { search } from './search.js';

export interface FederatedQuery {
  engine: IndexEngine;
  query: SearchQuery;
  weight: number;
  tenantFilter?: unknown;
}

export interface Federation {
  offset?: number;
  limit?: number;
}

/** Federated multi-search: every query's hits merged by weighted ranking score into one list. */
export function federatedSearch(queries: FederatedQuery[], federation: Federation) {
  const started = performance.now();
  const offset = federation.offset ?? 0;
  const limit = federation.limit ?? 20;
  const merged: { hit: SearchHit; score: number; position: number; indexUid: string }[] = [];
  let estimatedTotalHits = 0;
  queries.forEach(({ engine, query, weight, tenantFilter }, position) => {
    if (
      query.page !== undefined ||
      query.hitsPerPage !== undefined ||
      query.offset !== undefined ||
      query.limit !== undefined
    ) {
      throw new MeiliError(
        'invalid_multi_search_query_pagination',
        `Inside \`.queries[${position}]\`: Using pagination options is not allowed in federated queries.\n Hint: remove \`${query.page !== undefined ? 'page' : query.limit !== undefined ? 'limit' : 'offset'}\` from query #${position} or remove \`federation\` from the request`,
      );
    }
    const window = { offset: 0, limit: offset + limit, showRankingScore: true };
    const response: SearchResponse = search(engine, { ...query, ...window }, tenantFilter);
    estimatedTotalHits += Number(response.estimatedTotalHits ?? 0);
    for (const hit of response.hits)
      merged.push({ hit, score: (hit._rankingScore ?? 0) * weight, position, indexUid: engine.uid });
  });
  merged.sort((a, b) => b.score - a.score || a.position - b.position);
  const hits = merged.slice(offset, offset + limit).map(({ hit, score, position, indexUid }) => {
    const { _rankingScore, ...rest } = hit;
    const shown = queries[position]!.query.showRankingScore ? { ...rest, _rankingScore } : rest;
    return { ...shown, _federation: { indexUid, queriesPosition: position, weightedRankingScore: score } };
  });
  return {
    hits,
    processingTimeMs: Math.round(performance.now() - started),
    limit,
    offset,
    estimatedTotalHits,
  };
}
