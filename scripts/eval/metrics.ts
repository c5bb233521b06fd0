/** Ranking quality measures, as the matching data sets define them. */

export type Grades = Record<string, number>;

function dcg(gains: number[]): number {
  return gains.reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
}

/** NDCG@k with gain 2^g − 1; the ideal ranking is built from the judged grades. */
export function ndcgAt(k: number, ranking: string[], grades: Grades): number {
  const gains = ranking.slice(0, k).map((id) => 2 ** (grades[id] ?? 0) - 1);
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .map((g) => 2 ** g - 1);
  const best = dcg(ideal);
  return best === 0 ? 0 : dcg(gains) / best;
}

/** Share of the items graded ≥ 2 that appear in the first k. */
export function recallAt(k: number, ranking: string[], grades: Grades): number {
  const relevant = Object.entries(grades).filter(([, g]) => g >= 2);
  if (relevant.length === 0) return 1;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter(([id]) => top.has(id)).length / relevant.length;
}

/** Reciprocal rank of the first item graded ≥ 2. */
export function reciprocalRank(ranking: string[], grades: Grades): number {
  const index = ranking.findIndex((id) => (grades[id] ?? 0) >= 2);
  return index < 0 ? 0 : 1 / (index + 1);
}

export interface Scores {
  ndcg10: number;
  recall10: number;
  mrr: number;
}

export function scoreRanking(ranking: string[], grades: Grades): Scores {
  return {
    ndcg10: ndcgAt(10, ranking, grades),
    recall10: recallAt(10, ranking, grades),
    mrr: reciprocalRank(ranking, grades),
  };
}

export function mean(scores: Scores[]): Scores {
  const n = scores.length || 1;
  return {
    ndcg10: scores.reduce((s, x) => s + x.ndcg10, 0) / n,
    recall10: scores.reduce((s, x) => s + x.recall10, 0) / n,
    mrr: scores.reduce((s, x) => s + x.mrr, 0) / n,
  };
}
