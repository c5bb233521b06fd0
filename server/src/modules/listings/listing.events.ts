import type { EventBus } from '../../platform/events.js';
import type { RealtimeHub } from '../../platform/realtime.js';

/** Owners hear about their review at once; staff review queues refresh when something is submitted. */
export function registerListingEvents(bus: EventBus, realtime: RealtimeHub): void {
  bus.on('listing.submitted', ({ payload }) =>
    realtime.toStaff().emit('review:queue_changed', { type: payload.type }),
  );
  bus.on('listing.reviewed', ({ payload }) => {
    if (payload.status !== 'published' && payload.status !== 'rejected') return;
    realtime.toUser(payload.ownerId).emit('listing:reviewed', {
      type: payload.type,
      id: payload.listingId,
      title: payload.title,
      status: payload.status,
      reason: payload.reason,
    });
    realtime.toStaff().emit('review:queue_changed', { type: payload.type });
  });
}
