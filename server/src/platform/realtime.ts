import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents, ServiceHealth } from '@techmatch/shared';
import { Server } from 'socket.io';
import { APP_VERSION } from './version.js';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

export function createRealtimeServer(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, { path: '/socket.io', serveClient: false });
  io.on('connection', (socket) => {
    socket.emit('system:welcome', { version: APP_VERSION, serverTime: new Date().toISOString() });
  });
  return io;
}

export function realtimeHealth(io: RealtimeServer | null): ServiceHealth & { connections: number } {
  if (!io) return { mode: 'not_configured', state: 'not_configured', connections: 0 };
  return { mode: 'embedded', state: 'up', connections: io.engine.clientsCount };
}
