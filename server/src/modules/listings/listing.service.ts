import {
  listingActionAllowed,
  type ListingAction,
  type ListingStatus,
  type Page,
  type Permission,
  type ReviewDecision,
} from '@techmatch/shared';
import { Types, type Model } from 'mongoose';
import type { Actor, RequestContext } from '../../platform/auth/actor.js';
import { isActiveMemberOf, isStaff, requireActor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy, type ListingEventPayload } from '../../platform/events.js';
import { paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import { markSearchDirty, type SearchSync } from '../../platform/search-sync.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import { memberOrganisation } from '../organisations/member-organisation.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import type { ListingDoc } from './listing.model.js';

/** What distinguishes one kind of listing (achievement, need) from the other. */
export interface ListingKind<D extends ListingDoc, Input extends ListingInput, View> {
  type: 'achievement' | 'need';
  model: Model<D>;
  createPermission: Extract<Permission, 'achievement.create' | 'need.create'>;
  /** Stored fields of a validated input (attachments and ownership are added by the service). */
  toFields(input: Omit<Input, 'attachmentIds'>): Partial<D>;
  /** Fields whose change sends a published listing back to review (what the bureau vouched for). */
  contentFields: readonly string[];
  /** The listing as its viewer may see it; contacts only for its own organisation and staff. */
  present(doc: D, withContact: boolean): View;
  /** Whether this viewer may see this published listing at all (private challenges). */
  visibleTo?(doc: D, actor: Actor | null): boolean;
  /** A listing no longer published that stays on view (an awarded challenge). */
  stillPublic?(doc: D): boolean;
}

interface ListingDeps {
  organisations: OrganisationModel;
  attachments: AttachmentService;
  outbox: Outbox;
  searchSync: SearchSync;
}

type ListQuery = { status?: ListingStatus; page: number; pageSize: number };

/** What every listing input carries. */
interface ListingInput {
  title: string;
  attachmentIds: string[];
}

export function listingService<D extends ListingDoc, Input extends ListingInput, View>(
  kind: ListingKind<D, Input, View>,
  { organisations, attachments, outbox, searchSync }: ListingDeps,
) {
  const { model, type } = kind;

  async function load(id: string): Promise<D> {
    const doc = await model.findById(id).lean<D>();
    if (!doc) throw new AppError('NOT_FOUND');
    return doc;
  }

  function eventOf(doc: D, status: ListingStatus): ListingEventPayload {
    return {
      type,
      listingId: doc._id.toHexString(),
      title: doc.title,
      ownerId: doc.ownerId.toHexString(),
      organisationId: doc.organisationId.toHexString(),
      status,
    };
  }

  function assertAction(doc: D, action: ListingAction): void {
    if (!listingActionAllowed(action, doc.status))
      throw new AppError('INVALID_STATE', { status: doc.status, action });
  }

  /** Writes a status change with its event in one atomic update, then delivers the event and reindexes. */
  async function transition(
    ctx: RequestContext,
    doc: D,
    to: ListingStatus,
    extra: {
      set?: Record<string, unknown>;
      reason?: string | null;
      event?: 'listing.changed' | 'listing.submitted';
    } = {},
  ): Promise<D> {
    const audit = auditBy(ctx, {
      action: `${type}.${to}`,
      targetType: type,
      targetId: doc._id.toHexString(),
      before: { status: doc.status },
      after: { status: to },
      reason: extra.reason ?? null,
    });
    const event =
      to === 'published' || (to === 'rejected' && doc.status === 'pending_review')
        ? domainEvent('listing.reviewed', { ...eventOf(doc, to), reason: extra.reason ?? null }, audit)
        : domainEvent(extra.event ?? 'listing.changed', eventOf(doc, to), audit);
    const updated = await model
      .findOneAndUpdate(
        { _id: doc._id, status: doc.status },
        {
          $set: { status: to, ...extra.set, ...markSearchDirty.$set },
          $inc: markSearchDirty.$inc,
          $push: { outbox: event },
        },
        { returnDocument: 'after' },
      )
      .lean<D>();
    if (!updated) throw new AppError('INVALID_STATE', { status: doc.status });
    await outbox.flush(model, doc._id);
    searchSync.kick();
    return updated;
  }

  function canSeePrivate(actor: Actor | null, doc: D): boolean {
    return !!actor && (isStaff(actor) || isActiveMemberOf(actor, doc.organisationId.toHexString()));
  }

  /** A draft may be saved by any member; the bureau only looks at listings of verified organisations. */
  async function create(ctx: RequestContext, input: Input): Promise<View> {
    const actor = authorize(ctx, kind.createPermission);
    const org = await memberOrganisation(organisations, actor);
    const _id = new Types.ObjectId();
    const { attachmentIds, ...fields } = input;
    const attached = await attachments.claim(actor, attachmentIds, { type, id: _id });
    const audit = auditBy(ctx, {
      action: `${type}.create`,
      targetType: type,
      targetId: _id.toHexString(),
      after: { status: 'draft' },
    });
    const doc = await model.create({
      ...kind.toFields(fields),
      _id,
      organisationId: org._id,
      organisationName: org.name,
      ownerId: actor.id,
      status: 'draft',
      attachments: attached.map(({ _id: id, filename, contentType, size }) => ({
        _id: id,
        filename,
        contentType,
        size,
      })),
      outbox: [
        domainEvent(
          'listing.changed',
          {
            type,
            listingId: _id.toHexString(),
            title: input.title,
            ownerId: actor.id,
            organisationId: org._id.toHexString(),
            status: 'draft',
          },
          audit,
        ),
      ],
    });
    await outbox.flush(model, _id);
    return kind.present(doc.toObject<D>(), true);
  }

  async function get(ctx: RequestContext, id: string): Promise<View> {
    const doc = await load(id);
    const privileged = canSeePrivate(ctx.actor, doc);
    const onView = doc.status === 'published' || (kind.stillPublic?.(doc) ?? false);
    const visible = onView && (kind.visibleTo?.(doc, ctx.actor) ?? true);
    if (!privileged && !visible) throw new AppError('NOT_FOUND');
    return kind.present(doc, privileged);
  }

  async function update(ctx: RequestContext, id: string, input: Input): Promise<View> {
    const doc = await load(id);
    const actor = authorize(ctx, 'listing.edit', { organisationId: doc.organisationId.toHexString() });
    assertAction(doc, 'edit');
    const { attachmentIds, ...fields } = input;
    const next = kind.toFields(fields) as Record<string, unknown>;
    const changed = Object.keys(next).filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(doc[key as keyof D]),
    );
    const attached = await attachments.claim(actor, attachmentIds, { type, id: doc._id });
    const backToReview =
      doc.status === 'published' && changed.some((key) => kind.contentFields.includes(key));
    const status: ListingStatus = backToReview ? 'pending_review' : doc.status;
    const audit = auditBy(ctx, {
      action: `${type}.update`,
      targetType: type,
      targetId: id,
      before: { status: doc.status, fields: changed },
      after: { status },
    });
    const updated = await model
      .findOneAndUpdate(
        { _id: doc._id, status: doc.status },
        {
          $set: {
            ...next,
            status,
            attachments: attached.map(({ _id, filename, contentType, size }) => ({
              _id,
              filename,
              contentType,
              size,
            })),
            ...markSearchDirty.$set,
          },
          $inc: markSearchDirty.$inc,
          $push: {
            outbox: domainEvent(
              backToReview ? 'listing.submitted' : 'listing.changed',
              eventOf(doc, status),
              audit,
            ),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<D>();
    if (!updated) throw new AppError('INVALID_STATE', { status: doc.status });
    await outbox.flush(model, doc._id);
    searchSync.kick();
    return kind.present(updated, true);
  }

  async function submit(ctx: RequestContext, id: string): Promise<View> {
    const doc = await load(id);
    const actor = authorize(ctx, 'listing.edit', { organisationId: doc.organisationId.toHexString() });
    if (!actor.organisationVerified) throw new AppError('ORGANISATION_NOT_VERIFIED');
    assertAction(doc, 'submit');
    return kind.present(
      await transition(ctx, doc, 'pending_review', { event: 'listing.submitted', set: { reviewNote: null } }),
      true,
    );
  }

  async function review(ctx: RequestContext, id: string, decision: ReviewDecision): Promise<View> {
    authorize(ctx, 'listing.review');
    const doc = await load(id);
    assertAction(doc, 'review');
    const reason = decision.reason || null;
    const set =
      decision.decision === 'published'
        ? { reviewNote: null, publishedAt: doc.publishedAt ?? new Date() }
        : { reviewNote: reason };
    return kind.present(await transition(ctx, doc, decision.decision, { set, reason }), true);
  }

  async function close(ctx: RequestContext, id: string): Promise<View> {
    const doc = await load(id);
    authorize(ctx, 'listing.close', { organisationId: doc.organisationId.toHexString() });
    assertAction(doc, 'close');
    return kind.present(await transition(ctx, doc, 'closed'), true);
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    const doc = await load(id);
    authorize(ctx, 'listing.edit', { organisationId: doc.organisationId.toHexString() });
    assertAction(doc, 'delete');
    const audit = auditBy(ctx, {
      action: `${type}.delete`,
      targetType: type,
      targetId: id,
      before: { status: doc.status },
    });
    // The record goes away with its outbox, so this one event is delivered before the delete.
    await outbox.deliverNow(domainEvent('listing.changed', eventOf(doc, doc.status), audit));
    await model.deleteOne({ _id: doc._id, status: doc.status });
  }

  async function listMine(ctx: RequestContext, query: ListQuery): Promise<Page<View>> {
    const actor = requireActor(ctx);
    if (!actor.organisationId)
      return { items: [], page: 1, pageSize: query.pageSize, total: 0, totalPages: 0 };
    const filter = {
      organisationId: actor.organisationId,
      ...(query.status ? { status: query.status } : {}),
    };
    const page = await paginate(model, filter, query, { updatedAt: -1, _id: -1 });
    return { ...page, items: page.docs.map((doc) => kind.present(doc, true)) };
  }

  async function reviewQueue(ctx: RequestContext, query: ListQuery): Promise<Page<View>> {
    authorize(ctx, 'listing.review');
    const page = await paginate(model, { status: query.status ?? 'pending_review' }, query, {
      updatedAt: 1,
      _id: 1,
    });
    return { ...page, items: page.docs.map((doc) => kind.present(doc, true)) };
  }

  return { create, get, update, submit, review, close, remove, listMine, reviewQueue, load };
}
export type ListingService<D extends ListingDoc, Input extends ListingInput, View> = ReturnType<
  typeof listingService<D, Input, View>
>;
