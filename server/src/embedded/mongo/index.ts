import { Catalog } from './engine/catalog.js';
import { CursorRegistry } from './engine/cursors.js';
import { startTtlMonitor } from './engine/ttl.js';
import { silentLogger, type Logger } from './logger.js';
import type { ServerState } from './commands/context.js';
import { WireServer } from './server.js';
import { DurableStore } from './storage/durable-store.js';

export type { Logger, LogLevel } from './logger.js';

export interface MongoServerOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; default 0, a random free port. */
  port?: number;
  /** Directory for the journal and snapshots (the app uses `$DATA_DIR/mongo`); omitted → in memory only. */
  dataDir?: string;
  logger?: Logger;
}

export interface RunningMongoServer {
  /** `mongodb://host:port`, ready for the driver or Mongoose. */
  url: string;
  port: number;
  /** Stops accepting connections, closes open ones and flushes the journal. */
  close(): Promise<void>;
}

/** Starts a MongoDB-compatible server (wire protocol, standalone, wire version 21). */
export async function startMongoServer(options: MongoServerOptions = {}): Promise<RunningMongoServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.logger ?? silentLogger;
  const catalog = new Catalog();
  const store = options.dataDir ? await DurableStore.open(options.dataDir, catalog, log) : undefined;
  const state: ServerState = {
    catalog,
    cursors: new CursorRegistry(),
    store,
    log,
    startedAt: new Date(),
    opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
    connections: { current: 0, totalCreated: 0 },
    address: host,
  };
  const server = new WireServer(state);
  let port: number;
  try {
    port = await server.listen(host, options.port ?? 0);
  } catch (error) {
    await store?.close();
    throw error;
  }
  const stopTtl = startTtlMonitor(catalog, log);
  const url = `mongodb://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log('info', 'embedded MongoDB listening', { url, dataDir: options.dataDir ?? null });
  return {
    url,
    port,
    close: async () => {
      stopTtl();
      await server.close();
      state.cursors.close();
      await store?.close();
      log('info', 'embedded MongoDB stopped', { url });
    },
  };
}
