import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { notConfigured } from './platform/health.js';
import type { Logger } from './platform/logger.js';
import { createRealtimeServer, realtimeHealth, type RealtimeServer } from './platform/realtime.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Wires config → services → HTTP + Socket.IO, and returns a handle that shuts everything down in order. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  let io: RealtimeServer | null = null;
  const app = createApp({
    config,
    logger,
    health: { database: notConfigured, search: notConfigured, realtime: () => realtimeHealth(io) },
  });
  // Socket.IO must attach after Express so that it can route its own paths before the app sees them.
  const httpServer = createServer(app);
  const realtime = createRealtimeServer(httpServer);
  io = realtime;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  logger.info({ url }, 'Baise TechMatch is listening');

  return {
    url,
    port,
    async close() {
      await realtime.close(); // also closes the HTTP server
      httpServer.closeAllConnections();
    },
  };
}
