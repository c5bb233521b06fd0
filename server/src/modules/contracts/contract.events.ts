import type { ContractEventPayload, DomainEvent, EventBus } from '../../platform/events.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { DashboardService } from '../dashboard/dashboard.service.js';
import type { NotificationService } from '../notifications/notification.service.js';

const COUNTER_EVENTS = [
  'contract.registered',
  'contract.voided',
  'contract.corrected',
  'contract.publicity_changed',
] as const;
const AUTHOR_EVENTS = [
  'contract.returned',
  'contract.registered',
  'contract.voided',
  'contract.corrected',
] as const;
const QUEUE_EVENTS = ['contract.submitted', 'contract.registered', 'contract.returned'] as const;

/**
 * What follows a committed contract change: the public feed and every dashboard's counter (recomputed, never
 * incremented), the author's inbox, and the staff registration queue. Handlers are idempotent, since the
 * outbox may deliver an event twice after a crash.
 */
export function registerContractEvents(
  bus: EventBus,
  {
    dashboard,
    notifications,
    realtime,
  }: { dashboard: DashboardService; notifications: NotificationService; realtime: RealtimeHub },
): void {
  bus.on('contract.registered', ({ payload }) => dashboard.announce(payload.contractId));
  for (const type of COUNTER_EVENTS) {
    bus.on(type, ({ payload }) =>
      payload.year === null ? undefined : dashboard.publishSoon([payload.year]),
    );
  }
  bus.on('contracts.imported', ({ payload }) => dashboard.publish(payload.years));
  bus.on('target.updated', ({ payload }) => dashboard.publish([payload.year]));

  for (const type of AUTHOR_EVENTS) {
    bus.on(type, (event: DomainEvent) => {
      const payload = event.payload as ContractEventPayload & { reasons?: string[] };
      if (event.audit?.actorId === payload.createdBy) return undefined; // staff acting on their own draft
      return notifications.notify([payload.createdBy], {
        type: 'contract_status',
        params: { title: payload.title, status: payload.status, reasons: (payload.reasons ?? []).join(',') },
        link: `/contracts/${payload.contractId}`,
        key: event._id,
      });
    });
  }
  for (const type of QUEUE_EVENTS) bus.on(type, () => realtime.toStaff().emit('contracts:queue_changed'));
}
