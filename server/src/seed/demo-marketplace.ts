import {
  AchievementInputSchema,
  daysFromToday,
  NeedInputSchema,
  OrganisationCreateSchema,
  type Field,
  type ListingStatus,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import type { Actor, RequestContext } from '../platform/auth/actor.js';
import { auditBy } from '../platform/events.js';
import { domainEvent } from '../platform/outbox.js';
import { generatePassword, type Credentials } from '../modules/accounts/bootstrap.js';
import { hashPassword } from '../modules/accounts/password.js';
import type { UserDoc } from '../modules/accounts/user.model.js';
import type { OrganisationDoc } from '../modules/organisations/organisation.model.js';
import type { Services } from '../services.js';
import demo from './demo-listings.json' with { type: 'json' };

/** 万元 in the curated data → integer fen. */
const FEN_PER_WAN = 1_000_000;
const SEED_REQUEST_ID = 'demo-seed';
/** Records seeded at once: overlapping round trips lets the database commit their writes together. */
const CONCURRENCY = 16;

/** The member accounts worth printing at start-up: a researcher at 百色学院 and a firm user in 平果. */
export const SHOWCASE_ACCOUNTS = ['researcher@demo.techmatch.cn', 'firm@demo.techmatch.cn'];

type DemoOrganisation = (typeof demo.organisations)[number];
type DemoAchievement = (typeof demo.achievements)[number];
type DemoNeed = (typeof demo.needs)[number];

interface Member {
  organisation: OrganisationDoc;
  ctx: RequestContext;
}

export interface MarketplaceSeedResult {
  /** Member accounts created by this run, all with the same one-time password (none when they existed). */
  created: Credentials[];
  achievements: number;
  needs: number;
}

function contextOf(user: UserDoc, organisationVerified: boolean): RequestContext {
  const actor: Actor = {
    id: user._id.toHexString(),
    name: user.name,
    role: user.role,
    organisationId: user.organisationId?.toHexString() ?? null,
    membership: user.membership,
    organisationVerified,
    sessionId: SEED_REQUEST_ID,
  };
  return { actor, requestId: SEED_REQUEST_ID, ip: null };
}

async function runPooled<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/**
 * The demo marketplace: the curated organisations (each verified by the bureau, with one active member), their
 * published achievements and needs. Everything goes through the application services, so audit, notifications,
 * search sync and matching happen as for real listings. Idempotent: whatever exists (by credit code, e-mail,
 * organisation and title) is kept, and a listing left half-way by an interrupted run is carried on to published.
 */
export function marketplaceSeeder(services: Services, reviewer: UserDoc) {
  const { models } = services;
  const staff = contextOf(reviewer, false);

  /** Demo records are registered on the bureau's behalf, and the audit log says so. */
  function registrationAudit(targetType: 'organisation' | 'user', id: Types.ObjectId) {
    return auditBy(staff, { action: `${targetType}.register`, targetType, targetId: id.toHexString() });
  }

  async function ensureOrganisation(data: DemoOrganisation): Promise<OrganisationDoc> {
    const existing = await models.organisations
      .findOne({ creditCode: data.creditCode })
      .lean<OrganisationDoc>();
    if (existing) return existing;
    const _id = new Types.ObjectId();
    const audit = registrationAudit('organisation', _id);
    await models.organisations.create({
      _id,
      ...OrganisationCreateSchema.parse(data),
      outbox: [domainEvent('organisation.registered', { organisationId: _id.toHexString() }, audit)],
    });
    await services.outbox.flush(models.organisations, _id);
    return (await models.organisations.findById(_id).lean<OrganisationDoc>()) as OrganisationDoc;
  }

  async function ensureUser(
    data: DemoOrganisation,
    organisation: OrganisationDoc,
    passwordHash: () => Promise<string>,
  ): Promise<{ user: UserDoc; created: boolean }> {
    const existing = await models.users.findOne({ email: data.contactEmail }).lean<UserDoc>();
    if (existing) return { user: existing, created: false };
    const _id = new Types.ObjectId();
    const role = organisation.kind === 'firm' ? 'firm' : 'researcher';
    const audit = registrationAudit('user', _id);
    await models.users.create({
      _id,
      email: data.contactEmail,
      passwordHash: await passwordHash(),
      name: data.contactName,
      phone: data.contactPhone,
      role,
      organisationId: organisation._id,
      membership: 'active',
      outbox: [
        domainEvent(
          'user.registered',
          { userId: _id.toHexString(), organisationId: organisation._id.toHexString() },
          audit,
        ),
      ],
    });
    await services.outbox.flush(models.users, _id);
    return { user: (await models.users.findById(_id).lean<UserDoc>()) as UserDoc, created: true };
  }

  async function ensureVerified(organisation: OrganisationDoc): Promise<void> {
    if (organisation.verification.status === 'verified') return;
    await services.organisations.review(staff, organisation._id.toHexString(), {
      decision: 'verified',
      reason: '',
    });
  }

  /** Every organisation with its member; members created here share one password, hashed once. */
  async function ensureMembers(created: Credentials[]): Promise<Map<string, Member>> {
    const password = generatePassword();
    let hashed: Promise<string> | null = null;
    const passwordHash = () => (hashed ??= hashPassword(password));
    const members = new Map<string, Member>();
    await runPooled(demo.organisations, async (data) => {
      const organisation = await ensureOrganisation(data);
      const { user, created: isNew } = await ensureUser(data, organisation, passwordHash);
      await ensureVerified(organisation);
      if (isNew)
        created.push({
          role: user.role,
          email: user.email,
          name: `${user.name}（${organisation.name}）`,
          password,
        });
      members.set(data.name, { organisation, ctx: contextOf(user, true) });
    });
    return members;
  }

  /** Creates, submits and publishes a listing, resuming from wherever an earlier run stopped. */
  async function publish(
    service: Services['achievements'] | Services['needs'],
    member: Member,
    existing: { _id: Types.ObjectId; status: ListingStatus } | null,
    create: () => Promise<{ id: string }>,
  ): Promise<void> {
    const id = existing?._id.toHexString() ?? (await create()).id;
    const status = existing?.status ?? 'draft';
    if (status === 'draft') await service.submit(member.ctx, id);
    if (status === 'draft' || status === 'pending_review')
      await service.review(staff, id, { decision: 'published', reason: '' });
  }

  async function seedAchievement(members: Map<string, Member>, data: DemoAchievement): Promise<void> {
    const member = memberOf(members, data.organisation);
    const existing = await models.achievements
      .findOne({ organisationId: member.organisation._id, title: data.title }, { status: 1 })
      .lean<{ _id: Types.ObjectId; status: ListingStatus }>();
    const { organisation: _organisation, askingPriceWan, ...fields } = data;
    await publish(services.achievements, member, existing, () =>
      services.achievements.create(
        member.ctx,
        AchievementInputSchema.parse({
          ...fields,
          ...contactOf(member),
          askingPriceFen: askingPriceWan === null ? null : askingPriceWan * FEN_PER_WAN,
        }),
      ),
    );
  }

  async function seedNeed(members: Map<string, Member>, data: DemoNeed): Promise<void> {
    const member = memberOf(members, data.organisation);
    const existing = await models.needs
      .findOne({ organisationId: member.organisation._id, title: data.title }, { status: 1 })
      .lean<{ _id: Types.ObjectId; status: ListingStatus }>();
    const { organisation: _organisation, budgetWan, deadlineInDays, challenge, ...fields } = data;
    await publish(services.needs, member, existing, () =>
      services.needs.create(
        member.ctx,
        NeedInputSchema.parse({
          ...fields,
          ...contactOf(member),
          field: fields.field as Field,
          budgetFen: budgetWan === null ? null : budgetWan * FEN_PER_WAN,
          deadline: deadlineInDays === null ? null : daysFromToday(deadlineInDays),
          kind: challenge ? 'challenge' : 'general',
          challenge: challenge && {
            bountyFen: challenge.bountyWan * FEN_PER_WAN,
            requirements: challenge.requirements,
            applicationDeadline: daysFromToday(challenge.applicationDeadlineInDays),
            visibility: 'public',
          },
        }),
      ),
    );
  }

  return {
    async seed(): Promise<MarketplaceSeedResult> {
      const created: Credentials[] = [];
      const members = await ensureMembers(created);
      await runPooled(demo.achievements, (data) => seedAchievement(members, data));
      await runPooled(demo.needs, (data) => seedNeed(members, data));
      return { created, achievements: demo.achievements.length, needs: demo.needs.length };
    },
  };
}

/** A listing's contacts are its organisation's, whose contact person is the demo member. */
function contactOf({ organisation }: Member) {
  const { contactName, contactPhone, contactEmail } = organisation;
  return { contactName, contactPhone, contactEmail };
}

function memberOf(members: Map<string, Member>, organisation: string): Member {
  const member = members.get(organisation);
  if (!member) throw new Error(`demo data: unknown organisation ${organisation}`);
  return member;
}
