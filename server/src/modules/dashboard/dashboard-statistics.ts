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

/** One cell of the single grouping: counted contracts sharing county, field, type, month and origin. */
interface Cell {
  _id: { county: string | null; field: string; type: string; month: string; origin: string };
  amountFen: number;
  contractAmountFen: number;
  techTransactionAmountFen: number;
  count: number;
  /** Achievements behind the cell's transfer and licence contracts (converted results). */
  achievements: unknown[];
}

type Group = { _id: string | null; amountFen: number; count: number };

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

/** Sums the cells into one breakdown. */
function fold(cells: Cell[], dimension: keyof Cell['_id']): Group[] {
  const groups = new Map<string | null, Group>();
  for (const cell of cells) {
    const key = cell._id[dimension];
    const group = groups.get(key) ?? { _id: key, amountFen: 0, count: 0 };
    group.amountFen += cell.amountFen;
    group.count += cell.count;
    groups.set(key, group);
  }
  return [...groups.values()];
}

const sum = (cells: Cell[], value: (cell: Cell) => number) => cells.reduce((total, c) => total + value(c), 0);

/**
 * One aggregation over the counted contracts of a period, grouped once by every dimension the dashboard draws
 * (a few hundred cells at most), then summed per breakdown here: one pass over the contracts instead of one
 * per breakdown. Converted results are the distinct achievements behind registered transfer and licence
 * contracts (作价入股 being a kind of transfer). Sums of integer fen are exact far beyond any city's turnover
 * (2^53 fen).
 */
export async function computeStatistics(contracts: ContractModel, rule: CountingRule): Promise<Statistics> {
  const converts = {
    $and: [
      { $in: ['$type', CONVERSION_CONTRACT_TYPES] },
      { $ne: [{ $ifNull: ['$links.achievementId', null] }, null] },
    ],
  };
  const cells = await contracts.aggregate<Cell>([
    { $match: countedFilter(rule) },
    {
      $group: {
        _id: {
          county: attributedCounty,
          field: '$field',
          type: '$type',
          month: { $substrBytes: ['$registration.date', 0, 7] },
          origin: '$origin',
        },
        amountFen: { $sum: amountPath(rule.basis) },
        contractAmountFen: { $sum: '$contractAmountFen' },
        techTransactionAmountFen: { $sum: '$techTransactionAmountFen' },
        count: { $sum: 1 },
        achievements: { $addToSet: { $cond: [converts, '$links.achievementId', null] } },
      },
    },
  ]);
  const achievements = new Set(cells.flatMap((c) => c.achievements.filter((a) => a !== null).map(String)));
  return {
    from: rule.from,
    to: rule.to,
    basis: rule.basis,
    scope: rule.scope,
    amountFen: sum(cells, (c) => c.amountFen),
    contractAmountFen: sum(cells, (c) => c.contractAmountFen),
    techTransactionAmountFen: sum(cells, (c) => c.techTransactionAmountFen),
    contractCount: sum(cells, (c) => c.count),
    convertedResults: achievements.size,
    byCounty: breakdown(fold(cells, 'county'), COUNTIES),
    byField: breakdown(fold(cells, 'field'), FIELDS),
    byType: breakdown(fold(cells, 'type'), CONTRACT_TYPES),
    byMonth: breakdown(fold(cells, 'month'), monthsOf(rule.from, rule.to)),
    byOrigin: breakdown(fold(cells, 'origin'), CONTRACT_ORIGINS),
  };
}
