import {
  permissionsOf,
  type ChangePasswordSchema,
  type LoginInput,
  type ProfileUpdateSchema,
  type RegisterInput,
  type Session,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import type { z } from 'zod';
import { requireActor, type RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import { isDuplicateKeyError } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { OrganisationDoc, OrganisationModel } from '../organisations/organisation.model.js';
import { presentOrganisation, presentUser } from './accounts.presenters.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import type { SessionService } from './session.service.js';
import { THROTTLE_RULES, type ThrottleService } from './throttle.service.js';
import type { UserDoc, UserModel } from './user.model.js';

interface AuthDeps {
  users: UserModel;
  organisations: OrganisationModel;
  sessions: SessionService;
  throttle: ThrottleService;
  outbox: Outbox;
  realtime: RealtimeHub;
}

export interface ClientMeta {
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  session: Session;
}

function roleFitsOrganisation(role: RegisterInput['role'], kind: OrganisationDoc['kind']): boolean {
  return (role === 'firm') === (kind === 'firm');
}

export function authService({ users, organisations, sessions, throttle, outbox, realtime }: AuthDeps) {
  async function sessionOf(user: UserDoc, csrfToken: string): Promise<Session> {
    const org = user.organisationId
      ? await organisations.findById(user.organisationId).lean<OrganisationDoc>()
      : null;
    return {
      user: presentUser(user),
      organisation: org ? presentOrganisation(org) : null,
      csrfToken,
      permissions: permissionsOf(user.role),
    };
  }

  async function signIn(ctx: RequestContext, user: UserDoc, meta: ClientMeta): Promise<SignedIn> {
    const { token } = await sessions.create(user._id, { ip: ctx.ip, userAgent: meta.userAgent });
    const resolved = await sessions.resolve(token);
    if (!resolved) throw new AppError('INTERNAL');
    return { token, session: await sessionOf(user, resolved.csrfToken) };
  }

  /** Finds or creates the organisation a registrant names; joining an existing one needs approval. */
  async function organisationFor(ctx: RequestContext, input: RegisterInput, userId: Types.ObjectId) {
    const requested = input.organisation;
    const existing = await organisations
      .findOne({ creditCode: requested.creditCode })
      .lean<OrganisationDoc>();
    if (existing) return { org: existing, created: false };
    if (requested.mode === 'join') {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'body.organisation.creditCode', code: 'custom', message: 'v.organisationUnknown' }],
      });
    }
    const { mode: _mode, ...fields } = requested;
    const orgId = new Types.ObjectId();
    const audit = auditBy(
      { ...ctx, actor: { id: userId.toHexString(), name: input.name, role: input.role } },
      { action: 'organisation.register', targetType: 'organisation', targetId: orgId.toHexString() },
    );
    try {
      const org = await organisations.create({
        _id: orgId,
        ...fields,
        outbox: [domainEvent('organisation.registered', { organisationId: orgId.toHexString() }, audit)],
      });
      return { org: org.toObject<OrganisationDoc>(), created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const raced = await organisations.findOne({ creditCode: requested.creditCode }).lean<OrganisationDoc>();
      if (!raced) throw error;
      return { org: raced, created: false };
    }
  }

  async function register(ctx: RequestContext, input: RegisterInput, meta: ClientMeta) {
    const networkKey = `register:ip:${ctx.ip}`;
    await throttle.assertOpen(networkKey, THROTTLE_RULES.registerNetwork);
    await throttle.recordFailure(networkKey, THROTTLE_RULES.registerNetwork);
    if (await users.exists({ email: input.email })) throw new AppError('EMAIL_TAKEN');

    const userId = new Types.ObjectId();
    const passwordHash = await hashPassword(input.password);
    const { org, created } = await organisationFor(ctx, input, userId);
    if (!roleFitsOrganisation(input.role, org.kind)) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: 'body.organisation.kind', code: 'custom', message: 'v.roleOrgKind' }],
      });
    }
    const membership = created ? 'active' : 'pending';
    const audit = auditBy(
      { ...ctx, actor: { id: userId.toHexString(), name: input.name, role: input.role } },
      { action: 'user.register', targetType: 'user', targetId: userId.toHexString(), after: { membership } },
    );
    let user: UserDoc;
    try {
      const doc = await users.create({
        _id: userId,
        email: input.email,
        passwordHash,
        name: input.name,
        phone: input.phone,
        role: input.role,
        organisationId: org._id,
        membership,
        outbox: [
          domainEvent(
            created ? 'user.registered' : 'membership.requested',
            { userId: userId.toHexString(), organisationId: org._id.toHexString() },
            audit,
          ),
        ],
      });
      user = doc.toObject<UserDoc>();
    } catch (error) {
      if (created) await organisations.deleteOne({ _id: org._id });
      if (isDuplicateKeyError(error)) throw new AppError('EMAIL_TAKEN');
      throw error;
    }
    if (created) await outbox.flush(organisations, org._id);
    await outbox.flush(users, user._id);
    return { ...(await signIn(ctx, user, meta)), joinedExisting: !created };
  }

  async function login(ctx: RequestContext, input: LoginInput, meta: ClientMeta): Promise<SignedIn> {
    const accountKey = `login:account:${input.email}`;
    const networkKey = `login:ip:${ctx.ip}`;
    await throttle.assertOpen(networkKey, THROTTLE_RULES.loginNetwork);
    await throttle.assertOpen(accountKey, THROTTLE_RULES.loginAccount);

    const user = await users.findOne({ email: input.email }).lean<UserDoc>();
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, input.password)
      : await burnPasswordCheck(input.password);
    if (!user || !passwordOk) {
      await throttle.recordFailure(networkKey, THROTTLE_RULES.loginNetwork);
      if (await throttle.recordFailure(accountKey, THROTTLE_RULES.loginAccount)) {
        throw new AppError('ACCOUNT_LOCKED', {
          retryAfterSeconds: THROTTLE_RULES.loginAccount.lockMs / 1000,
        });
      }
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
    await throttle.clear(accountKey);
    await users.updateOne({ _id: user._id }, { $set: { lastLoginAt: new Date() } });
    return signIn(ctx, user, meta);
  }

  async function logout(ctx: RequestContext): Promise<void> {
    if (!ctx.actor) return;
    await sessions.revoke(ctx.actor.sessionId);
    await realtime.disconnectSession(ctx.actor.sessionId);
  }

  async function currentSession(ctx: RequestContext, csrfToken: string | null): Promise<Session> {
    if (!ctx.actor || !csrfToken) return { user: null, organisation: null, csrfToken: null, permissions: [] };
    const user = await users.findById(ctx.actor.id).lean<UserDoc>();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return sessionOf(user, csrfToken);
  }

  async function changePassword(
    ctx: RequestContext,
    input: z.infer<typeof ChangePasswordSchema>,
  ): Promise<void> {
    const actor = requireActor(ctx);
    const user = await users.findById(actor.id).lean<UserDoc>();
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError('PASSWORD_INCORRECT');
    }
    const audit = auditBy(ctx, { action: 'user.change_password', targetType: 'user', targetId: actor.id });
    await users.updateOne(
      { _id: user._id },
      {
        $set: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date() },
        $push: {
          outbox: domainEvent(
            'user.password_changed',
            { userId: actor.id, keepSessionId: actor.sessionId },
            audit,
          ),
        },
      },
    );
    await sessions.revokeAllOf(user._id, actor.sessionId);
    await outbox.flush(users, user._id);
  }

  async function me(ctx: RequestContext) {
    const actor = requireActor(ctx);
    const user = await users.findById(actor.id).lean<UserDoc>();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return presentUser(user);
  }

  async function updateProfile(
    ctx: RequestContext,
    patch: z.infer<typeof ProfileUpdateSchema>,
    csrfToken: string,
  ) {
    const actor = requireActor(ctx);
    const user = await users
      .findByIdAndUpdate(actor.id, { $set: patch }, { returnDocument: 'after' })
      .lean<UserDoc>();
    if (!user) throw new AppError('UNAUTHENTICATED');
    return sessionOf(user, csrfToken);
  }

  return { register, login, logout, currentSession, me, changePassword, updateProfile };
}
export type AuthService = ReturnType<typeof authService>;
