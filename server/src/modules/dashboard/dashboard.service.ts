import {
  todayInChina,
  yearOf,
  type DashboardSnapshot,
  type FeedEntry,
  type Statistics,
  type StatisticsQuery,
} from '@techmatch/shared';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { coalesce } from '../../platform/coalesce.js';
import type { Logger } from '../../platform/logger.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { ContractDoc, ContractModel } from '../contracts/contract.model.js';
import { countedFilter, yearBounds } from '../contracts/contract-counting.js';
import { presentFeedEntry } from '../contracts/contract.presenters.js';
import type { TargetService } from '../targets/target.service.js';
import { computeStatistics } from './dashboard-statistics.js';

interface DashboardDeps {
  contracts: ContractModel;
  targets: TargetService;
  realtime: RealtimeHub;
  logger: Logger;
}

export const FEED_SIZE = 12;
/** A cached snapshot is dropped on every change (on every node); this bounds what out-of-band edits leave. */
const CACHE_MAX_AGE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The least time between two broadcasts of a year while registrations keep coming. */
const BURST_GAP_MS = 200;

/** Days left in a year from today (China time), today included. */
export function daysLeftIn(year: number, today = todayInChina()): number {
  const current = yearOf(today);
  if (year < current) return 0;
  const start = year > current ? `${year}-01-01` : today;
  return Math.round((Date.parse(`${year}-12-31`) - Date.parse(start)) / DAY_MS) + 1;
}

/**
 * 数据大屏: each year's snapshot is computed by aggregation over the registered contracts (never kept as a
 * running number), cached until the next change, and broadcast to the `dashboard` room after every change.
 * Recomputations coalesce, so a burst of registrations costs a couple of aggregations, not one each.
 */
export function dashboardService({ contracts, targets, realtime, logger }: DashboardDeps) {
  const cache = new Map<number, { snapshot: DashboardSnapshot; at: number }>();
  const generations = new Map<number, number>();
  const generation = (year: number) => generations.get(year) ?? 0;

  async function feedOf(year: number, scope: DashboardSnapshot['target']['scope']): Promise<FeedEntry[]> {
    const docs = await contracts
      .find(countedFilter({ ...yearBounds(year), scope }))
      .sort({ 'registration.registeredAt': -1, _id: -1 })
      .limit(FEED_SIZE)
      .lean<ContractDoc[]>();
    return docs.map(presentFeedEntry);
  }

  async function build(year: number): Promise<DashboardSnapshot> {
    const target = await targets.get(year);
    const [statistics, feed] = await Promise.all([
      computeStatistics(contracts, { ...yearBounds(year), basis: target.basis, scope: target.scope }),
      feedOf(year, target.scope),
    ]);
    const remainingFen = Math.max(0, target.contractAmountFen - statistics.amountFen);
    const daysLeft = daysLeftIn(year);
    return {
      year,
      target,
      statistics,
      remainingFen,
      daysLeft,
      pacePerDayFen: daysLeft > 0 ? Math.ceil(remainingFen / daysLeft) : 0,
      feed,
      computedAt: new Date().toISOString(),
    };
  }

  const recompute = coalesce(async (year: number) => {
    const startedAt = generation(year);
    const snapshot = await build(year);
    if (generation(year) === startedAt) cache.set(year, { snapshot, at: Date.now() });
    return snapshot;
  });

  function invalidate(years: number[]): void {
    for (const year of years) {
      generations.set(year, generation(year) + 1);
      cache.delete(year);
    }
  }
  realtime.onNodeEvent('dashboard:invalidate', invalidate);

  /** The year's snapshot, from the cache when nothing changed since it was computed. */
  async function snapshot(year: number): Promise<DashboardSnapshot> {
    const cached = cache.get(year);
    if (cached && Date.now() - cached.at < CACHE_MAX_AGE_MS) return cached.snapshot;
    return recompute(year);
  }

  /** After a change: drop every node's cache, recompute, and send the new snapshots to every dashboard. */
  async function publish(years: number[]): Promise<void> {
    const distinct = [...new Set(years)];
    invalidate(distinct);
    realtime.toOtherNodes('dashboard:invalidate', distinct);
    await Promise.all(
      distinct.map(async (year) => realtime.toDashboard().emit('dashboard:snapshot', await recompute(year))),
    );
  }

  const broadcasts = new Map<number, { running: boolean; dirty: boolean }>();

  /** Broadcasts the year's snapshot until no change is left unsent, pausing between runs during a burst. */
  async function broadcastChanges(year: number, state: { running: boolean; dirty: boolean }): Promise<void> {
    state.running = true;
    try {
      while (state.dirty) {
        state.dirty = false;
        realtime.toDashboard().emit('dashboard:snapshot', await recompute(year));
        if (state.dirty) await new Promise((resolve) => setTimeout(resolve, BURST_GAP_MS));
      }
    } finally {
      state.running = false;
    }
  }

  /**
   * `publish` without holding up the write that caused it: every cache drops at once (so any later read is
   * exact); the first change is broadcast at once, the changes of a burst together at most every
   * `BURST_GAP_MS`, so a burst of registrations does not keep the database busy recomputing.
   */
  function publishSoon(years: number[]): void {
    const distinct = [...new Set(years)];
    invalidate(distinct);
    realtime.toOtherNodes('dashboard:invalidate', distinct);
    for (const year of distinct) {
      const state = broadcasts.get(year) ?? { running: false, dirty: false };
      broadcasts.set(year, state);
      state.dirty = true;
      if (!state.running) {
        broadcastChanges(year, state).catch((error: unknown) =>
          logger.error({ err: error, year }, 'dashboard broadcast failed'),
        );
      }
    }
  }

  /** A newly registered contract's public entry, at once, when the year's counter counts it. */
  async function announce(contractId: string): Promise<void> {
    const doc = await contracts.findById(contractId).lean<ContractDoc>();
    if (!doc?.registration || doc.status !== 'registered') return;
    const { scope } = await targets.countingSettings(doc.registration.year);
    const counted = await contracts.exists({
      _id: doc._id,
      ...countedFilter({ ...yearBounds(doc.registration.year), scope }),
    });
    if (counted) realtime.toDashboard().emit('dashboard:feed', presentFeedEntry(doc));
  }

  /** Staff statistics for any period, counted by the settings of the year it starts in unless given. */
  async function statistics(ctx: RequestContext, query: StatisticsQuery): Promise<Statistics> {
    authorize(ctx, 'contract.statistics');
    const settings = await targets.countingSettings(yearOf(query.from));
    return computeStatistics(contracts, {
      from: query.from,
      to: query.to,
      basis: query.basis ?? settings.basis,
      scope: query.scope ?? settings.scope,
    });
  }

  return { snapshot, publish, publishSoon, announce, statistics, invalidate };
}
export type DashboardService = ReturnType<typeof dashboardService>;
