import {
  applicationDecisionAllowed,
  todayInChina,
  type Application,
  type ApplicationDecision,
  type ApplicationInput,
  type ApplicationListQuery,
  type ApplicationStatus,
  type Page,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import {
  isActiveMemberOf,
  isStaff,
  requireActor,
  type Actor,
  type AuditActor,
  type RequestContext,
} from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import {
  auditBy,
  type ApplicationEventPayload,
  type AuditRecord,
  type DomainEvent,
} from '../../platform/events.js';
import { isDuplicateKeyError, paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import { markSearchDirty, type SearchSync } from '../../platform/search-sync.js';
import type { UserModel } from '../accounts/user.model.js';
import type { AttachmentService } from '../attachments/attachment.service.js';
import type { InquiryService } from '../inquiries/inquiry.service.js';
import type { NeedDoc, NeedModel } from '../needs/need.model.js';
import { seesPrivateChallenges } from '../needs/need.service.js';
import { memberOrganisation } from '../organisations/member-organisation.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import type { ApplicationDoc, ApplicationModel } from './application.model.js';
import { presentApplication } from './application.presenters.js';

interface ApplicationDeps {
  applications: ApplicationModel;
  needs: NeedModel;
  organisations: OrganisationModel;
  users: UserModel;
  attachments: AttachmentService;
  inquiries: InquiryService;
  outbox: Outbox;
  searchSync: SearchSync;
}

/** Who acted, for the audit log: a request's caller, or the one named by the event being completed. */
type AuditContext = { actor: AuditActor | null; requestId: string | null };

function actorOf(audit: AuditRecord | null): AuditActor | null {
  return audit?.actorId && audit.actorRole
    ? { id: audit.actorId, name: audit.actorName ?? '', role: audit.actorRole }
    : null;
}

const invalidAmount = () =>
  new AppError('VALIDATION_FAILED', {
    issues: [{ path: 'body.requestedAmountFen', code: 'custom', message: 'v.amountOverBounty' }],
  });

/**
 * 揭榜挂帅 applications: a researcher team applies before the deadline; the firm shortlists, rejects or picks
 * the winner. Picking the winner awards the challenge (closed, 揭榜成功) in one write with its event; the rest
 * of the award (the winner's status, their inquiry, the others' outcome) follows from that event, so a crash
 * in between is completed when the outbox redelivers it.
 */
export function applicationService(deps: ApplicationDeps) {
  const { applications, needs, organisations, users, attachments, inquiries, outbox, searchSync } = deps;

  async function load(id: string | Types.ObjectId): Promise<ApplicationDoc> {
    const doc = await applications.findById(id).lean<ApplicationDoc>();
    if (!doc) throw new AppError('NOT_FOUND');
    return doc;
  }

  async function present(doc: ApplicationDoc): Promise<Application> {
    const need = await needs.findById(doc.needId, { challenge: 1 }).lean<NeedDoc>();
    return presentApplication(doc, need?.challenge?.awardedApplicationId ?? null);
  }

  function organisationsOf(doc: ApplicationDoc) {
    return {
      applicant: doc.applicant.organisationId.toHexString(),
      challenge: doc.challengeOwner.organisationId.toHexString(),
    };
  }

  /** The application, for the applying team, the challenge's firm and the bureau; NOT_FOUND for anyone else. */
  async function loadFor(actor: Actor, id: string): Promise<ApplicationDoc> {
    const doc = await load(id);
    const orgs = organisationsOf(doc);
    const sees =
      isStaff(actor) || isActiveMemberOf(actor, orgs.applicant) || isActiveMemberOf(actor, orgs.challenge);
    if (!sees) throw new AppError('NOT_FOUND');
    return doc;
  }

  function payloadOf(doc: ApplicationDoc, status: ApplicationStatus): ApplicationEventPayload {
    return {
      applicationId: doc._id.toHexString(),
      needId: doc.needId.toHexString(),
      title: doc.needTitle,
      applicantId: doc.applicant.userId.toHexString(),
      applicantOrganisation: doc.applicant.organisationName,
      challengeOwnerId: doc.challengeOwner.userId.toHexString(),
      status,
    };
  }

  /** The open challenge a team may still apply to, or why not. */
  async function openChallenge(actor: Actor, needId: string): Promise<NeedDoc & { challenge: object }> {
    const need = await needs.findById(needId).lean<NeedDoc>();
    const onView = need?.status === 'published' || need?.status === 'expired' || need?.status === 'closed';
    const visible = need?.challenge?.visibility !== 'verified' || seesPrivateChallenges(actor);
    if (!need?.challenge || !onView || !visible) throw new AppError('NOT_FOUND');
    const open =
      need.status === 'published' &&
      !need.challenge.awardedAt &&
      todayInChina() <= need.challenge.applicationDeadline;
    if (!open) throw new AppError('APPLICATION_DEADLINE_PASSED');
    return need as NeedDoc & { challenge: object };
  }

  async function apply(ctx: RequestContext, needId: string, input: ApplicationInput): Promise<Application> {
    const actor = authorize(ctx, 'application.create');
    const org = await memberOrganisation(organisations, actor, { verified: true });
    const need = await openChallenge(actor, needId);
    if (input.requestedAmountFen > (need.challenge?.bountyFen ?? 0)) throw invalidAmount();
    if (await applications.exists({ needId, 'applicant.organisationId': org._id })) {
      throw new AppError('APPLICATION_EXISTS');
    }
    const _id = new Types.ObjectId();
    const { attachmentIds, ...fields } = input;
    const attached = await attachments.claim(actor, attachmentIds, { type: 'application', id: _id });
    const owner = await users.findById(need.ownerId, { name: 1 }).lean();
    const doc = {
      ...fields,
      _id,
      needId: need._id,
      needTitle: need.title,
      challengeOwner: {
        userId: need.ownerId,
        name: owner?.name ?? need.contactName,
        organisationId: need.organisationId,
        organisationName: need.organisationName,
      },
      applicant: {
        userId: new Types.ObjectId(actor.id),
        name: actor.name,
        organisationId: org._id,
        organisationName: org.name,
      },
      attachments: attached.map(({ _id: id, filename, contentType, size }) => ({
        _id: id,
        filename,
        contentType,
        size,
      })),
      status: 'submitted' as const,
    };
    const audit = auditBy(ctx, {
      action: 'application.submit',
      targetType: 'application',
      targetId: _id.toHexString(),
      after: { status: 'submitted', needId },
    });
    try {
      await applications.create({
        ...doc,
        outbox: [domainEvent('application.submitted', payloadOf(doc as ApplicationDoc, 'submitted'), audit)],
      });
    } catch (error) {
      throw isDuplicateKeyError(error) ? new AppError('APPLICATION_EXISTS') : error;
    }
    await outbox.flush(applications, _id);
    return present(await load(_id));
  }

  /** Writes a decision with its audited event, if the application is still in `from`; false otherwise. */
  async function transition(
    ctx: AuditContext,
    doc: ApplicationDoc,
    to: ApplicationStatus,
    reason: string | null,
    from: readonly ApplicationStatus[] = [doc.status],
  ): Promise<boolean> {
    const audit = auditBy(ctx, {
      action: `application.${to}`,
      targetType: 'application',
      targetId: doc._id.toHexString(),
      before: { status: doc.status },
      after: { status: to },
      reason,
    });
    const { modifiedCount } = await applications.updateOne(
      { _id: doc._id, status: { $in: from } },
      {
        $set: { status: to, decisionReason: reason, decidedAt: new Date() },
        $push: { outbox: domainEvent('application.decided', { ...payloadOf(doc, to), reason }, audit) },
      },
    );
    await outbox.flush(applications, doc._id);
    return modifiedCount > 0;
  }

  async function decide(
    ctx: RequestContext,
    id: string,
    decision: ApplicationDecision,
  ): Promise<Application> {
    const actor = requireActor(ctx);
    const doc = await loadFor(actor, id);
    authorize(ctx, 'application.decide', { organisationId: organisationsOf(doc).challenge });
    if (!applicationDecisionAllowed(decision.decision, doc.status)) {
      throw new AppError('INVALID_STATE', { status: doc.status, decision: decision.decision });
    }
    const reason = decision.reason || null;
    if (decision.decision === 'won') await award(ctx, doc, reason);
    else if (!(await transition(ctx, doc, decision.decision, reason))) {
      throw new AppError('INVALID_STATE', { status: doc.status });
    }
    return present(await load(id));
  }

  /** Awards the challenge to this application: the need is closed as 揭榜成功 in one audited write. */
  async function award(ctx: RequestContext, doc: ApplicationDoc, reason: string | null): Promise<void> {
    const need = await needs.findById(doc.needId).lean<NeedDoc>();
    if (!need?.challenge) throw new AppError('NOT_FOUND');
    if (need.challenge.awardedAt) throw new AppError('CHALLENGE_AWARDED');
    const needId = need._id.toHexString();
    const audit = auditBy(ctx, {
      action: 'need.awarded',
      targetType: 'need',
      targetId: needId,
      before: { status: need.status },
      after: { status: 'closed', awardedApplicationId: doc._id.toHexString() },
      reason,
    });
    const event = domainEvent(
      'challenge.awarded',
      { needId, applicationId: doc._id.toHexString(), title: need.title },
      audit,
    );
    const { modifiedCount } = await needs.updateOne(
      { _id: need._id, status: { $in: ['published', 'expired'] }, 'challenge.awardedAt': null },
      {
        $set: {
          status: 'closed',
          'challenge.awardedApplicationId': doc._id,
          'challenge.awardedAt': new Date(),
          ...markSearchDirty.$set,
        },
        $inc: markSearchDirty.$inc,
        $push: { outbox: event },
      },
    );
    if (modifiedCount === 0) throw new AppError('CHALLENGE_AWARDED');
    await outbox.flush(needs, need._id);
    searchSync.kick();
  }

  /**
   * The rest of an award (run from the `challenge.awarded` event): the winner's inquiry, then their status, so
   * the team told it has won finds the inquiry to follow; then the others.
   */
  async function completeAward(event: DomainEvent<'challenge.awarded'>): Promise<void> {
    const ctx: AuditContext = { actor: actorOf(event.audit), requestId: event.audit?.requestId ?? null };
    const winner = await applications.findById(event.payload.applicationId).lean<ApplicationDoc>();
    if (!winner) return;
    const inquiryId = await inquiries.openForAward(
      {
        applicationId: winner._id,
        needId: winner.needId,
        needTitle: winner.needTitle,
        challengeOwner: winner.challengeOwner,
        applicant: winner.applicant,
      },
      ctx.actor,
    );
    await applications.updateOne({ _id: winner._id }, { $set: { inquiryId } });
    if (winner.status !== 'won') {
      await transition(ctx, winner, 'won', event.audit?.reason ?? null, [
        'submitted',
        'shortlisted',
        'rejected',
      ]);
    }
    const others = await applications
      .find({
        needId: winner.needId,
        _id: { $ne: winner._id },
        status: { $in: ['submitted', 'shortlisted'] },
      })
      .lean<ApplicationDoc[]>();
    for (const other of others) await transition(ctx, other, 'rejected', null);
  }

  async function get(ctx: RequestContext, id: string): Promise<Application> {
    return present(await loadFor(requireActor(ctx), id));
  }

  /** The firm's review board: every application to its challenge (and the bureau's view of it). */
  async function listForChallenge(
    ctx: RequestContext,
    needId: string,
    query: ApplicationListQuery,
  ): Promise<Page<Application>> {
    const actor = requireActor(ctx);
    const need = await needs.findById(needId).lean<NeedDoc>();
    const sees = need && (isStaff(actor) || isActiveMemberOf(actor, need.organisationId.toHexString()));
    if (!need?.challenge || !sees) throw new AppError('NOT_FOUND');
    const filter = { needId, ...(query.status ? { status: query.status } : {}) };
    const page = await paginate(applications, filter, query, { createdAt: 1, _id: 1 });
    const awarded = need.challenge.awardedApplicationId;
    return { ...page, items: page.docs.map((doc) => presentApplication(doc, awarded)) };
  }

  /** The applications of the caller's organisation (their team's 揭榜 record). */
  async function listMine(ctx: RequestContext, query: ApplicationListQuery): Promise<Page<Application>> {
    const actor = requireActor(ctx);
    if (!actor.organisationId || actor.membership !== 'active') {
      return { items: [], page: 1, pageSize: query.pageSize, total: 0, totalPages: 0 };
    }
    const filter = {
      'applicant.organisationId': actor.organisationId,
      ...(query.status ? { status: query.status } : {}),
    };
    const page = await paginate(applications, filter, query, { updatedAt: -1, _id: -1 });
    const items = await Promise.all(page.docs.map(present));
    return { ...page, items };
  }

  return { apply, get, decide, completeAward, listForChallenge, listMine };
}
export type ApplicationService = ReturnType<typeof applicationService>;
