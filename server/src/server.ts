import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './platform/logger.js';
import { openDatabase } from './platform/open-database.js';
import { openSearch, searchHealth } from './platform/search.js';
import { attachRealtime, createRealtimeServer, realtimeHealth } from './platform/realtime.js';
import { useRedisAdapter } from './platform/realtime-cluster.js';
import { demoSeedingEnabled, seedDemo } from './seed/demo.js';
import { createServices, type Services } from './services.js';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/** Wires config → services → HTTP + Socket.IO, and returns a handle that shuts everything down in order. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { db, close: closeDatabase } = await openDatabase(config, logger);
  const search = await openSearch(config, logger);
  const io = createRealtimeServer((token) => services.sessions.resolve(token));
  const closeRedis = config.REDIS_URL ? await useRedisAdapter(io, config.REDIS_URL, logger) : null;
  const services = createServices({
    connection: db.connection,
    logger,
    io,
    search,
    dataDir: config.DATA_DIR,
    indexPrefix: config.MEILI_INDEX_PREFIX,
  });
  await services.init();
  if (demoSeedingEnabled(config)) await seedDemo(services, config, logger);

  const app = createApp({
    config,
    logger,
    services,
    health: {
      database: () => db.health(),
      search: () => searchHealth(search, services.searchSync),
      realtime: () => realtimeHealth(io),
    },
  });
  const httpServer = createServer(app);
  attachRealtime(io, httpServer);
  services.startBackgroundWork();

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
    services,
    async close() {
      await services.stopBackgroundWork();
      await io.close(); // also closes the HTTP server
      await closeRedis?.();
      httpServer.closeAllConnections();
      await closeDatabase();
      await search.close();
    },
  };
}
