import { ExactAttribute, exactAttributeOf, pairCost } from './match-info.js';
import type { Rank } from './rank.js';
import { costRank, globalScore } from './rank.js';
import type { TermDocs } from './term-docs.js';
import { MAX_POSITION_BUCKET, MAX_TYPO_COST } from './term-docs.js';

/** A group of documents a rule considers equal, best group first. */
export interface RuleGroup {
  docs: number[];
  /** Ranks contributing to the score (none for sort rules). */
  ranks: Rank[];
  /** This rule's entry in `_rankingScoreDetails`, without `order`. */
  detail: Record<string, unknown>;
}

export interface RankingRule {
  readonly name: string;
  /** Split a bucket (documents matching the `active` query terms) into ordered groups. */
  partition(docs: number[], active: readonly number[]): Iterable<RuleGroup>;
}

/** What the text rules read: per-term document sets and a per-document match scan. */
export interface TextState {
  termDocs: TermDocs[];
  maxTypos: number[];
  /** Occurrences of term `t` (allowed fields, sorted) for the documents `docs`, by document. */
  positions(t: number, docs: readonly number[]): (docid: number) => Uint32Array;
  /** Searchable rank (0 = first) of the fields behind a posting field-bit index. */
  fieldRank(bitIndex: number): number;
  searchableCount: number;
}

/** Group documents by a small non-negative integer cost, cheapest first, keeping document order. */
function groupByCost(docs: readonly number[], costOf: (docid: number) => number): [number, number[]][] {
  const groups: number[][] = [];
  for (const docid of docs) (groups[costOf(docid)] ??= []).push(docid);
  const out: [number, number[]][] = [];
  groups.forEach((group, cost) => out.push([cost, group]));
  return out;
}

const score = (rank: Rank) => rank.rank / rank.max;

export function typoRule(state: TextState): RankingRule {
  return {
    name: 'typo',
    partition(docs, active) {
      const maxTypoCount = active.reduce((sum, t) => sum + state.maxTypos[t]!, 0);
      if (active.length === 1) return typoGroupsOfOneTerm(state.termDocs[active[0]!]!, docs, maxTypoCount);
      const costOf = (docid: number) => {
        let total = 0;
        for (const t of active) {
          let cost = 0;
          while (cost < MAX_TYPO_COST && !state.termDocs[t]!.byCost[cost]!.has(docid)) cost++;
          total += cost;
        }
        return total;
      };
      return groupByCost(docs, costOf).map(([typoCount, group]) => {
        const rank = costRank(typoCount, maxTypoCount);
        return { docs: group, ranks: [rank], detail: { typoCount, maxTypoCount, score: score(rank) } };
      });
    },
  };
}

/**
 * One term: the typo groups are the cost bitsets, taken in order. A term with one cost class (every Chinese
 * word) has that class's set equal to all its documents, so the bucket is the group as it is.
 */
function* typoGroupsOfOneTerm(term: TermDocs, docs: number[], maxTypoCount: number): Iterable<RuleGroup> {
  let rest = docs;
  for (let cost = 0; cost <= MAX_TYPO_COST && rest.length; cost++) {
    const whole = cost === MAX_TYPO_COST || term.byCost[cost] === term.all;
    const group = whole ? rest : rest.filter((docid) => term.byCost[cost]!.has(docid));
    if (group.length === 0) continue;
    if (group.length !== rest.length) rest = rest.filter((docid) => !term.byCost[cost]!.has(docid));
    else rest = [];
    const rank = costRank(cost, maxTypoCount);
    yield { docs: group, ranks: [rank], detail: { typoCount: cost, maxTypoCount, score: score(rank) } };
  }
}

export function proximityRule(state: TextState): RankingRule {
  return {
    name: 'proximity',
    partition(docs, active) {
      const k = active.length;
      if (k < 2) return [{ docs, ranks: [{ rank: 1, max: 1 }], detail: { score: 1 } }];
      const maxCost = 7 * (k - 1);
      const lookups = active.map((t) => state.positions(t, docs));
      const costOf = (docid: number) => {
        let total = 0;
        for (let slot = 0; slot + 1 < k; slot++)
          total += pairCost(lookups[slot]!(docid), lookups[slot + 1]!(docid));
        return total;
      };
      return groupByCost(docs, costOf).map(([cost, group]) => {
        const rank = costRank(cost, maxCost);
        return { docs: group, ranks: [rank], detail: { score: score(rank) } };
      });
    },
  };
}

