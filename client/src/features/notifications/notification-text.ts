import type { Notification, NotificationType } from '@techmatch/shared';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Has = (key: string) => boolean;

/** The param that picks the wording of a notification type, for the types worded differently per outcome. */
const VARIANT_PARAM: Partial<Record<NotificationType, string>> = {
  organisation_reviewed: 'status',
  membership_decided: 'membership',
  listing_reviewed: 'status',
  inquiry_opened: 'origin',
  inquiry_status: 'change',
  application_decided: 'status',
};

/**
 * A notification in the reader's language: the server stores a type and params, the client words them. An
 * outcome the client does not know yet falls back to the type's name rather than to a raw key.
 */
export function notificationText(notification: Notification, t: Translate, has: Has): string {
  const base = `notifications.text.${notification.type}`;
  const param = VARIANT_PARAM[notification.type];
  const key = param ? `${base}.${String(notification.params[param] ?? '')}` : base;
  return has(key) ? t(key, notification.params) : t(`notifications.types.${notification.type}`);
}
