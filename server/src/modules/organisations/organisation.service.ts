import type {
  Organisation,
  OrganisationListQuerySchema,
  OrganisationPublic,
  OrganisationUpdate,
  Page,
  PageQuery,
  User,
  VerificationDecision,
} from '@techmatch/shared';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import { escapeRegex, isDuplicateKeyError, paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import {
  presentOrganisation,
  presentOrganisationPublic,
  presentUser,
} from '../accounts/accounts.presenters.js';
import type { UserDoc, UserModel } from '../accounts/user.model.js';
import type { OrganisationDoc, OrganisationModel } from './organisation.model.js';

interface OrganisationDeps {
  organisations: OrganisationModel;
  users: UserModel;
  outbox: Outbox;
}

/** Changing who an organisation is (name, credit code) sends a verified organisation back to review. */
const IDENTITY_FIELDS = ['name', 'creditCode'] as const;

export function organisationService({ organisations, users, outbox }: OrganisationDeps) {
  async function load(id: string): Promise<OrganisationDoc> {
    const org = await organisations.findById(id).lean<OrganisationDoc>();
    if (!org) throw new AppError('NOT_FOUND');
    return org;
  }

  async function lookupByCreditCode(creditCode: string): Promise<OrganisationPublic | null> {
    const org = await organisations.findOne({ creditCode }).lean<OrganisationDoc>();
    return org ? presentOrganisationPublic(org) : null;
  }

  async function getPublic(id: string): Promise<OrganisationPublic> {
    return presentOrganisationPublic(await load(id));
  }

  async function getDetails(ctx: RequestContext, id: string): Promise<Organisation> {
    authorize(ctx, 'organisation.update', { organisationId: id });
    return presentOrganisation(await load(id));
  }

  async function list(
    ctx: RequestContext,
    query: z.infer<typeof OrganisationListQuerySchema> & PageQuery,
  ): Promise<Page<Organisation>> {
    authorize(ctx, 'organisation.list');
    const filter: Record<string, unknown> = {};
    if (query.status) filter['verification.status'] = query.status;
    if (query.kind) filter.kind = query.kind;
    if (query.q) filter.name = { $regex: escapeRegex(query.q), $options: 'i' };
    const page = await paginate(organisations, filter, query, { createdAt: 1, _id: 1 });
    return { ...page, items: page.docs.map(presentOrganisation) };
  }

  async function update(ctx: RequestContext, id: string, patch: OrganisationUpdate): Promise<Organisation> {
    authorize(ctx, 'organisation.update', { organisationId: id });
    const org = await load(id);
    const changed = Object.entries(patch).filter(
      ([key, value]) => org[key as keyof OrganisationDoc] !== value,
    );
    if (changed.length === 0) return presentOrganisation(org);
    const identityChanged = changed.some(([key]) => (IDENTITY_FIELDS as readonly string[]).includes(key));
    const backToReview = identityChanged && org.verification.status !== 'pending';
    const before = Object.fromEntries(changed.map(([key]) => [key, org[key as keyof OrganisationDoc]]));
    const after = Object.fromEntries(changed);
    if (backToReview) {
      before.verification = org.verification.status;
      after.verification = 'pending';
    }
    const audit = auditBy(ctx, {
      action: 'organisation.update',
      targetType: 'organisation',
      targetId: id,
      before,
      after,
    });
    try {
      await organisations.updateOne(
        { _id: id },
        {
          $set: {
            ...patch,
            ...(backToReview ? { 'verification.status': 'pending', 'verification.reason': null } : {}),
          },
          $push: { outbox: domainEvent('organisation.updated', { organisationId: id, backToReview }, audit) },
        },
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AppError('CONFLICT', { field: 'creditCode' });
      throw error;
    }
    await outbox.flush(organisations, id);
    return presentOrganisation(await load(id));
  }

  async function review(
    ctx: RequestContext,
    id: string,
    decision: VerificationDecision,
  ): Promise<Organisation> {
    const actor = authorize(ctx, 'organisation.review');
    const org = await load(id);
    if (org.verification.status === decision.decision) throw new AppError('INVALID_STATE');
    const reason = decision.reason || null;
    const audit = auditBy(ctx, {
      action: `organisation.${decision.decision === 'verified' ? 'verify' : 'reject'}`,
      targetType: 'organisation',
      targetId: id,
      before: { status: org.verification.status },
      after: { status: decision.decision },
      reason,
    });
    const result = await organisations.updateOne(
      { _id: id, 'verification.status': org.verification.status },
      {
        $set: {
          verification: { status: decision.decision, reason, reviewedAt: new Date(), reviewedBy: actor.id },
        },
        $push: {
          outbox: domainEvent(
            'organisation.reviewed',
            { organisationId: id, status: decision.decision },
            audit,
          ),
        },
      },
    );
    if (result.modifiedCount === 0) throw new AppError('INVALID_STATE');
    await outbox.flush(organisations, id);
    return presentOrganisation(await load(id));
  }

  async function members(ctx: RequestContext, id: string): Promise<User[]> {
    authorize(ctx, 'membership.review', { organisationId: id });
    const docs = await users
      .find({ organisationId: id }, { passwordHash: 0, outbox: 0 })
      .sort({ createdAt: 1 })
      .lean<UserDoc[]>();
    return docs.map(presentUser);
  }

  async function decideMembership(
    ctx: RequestContext,
    organisationId: string,
    userId: string,
    decision: 'active' | 'rejected',
  ): Promise<User> {
    authorize(ctx, 'membership.review', { organisationId });
    const audit = auditBy(ctx, {
      action: `membership.${decision === 'active' ? 'approve' : 'reject'}`,
      targetType: 'user',
      targetId: userId,
      before: { membership: 'pending' },
      after: { membership: decision },
    });
    const user = await users
      .findOneAndUpdate(
        { _id: userId, organisationId, membership: 'pending' },
        {
          $set: { membership: decision },
          $push: {
            outbox: domainEvent(
              'membership.decided',
              { userId, organisationId, membership: decision },
              audit,
            ),
          },
        },
        { returnDocument: 'after', projection: { passwordHash: 0 } },
      )
      .lean<UserDoc>();
    if (!user) throw new AppError('INVALID_STATE');
    await outbox.flush(users, user._id);
    return presentUser(user);
  }

  return { lookupByCreditCode, getPublic, getDetails, list, update, review, members, decideMembership };
}
export type OrganisationService = ReturnType<typeof organisationService>;
