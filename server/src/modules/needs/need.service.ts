import { todayInChina, type Need, type NeedInput } from '@techmatch/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/actor.js';
import { auditBy } from '../../platform/events.js';
import { iso } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import { markSearchDirty, type SearchSync } from '../../platform/search-sync.js';
import { presentListingBase } from '../listings/listing.presenters.js';
import type { ListingKind, ListingService } from '../listings/listing.service.js';
import { lastOpenDay, type NeedDoc, type NeedModel } from './need.model.js';

export function presentNeed(doc: NeedDoc, withContact: boolean): Need {
  const { challenge } = doc;
  return {
    ...presentListingBase(doc, withContact),
    description: doc.description,
    county: doc.county,
    budgetFen: doc.budgetFen,
    deadline: doc.deadline,
    kind: doc.kind,
    challenge: challenge
      ? {
          bountyFen: challenge.bountyFen,
          requirements: challenge.requirements,
          applicationDeadline: challenge.applicationDeadline,
          visibility: challenge.visibility,
          awardedAt: iso(challenge.awardedAt),
        }
      : null,
  };
}

/** Private challenges are for members of verified organisations (and the bureau) only. */
export function seesPrivateChallenges(actor: Actor | null): boolean {
  return !!actor && (isStaff(actor) || (actor.organisationVerified && actor.membership === 'active'));
}

/** 技术需求 as a listing kind: firms post them; a challenge's terms are content the bureau reviews. */
export function needKind(model: NeedModel): ListingKind<NeedDoc, NeedInput, Need> {
  return {
    type: 'need',
    model,
    createPermission: 'need.create',
    toFields: (input) => ({
      ...input,
      challenge: input.challenge && { ...input.challenge, awardedApplicationId: null, awardedAt: null },
    }),
    contentFields: ['title', 'description', 'field', 'keywords', 'county', 'kind', 'challenge'],
    present: presentNeed,
    visibleTo: (doc, actor) => doc.challenge?.visibility !== 'verified' || seesPrivateChallenges(actor),
    // An awarded challenge is closed to applications but stays on view as 揭榜成功.
    stillPublic: (doc) => doc.status === 'closed' && !!doc.challenge?.awardedAt,
  };
}

/** Marks published needs whose last open day has passed as expired, each with its audit entry. */
export async function expireOverdueNeeds(
  model: NeedModel,
  outbox: Outbox,
  searchSync: SearchSync,
): Promise<number> {
  const today = todayInChina();
  const candidates = await model
    .find({
      status: 'published',
      $or: [{ deadline: { $lt: today } }, { 'challenge.applicationDeadline': { $lt: today } }],
    })
    .lean<NeedDoc[]>();
  const overdue = candidates.filter((need) => (lastOpenDay(need) ?? '9999-12-31') < today);
  for (const need of overdue) {
    const id = need._id.toHexString();
    const audit = auditBy(
      { actor: null, requestId: null },
      {
        action: 'need.expired',
        targetType: 'need',
        targetId: id,
        before: { status: 'published' },
        after: { status: 'expired' },
      },
    );
    const event = domainEvent(
      'listing.changed',
      {
        type: 'need',
        listingId: id,
        title: need.title,
        ownerId: need.ownerId.toHexString(),
        organisationId: need.organisationId.toHexString(),
        status: 'expired',
      },
      audit,
    );
    await model.updateOne(
      { _id: need._id, status: 'published' },
      {
        $set: { status: 'expired', ...markSearchDirty.$set },
        $inc: markSearchDirty.$inc,
        $push: { outbox: event },
      },
    );
    await outbox.flush(model, need._id);
  }
  if (overdue.length) searchSync.kick();
  return overdue.length;
}

export type NeedService = ListingService<NeedDoc, NeedInput, Need>;
