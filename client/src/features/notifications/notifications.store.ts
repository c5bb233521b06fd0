import {
  NotificationPreferencesSchema,
  NotificationSchema,
  pageOf,
  UnreadCountSchema,
  type Notification,
  type NotificationType,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, queryString } from '../../app/api.js';
import { useSocketStore, type AppSocket } from '../../app/socket.js';
import { pagedList } from '../../ui/paged-list.js';

const NotificationPageSchema = pageOf(NotificationSchema);
type Listener = (notification: Notification) => void;

/**
 * One inbox per user: the unread count (live over the socket), the list, marking read and the muted types.
 * Features may listen to new notifications (e.g. the review board reloads when an application arrives).
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const inbox = pagedList({ unread: 'false' as 'true' | 'false', page: 1 }, (filters) =>
    api.get(`/notifications${queryString(filters)}`, NotificationPageSchema),
  );
  const muted = ref<NotificationType[]>([]);
  const listeners = new Set<Listener>();

  const onNew = ({ notification, unread: count }: { notification: Notification; unread: number }) => {
    unread.value = count;
    const page = inbox.page.value;
    if (page && page.page === 1 && !page.items.some((item) => item.id === notification.id)) {
      page.items = [notification, ...page.items];
    }
    listeners.forEach((listener) => listener(notification));
  };
  const onCount = ({ unread: count }: { unread: number }) => (unread.value = count);

  useSocketStore().subscribe(
    (socket: AppSocket) => {
      socket.on('notification:new', onNew);
      socket.on('notification:count', onCount);
    },
    (socket: AppSocket) => {
      socket.off('notification:new', onNew);
      socket.off('notification:count', onCount);
    },
  );

  async function refreshCount(): Promise<void> {
    unread.value = (await api.get('/notifications/unread-count', UnreadCountSchema)).unread;
  }

  function replace(notification: Notification): void {
    const page = inbox.page.value;
    if (page) page.items = page.items.map((item) => (item.id === notification.id ? notification : item));
  }

  async function markRead(id: string): Promise<void> {
    replace(await api.post(`/notifications/${id}/read`, NotificationSchema));
    await refreshCount();
  }

  async function markAllRead(): Promise<void> {
    unread.value = (await api.post('/notifications/read-all', UnreadCountSchema)).unread;
    await inbox.load();
  }

  async function loadPreferences(): Promise<void> {
    muted.value = (await api.get('/notifications/preferences', NotificationPreferencesSchema)).muted;
  }

  async function savePreferences(next: NotificationType[]): Promise<void> {
    muted.value = (
      await api.put('/notifications/preferences', NotificationPreferencesSchema, { muted: next })
    ).muted;
  }

  /** Calls `listener` for each notification that arrives live; returns a function that stops it. */
  function onNotification(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function reset(): void {
    unread.value = 0;
    inbox.page.value = null;
    muted.value = [];
  }

  return {
    unread,
    inbox,
    muted,
    refreshCount,
    markRead,
    markAllRead,
    loadPreferences,
    savePreferences,
    onNotification,
    reset,
  };
});
