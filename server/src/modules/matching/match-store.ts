import { STRONG_MATCH_SCORE } from '@techmatch/shared';
import { Types } from 'mongoose';
import type { Logger } from '../../platform/logger.js';
import type { AchievementDoc, AchievementModel } from '../achievements/achievement.model.js';
import type { NeedDoc, NeedModel } from '../needs/need.model.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { MatchCandidate } from './matcher.js';
import type { MatchDoc, MatchModel, MatchSide } from './match.model.js';
import type { MatchingService } from './matching.service.js';

/** How many partners are kept per listing, and the weakest score worth keeping. */
const KEEP_PER_LISTING = 20;
const KEEP_MIN_SCORE = 0.25;

interface StoreDeps {
  matches: MatchModel;
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

/** A user's choice on a pair survives recomputation: only untouched pairs are replaced or dropped. */
const untouched = { starredBy: { $size: 0 }, dismissedBy: { $size: 0 }, handledBy: null };

/**
 * Computes a listing's partners through the matching engine and keeps the best ones, with their explanation;
 * tells both owners once about each strong pair neither has dismissed. Idempotent: running it twice changes
 * nothing but the computation time.
 */
export function matchStore({ matches, needs, achievements, matching, notifications, logger }: StoreDeps) {
  async function partnersOf(type: MatchSide, listingId: string): Promise<Pair[] | null> {
    if (type === 'need') {
      const need = await needs.findById(listingId).lean<NeedDoc>();
      if (!need || need.status !== 'published') return null;
      const candidates = (await matching.achievementsFor(need, KEEP_PER_LISTING)).filter(
        (c) => c.score >= KEEP_MIN_SCORE,
      );
      const docs = await achievements
        .find({ _id: { $in: candidates.map((c) => c.id) }, status: 'published' })
        .lean<AchievementDoc[]>();
      const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
      return candidates.flatMap((candidate) => {
        const achievement = byId.get(candidate.id);
        return achievement ? [{ need, achievement, candidate }] : [];
      });
    }
    const achievement = await achievements.findById(listingId).lean<AchievementDoc>();
    if (!achievement || achievement.status !== 'published') return null;
    const candidates = (await matching.needsFor(achievement, KEEP_PER_LISTING)).filter(
      (c) => c.score >= KEEP_MIN_SCORE,
    );
    const docs = await needs
      .find({ _id: { $in: candidates.map((c) => c.id) }, status: 'published' })
      .lean<NeedDoc[]>();
    const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
    return candidates.flatMap((candidate) => {
      const need = byId.get(candidate.id);
      return need ? [{ need, achievement, candidate }] : [];
    });
  }

  async function save(pair: Pair, from: MatchSide): Promise<MatchDoc | null> {
    const { need, achievement, candidate } = pair;
    return matches
      .findOneAndUpdate(
        { needId: need._id, achievementId: achievement._id },
        {
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
            computedAt: new Date(),
          },
          $setOnInsert: {
            dismissedBy: [],
            starredBy: [],
            notifiedAt: null,
            handledBy: null,
            handledAt: null,
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<MatchDoc>();
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
    const pairs = await partnersOf(type, listingId);
    const own =
      type === 'need'
        ? { needId: new Types.ObjectId(listingId) }
        : { achievementId: new Types.ObjectId(listingId) };
    if (!pairs) {
      await matches.deleteMany({ ...own, ...untouched });
      return 0;
    }
    const kept: Types.ObjectId[] = [];
    for (const pair of pairs) {
      const match = await save(pair, type);
      if (!match) continue;
      kept.push(match._id);
      await alert(match, pair).catch((error: unknown) => logger.error({ err: error }, 'match alert failed'));
    }
    await matches.deleteMany({ ...own, computedFrom: type, _id: { $nin: kept }, ...untouched });
    return pairs.length;
  }

  return { recompute };
}
export type MatchStore = ReturnType<typeof matchStore>;
