/**
 * The Socket.IO contract, typed once and passed to both `new Server<…>()` and the client's `io()`.
 * Rooms: `dashboard` (public counter and feed), `user:<id>` (notifications), `inquiry:<id>` (negotiation).
 */

export interface WelcomePayload {
  version: string;
  serverTime: string;
}

export interface ServerToClientEvents {
  'system:welcome': (payload: WelcomePayload) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- features add their client events here
export interface ClientToServerEvents {}

export const ROOMS = {
  dashboard: 'dashboard',
  user: (userId: string) => `user:${userId}`,
  inquiry: (inquiryId: string) => `inquiry:${inquiryId}`,
} as const;
