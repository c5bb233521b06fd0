import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, ServerToClientEvents } from '@techmatch/shared';
import { io, type Socket } from 'socket.io-client';
import { attachRealtime } from '../platform/realtime.js';
import type { AppStack } from '../stack.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Serves a test stack over HTTP with its Socket.IO server attached; `stack.close()` closes both. */
export async function listenWithRealtime(stack: AppStack): Promise<string> {
  const server = createServer(stack.app);
  attachRealtime(stack.io, server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Socket.IO client signed in with this session cookie, resolved once the server has greeted it. */
export function connectSocket(url: string, cookie: string | null, headers: Record<string, string> = {}) {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...headers },
    reconnection: false,
  });
  return new Promise<ClientSocket>((resolve, reject) => {
    socket.once('system:welcome', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Collects every payload of one event a socket receives. */
export function record<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event as never, ((payload: never) => seen.push(payload)) as never);
  return seen;
}
