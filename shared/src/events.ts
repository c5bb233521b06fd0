import type { ErrorCode } from './errors.js';
import type { DashboardJoin, DashboardSnapshot, FeedEntry, ImportProgress } from './schemas/dashboard.js';
import type {
  InquiryJoinPayload,
  InquiryMessage,
  InquiryReadPayload,
  InquirySendPayload,
  InquiryStatus,
} from './schemas/inquiry.js';
import type { Notification } from './schemas/notification.js';

/**
 * The Socket.IO contract, typed once and passed to both `new Server<…>()` and the client's `io()`.
 * Rooms: `dashboard` (public counter and feed), `user:<id>` (notifications), `inquiry:<id>` (negotiation).
 */

export interface WelcomePayload {
  version: string;
  serverTime: string;
}

/** Something about the signed-in account changed (organisation reviewed, membership decided, role…): refetch. */
export interface AccountChangedPayload {
  reason: 'organisation_reviewed' | 'organisation_updated' | 'membership_decided' | 'user_updated';
}

/** A listing's review finished (to its owners), or the review queue changed (to staff). */
export interface ListingReviewedPayload {
  type: 'achievement' | 'need';
  id: string;
  title: string;
  status: 'published' | 'rejected';
  reason: string | null;
}

export interface ServerToClientEvents {
  /** A new notification for the signed-in user, and the unread count after it. */
  'notification:new': (payload: { notification: Notification; unread: number }) => void;
  'notification:count': (payload: { unread: number }) => void;
  'system:welcome': (payload: WelcomePayload) => void;
  'account:changed': (payload: AccountChangedPayload) => void;
  'listing:reviewed': (payload: ListingReviewedPayload) => void;
  'review:queue_changed': (payload: { type: 'achievement' | 'need' }) => void;
  /** A year's dashboard after a registration, void, correction or target change (to the `dashboard` room). */
  'dashboard:snapshot': (snapshot: DashboardSnapshot) => void;
  /** A contract was just registered: its public feed entry (to the `dashboard` room). */
  'dashboard:feed': (entry: FeedEntry) => void;
  /** The contract registration queue changed (to staff). */
  'contracts:queue_changed': () => void;
  /** How far an Excel import has got (to the user who started it). */
  'contracts:import_progress': (progress: ImportProgress) => void;
  /** A new message in an inquiry room the socket joined (also to the sender's other tabs). */
  'inquiry:message': (message: InquiryMessage) => void;
  /** A participant has read up to `seq` (read receipt). */
  'inquiry:read': (payload: InquiryReadReceipt) => void;
  'inquiry:typing': (payload: { inquiryId: string; userId: string; name: string }) => void;
  /** Something about an inquiry changed (status, broker, new message): refetch what is on screen. */
  'inquiry:changed': (payload: InquiryChangedPayload) => void;
  /** A refused socket request, for clients that did not ask for an acknowledgement (flooding, bad payload). */
  'inquiry:error': (payload: SocketError & { event: string }) => void;
}

/** Requests from the client; those that answer do so through their acknowledgement callback. */
export interface ClientToServerEvents {
  /** Anyone may watch the public dashboard: joins the `dashboard` room and answers the year's snapshot. */
  'dashboard:join': (
    payload: DashboardJoin,
    ack: (reply: { ok: true; snapshot: DashboardSnapshot } | { ok: false; code: string }) => void,
  ) => void;
  'dashboard:leave': () => void;
  /** Joins an inquiry's room and answers the messages after `afterSeq` (or the latest page). */
  'inquiry:join': (payload: InquiryJoinPayload, ack: (answer: SocketAck<InquiryJoinResult>) => void) => void;
  'inquiry:leave': (payload: { inquiryId: string }) => void;
  /** Stores the message, then delivers it to the room; the acknowledgement carries the stored message. */
  'inquiry:send': (payload: InquirySendPayload, ack: (answer: SocketAck<InquiryMessage>) => void) => void;
  'inquiry:read': (payload: InquiryReadPayload, ack?: (answer: SocketAck<{ seq: number }>) => void) => void;
  'inquiry:typing': (payload: { inquiryId: string }) => void;
}

/** A socket request refused with the same code (and message) an HTTP request would get. */
export interface SocketError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** The answer to a socket request, through its acknowledgement callback. */
export type SocketAck<T> = { ok: true; data: T } | { ok: false; error: SocketError };

export interface InquiryJoinResult {
  messages: InquiryMessage[];
  hasMore: boolean;
  reads: Record<string, number>;
}

export interface InquiryReadReceipt {
  inquiryId: string;
  userId: string;
  seq: number;
}

export interface InquiryChangedPayload {
  inquiryId: string;
  reason: 'message' | 'status' | 'broker';
  status: InquiryStatus;
  lastSeq: number;
}

/** Messages between app nodes (through the Redis adapter when several run). */
export interface InterServerEvents {
  /** The counted contracts of these years changed: drop cached dashboards. */
  'dashboard:invalidate': (years: number[]) => void;
}

export const ROOMS = {
  dashboard: 'dashboard',
  /** Bureau staff and admins: review queues and brokering. */
  staff: 'staff',
  user: (userId: string) => `user:${userId}`,
  inquiry: (inquiryId: string) => `inquiry:${inquiryId}`,
} as const;
