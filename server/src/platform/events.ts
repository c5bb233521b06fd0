import type {
  ApplicationStatus,
  ContractStatus,
  InquiryStatus,
  ListingStatus,
  Role,
} from '@techmatch/shared';
import type { Logger } from './logger.js';

/** What the audit log records about an event, when the event is an audited change. */
export interface AuditRecord {
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  requestId: string | null;
}

/** Every domain event and its payload. Payloads carry ids and small facts; handlers re-read what they need. */
export interface DomainEventMap {
  'organisation.registered': { organisationId: string };
  'organisation.updated': { organisationId: string; backToReview: boolean };
  'organisation.reviewed': { organisationId: string; status: 'verified' | 'rejected' };
  'user.registered': { userId: string; organisationId: string };
  'membership.requested': { userId: string; organisationId: string };
  'membership.decided': { userId: string; organisationId: string; membership: 'active' | 'rejected' };
  'user.updated': { userId: string };
  'user.disabled': { userId: string };
  'user.password_changed': { userId: string; keepSessionId: string };
  'listing.changed': ListingEventPayload;
  'listing.submitted': ListingEventPayload;
  'listing.reviewed': ListingEventPayload & { reason: string | null };
  'contract.changed': ContractEventPayload;
  'contract.submitted': ContractEventPayload;
  'contract.returned': ContractEventPayload & { reasons: string[] };
  'contract.registered': ContractEventPayload;
  'contract.voided': ContractEventPayload;
  'contract.corrected': ContractEventPayload;
  'contract.publicity_changed': ContractEventPayload;
  'contracts.imported': { importId: string; years: number[]; created: number };
  'target.updated': { year: number };
  'thesaurus.changed': { entryId: string };
  'match.handled': { matchId: string };
  'inquiry.opened': InquiryEventPayload;
  'inquiry.status_changed': InquiryEventPayload & { from: InquiryStatus; change: InquiryChange };
  'inquiry.broker_joined': InquiryEventPayload;
  'application.submitted': ApplicationEventPayload;
  'application.decided': ApplicationEventPayload & { reason: string | null };
  'challenge.awarded': { needId: string; applicationId: string; title: string };
}

export interface ContractEventPayload {
  contractId: string;
  title: string;
  status: ContractStatus;
  createdBy: string;
  /** The registration year whose counter the change moves, when it has one. */
  year: number | null;
}

/** Who acted on an inquiry, who takes part in it, and what happened (for notifications and the timeline). */
export interface InquiryEventPayload {
  inquiryId: string;
  title: string;
  status: InquiryStatus;
  actorId: string | null;
  actorName: string;
  /** The named participants: the initiator, the listing's owner, the brokers. */
  participantIds: string[];
  applicationId: string | null;
}

export type InquiryChange = 'accepted' | 'declined' | 'withdrawn' | 'closed' | 'agreed_by' | 'agreed';

export interface ApplicationEventPayload {
  applicationId: string;
  needId: string;
  title: string;
  applicantId: string;
  applicantOrganisation: string;
  challengeOwnerId: string;
  status: ApplicationStatus;
}

export interface ListingEventPayload {
  type: 'achievement' | 'need';
  listingId: string;
  title: string;
  ownerId: string;
  organisationId: string;
  status: ListingStatus;
}

export type EventType = keyof DomainEventMap;

export interface DomainEvent<K extends EventType = EventType> {
  /** Unique and stable: handlers use it to make redelivery harmless. */
  _id: string;
  type: K;
  at: Date;
  payload: DomainEventMap[K];
  audit: AuditRecord | null;
}

type EventHandler<K extends EventType = EventType> = (event: DomainEvent<K>) => Promise<unknown> | unknown;

/**
 * In-process dispatch of committed domain events to their subscribers (audit log, Socket.IO, search sync,
 * notifications). Delivery is at-least-once: the outbox redelivers after a crash, so handlers are idempotent.
 */
export class EventBus {
  private readonly handlers = new Map<string, EventHandler[]>();

  constructor(private readonly logger: Logger) {}

  /** Subscribes to one event type. */
  on<K extends EventType>(type: K, handler: EventHandler<K>): void {
    this.add(type, handler as EventHandler);
  }

  /** Subscribes to every event (the audit log). */
  onAny(handler: EventHandler): void {
    this.add('*', handler);
  }

  private add(pattern: string, handler: EventHandler): void {
    this.handlers.set(pattern, [...(this.handlers.get(pattern) ?? []), handler]);
  }

  private handlersFor(type: string): EventHandler[] {
    return [...(this.handlers.get('*') ?? []), ...(this.handlers.get(type) ?? [])];
  }

  /** Runs every handler; resolves false when one failed, so the caller keeps the event for redelivery. */
  async dispatch(event: DomainEvent): Promise<boolean> {
    let delivered = true;
    for (const handler of this.handlersFor(event.type)) {
      try {
        await handler(event);
      } catch (error) {
        delivered = false;
        this.logger.error({ err: error, event: event.type, eventId: event._id }, 'event handler failed');
      }
    }
    return delivered;
  }
}

interface AuditTarget {
  action: string;
  targetType: string;
  targetId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** The audit record of a change made by the caller of a request. */
export function auditBy(
  ctx: { actor: { id: string; name: string; role: Role } | null; requestId: string | null },
  target: AuditTarget,
): AuditRecord {
  return {
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    actorRole: ctx.actor?.role ?? null,
    action: target.action,
    targetType: target.targetType,
    targetId: target.targetId,
    before: target.before ?? null,
    after: target.after ?? null,
    reason: target.reason ?? null,
    requestId: ctx.requestId,
  };
}
