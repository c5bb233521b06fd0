import { STRONG_MATCH_SCORE } from '@techmatch/shared';
import { Types } from 'mongoose';
import type { Logger } from '../../platform/logger.js';
import type { AchievementDoc, AchievementModel } from '../achievements/achievement.model.js';
import type { NeedDoc, NeedModel } from '../needs/need.model.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { Judgements, MatchCandidate } from './matcher.js';
import {
  matchRunId,
  type MatchDoc,
  type MatchModel,
  type MatchRunModel,
  type MatchSide,
} from './match.model.js';
import type { MatchingService } from './matching.service.js';

/** How many partners are kept per listing, and the weakest score worth keeping. */
const KEEP_PER_LISTING = 20;
const KEEP_MIN_SCORE = 0.25;

interface StoreDeps {
  matches: MatchModel;
  matchRuns: MatchRunModel;
  needs: NeedModel;
  achievements: AchievementModel;
  matching: MatchingService;
  notifications: NotificationService;
  logger: Logger;
}

interface Pair {
  need: NeedDoc;
  achievement: AchievementDoc;
  candidate: MatchCandidate;
}

interface Partners {
  keyTerms: string[];
  pairs: Pair[];
}

/** A user's choice on a pair survives recomputation: only untouched pairs are replaced or dropped. */
const untouched = { starredBy: { $size: 0 }, dismissedBy: { $size: 0 }, handledBy: null };

/**
 * Computes a listing's partners through the matching engine and keeps the best ones, with their explanation;
 * tells both owners once about each strong pair neither has dismissed. Idempotent: running it twice changes
 * nothing but the computation time.
 */