export function attributeRankRule(state: TextState): RankingRule {
  return {
    name: 'attributeRank',
    partition(docs, active) {
      const k = active.length;
      const worst = Math.max(0, state.searchableCount - 1);
      const perTerm = active
        .map((t) => state.termDocs[t]!)
        .map((term) =>
          term.byField
            .flatMap((set, index) => (set ? [[state.fieldRank(index), set] as const] : []))
            .sort((a, b) => a[0] - b[0]),
        );
      if (k === 1 && perTerm[0]!.length === 1) {
        // One term found in one field only: every document ranks alike.
        const rank = costRank(perTerm[0]![0]![0], worst);
        return [{ docs, ranks: [rank], detail: { score: score(rank) } }];
      }
      const costOf = (docid: number) => {
        let total = 0;
        for (const fields of perTerm) {
          let rank = worst;
          for (const [fieldRank, set] of fields) {
            if (set.has(docid)) {
              rank = fieldRank;
              break;
            }
          }
          total += rank;
        }
        return total;
      };
      return groupByCost(docs, costOf).map(([cost, group]) => {
        const rank = costRank(cost, worst * k);
        return { docs: group, ranks: [rank], detail: { score: score(rank) } };
      });
    },
  };
}

export function wordPositionRule(state: TextState): RankingRule {
  return {
    name: 'attributePosition',
    partition(docs, active) {
      const terms = active.map((t) => state.termDocs[t]!.positionBucket);
      const costOf = (docid: number) => {
        let total = 0;
        for (const buckets of terms) total += buckets[docid]!;
        return total;
      };
      return groupByCost(docs, costOf).map(([cost, group]) => {
        const rank = costRank(cost, MAX_POSITION_BUCKET * active.length);
        return { docs: group, ranks: [rank], detail: { score: score(rank) } };
      });
    },
  };
}

const MATCH_TYPES = ['noExactMatch', 'matchesStart', 'exactMatch'] as const;

export function exactnessRule(state: TextState): RankingRule {
  return {
    name: 'exactness',
    partition(docs, active) {
      const k = active.length;
      const first = state.termDocs[active[0]!]!;
      const starting = k > 1 ? docs.filter((docid) => first.startsRun.has(docid)) : [];
      const lookups = starting.length ? active.map((t) => state.positions(t, starting)) : [];
      const attributeMatch = (docid: number): ExactAttribute => {
        if (k === 1)
          return first.wholeRun.has(docid)
            ? ExactAttribute.ExactMatch
            : first.startsRun.has(docid)
              ? ExactAttribute.MatchesStart
              : ExactAttribute.None;
        if (!first.startsRun.has(docid)) return ExactAttribute.None;
        return exactAttributeOf(lookups.map((lookup) => lookup(docid)));
      };
      const costOf = (docid: number) => {
        const attribute = attributeMatch(docid);
        if (attribute !== ExactAttribute.None) return 2 - attribute;
        let exactWords = 0;
        for (const t of active) if (state.termDocs[t]!.exact.has(docid)) exactWords++;
        return 2 + (k - exactWords);
      };
      return groupByCost(docs, costOf).map(([cost, group]) => {
        if (cost < 2) {
          const rank = { rank: 3 - cost, max: 3 };
          return {
            docs: group,
            ranks: [rank],
            detail: { matchType: MATCH_TYPES[2 - cost], score: score(rank) },
          };
        }
        const matchingWords = k - (cost - 2);
        const ranks = [
          { rank: 1, max: 3 },
          { rank: matchingWords + 1, max: k + 1 },
        ];
        return {
          docs: group,
          ranks,
          detail: {
            matchType: 'noExactMatch',
            matchingWords,
            maxMatchingWords: k,
            score: globalScore(ranks),
          },
        };
      });
    },
  };
}
