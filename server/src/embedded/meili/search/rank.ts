/** A bucket's rank under one rule: `max` is the best rank, 1 the worst (Meilisearch's `Rank`). */
export interface Rank {
  rank: number;
  max: number;
}

/** Merge ranks as a mixed-radix number, like Meilisearch's `Rank::merge`; returns the merged rank. */
export function mergeRanks(ranks: readonly Rank[]): Rank {
  let merged: Rank = { rank: 1, max: 1 };
  for (const inner of ranks) {
    merged = { rank: (merged.rank - 1) * inner.max + inner.rank, max: merged.max * inner.max };
  }
  return merged;
}

/** The global `_rankingScore` in [0, 1]. */
export function globalScore(ranks: readonly Rank[]): number {
  const merged = mergeRanks(ranks);
  return merged.rank / merged.max;
}

/** Any document below a bucket with these ranks scores in (lower, upper]. */
export function scoreBounds(ranks: readonly Rank[]): { lower: number; upper: number } {
  const merged = mergeRanks(ranks);
  return { lower: (merged.rank - 1) / merged.max, upper: merged.rank / merged.max };
}

export const costRank = (cost: number, maxCost: number): Rank => ({
  rank: maxCost - cost + 1,
  max: maxCost + 1,
});
