import {
  todayInChina,
  yearOf,
  type CONTRACT_SORTS,
  type ContractQuery,
  type ContractTotals,
  type CounterBasis,
  type CounterScope,
} from '@techmatch/shared';
import { escapeRegex } from '../../platform/mongo.js';
import type { ContractModel } from './contract.model.js';
import { countedFilter, countyFilter, periodFilter, yearBounds } from './contract-counting.js';

/** What a year's counter counts (the year's target settings). */
export type CountingSettings = (year: number) => Promise<{ basis: CounterBasis; scope: CounterScope }>;

/** The registration period a query names: a month of a year, a year, or from/to; null when it names none. */
function periodOf(query: ContractQuery): { from: string; to: string } | null {
  if (query.year && query.month) {
    const month = `${query.year}-${String(query.month).padStart(2, '0')}`;
    return { from: `${month}-01`, to: `${month}-31` };
  }
  if (query.year) return yearBounds(query.year);
  if (query.from || query.to) {
    const from = query.from ?? `${yearOf(query.to ?? todayInChina())}-01-01`;
    return { from, to: query.to ?? `${yearOf(from)}-12-31` };
  }
  return null;
}

/**
 * The MongoDB filter of a staff list query. `counted=true` narrows to what the year's counter adds up, so the
 * list under a dashboard total holds exactly the contracts behind it.
 */
export async function contractFilter(
  query: ContractQuery,
  settingsOf: CountingSettings,
): Promise<Record<string, unknown>> {
  const period = periodOf(query);
  const clauses: Record<string, unknown>[] = [];
  if (query.counted === 'true') {
    const range = period ?? yearBounds(yearOf(todayInChina()));
    const { scope } = await settingsOf(yearOf(range.from));
    clauses.push(countedFilter({ ...range, scope }));
  } else if (period) {
    clauses.push(periodFilter(period.from, period.to));
  }
  if (query.status) clauses.push({ status: query.status });
  if (query.county) clauses.push(countyFilter(query.county));
  if (query.field) clauses.push({ field: query.field });
  if (query.type) clauses.push({ type: query.type });
  if (query.origin) clauses.push({ origin: query.origin });
  if (query.q) {
    const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
    clauses.push({
      $or: [
        { title: pattern },
        { 'registration.number': pattern },
        { 'seller.name': pattern },
        { 'buyer.name': pattern },
      ],
    });
  }
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? (clauses[0] ?? {}) : { $and: clauses };
}

const SORTS: Record<(typeof CONTRACT_SORTS)[number], Record<string, 1 | -1>> = {
  registered_desc: { 'registration.date': -1, updatedAt: -1, _id: -1 },
  updated_desc: { updatedAt: -1, _id: -1 },
  amount_desc: { contractAmountFen: -1, _id: -1 },
};

export const contractSort = (sort: ContractQuery['sort']) => SORTS[sort];

/** Count and sums of every contract the filter selects (not just the page shown). */
export async function contractTotals(
  contracts: ContractModel,
  filter: Record<string, unknown>,
): Promise<ContractTotals> {
  const [totals] = await contracts.aggregate<ContractTotals>([
    { $match: filter },
    {
      $group: {
        _id: null,
        count: { $sum: 1 },
        contractAmountFen: { $sum: '$contractAmountFen' },
        techTransactionAmountFen: { $sum: '$techTransactionAmountFen' },
      },
    },
    { $project: { _id: 0 } },
  ]);
  return totals ?? { count: 0, contractAmountFen: 0, techTransactionAmountFen: 0 };
}
