import type { EventBus } from '../../platform/events.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { ApplicationService } from './application.service.js';

/** The firm hears of each application, the team of each decision; an award completes from its event. */
export function registerApplicationEvents(
  bus: EventBus,
  applications: ApplicationService,
  notifications: NotificationService,
): void {
  bus.on('application.submitted', ({ _id, payload }) =>
    notifications.notify([payload.challengeOwnerId], {
      type: 'application_received',
      params: { title: payload.title, organisation: payload.applicantOrganisation },
      link: `/needs/${payload.needId}/applications`,
      key: _id,
    }),
  );
  bus.on('application.decided', ({ _id, payload }) =>
    notifications.notify([payload.applicantId], {
      type: 'application_decided',
      params: { title: payload.title, status: payload.status, reason: payload.reason ?? '' },
      link: '/my/applications',
      key: _id,
    }),
  );
  bus.on('challenge.awarded', (event) => applications.completeAward(event));
}
