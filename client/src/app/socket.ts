import type { ClientToServerEvents, ServerToClientEvents, WelcomePayload } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { io, type Socket } from 'socket.io-client';
import { ref, shallowRef } from 'vue';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The one Socket.IO connection of the page; features subscribe through `socket.value.on(…)`. */
export const useSocketStore = defineStore('socket', () => {
  const socket = shallowRef<AppSocket | null>(null);
  const connected = ref(false);
  const welcome = ref<WelcomePayload | null>(null);

  function connect(): AppSocket {
    if (socket.value) return socket.value;
    const s: AppSocket = io({ path: '/socket.io', withCredentials: true });
    s.on('connect', () => (connected.value = true));
    s.on('disconnect', () => (connected.value = false));
    s.on('system:welcome', (payload) => (welcome.value = payload));
    socket.value = s;
    return s;
  }

  function disconnect(): void {
    socket.value?.disconnect();
    socket.value = null;
    connected.value = false;
  }

  return { socket, connected, welcome, connect, disconnect };
});
