import type { ListingMatches, MatchListing, MatchView, Page, PageQuery } from '@techmatch/shared';
import {
  isActiveMemberOf,
  isStaff,
  requireActor,
  type Actor,
  type RequestContext,
} from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import { paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { AchievementDoc, AchievementModel } from '../achievements/achievement.model.js';
import type { NeedDoc, NeedModel } from '../needs/need.model.js';
import { seesPrivateChallenges } from '../needs/need.service.js';
import { markedExcerpt } from './excerpt.js';
import {
  matchRunId,
  type MatchDoc,
  type MatchModel,
  type MatchRunDoc,
  type MatchRunModel,
  type MatchSide,
} from './match.model.js';
import { enqueueRecompute, RECOMPUTE } from './matching.events.js';
import type { JobQueue } from '../../platform/job-queue.js';

interface MatchServiceDeps {
  matches: MatchModel;
  matchRuns: MatchRunModel;
  jobs: JobQueue;
  needs: NeedModel;
  achievements: AchievementModel;
  outbox: Outbox;
}

type Action = 'star' | 'unstar' | 'dismiss' | 'undismiss';

function summary(doc: NeedDoc | AchievementDoc, type: MatchSide): MatchListing {
  return {
    id: doc._id.toHexString(),
    title: doc.title,
    field: doc.field,
    organisationName: doc.organisationName,
    county: type === 'need' ? (doc as NeedDoc).county : null,
    kind: type === 'need' ? (doc as NeedDoc).kind : null,
  };
}

function sideOf(actor: Actor, match: MatchDoc): MatchSide | null {
  if (isActiveMemberOf(actor, match.needOrganisationId.toHexString())) return 'need';
  if (isActiveMemberOf(actor, match.achievementOrganisationId.toHexString())) return 'achievement';
  return null;
}

/** What owners and staff do with stored matches: read them with explanations, star, dismiss, broker. */
export function matchService({ matches, matchRuns, jobs, needs, achievements, outbox }: MatchServiceDeps) {
  /** Matches with both listings loaded; pairs whose partner is gone, unpublished or private to the viewer drop out. */
  async function present(actor: Actor, docs: MatchDoc[]): Promise<MatchView[]> {
    const [needDocs, achievementDocs] = await Promise.all([
      needs.find({ _id: { $in: docs.map((m) => m.needId) }, status: 'published' }).lean<NeedDoc[]>(),
      achievements
        .find({ _id: { $in: docs.map((m) => m.achievementId) }, status: 'published' })
        .lean<AchievementDoc[]>(),
    ]);
    const needById = new Map(needDocs.map((d) => [d._id.toHexString(), d]));
    const achievementById = new Map(achievementDocs.map((d) => [d._id.toHexString(), d]));
    return docs.flatMap((match) => {
      const need = needById.get(match.needId.toHexString());
      const achievement = achievementById.get(match.achievementId.toHexString());
      if (!need || !achievement) return [];
      if (
        need.challenge?.visibility === 'verified' &&
        !seesPrivateChallenges(actor) &&
        sideOf(actor, match) !== 'need'
      ) {
        return [];
      }
      const terms = match.explanation.terms.map((t) => t.term);
      const side = sideOf(actor, match);
      return [
        {
          id: match._id.toHexString(),
          score: match.score,
          need: summary(need, 'need'),
          achievement: summary(achievement, 'achievement'),
          explanation: {
            terms: match.explanation.terms.map(({ term, weight, source }) => ({
              term,
              weight: Math.round(weight * 100) / 100,
              source,
            })),
            sameField: match.explanation.sameField,
            needExcerpt: markedExcerpt(`${need.title}：${need.description}`, terms),
            achievementExcerpt: markedExcerpt(`${achievement.title}：${achievement.summary}`, terms),
          },
          viewerSide: side,
          starred: side ? match.starredBy.includes(side) : false,
          dismissed: side ? match.dismissedBy.includes(side) : false,
          handled: match.handledBy !== null,
          computedAt: match.computedAt.toISOString(),
        },
      ];
    });
  }

  async function stateOf(
    type: MatchSide,
    listing: NeedDoc | AchievementDoc,
  ): Promise<Pick<ListingMatches, 'state' | 'keyTerms' | 'computedAt'>> {
    if (listing.status !== 'published') return { state: 'not-published', keyTerms: [], computedAt: null };
    const id = listing._id.toHexString();
    const [run, pending] = await Promise.all([
      matchRuns.findById(matchRunId(type, id)).lean<MatchRunDoc>(),
      jobs.isPending(RECOMPUTE, matchRunId(type, id)),
    ]);
    if (!run) return { state: 'computing', keyTerms: [], computedAt: null };
    const computedAt = run.computedAt.toISOString();
    const state = pending ? 'computing' : run.keyTerms.length === 0 ? 'too-little-text' : 'ready';
    return { state, keyTerms: run.keyTerms, computedAt };
  }

  /** The partners of one listing, for its own organisation and for staff, and where its matching stands. */
  async function forListing(
    ctx: RequestContext,
    type: MatchSide,
    id: string,
    includeDismissed: boolean,
  ): Promise<ListingMatches> {
    const actor = requireActor(ctx);
    const listing =
      type === 'need'
        ? await needs.findById(id).lean<NeedDoc>()
        : await achievements.findById(id).lean<AchievementDoc>();
    if (!listing) throw new AppError('NOT_FOUND');
    if (!isStaff(actor) && !isActiveMemberOf(actor, listing.organisationId.toHexString()))
      throw new AppError('FORBIDDEN');
    const own = type === 'need' ? { needId: listing._id } : { achievementId: listing._id };
    const hide = includeDismissed || isStaff(actor) ? {} : { dismissedBy: { $ne: type } };
    const [docs, state] = await Promise.all([
      matches
        .find({ ...own, ...hide })
        .sort({ score: -1 })
        .limit(50)
        .lean<MatchDoc[]>(),
      stateOf(type, listing),
    ]);
    return { ...state, items: await present(actor, docs) };
  }

  /** Every match of the caller's organisation, strongest first, without the ones it dismissed. */
  async function mine(ctx: RequestContext, query: PageQuery): Promise<Page<MatchView>> {
    const actor = requireActor(ctx);
    if (!actor.organisationId || actor.membership !== 'active')
      return { items: [], page: 1, pageSize: query.pageSize, total: 0, totalPages: 0 };
    const filter = {
      $or: [
        { needOrganisationId: actor.organisationId, dismissedBy: { $ne: 'need' } },
        { achievementOrganisationId: actor.organisationId, dismissedBy: { $ne: 'achievement' } },
      ],
    };
    const page = await paginate(matches, filter, query, { score: -1, _id: 1 });
    return { ...page, items: await present(actor, page.docs) };
  }

  /** The bureau's matchmaking board: strong pairs nobody has taken in hand or dismissed. */
  async function board(
    ctx: RequestContext,
    query: { minScore: number; field?: string; county?: string } & PageQuery,
  ): Promise<Page<MatchView>> {
    const actor = authorize(ctx, 'match.broker');
    const filter = {
      score: { $gte: query.minScore },
      handledBy: null,
      dismissedBy: { $size: 0 },
      ...(query.field ? { field: query.field } : {}),
      ...(query.county ? { county: query.county } : {}),
    };
    const page = await paginate(matches, filter, query, { score: -1, _id: 1 });
    return { ...page, items: await present(actor, page.docs) };
  }

  async function load(id: string): Promise<MatchDoc> {
    const match = await matches.findById(id).lean<MatchDoc>();
    if (!match) throw new AppError('NOT_FOUND');
    return match;
  }

  /** Star or dismiss on behalf of the caller's side of the pair; a dismissal outlives recomputation. */
  async function act(ctx: RequestContext, id: string, action: Action): Promise<MatchView> {
    const actor = requireActor(ctx);
    const match = await load(id);
    const side = sideOf(actor, match);
    if (!side) throw new AppError('FORBIDDEN');
    const list = action === 'star' || action === 'unstar' ? 'starredBy' : 'dismissedBy';
    const adding = action === 'star' || action === 'dismiss';
    const update = adding ? { $addToSet: { [list]: side } } : { $pull: { [list]: side } };
    const updated = await matches.findByIdAndUpdate(id, update, { returnDocument: 'after' }).lean<MatchDoc>();
    if (!updated) throw new AppError('NOT_FOUND');
    // A star or a dismissal steers the side's next search for partners; repeating one changes nothing.
    if (match[list].includes(side) !== adding) {
      const listingId = (side === 'need' ? updated.needId : updated.achievementId).toHexString();
      await enqueueRecompute(jobs, side, listingId);
    }
    const [view] = await present(actor, [updated]);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  }

  /** Staff take a strong pair in hand as brokers (技术经纪人); recorded in the audit log. */
  async function handle(ctx: RequestContext, id: string): Promise<MatchView> {
    const actor = authorize(ctx, 'match.broker');
    const match = await load(id);
    const updated = await matches
      .findOneAndUpdate(
        { _id: id, handledBy: null },
        { $set: { handledBy: actor.id, handledAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean<MatchDoc>();
    if (!updated) throw new AppError('INVALID_STATE');
    const audit = auditBy(ctx, {
      action: 'match.handle',
      targetType: 'need',
      targetId: match.needId.toHexString(),
      after: { achievementId: match.achievementId.toHexString(), matchId: id },
    });
    await outbox.deliverNow(domainEvent('match.handled', { matchId: id }, audit));
    const [view] = await present(actor, [updated]);
    if (!view) throw new AppError('NOT_FOUND');
    return view;
  }

  return { forListing, mine, board, act, handle };
}
export type MatchService = ReturnType<typeof matchService>;
