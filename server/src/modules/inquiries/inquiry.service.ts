import {
  inquiryActionAllowed,
  roleHasPermission,
  type DisclosedContact,
  type Inquiry,
  type InquiryAction,
  type InquiryDecision,
  type InquiryListQuery,
  type InquiryOpenInput,
  type InquiryStatus,
  type InquirySummary,
  type Page,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import {
  isStaff,
  requireActor,
  type Actor,
  type AuditActor,
  type RequestContext,
} from '../../platform/auth/actor.js';
import { authorize, can } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy, type InquiryChange, type InquiryEventPayload } from '../../platform/events.js';
import { isDuplicateKeyError, paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { RateLimiter } from '../../platform/rate-limit.js';
import type { UserModel } from '../accounts/user.model.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { ListingDoc } from '../listings/listing.model.js';
import type { NeedModel } from '../needs/need.model.js';
import { memberOrganisation } from '../organisations/member-organisation.js';
import type { OrganisationDoc, OrganisationModel } from '../organisations/organisation.model.js';
import { participantFilter, participantIds, partiesOf, sideOf } from './inquiry.access.js';
import type { InquiryDoc, InquiryModel, InquiryPartyDoc } from './inquiry.model.js';
import { presentInquiry, presentInquirySummary } from './inquiry.presenters.js';
import type { MessageService } from './message.service.js';

interface InquiryDeps {
  inquiries: InquiryModel;
  achievements: AchievementModel;
  needs: NeedModel;
  organisations: OrganisationModel;
  users: UserModel;
  messages: MessageService;
  outbox: Outbox;
  limiter: RateLimiter;
}

/** The winning team of a 揭榜 challenge, for the inquiry opened with them automatically. */
export interface AwardedApplication {
  applicationId: Types.ObjectId;
  needId: Types.ObjectId;
  needTitle: string;
  challengeOwner: InquiryPartyDoc;
  applicant: InquiryPartyDoc;
}

const contactOf = (doc: Pick<ListingDoc | OrganisationDoc, keyof DisclosedContact>): DisclosedContact => ({
  contactName: doc.contactName,
  contactPhone: doc.contactPhone,
  contactEmail: doc.contactEmail,
});

/**
 * 意向洽谈: opened by a firm on an achievement or a researcher on a need, answered by the listing's organisation,
 * brokered by the bureau. Every status change is written with its audited domain event in one update.
 */
export function inquiryService(deps: InquiryDeps) {
  const { inquiries, achievements, needs, organisations, users, messages, outbox, limiter } = deps;

  async function load(id: string): Promise<InquiryDoc> {
    const doc = await inquiries.findById(id).lean<InquiryDoc>();
    if (!doc) throw new AppError('NOT_FOUND');
    return doc;
  }

  /** The inquiry, for a participant or the bureau; NOT_FOUND for anyone else. */
  async function loadFor(actor: Actor, id: string): Promise<InquiryDoc> {
    const doc = await load(id);
    if (!isStaff(actor) && !can(actor, 'inquiry.participate', partiesOf(doc)))
      throw new AppError('NOT_FOUND');
    return doc;
  }

  function assertAction(doc: InquiryDoc, action: InquiryAction): void {
    if (!inquiryActionAllowed(action, doc.status)) {
      throw new AppError('INVALID_STATE', { status: doc.status, action });
    }
  }

  type EventSource = Pick<
    InquiryDoc,
    '_id' | 'listingTitle' | 'initiator' | 'owner' | 'brokers' | 'applicationId'
  >;

  function payloadOf(doc: EventSource, actor: AuditActor | null, status: InquiryStatus): InquiryEventPayload {
    return {
      inquiryId: doc._id.toHexString(),
      title: doc.listingTitle,
      status,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? '',
      participantIds: participantIds(doc),
      applicationId: doc.applicationId?.toHexString() ?? null,
    };
  }

  function findListing(type: 'achievement' | 'need', id: unknown): Promise<ListingDoc | null> {
    return type === 'achievement'
      ? achievements.findById(id).lean<ListingDoc>()
      : needs.findById(id).lean<ListingDoc>();
  }

  /** Staged disclosure: the listing's contacts reach the initiating side once the owner has accepted. */
  async function present(doc: InquiryDoc, actor: Actor): Promise<Inquiry> {
    const side = sideOf(doc, actor);
    const ownerVisible = doc.acceptedAt !== null || side === 'owner' || side === 'broker' || isStaff(actor);
    const [listing, initiatorOrg] = await Promise.all([
      ownerVisible ? findListing(doc.listingType, doc.listingId) : null,
      organisations.findById(doc.initiator.organisationId).lean<OrganisationDoc>(),
    ]);
    return presentInquiry(doc, actor, {
      owner: listing ? contactOf(listing) : null,
      initiator: initiatorOrg ? contactOf(initiatorOrg) : null,
    });
  }

  /** Writes a change and its audited event in one conditional update, then delivers the event. */
  async function change(
    ctx: RequestContext,
    doc: InquiryDoc,
    what: InquiryChange,
    update: { status?: InquiryStatus; set?: Record<string, unknown>; reason?: string | null },
  ): Promise<InquiryDoc> {
    const actor = requireActor(ctx);
    const to = update.status ?? doc.status;
    const audit = auditBy(ctx, {
      action: `inquiry.${what}`,
      targetType: 'inquiry',
      targetId: doc._id.toHexString(),
      before: { status: doc.status },
      after: { status: to },
      reason: update.reason ?? null,
    });
    const event = domainEvent(
      'inquiry.status_changed',
      { ...payloadOf(doc, actor, to), from: doc.status, change: what },
      audit,
    );
    const updated = await inquiries
      .findOneAndUpdate(
        { _id: doc._id, status: doc.status },
        { $set: { status: to, ...update.set }, $push: { outbox: event } },
        { returnDocument: 'after' },
      )
      .lean<InquiryDoc>();
    if (!updated) throw new AppError('INVALID_STATE', { status: doc.status });
    await outbox.flush(inquiries, doc._id);
    return updated;
  }

  function partyOf(actor: Actor, org: OrganisationDoc): InquiryPartyDoc {
    return {
      userId: new Types.ObjectId(actor.id),
      name: actor.name,
      organisationId: org._id,
      organisationName: org.name,
    };
  }

  /** Opens an inquiry with its first message; one active inquiry per listing and asking organisation. */
  async function open(ctx: RequestContext, input: InquiryOpenInput): Promise<Inquiry> {
    const actor = requireActor(ctx);
    if (!roleHasPermission(actor.role, 'inquiry.open')) throw new AppError('FORBIDDEN');
    if (!can(actor, 'inquiry.open', { listingType: input.listingType }))
      throw new AppError('INQUIRY_NOT_ALLOWED');
    const org = await memberOrganisation(organisations, actor, { verified: true });
    const listing = await findListing(input.listingType, input.listingId);
    if (!listing || listing.status !== 'published') throw new AppError('NOT_FOUND');
    const challenge = (listing as { kind?: string }).kind === 'challenge';
    if (challenge || listing.organisationId.equals(org._id)) throw new AppError('INQUIRY_NOT_ALLOWED');
    limiter.consume(actor.id);
    const _id = new Types.ObjectId();
    const ownerUserId = listing.ownerId.toHexString();
    const doc = {
      _id,
      listingType: input.listingType,
      listingId: listing._id,
      listingTitle: listing.title,
      initiator: partyOf(actor, org),
      owner: {
        userId: listing.ownerId,
        name: await ownerName(listing),
        organisationId: listing.organisationId,
        organisationName: listing.organisationName,
      },
      brokers: [],
      status: 'open' as const,
      active: true,
      agreed: { initiator: null, owner: null },
      // The owner hears of the first message through the "inquiry opened" notification.
      alerted: { [ownerUserId]: 0 },
      reads: {},
    };
    const audit = auditBy(ctx, {
      action: 'inquiry.open',
      targetType: 'inquiry',
      targetId: _id.toHexString(),
      after: { status: 'open', listingId: input.listingId },
    });
    try {
      await inquiries.create({
        ...doc,
        outbox: [domainEvent('inquiry.opened', payloadOf(doc, actor, 'open'), audit)],
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await inquiries
        .findOne({ listingId: listing._id, 'initiator.organisationId': org._id, active: true }, { _id: 1 })
        .lean();
      throw new AppError('INQUIRY_EXISTS', { inquiryId: existing?._id.toHexString() ?? null });
    }
    await messages.store(actor, _id.toHexString(), {
      clientId: `open-${_id.toHexString()}`,
      body: input.message,
      attachmentIds: [],
    });
    await outbox.flush(inquiries, _id);
    return present(await load(_id.toHexString()), actor);
  }

  async function ownerName(listing: ListingDoc): Promise<string> {
    const owner = await users.findById(listing.ownerId, { name: 1 }).lean();
    return owner?.name ?? listing.contactName;
  }

  /**
   * The inquiry opened with the winner of a challenge: already accepted (the firm chose them), idempotent per
   * application so a redelivered award event opens it once.
   */
  async function openForAward(award: AwardedApplication, auditActor: AuditActor | null): Promise<string> {
    const found = await inquiries.findOne({ applicationId: award.applicationId }, { _id: 1 }).lean();
    if (found) return found._id.toHexString();
    const _id = new Types.ObjectId();
    const now = new Date();
    const doc = {
      _id,
      listingType: 'need' as const,
      listingId: award.needId,
      listingTitle: award.needTitle,
      initiator: award.applicant,
      owner: award.challengeOwner,
      brokers: [],
      status: 'negotiating' as const,
      active: true,
      applicationId: award.applicationId,
      agreed: { initiator: null, owner: null },
      acceptedAt: now,
      alerted: {},
      reads: {},
    };
    const audit = auditBy(
      { actor: auditActor, requestId: null },
      {
        action: 'inquiry.open',
        targetType: 'inquiry',
        targetId: _id.toHexString(),
        after: { status: 'negotiating', applicationId: award.applicationId.toHexString() },
      },
    );
    const payload = payloadOf(doc, auditActor, 'negotiating');
    try {
      await inquiries.create({ ...doc, outbox: [domainEvent('inquiry.opened', payload, audit)] });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const raced = await inquiries.findOne({ applicationId: award.applicationId }, { _id: 1 }).lean();
      if (raced) return raced._id.toHexString();
      throw error;
    }
    await outbox.flush(inquiries, _id);
    return _id.toHexString();
  }

  async function get(ctx: RequestContext, id: string): Promise<Inquiry> {
    const actor = requireActor(ctx);
    return present(await loadFor(actor, id), actor);
  }

  async function list(ctx: RequestContext, query: InquiryListQuery): Promise<Page<InquirySummary>> {
    const actor = requireActor(ctx);
    if (query.scope === 'all' && !isStaff(actor)) throw new AppError('FORBIDDEN');
    const filter = {
      ...(query.scope === 'all' ? {} : participantFilter(actor)),
      ...(query.status ? { status: query.status } : {}),
    };
    const page = await paginate(inquiries, filter, query, { updatedAt: -1, _id: -1 });
    return { ...page, items: page.docs.map((doc) => presentInquirySummary(doc, actor)) };
  }

  /** The listing's organisation accepts (contacts are disclosed) or declines (with a reason). */
  async function decide(ctx: RequestContext, id: string, decision: InquiryDecision): Promise<Inquiry> {
    const actor = requireActor(ctx);
    const doc = await loadFor(actor, id);
    authorize(ctx, 'inquiry.decide', { ownerOrganisationId: doc.owner.organisationId.toHexString() });
    assertAction(doc, 'decide');
    const updated =
      decision.decision === 'accept'
        ? await change(ctx, doc, 'accepted', { status: 'negotiating', set: { acceptedAt: new Date() } })
        : await change(ctx, doc, 'declined', {
            status: 'closed',
            reason: decision.reason,
            set: closedBy(actor, 'declined', decision.reason),
          });
    return present(updated, actor);
  }

  function closedBy(actor: Actor, kind: 'declined' | 'withdrawn' | 'closed', reason: string) {
    return { active: false, closure: { kind, reason, at: new Date(), byId: actor.id } };
  }

  /** Either side (or a broker) breaks off, with a reason; the pair may open a new inquiry afterwards. */
  async function close(ctx: RequestContext, id: string, reason: string): Promise<Inquiry> {
    const actor = requireActor(ctx);
    const doc = await loadFor(actor, id);
    const side = sideOf(doc, actor);
    if (!side) throw new AppError('FORBIDDEN');
    assertAction(doc, 'close');
    const kind =
      doc.status !== 'open' || side === 'broker' ? 'closed' : side === 'owner' ? 'declined' : 'withdrawn';
    const updated = await change(ctx, doc, kind, {
      status: 'closed',
      reason,
      set: closedBy(actor, kind, reason),
    });
    return present(updated, actor);
  }

  /** Each side confirms the agreement; once both have, the inquiry is agreed (ready for a contract). */
  async function agree(ctx: RequestContext, id: string): Promise<Inquiry> {
    const actor = requireActor(ctx);
    const doc = await loadFor(actor, id);
    const side = sideOf(doc, actor);
    if (side !== 'initiator' && side !== 'owner') throw new AppError('FORBIDDEN');
    assertAction(doc, 'agree');
    let updated = doc;
    if (doc.agreed[side] === null) {
      updated = await change(ctx, doc, 'agreed_by', { set: { [`agreed.${side}`]: new Date() } });
    }
    if (updated.agreed.initiator && updated.agreed.owner && updated.status === 'negotiating') {
      updated = await change(ctx, updated, 'agreed', { status: 'agreed' });
    }
    return present(updated, actor);
  }

  /** Bureau staff join as 技术经纪人: they see the conversation live and may write in it. */
  async function joinAsBroker(ctx: RequestContext, id: string): Promise<Inquiry> {
    const actor = authorize(ctx, 'inquiry.broker');
    const doc = await load(id);
    assertAction(doc, 'broker');
    if (doc.brokers.some((b) => b.userId.equals(actor.id))) return present(doc, actor);
    const broker = { userId: new Types.ObjectId(actor.id), name: actor.name, joinedAt: new Date() };
    const withBroker = { ...doc, brokers: [...doc.brokers, broker] };
    const audit = auditBy(ctx, {
      action: 'inquiry.broker_join',
      targetType: 'inquiry',
      targetId: id,
      after: { brokerId: actor.id },
    });
    const updated = await inquiries
      .findOneAndUpdate(
        { _id: doc._id, 'brokers.userId': { $ne: actor.id } },
        {
          $push: {
            brokers: broker,
            outbox: domainEvent('inquiry.broker_joined', payloadOf(withBroker, actor, doc.status), audit),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<InquiryDoc>();
    await outbox.flush(inquiries, doc._id);
    return present(updated ?? (await load(id)), actor);
  }

  return { open, openForAward, get, list, decide, close, agree, joinAsBroker, load };
}
export type InquiryService = ReturnType<typeof inquiryService>;
