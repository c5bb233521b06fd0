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
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- features add their client events here
export interface ClientToServerEvents {}

export const ROOMS = {
  dashboard: 'dashboard',
  /** Bureau staff and admins: review queues and brokering. */
  staff: 'staff',
  user: (userId: string) => `user:${userId}`,
  inquiry: (inquiryId: string) => `inquiry:${inquiryId}`,
} as const;
