import type { ClientToServerEvents, ServerToClientEvents, WelcomePayload } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef } from 'vue';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Subscriber = (socket: AppSocket) => void;

/**
 * The one Socket.IO connection of the page. Features register their listeners with `subscribe`, which also
 * re-applies them when the socket is replaced (after sign-in or sign-out, the cookie it carries changes).
 */
export const useSocketStore = defineStore('socket', () => {
  const socket = shallowRef<AppSocket | null>(null);
  const connected = ref(false);
  const welcome = ref<WelcomePayload | null>(null);
  const subscribers = new Set<Subscriber>();

  function connect(): AppSocket {
    if (socket.value) return socket.value;
    const s: AppSocket = io({ path: '/socket.io', withCredentials: true });
    s.on('connect', () => (connected.value = true));
    s.on('disconnect', () => (connected.value = false));
    s.on('system:welcome', (payload) => (welcome.value = payload));
    subscribers.forEach((subscriber) => subscriber(s));
    socket.value = s;
    return s;
  }

  function disconnect(): void {
    socket.value?.disconnect();
    socket.value = null;
    connected.value = false;
  }

  function reconnect(): void {
    disconnect();
    connect();
  }

  /** Adds listeners now and to every future socket; returns a function that removes them. */
  function subscribe(subscriber: Subscriber, unsubscribe: (socket: AppSocket) => void): () => void {
    subscribers.add(subscriber);
    if (socket.value) subscriber(socket.value);
    return () => {
      subscribers.delete(subscriber);
      if (socket.value) unsubscribe(socket.value);
    };
  }

  return { socket, connected, welcome, connect, disconnect, reconnect, subscribe };
});
