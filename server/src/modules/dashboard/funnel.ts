import { FUNNEL_STAGES, yearOf, type Funnel, type FunnelQuery, type FunnelStage } from '@techmatch/shared';
import type { Model } from 'mongoose';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import type { ContractModel } from '../contracts/contract.model.js';
import { attributedCounty, countedFilter } from '../contracts/contract-counting.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import type { TargetService } from '../targets/target.service.js';

type Dimension = FunnelQuery['by'];
type Period = Pick<FunnelQuery, 'from' | 'to'>;

/**
 * One stage of the conversion funnel. Each module that produces a stage (listings, matching, inquiries,
 * contracts) provides one; a stage without a source shows as not yet available.
 */
export interface FunnelSource {
  stage: FunnelStage;
  count(by: Dimension, period: Period): Promise<Record<string, number>>;
}

interface Counted {
  _id: string | null;
  n: number;
}

const toRecord = (rows: Counted[]) =>
  Object.fromEntries(rows.filter((r) => r._id !== null).map((r) => [r._id, r.n])) as Record<string, number>;

function add(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  return into;
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Listings published in the period; an achievement's county is its organisation's. */
export function listingFunnelSource(models: {
  achievements: AchievementModel;
  needs: NeedModel;
  organisations: OrganisationModel;
}): FunnelSource {
  const published = (period: Period) => ({
    publishedAt: { $gte: startOfDay(period.from), $lte: endOfDay(period.to) },
  });
  const countBy = (model: AchievementModel | NeedModel, key: string, period: Period) =>
    (model as Model<unknown>).aggregate<Counted>([
      { $match: published(period) },
      { $group: { _id: key, n: { $sum: 1 } } },
    ]);

  async function achievementsByCounty(period: Period): Promise<Record<string, number>> {
    const byOrganisation = await countBy(models.achievements, '$organisationId', period);
    const organisations = await models.organisations
      .find({ _id: { $in: byOrganisation.map((r) => r._id) } }, { county: 1 })
      .lean<{ _id: { toHexString(): string }; county: string | null }[]>();
    const countyOf = new Map(organisations.map((o) => [o._id.toHexString(), o.county]));
    const result: Record<string, number> = {};
    for (const row of byOrganisation) {
      const county = countyOf.get(String(row._id));
      if (county) result[county] = (result[county] ?? 0) + row.n;
    }
    return result;
  }

  return {
    stage: 'listings',
    async count(by, period) {
      if (by === 'field') {
        const [a, n] = await Promise.all([
          countBy(models.achievements, '$field', period),
          countBy(models.needs, '$field', period),
        ]);
        return add(toRecord(a), toRecord(n));
      }
      const [a, n] = await Promise.all([
        achievementsByCounty(period),
        countBy(models.needs, '$county', period),
      ]);
      return add(a, toRecord(n));
    },
  };
}

/** Contracts the counter counts in the period (registration date, the year's scope). */
export function contractFunnelSource(contracts: ContractModel, targets: TargetService): FunnelSource {
  return {
    stage: 'contracts',
    async count(by, period) {
      const { scope } = await targets.countingSettings(yearOf(period.from));
      const rows = await contracts.aggregate<Counted>([
        { $match: countedFilter({ ...period, scope }) },
        { $group: { _id: by === 'field' ? '$field' : attributedCounty, n: { $sum: 1 } } },
      ]);
      return toRecord(rows);
    },
  };
}

/** listings → matches → inquiries → contracts, from whichever sources exist. */
export function funnelService(sources: FunnelSource[]) {
  return async function funnel(ctx: RequestContext, query: FunnelQuery): Promise<Funnel> {
    authorize(ctx, 'contract.statistics');
    const stages = await Promise.all(
      FUNNEL_STAGES.map(async (stage) => {
        const source = sources.find((s) => s.stage === stage);
        if (!source) return { stage, available: false, total: 0, counts: {} };
        const counts = await source.count(query.by, query);
        return { stage, available: true, total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
      }),
    );
    return { by: query.by, stages };
  };
}
