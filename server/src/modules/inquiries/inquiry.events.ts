import type { InquiryChangedPayload, InquirySystemEvent } from '@techmatch/shared';
import type { DomainEvent, EventBus, InquiryEventPayload } from '../../platform/events.js';
import type { RealtimeHub } from '../../platform/realtime.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { inquiryLink, type MessageService } from './message.service.js';

interface InquiryEventDeps {
  bus: EventBus;
  messages: MessageService;
  notifications: NotificationService;
  realtime: RealtimeHub;
}

/**
 * What follows a committed inquiry change: a line in the conversation, a live "changed" to everyone looking,
 * and an inbox entry for the other participants. Each is idempotent (event id as key), as redelivery requires.
 */
export function registerInquiryEvents({ bus, messages, notifications, realtime }: InquiryEventDeps): void {
  const others = (payload: InquiryEventPayload) =>
    payload.participantIds.filter((id) => id !== payload.actorId);

  function announce(
    payload: InquiryEventPayload,
    reason: InquiryChangedPayload['reason'],
    lastSeq = 0,
  ): void {
    realtime.toInquiry(payload.inquiryId, payload.participantIds).emit('inquiry:changed', {
      inquiryId: payload.inquiryId,
      reason,
      status: payload.status,
      lastSeq,
    });
  }

  async function timeline(event: DomainEvent, payload: InquiryEventPayload, type: InquirySystemEvent) {
    const params = { name: payload.actorName, reason: event.audit?.reason ?? '' };
    await messages.appendSystem(payload.inquiryId, event._id, { type, params });
  }

  bus.on('inquiry.opened', async (event) => {
    const { payload } = event;
    if (payload.applicationId) await timeline(event, payload, 'awarded');
    announce(payload, 'status');
    await notifications.notify(others(payload), {
      type: 'inquiry_opened',
      params: {
        title: payload.title,
        name: payload.actorName,
        origin: payload.applicationId ? 'award' : 'direct',
      },
      link: inquiryLink(payload.inquiryId),
      key: event._id,
    });
  });

  bus.on('inquiry.status_changed', async (event) => {
    const { payload } = event;
    await timeline(event, payload, payload.change);
    announce(payload, 'status');
    await notifications.notify(others(payload), {
      type: 'inquiry_status',
      params: {
        title: payload.title,
        change: payload.change,
        name: payload.actorName,
        reason: event.audit?.reason ?? '',
      },
      link: inquiryLink(payload.inquiryId),
      key: event._id,
    });
  });

  bus.on('inquiry.broker_joined', async (event) => {
    const { payload } = event;
    await timeline(event, payload, 'broker_joined');
    announce(payload, 'broker');
    await notifications.notify(others(payload), {
      type: 'inquiry_status',
      params: { title: payload.title, change: 'broker_joined', name: payload.actorName, reason: '' },
      link: inquiryLink(payload.inquiryId),
      key: event._id,
    });
  });
}
