import type { CounterBasis, CounterScope, County } from '@techmatch/shared';

/**
 * What the counter counts, in one place: registered contracts whose registration date falls in the period,
 * whose seller is in Baise (输出) — or, with the wider scope, whose buyer is (吸纳) — adding up the basis amount.
 * The dashboard, the statistics, the drill-down list and the exports all build their queries from here, so a
 * total and the contracts behind it can never disagree.
 */
export interface CountingRule {
  from: string;
  to: string;
  basis: CounterBasis;
  scope: CounterScope;
}

const inCity = (party: 'seller' | 'buyer') => ({ [`${party}.county`]: { $ne: null } });

export function scopeFilter(scope: CounterScope): Record<string, unknown> {
  return scope === 'output' ? inCity('seller') : { $or: [inCity('seller'), inCity('buyer')] };
}

/** The years a period touches, so that the query is an indexed equality on `registration.year`. */
function yearsOf(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4));
  return Array.from({ length: Number(to.slice(0, 4)) - first + 1 }, (_, i) => first + i);
}

/** Registered in the period: whole years are one indexed equality, other periods add the date range. */
export function periodFilter(from: string, to: string): Record<string, unknown> {
  const years = yearsOf(from, to);
  const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31');
  return {
    'registration.year': years.length === 1 ? years[0] : { $in: years },
    ...(wholeYears ? {} : { 'registration.date': { $gte: from, $lte: to } }),
  };
}

export function countedFilter(rule: Omit<CountingRule, 'basis'>): Record<string, unknown> {
  return { status: 'registered', ...periodFilter(rule.from, rule.to), ...scopeFilter(rule.scope) };
}

export function amountPath(basis: CounterBasis): string {
  return basis === 'contract' ? '$contractAmountFen' : '$techTransactionAmountFen';
}

/** The county a counted contract is attributed to: the seller's, or the buyer's for an absorbed contract. */
export const attributedCounty = { $ifNull: ['$seller.county', '$buyer.county'] };

/** Contracts attributed to a county, as `attributedCounty` attributes them. */
export function countyFilter(county: County): Record<string, unknown> {
  return { $or: [{ 'seller.county': county }, { 'seller.county': null, 'buyer.county': county }] };
}

export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
