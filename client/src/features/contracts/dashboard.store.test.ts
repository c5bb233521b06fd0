import type { DashboardSnapshot, FeedEntry } from '@techmatch/shared';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSocketStore, type AppSocket } from '../../app/socket.js';
import { useDashboardStore } from './dashboard.store.js';

type Handler = (...args: unknown[]) => void;

/** A socket that records what the store sends and lets the test play the server. */
function fakeSocket() {
  const handlers = new Map<string, Set<Handler>>();
  const joins: unknown[] = [];
  let reply: (answer: unknown) => void = () => undefined;
  const socket = {
    connected: true,
    on(event: string, handler: Handler) {
      handlers.set(event, (handlers.get(event) ?? new Set()).add(handler));
      return socket;
    },
    off(event: string, handler: Handler) {
      handlers.get(event)?.delete(handler);
      return socket;
    },
    emit(event: string, payload?: unknown, ack?: (answer: unknown) => void) {
      if (event === 'dashboard:join') {
        joins.push(payload);
        reply = ack ?? reply;
      }
      return socket;
    },
  };
  const serverSends = (event: string, ...args: unknown[]) => handlers.get(event)?.forEach((h) => h(...args));
  return { socket: socket as unknown as AppSocket, joins, answerJoin: (a: unknown) => reply(a), serverSends };
}

const entry = (id: string): FeedEntry => ({
  id,
  registeredAt: '2026-03-01T02:00:00.000Z',
  type: '技术许可',
  field: '生态铝',
  county: '右江区',
  title: null,
  amountFen: 100,
  sellerName: null,
  buyerName: null,
});
const snapshot = (amountFen: number, feed: FeedEntry[] = []) =>
  ({ year: 2026, statistics: { amountFen }, feed }) as unknown as DashboardSnapshot;

describe('dashboard store', () => {
  let fake: ReturnType<typeof fakeSocket>;
  beforeEach(() => {
    setActivePinia(createPinia());
    fake = fakeSocket();
    useSocketStore().socket = fake.socket;
  });

  it('joins the room, follows every snapshot and puts new registrations on top of the feed once', () => {
    const store = useDashboardStore();
    store.watch(2026);
    expect(fake.joins).toEqual([{ year: 2026 }]);
    fake.answerJoin({ ok: true, snapshot: snapshot(0, [entry('a')]) });
    fake.serverSends('dashboard:feed', entry('b'));
    fake.serverSends('dashboard:feed', entry('b'));
    fake.serverSends('dashboard:snapshot', snapshot(500, [entry('b'), entry('a')]));
    expect(store.snapshot?.statistics.amountFen).toBe(500);
    expect(store.feed.map((e) => e.id)).toEqual(['b', 'a']);
  });

  it('joins again after the connection comes back, and stops listening when left', () => {
    const store = useDashboardStore();
    store.watch();
    fake.serverSends('connect');
    expect(fake.joins).toHaveLength(2);
    store.stop();
    fake.serverSends('connect');
    fake.serverSends('dashboard:snapshot', snapshot(900));
    expect(fake.joins).toHaveLength(2);
    expect(store.snapshot).toBeNull();
  });
});
