import type { Notification } from '@techmatch/shared';
import { onUnmounted } from 'vue';
import { useNotificationsStore } from './notifications.store.js';

/**
 * Keeps a view live: runs `reload` whenever a notification that `concerns` it arrives, for as long as the
 * component is mounted. The notification says what changed; the view refetches it through the API.
 */
export function reloadOnNotification(
  concerns: (notification: Notification) => boolean,
  reload: () => unknown,
): void {
  const stopListening = useNotificationsStore().onNotification((notification) => {
    if (concerns(notification)) void reload();
  });
  onUnmounted(stopListening);
}
