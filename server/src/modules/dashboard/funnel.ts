import { FUNNEL_STAGES, yearOf, type Funnel, type FunnelQuery, type FunnelStage } from '@techmatch/shared';
import type { Model, Types } from 'mongoose';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';
import type { InquiryModel } from '../inquiries/inquiry.model.js';
import type { MatchModel } from '../matching/match.model.js';
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

/** Counts per key, adding up rows that share one. */
function toRecord(rows: Counted[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const { _id, n } of rows) if (_id !== null) record[_id] = (record[_id] ?? 0) + n;
  return record;
}

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

const createdIn = (period: Period) => ({
  createdAt: { $gte: startOfDay(period.from), $lte: endOfDay(period.to) },
});

/** Pairs the matching engine found in the period (a match carries its need's field and county). */
export function matchFunnelSource(matches: MatchModel): FunnelSource {
  return {
    stage: 'matches',
    async count(by, period) {
      const rows = await matches.aggregate<Counted>([
        { $match: createdIn(period) },
        { $group: { _id: `$${by}`, n: { $sum: 1 } } },
      ]);
      return toRecord(rows);
    },
  };
}

/** Inquiries opened in the period, under their listing's field, or county (an achievement's organisation's). */
export function inquiryFunnelSource(models: {
  inquiries: InquiryModel;
  achievements: AchievementModel;
  needs: NeedModel;
  organisations: OrganisationModel;
}): FunnelSource {
  type Listing = {
    _id: Types.ObjectId;
    field: string;
    county?: string | null;
    organisationId?: Types.ObjectId;
  };
  const listingsOf = (model: AchievementModel | NeedModel, ids: Types.ObjectId[]) =>
    (model as NeedModel)
      .find({ _id: { $in: ids } }, { field: 1, county: 1, organisationId: 1 })
      .lean<Listing[]>();

  return {
    stage: 'inquiries',
    async count(by, period) {
      const rows = await models.inquiries.aggregate<{ _id: { type: string; id: Types.ObjectId }; n: number }>(
        [
          { $match: createdIn(period) },
          { $group: { _id: { type: '$listingType', id: '$listingId' }, n: { $sum: 1 } } },
        ],
      );
      const idsOf = (type: string) => rows.filter((r) => r._id.type === type).map((r) => r._id.id);
      const [achievements, needs] = await Promise.all([
        listingsOf(models.achievements, idsOf('achievement')),
        listingsOf(models.needs, idsOf('need')),
      ]);
      const orgs = await models.organisations
        .find({ _id: { $in: achievements.flatMap((a) => a.organisationId ?? []) } }, { county: 1 })
        .lean<{ _id: Types.ObjectId; county: string | null }[]>();
      const countyOfOrg = new Map(orgs.map((o) => [o._id.toHexString(), o.county]));
      const keyOf = new Map<string, string | null>();
      for (const a of achievements)
        keyOf.set(
          a._id.toHexString(),
          by === 'field' ? a.field : (countyOfOrg.get(String(a.organisationId)) ?? null),
        );
      for (const n of needs) keyOf.set(n._id.toHexString(), by === 'field' ? n.field : (n.county ?? null));
      return toRecord(rows.map((r) => ({ _id: keyOf.get(r._id.id.toHexString()) ?? null, n: r.n })));
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
