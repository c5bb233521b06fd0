import type { Server as HttpServer } from 'node:http';
import {
  ROOMS,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type ServiceHealth,
} from '@techmatch/shared';
import { Server, type BroadcastOperator, type Socket } from 'socket.io';
import { sessionToken, type SessionResolver } from './auth/http.js';
import type { Actor } from './auth/actor.js';
import { APP_VERSION } from './version.js';

interface SocketData {
  actor: Actor | null;
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * The Socket.IO server, created before the HTTP server exists so services can hold it; `attach` binds it.
 * Sockets authenticate with the same session cookie as HTTP and join `user:<id>` and their session's room.
 */
export function createRealtimeServer(resolveSession: SessionResolver): RealtimeServer {
  const io: RealtimeServer = new Server({ path: '/socket.io', serveClient: false });
  io.use((socket, next) => {
    const token = sessionToken(socket.handshake.headers.cookie);
    const resolved = token ? resolveSession(token) : Promise.resolve(null);
    resolved.then(
      (session) => {
        socket.data.actor = session?.actor ?? null;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });
  io.on('connection', (socket) => {
    const { actor } = socket.data;
    if (actor) void socket.join([ROOMS.user(actor.id), sessionRoom(actor.sessionId)]);
    if (actor && (actor.role === 'staff' || actor.role === 'admin')) void socket.join(ROOMS.staff);
    socket.emit('system:welcome', { version: APP_VERSION, serverTime: new Date().toISOString() });
  });
  return io;
}

export function attachRealtime(io: RealtimeServer, httpServer: HttpServer): void {
  io.attach(httpServer);
}

type Broadcast = BroadcastOperator<ServerToClientEvents, SocketData>;

/** What services and event handlers may do with live connections. */
export interface RealtimeHub {
  toUser(userId: string): Broadcast;
  toDashboard(): Broadcast;
  toStaff(): Broadcast;
  /** An inquiry's room, and the personal rooms of these users (each socket hears it once). */
  toInquiry(inquiryId: string, userIds?: string[]): Broadcast;
  disconnectUser(userId: string): void;
  disconnectSession(sessionId: string): void;
  disconnectUserExcept(userId: string, sessionId: string): void;
  /** Tells the other app nodes (a no-op with one node, where there are none). */
  toOtherNodes<E extends keyof InterServerEvents>(event: E, ...args: Parameters<InterServerEvents[E]>): void;
  /** Listens to what other app nodes tell. */
  onNodeEvent<E extends keyof InterServerEvents>(event: E, handler: InterServerEvents[E]): void;
}

/** Servers whose adapter reaches other nodes (the Redis adapter); the in-memory one only warns. */
const clusteredServers = new WeakSet<RealtimeServer>();

export function markClustered(io: RealtimeServer): void {
  clusteredServers.add(io);
}

export function realtimeHub(io: RealtimeServer): RealtimeHub {
  return {
    toUser: (userId: string) => io.to(ROOMS.user(userId)),
    toDashboard: () => io.to(ROOMS.dashboard),
    toStaff: () => io.to(ROOMS.staff),
    toInquiry: (inquiryId: string, userIds: string[] = []) =>
      io.to([ROOMS.inquiry(inquiryId), ...userIds.map(ROOMS.user)]),
    /** Cuts a user off at once on every node (disabled account, password change). */
    disconnectUser: (userId: string) => io.in(ROOMS.user(userId)).disconnectSockets(true),
    disconnectSession: (sessionId: string) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    /** Signs out a user's other tabs and devices after a password change, keeping the current one. */
    disconnectUserExcept: (userId: string, sessionId: string) =>
      io.in(ROOMS.user(userId)).except(sessionRoom(sessionId)).disconnectSockets(true),
    toOtherNodes: (event, ...args) => {
      if (clusteredServers.has(io)) io.serverSideEmit(event, ...args);
    },
    onNodeEvent: (event, handler) => {
      io.on(event, handler as never);
    },
  };
}

export function realtimeHealth(io: RealtimeServer | null): ServiceHealth & { connections: number } {
  if (!io) return { mode: 'not_configured', state: 'not_configured', connections: 0 };
  return { mode: 'embedded', state: 'up', connections: io.engine?.clientsCount ?? 0 };
}

/** Closes the server (and the HTTP server it is attached to); a never-attached server has nothing to close. */
export async function closeRealtime(io: RealtimeServer): Promise<void> {
  if ((io as { engine?: unknown }).engine) await io.close();
}
