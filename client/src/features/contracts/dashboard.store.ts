import type { DashboardSnapshot, FeedEntry } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useSocketStore, type AppSocket } from '../../app/socket.js';

/** How many registrations the live feed keeps on screen. */
const FEED_LENGTH = 12;

/**
 * 数据大屏 live state: joins the `dashboard` room (again after every reconnect, which Socket.IO does by
 * itself), takes the year's snapshot from the join's reply and every later `dashboard:snapshot`, and puts
 * each `dashboard:feed` entry on top of the feed.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const snapshot = ref<DashboardSnapshot | null>(null);
  const feed = ref<FeedEntry[]>([]);
  const error = ref<string | null>(null);
  const year = ref<number | undefined>(undefined);
  const socketStore = useSocketStore();
  const live = computed(() => socketStore.connected && snapshot.value !== null);

  function apply(next: DashboardSnapshot): void {
    if (year.value !== undefined && next.year !== year.value) return;
    snapshot.value = next;
    feed.value = next.feed.slice(0, FEED_LENGTH);
  }

  function addEntry(entry: FeedEntry): void {
    if (feed.value.some((e) => e.id === entry.id)) return;
    feed.value = [entry, ...feed.value].slice(0, FEED_LENGTH);
  }

  function join(socket: AppSocket): void {
    socket.emit('dashboard:join', { year: year.value }, (reply) => {
      if (reply.ok) {
        error.value = null;
        apply(reply.snapshot);
      } else error.value = reply.code;
    });
  }
  const rejoiners = new WeakMap<AppSocket, () => void>();

  let unsubscribe: (() => void) | null = null;

  /** Starts watching a year (the current one unless given); safe to call again. */
  function watch(watchedYear?: number): void {
    year.value = watchedYear;
    unsubscribe?.();
    unsubscribe = socketStore.subscribe(
      (socket) => {
        const rejoin = () => join(socket);
        rejoiners.set(socket, rejoin);
        socket.on('connect', rejoin);
        socket.on('dashboard:snapshot', apply);
        socket.on('dashboard:feed', addEntry);
        if (socket.connected) join(socket);
      },
      (socket) => {
        const rejoin = rejoiners.get(socket);
        if (rejoin) socket.off('connect', rejoin);
        socket.off('dashboard:snapshot', apply);
        socket.off('dashboard:feed', addEntry);
        socket.emit('dashboard:leave');
      },
    );
    socketStore.connect();
  }

  function stop(): void {
    unsubscribe?.();
    unsubscribe = null;
  }

  return { snapshot, feed, error, live, watch, stop, apply, addEntry };
});