export function matchStore({
  matches,
  matchRuns: runs,
  needs,
  achievements,
  matching,
  notifications,
  logger,
}: StoreDeps) {
  /** The candidates worth keeping whose listing is still published, with that listing loaded. */
  async function published<T extends { _id: Types.ObjectId }>(
    model: { find(filter: object): { lean<R>(): PromiseLike<R> } },
    candidates: MatchCandidate[],
  ): Promise<{ doc: T; candidate: MatchCandidate }[]> {
    const kept = candidates.filter((c) => c.score >= KEEP_MIN_SCORE);
    const docs = await model.find({ _id: { $in: kept.map((c) => c.id) }, status: 'published' }).lean<T[]>();
    const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
    return kept.flatMap((candidate) => {
      const doc = byId.get(candidate.id);
      return doc ? [{ doc, candidate }] : [];
    });
  }

  /** The partners this side starred and dismissed, most recently computed first. */
  async function judgementsOf(type: MatchSide, listingId: string): Promise<Judgements> {
    const own = type === 'need' ? { needId: listingId } : { achievementId: listingId };
    const judged = await matches
      .find({ ...own, $or: [{ starredBy: type }, { dismissedBy: type }] })
      .sort({ computedAt: -1 })
      .limit(50)
      .lean<MatchDoc[]>();
    const partnerOf = (match: MatchDoc) =>
      (type === 'need' ? match.achievementId : match.needId).toHexString();
    return {
      relevant: judged
        .filter((m) => m.starredBy.includes(type) && !m.dismissedBy.includes(type))
        .map(partnerOf),
      irrelevant: judged.filter((m) => m.dismissedBy.includes(type)).map(partnerOf),
    };
  }

  async function partnersOf(type: MatchSide, listingId: string): Promise<Partners | null> {
    if (type === 'need') {
      const need = await needs.findById(listingId).lean<NeedDoc>();
      if (!need || need.status !== 'published') return null;
      const judged = await judgementsOf(type, listingId);
      const { terms, candidates } = await matching.achievementsFor(need, KEEP_PER_LISTING, judged);
      const found = await published<AchievementDoc>(achievements, candidates);
      return {
        keyTerms: terms.map((t) => t.term),
        pairs: found.map(({ doc, candidate }) => ({ need, achievement: doc, candidate })),
      };
    }
    const achievement = await achievements.findById(listingId).lean<AchievementDoc>();
    if (!achievement || achievement.status !== 'published') return null;
    const judged = await judgementsOf(type, listingId);
    const { terms, candidates } = await matching.needsFor(achievement, KEEP_PER_LISTING, judged);
    const found = await published<NeedDoc>(needs, candidates);
    return {
      keyTerms: terms.map((t) => t.term),
      pairs: found.map(({ doc, candidate }) => ({ need: doc, achievement, candidate })),
    };
  }

  /** Upserts every pair in one round trip and reads them back (with what users did to them meanwhile). */
  async function save(pairs: Pair[], from: MatchSide): Promise<MatchDoc[]> {
    if (pairs.length === 0) return [];
    const computedAt = new Date();
    await matches.bulkWrite(
      pairs.map(({ need, achievement, candidate }) => ({
        updateOne: {
          filter: { needId: need._id, achievementId: achievement._id },
          update: {
            $set: {
              needOwnerId: need.ownerId,
              achievementOwnerId: achievement.ownerId,
              needOrganisationId: need.organisationId,
              achievementOrganisationId: achievement.organisationId,
              field: need.field,
              county: need.county,
              score: candidate.score,
              explanation: { terms: candidate.matchedTerms.slice(0, 12), sameField: candidate.sameField },
              computedFrom: from,
              computedAt,
            },
            $setOnInsert: {
              dismissedBy: [],
              starredBy: [],
              notifiedAt: null,
              handledBy: null,
              handledAt: null,
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    return matches
      .find({
        $or: pairs.map(({ need, achievement }) => ({ needId: need._id, achievementId: achievement._id })),
      })
      .lean<MatchDoc[]>();
  }

  async function alert(match: MatchDoc, pair: Pair): Promise<void> {
    if (match.score < STRONG_MATCH_SCORE || match.notifiedAt || match.dismissedBy.length > 0) return;
    const claimed = await matches.updateOne(
      { _id: match._id, notifiedAt: null },
      { $set: { notifiedAt: new Date() } },
    );
    if (claimed.modifiedCount === 0) return;
    const score = Math.round(match.score * 100);
    const key = `match:${match._id.toHexString()}`;
    await notifications.notify([pair.need.ownerId.toHexString()], {
      type: 'match_found',
      params: { side: 'need', title: pair.need.title, partner: pair.achievement.title, score },
      link: `/needs/${pair.need._id.toHexString()}?tab=matches`,
      key,
    });
    await notifications.notify([pair.achievement.ownerId.toHexString()], {
      type: 'match_found',
      params: { side: 'achievement', title: pair.achievement.title, partner: pair.need.title, score },
      link: `/achievements/${pair.achievement._id.toHexString()}?tab=matches`,
      key,
    });
  }

  async function recompute(type: MatchSide, listingId: string): Promise<number> {
    const partners = await partnersOf(type, listingId);
    const own =
      type === 'need'
        ? { needId: new Types.ObjectId(listingId) }
        : { achievementId: new Types.ObjectId(listingId) };
    const runId = matchRunId(type, listingId);
    if (!partners) {
      await matches.deleteMany({ ...own, ...untouched });
      await runs.deleteOne({ _id: runId });
      return 0;
    }
    const { keyTerms, pairs } = partners;
    const saved = await save(pairs, type);
    const pairOf = new Map(
      pairs.map((p) => [`${p.need._id.toHexString()}:${p.achievement._id.toHexString()}`, p]),
    );
    for (const match of saved) {
      const pair = pairOf.get(`${match.needId.toHexString()}:${match.achievementId.toHexString()}`);
      if (pair)
        await alert(match, pair).catch((error: unknown) =>
          logger.error({ err: error }, 'match alert failed'),
        );
    }
    const kept = saved.map((m) => m._id);
    await matches.deleteMany({ ...own, computedFrom: type, _id: { $nin: kept }, ...untouched });
    await runs.updateOne(
      { _id: runId },
      { $set: { keyTerms: keyTerms.slice(0, 20), computedAt: new Date() } },
      { upsert: true },
    );
    return pairs.length;
  }

  return { recompute };
}
export type MatchStore = ReturnType<typeof matchStore>;
