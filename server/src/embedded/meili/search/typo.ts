import type { TypoTolerance } from '../settings/settings.js';

const NUMERIC = /^\d+$/;

/** Typos Meilisearch allows for a query word, counted in characters (so short Chinese words get none). */
export function allowedTypos(word: string, typo: TypoTolerance): number {
  if (!typo.enabled || typo.disableOnWords.includes(word)) return 0;
  if (typo.disableOnNumbers && NUMERIC.test(word)) return 0;
  const length = [...word].length;
  if (length < typo.minWordSizeForTypos.oneTypo) return 0;
  return length < typo.minWordSizeForTypos.twoTypos ? 1 : 2;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance between `query` and `candidate`, or — when
 * `prefix` — between `query` and the closest prefix of `candidate`. Returns `max + 1` once the
 * distance is known to exceed `max`. A different first letter costs one extra typo, as in Meilisearch.
 *
 * Hand-written because the typo rules need the bound, the prefix mode and the first-letter rule together,
 * which the general-purpose distance packages do not offer.
 */
export function typoDistance(query: string[], candidate: string[], max: number, prefix: boolean): number {
  const firstLetterPenalty = query[0] === candidate[0] ? 0 : 1;
  const budget = max - firstLetterPenalty;
  if (budget < 0) return max + 1;
  const n = query.length;
  const m = prefix ? Math.min(candidate.length, n + budget) : candidate.length;
  if (!prefix && Math.abs(n - m) > budget) return max + 1;
  let before = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = query[i - 1] === candidate[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && query[i - 1] === candidate[j - 2] && query[i - 2] === candidate[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = prefix ? Math.min(...previous) : previous[m]!;
  return distance > budget ? max + 1 : distance + firstLetterPenalty;
}
