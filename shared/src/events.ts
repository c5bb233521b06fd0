import type { DashboardJoin, DashboardSnapshot, FeedEntry, ImportProgress } from './schemas/dashboard.js';
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
}

export interface ClientToServerEvents {
  /** Anyone may watch the public dashboard: joins the `dashboard` room and answers the year's snapshot. */
  'dashboard:join': (
    payload: DashboardJoin,
    ack: (reply: { ok: true; snapshot: DashboardSnapshot } | { ok: false; code: string }) => void,
  ) => void;
  'dashboard:leave': () => void;
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
