import type { Page, PageQuery, User, UserAdminUpdateSchema, UserListQuerySchema } from '@techmatch/shared';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { auditBy } from '../../platform/events.js';
import { escapeRegex, paginate } from '../../platform/mongo.js';
import { domainEvent, type Outbox } from '../../platform/outbox.js';
import type { OrganisationModel } from '../organisations/organisation.model.js';
import { presentUser } from './accounts.presenters.js';
import type { SessionService } from './session.service.js';
import type { UserDoc, UserModel } from './user.model.js';

interface UserAdminDeps {
  users: UserModel;
  organisations: OrganisationModel;
  sessions: SessionService;
  outbox: Outbox;
}

type UserPatch = z.infer<typeof UserAdminUpdateSchema>;

/** Administration of accounts: list, change role, disable or re-enable. */
export function userService({ users, organisations, sessions, outbox }: UserAdminDeps) {
  async function list(
    ctx: RequestContext,
    query: z.infer<typeof UserListQuerySchema> & PageQuery,
  ): Promise<Page<User>> {
    authorize(ctx, 'user.manage');
    const filter: Record<string, unknown> = {};
    if (query.role) filter.role = query.role;
    if (query.status) filter.status = query.status;
    if (query.q) {
      const pattern = { $regex: escapeRegex(query.q), $options: 'i' };
      filter.$or = [{ email: pattern }, { name: pattern }];
    }
    const page = await paginate(users, filter, query, { createdAt: -1, _id: -1 });
    return { ...page, items: page.docs.map(presentUser) };
  }

  async function assertRoleFitsOrganisation(user: UserDoc, role: UserDoc['role']): Promise<void> {
    if (role !== 'researcher' && role !== 'firm') return;
    const org = user.organisationId
      ? await organisations.findById(user.organisationId, { kind: 1 }).lean()
      : null;
    if (!org || (role === 'firm') !== (org.kind === 'firm'))
      throw new AppError('INVALID_STATE', { field: 'role' });
  }

  async function update(ctx: RequestContext, id: string, patch: UserPatch): Promise<User> {
    const actor = authorize(ctx, 'user.manage');
    if (id === actor.id)
      throw new AppError('INVALID_STATE', { reason: 'admins cannot change their own role or status' });
    const user = await users.findById(id).lean<UserDoc>();
    if (!user) throw new AppError('NOT_FOUND');
    if (patch.role && patch.role !== user.role) await assertRoleFitsOrganisation(user, patch.role);
    const changed = Object.entries(patch).filter(([key, value]) => user[key as keyof UserDoc] !== value);
    if (changed.length === 0) return presentUser(user);

    const before = Object.fromEntries(changed.map(([key]) => [key, user[key as keyof UserDoc]]));
    const after = Object.fromEntries(changed);
    const audit = auditBy(ctx, { action: 'user.update', targetType: 'user', targetId: id, before, after });
    const event =
      patch.status === 'disabled' && user.status !== 'disabled' ? 'user.disabled' : 'user.updated';
    await users.updateOne(
      { _id: id },
      { $set: after, $push: { outbox: domainEvent(event, { userId: id }, audit) } },
    );
    if (event === 'user.disabled') await sessions.revokeAllOf(id);
    await outbox.flush(users, id);
    const updated = await users.findById(id).lean<UserDoc>();
    if (!updated) throw new AppError('NOT_FOUND');
    return presentUser(updated);
  }

  return { list, update };
}
export type UserService = ReturnType<typeof userService>;
