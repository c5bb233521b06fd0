import type { Rank } from './rank.js';
import { globalScore, scoreBounds } from './rank.js';
import type { RankingRule } from './rules.js';

/** A first-level bucket of the words rule: documents matching the `active` query terms. */
export interface WordsBucket {
  active: number[];
  docs: number[];
  ranks: Rank[];
  detail?: Record<string, unknown>;
}

export interface RankedHit {
  docid: number;
  ranks: Rank[];
  details: [string, Record<string, unknown>][];
}

export interface BucketSortOptions {
  offset: number;
  limit: number;
  threshold?: number;
  /** Distinct value of a document; documents sharing one after the first are dropped. */
  distinctKey?: (docid: number) => string | undefined;
  /** Keep refining single-document buckets (needed to compute scores). */
  needRanks: boolean;
}

export interface BucketSortResult {
  hits: RankedHit[];
  /** Documents dropped for scoring under `rankingScoreThreshold`. */
  belowThreshold: number;
}

/**
 * Meilisearch's bucket sort: each rule splits the bucket left by the previous rules, and only
 * the buckets that can contribute to `offset + limit` are refined (whole buckets inside the
 * offset are skipped unrefined).
 */
export function bucketSort(
  buckets: Iterable<WordsBucket>,
  rules: RankingRule[],
  options: BucketSortOptions,
): BucketSortResult {
  const state = { skip: options.offset, hits: [] as RankedHit[], belowThreshold: 0, seen: new Set<string>() };
  const full = () => state.hits.length >= options.limit;

  const leaf = (docs: number[], ranks: Rank[], details: RankedHit['details']) => {
    const score = options.threshold === undefined ? 1 : globalScore(ranks);
    for (const docid of docs) {
      if (full()) return;
      if (options.threshold !== undefined && score < options.threshold) {
        state.belowThreshold++;
        continue;
      }
      const key = options.distinctKey?.(docid);
      if (key !== undefined) {
        if (state.seen.has(key)) continue;
        state.seen.add(key);
      }
      if (state.skip > 0) state.skip--;
      else state.hits.push({ docid, ranks, details });
    }
  };

  const visit = (
    docs: number[],
    ruleIndex: number,
    active: number[],
    ranks: Rank[],
    details: RankedHit['details'],
  ) => {
    if (docs.length === 0 || full()) return;
    const { lower, upper } = scoreBounds(ranks);
    if (options.threshold !== undefined && upper < options.threshold) {
      state.belowThreshold += docs.length;
      return;
    }
    const allPass = options.threshold === undefined || lower >= options.threshold;
    if (!options.distinctKey && allPass && state.skip >= docs.length) {
      state.skip -= docs.length;
      return;
    }
    const rule = rules[ruleIndex];
    if (!rule || (docs.length === 1 && !options.needRanks && allPass)) return leaf(docs, ranks, details);
    for (const group of rule.partition(docs, active)) {
      visit(
        group.docs,
        ruleIndex + 1,
        active,
        [...ranks, ...group.ranks],
        [...details, [rule.name, group.detail]],
      );
      if (full()) return;
    }
  };

  for (const bucket of buckets) {
    visit(bucket.docs, 0, bucket.active, bucket.ranks, bucket.detail ? [['words', bucket.detail]] : []);
    if (full()) break;
  }
  return { hits: state.hits, belowThreshold: state.belowThreshold };
}
