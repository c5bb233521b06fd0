import { CLOSES_RUN, OCCURRENCE_KEY, OPENS_RUN } from '../engine/inverted-index.js';

export const enum ExactAttribute {
  None = 0,
  MatchesStart = 1,
  ExactMatch = 2,
}

/** Whether a field run equals (or starts with) the active terms in order, from their occurrences. */
export function exactAttributeOf(occurrences: Uint32Array[]): ExactAttribute {
  const [first = new Uint32Array(0), ...rest] = occurrences;
  let best = ExactAttribute.None;
  for (const start of first) {
    if ((start & OPENS_RUN) === 0) continue;
    const key = start & OCCURRENCE_KEY;
    const followers = rest.map((list, i) => list.find((o) => (o & OCCURRENCE_KEY) === key + i + 1));
    if (followers.some((o) => o === undefined)) continue;
    const last = followers.length ? followers[followers.length - 1]! : start;
    if (last >= CLOSES_RUN) return ExactAttribute.ExactMatch;
    best = ExactAttribute.MatchesStart;
  }
  return best;
}

/**
 * Proximity cost of two terms from their sorted occurrences: 0 when adjacent in order, up to 7 when
 * far apart, in different fields or absent.
 */
export function pairCost(a: Uint32Array, b: Uint32Array): number {
  let best = 7;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length && best > 0) {
    const pa = a[i]! & OCCURRENCE_KEY;
    const pb = b[j]! & OCCURRENCE_KEY;
    if (pa >>> 20 === pb >>> 20) {
      const gap = pb > pa ? pb - pa : pa - pb + 1;
      best = Math.min(best, Math.min(gap, 8) - 1);
    }
    if (pa < pb) i++;
    else j++;
  }
  return best;
}
