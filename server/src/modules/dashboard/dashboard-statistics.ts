import {
  CONTRACT_ORIGINS,
  CONTRACT_TYPES,
  CONVERSION_CONTRACT_TYPES,
  COUNTIES,
  FIELDS,
  type BreakdownEntry,
  type Statistics,
} from '@techmatch/shared';
import type { ContractModel } from '../contracts/contract.model.js';
import {
  amountPath,
  attributedCounty,
  countedFilter,
  type CountingRule,
} from '../contracts/contract-counting.js';

interface Group {
  _id: string | null;
  amountFen: number;
  count: number;
}

interface FacetResult {
  totals: { amountFen: number; contractAmountFen: number; techTransactionAmountFen: number; count: number }[];
  byCounty: Group[];
  byField: Group[];
  byType: Group[];
  byMonth: Group[];
  byOrigin: Group[];
  converted: { n: number }[];
}

/** Every month of a period, `YYYY-MM`. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Every key of the vocabulary in its order (zero when absent), then any key outside it. */
function breakdown(groups: Group[], keys: readonly string[]): BreakdownEntry[] {
  const byKey = new Map(groups.map((g) => [g._id ?? '', g]));
  const known = keys.map((key) => ({
    key,
    amountFen: byKey.get(key)?.amountFen ?? 0,
    count: byKey.get(key)?.count ?? 0,
  }));
  const others = groups
    .filter((g) => !keys.includes(g._id ?? ''))
    .map((g) => ({ key: g._id ?? '', amountFen: g.amountFen, count: g.count }));
  return [...known, ...others];
}

const groupBy = (key: unknown, amount: string) => [
  { $group: { _id: key, amountFen: { $sum: amount }, count: { $sum: 1 } } },
];

/**
 * One aggregation over the counted contracts of a period: totals, the breakdowns the dashboard draws, and the
 * converted results (distinct achievements behind registered transfer and licence contracts, 作价入股 being a
 * kind of transfer). Sums of integer fen are exact far beyond any city's turnover (2^53 fen).
 */
export async function computeStatistics(contracts: ContractModel, rule: CountingRule): Promise<Statistics> {
  const amount = amountPath(rule.basis);
  const [result] = await contracts.aggregate<FacetResult>([
    { $match: countedFilter(rule) },
    {
      $facet: {
        totals: [
          {
            $group: {
              _id: null,
              amountFen: { $sum: amount },
              contractAmountFen: { $sum: '$contractAmountFen' },
              techTransactionAmountFen: { $sum: '$techTransactionAmountFen' },
              count: { $sum: 1 },
            },
          },
        ],
        byCounty: groupBy(attributedCounty, amount),
        byField: groupBy('$field', amount),
        byType: groupBy('$type', amount),
        byMonth: groupBy({ $substrBytes: ['$registration.date', 0, 7] }, amount),
        byOrigin: groupBy('$origin', amount),
        converted: [
          { $match: { type: { $in: CONVERSION_CONTRACT_TYPES }, 'links.achievementId': { $ne: null } } },
          { $group: { _id: '$links.achievementId' } },
          { $count: 'n' },
        ],
      },
    },
  ]);
  const totals = result?.totals[0];
  return {
    from: rule.from,
    to: rule.to,
    basis: rule.basis,
    scope: rule.scope,
    amountFen: totals?.amountFen ?? 0,
    contractAmountFen: totals?.contractAmountFen ?? 0,
    techTransactionAmountFen: totals?.techTransactionAmountFen ?? 0,
    contractCount: totals?.count ?? 0,
    convertedResults: result?.converted[0]?.n ?? 0,
    byCounty: breakdown(result?.byCounty ?? [], COUNTIES),
    byField: breakdown(result?.byField ?? [], FIELDS),
    byType: breakdown(result?.byType ?? [], CONTRACT_TYPES),
    byMonth: breakdown(result?.byMonth ?? [], monthsOf(rule.from, rule.to)),
    byOrigin: breakdown(result?.byOrigin ?? [], CONTRACT_ORIGINS),
  };
}
