import { z } from 'zod';
import { IsoDateTimeSchema, ObjectIdSchema } from './common.js';

/** Kinds of notification; the client words each from its params, in the reader's language. */
export const NOTIFICATION_TYPES = [
  'organisation_reviewed',
  'membership_decided',
  'listing_reviewed',
  'match_found',
  'saved_search_hit',
  'inquiry_opened',
  'inquiry_message',
  'inquiry_status',
  'application_received',
  'application_decided',
  'contract_status',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NotificationSchema = z.object({
  id: ObjectIdSchema,
  type: z.enum(NOTIFICATION_TYPES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where the notification leads in the web client (a path such as `/needs/…`). */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.object({ unread: z.enum(['true', 'false']).optional() });

export const UnreadCountSchema = z.object({ unread: z.number().int().nonnegative() });

/** Types the user chose not to receive; everything else is delivered. */
export const NotificationPreferencesSchema = z.object({ muted: z.array(z.enum(NOTIFICATION_TYPES)) });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
