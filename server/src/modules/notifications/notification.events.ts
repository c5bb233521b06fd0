import type { EventBus } from '../../platform/events.js';
import type { UserModel } from '../accounts/user.model.js';
import type { NotificationService } from './notification.service.js';

/** Inbox entries for the events users must hear about even when they are not looking. */
export function registerNotificationEvents(
  bus: EventBus,
  notifications: NotificationService,
  users: UserModel,
): void {
  bus.on('listing.reviewed', ({ _id, payload }) =>
    notifications.notify([payload.ownerId], {
      type: 'listing_reviewed',
      params: {
        title: payload.title,
        status: payload.status,
        reason: payload.reason ?? '',
        kind: payload.type,
      },
      link: `/${payload.type === 'achievement' ? 'achievements' : 'needs'}/${payload.listingId}`,
      key: _id,
    }),
  );
  bus.on('organisation.reviewed', async ({ _id, payload }) => {
    const members = await users.find({ organisationId: payload.organisationId }, { _id: 1 }).lean();
    await notifications.notify(
      members.map((m) => m._id.toHexString()),
      { type: 'organisation_reviewed', params: { status: payload.status }, link: '/organisation', key: _id },
    );
  });
  bus.on('membership.decided', ({ _id, payload }) =>
    notifications.notify([payload.userId], {
      type: 'membership_decided',
      params: { membership: payload.membership },
      link: '/organisation',
      key: _id,
    }),
  );
}
