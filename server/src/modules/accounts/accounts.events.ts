import type { AccountChangedPayload } from '@techmatch/shared';
import type { EventBus } from '../../platform/events.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { UserModel } from './user.model.js';

interface AccountEventDeps {
  bus: EventBus;
  realtime: RealtimeHub;
  users: UserModel;
}

/** Live effects of account changes: cut off disabled users, and tell affected browsers to refetch. */
export function registerAccountEvents({ bus, realtime, users }: AccountEventDeps): void {
  const tell = (userId: string, reason: AccountChangedPayload['reason']) =>
    realtime.toUser(userId).emit('account:changed', { reason });

  const tellMembers = async (organisationId: string, reason: AccountChangedPayload['reason']) => {
    const members = await users.find({ organisationId }, { _id: 1 }).lean();
    for (const member of members) tell(member._id.toHexString(), reason);
  };

  bus.on('user.disabled', ({ payload }) => realtime.disconnectUser(payload.userId));
  bus.on('user.updated', ({ payload }) => tell(payload.userId, 'user_updated'));
  bus.on('user.password_changed', ({ payload }) =>
    realtime.disconnectUserExcept(payload.userId, payload.keepSessionId),
  );
  bus.on('membership.decided', ({ payload }) => tell(payload.userId, 'membership_decided'));
  bus.on('organisation.reviewed', ({ payload }) =>
    tellMembers(payload.organisationId, 'organisation_reviewed'),
  );
  bus.on('organisation.updated', ({ payload }) =>
    tellMembers(payload.organisationId, 'organisation_updated'),
  );
}
