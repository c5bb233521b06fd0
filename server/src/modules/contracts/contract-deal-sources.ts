import { HOME_PROVINCE, type ContractLinks, type ContractPrefill } from '@techmatch/shared';
import type { Types } from 'mongoose';
import { isStaff, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import { sideOf } from '../inquiries/inquiry.access.js';
import type { InquiryDoc, InquiryModel } from '../inquiries/inquiry.model.js';
import type { MatchModel } from '../matching/match.model.js';
import type { NeedModel } from '../needs/need.model.js';
import type { OrganisationDoc, OrganisationModel } from '../organisations/organisation.model.js';
import type { LinkCheck } from './contract-sources.js';

export interface DealModels {
  inquiries: InquiryModel;
  matches: MatchModel;
  needs: NeedModel;
  achievements: AchievementModel;
  organisations: OrganisationModel;
}

/** Deals the platform brokered: an inquiry must have been agreed, a challenge must be one, a match must exist. */
export function dealLinkChecks(models: DealModels): Partial<Record<keyof ContractLinks, LinkCheck>> {
  return {
    inquiryId: (id) => models.inquiries.exists({ _id: id, status: 'agreed' }).then(Boolean),
    challengeId: (id) => models.needs.exists({ _id: id, kind: 'challenge' }).then(Boolean),
    matchId: (id) => models.matches.exists({ _id: id }).then(Boolean),
  };
}

function partyOf(
  org: OrganisationDoc | undefined,
  organisationId: Types.ObjectId,
  name: string,
): ContractPrefill['seller'] {
  return {
    organisationId: organisationId.toHexString(),
    name: org?.name ?? name,
    creditCode: org?.creditCode ?? null,
    province: org?.county ? HOME_PROVINCE : null,
    county: org?.county ?? null,
  };
}

/**
 * The contract an agreed inquiry led to, as far as the inquiry knows it: the achievement's side sells and the
 * need's side buys; a challenge's inquiry also links the challenge. Open to the inquiry's parties and staff.
 */
export function inquiryPrefill(models: DealModels) {
  return async function prefill(inquiryId: string, actor: Actor): Promise<ContractPrefill> {
    const inquiry = await models.inquiries.findById(inquiryId).lean<InquiryDoc>();
    if (!inquiry || (!isStaff(actor) && sideOf(inquiry, actor) === null)) throw new AppError('NOT_FOUND');
    if (inquiry.status !== 'agreed') throw new AppError('INVALID_STATE', { status: inquiry.status });
    const aboutAchievement = inquiry.listingType === 'achievement';
    const listingModel = (aboutAchievement ? models.achievements : models.needs) as NeedModel;
    const listing = await listingModel.findById(inquiry.listingId, { field: 1 }).lean<{ field: string }>();
    if (!listing) throw new AppError('NOT_FOUND');
    const [seller, buyer] = aboutAchievement
      ? [inquiry.owner, inquiry.initiator]
      : [inquiry.initiator, inquiry.owner];
    const orgs = await models.organisations
      .find({ _id: { $in: [seller.organisationId, buyer.organisationId] } })
      .lean<OrganisationDoc[]>();
    const orgOf = (id: Types.ObjectId) => orgs.find((o) => o._id.equals(id));
    const listingId = inquiry.listingId.toHexString();
    return {
      title: inquiry.listingTitle.slice(0, 100),
      field: listing.field as ContractPrefill['field'],
      origin: 'inquiry',
      seller: partyOf(orgOf(seller.organisationId), seller.organisationId, seller.organisationName),
      buyer: partyOf(orgOf(buyer.organisationId), buyer.organisationId, buyer.organisationName),
      links: {
        inquiryId,
        achievementId: aboutAchievement ? listingId : null,
        needId: aboutAchievement ? null : listingId,
        challengeId: inquiry.applicationId ? listingId : null,
        matchId: null,
        brokerId: inquiry.brokers[0]?.userId.toHexString() ?? null,
      },
    };
  };
}
