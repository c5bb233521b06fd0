import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { connectDatabase, type Database } from './platform/database.js';
import { launchEmbeddedService, type EmbeddedService } from './platform/embedded.js';
import type { HealthProbes } from './platform/health.js';
import {
  closeRealtime,
  createRealtimeServer,
  realtimeHealth,
  type RealtimeServer,
} from './platform/realtime.js';
import { searchClient, searchHealth, searchService, type Search } from './platform/search.js';
import { createServices, type Services } from './services.js';

export const silentLogger = pino({ level: process.env.STACK_LOG_LEVEL ?? 'silent' });

export function stackConfig(overrides: Record<string, string> = {}): Config {
  // A test brings the records it needs: the demo marketplace would take seconds to seed into every server.
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    ...overrides,
  });
}

export interface AppStack {
  app: Express;
  services: Services;
  io: RealtimeServer;
  db: Database;
  search: Search;
  dataDir: string;
  /** Waits until every pending change is in the search index and the background jobs it caused have run. */
  synced(): Promise<void>;
  /** Empties every collection (indexes stay), for a clean slate between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  config?: Record<string, string>;
  health?: Partial<HealthProbes>;
  /** Use this search service instead of a fresh embedded one (outage tests). */
  search?: { url: string; apiKey: string };
}

interface Opened<T> {
  value: T;
  stop(): Promise<void>;
}

async function openStackDatabase(): Promise<Opened<Database>> {
  const dbName = `test_${randomUUID().slice(0, 8)}`;
  if (process.env.MONGODB_URI) {
    const db = await connectDatabase(process.env.MONGODB_URI, 'external', silentLogger, dbName);
    return { value: db, stop: () => db.connection.dropDatabase().then(() => db.close()) };
  }
  const embedded = await launchEmbeddedService('mongo', [], silentLogger);
  const db = await connectDatabase(embedded.url, 'embedded', silentLogger, dbName);
  return { value: db, stop: () => db.close().then(() => embedded.stop()) };
}

async function openStackSearch(options: StackOptions): Promise<Opened<Search>> {
  const given =
    options.search ??
    (process.env.MEILI_URL
      ? { url: process.env.MEILI_URL, apiKey: process.env.MEILI_MASTER_KEY ?? '' }
      : null);
  if (given)
    return {
      value: searchService(searchClient(given.url, given.apiKey), 'external', async () => {}),
      stop: async () => {},
    };
  const masterKey = randomUUID();
  const embedded: EmbeddedService = await launchEmbeddedService(
    'meili',
    ['--master-key', masterKey],
    silentLogger,
  );
  return {
    value: searchService(searchClient(embedded.url, masterKey), 'embedded', () => embedded.stop()),
    stop: () => embedded.stop(),
  };
}

/**
 * The whole application in this process, on the real data path: Mongoose and the `meilisearch` client against
 * fresh in-memory embedded services, or against `MONGODB_URI` / `MEILI_URL` with names of their own when set.
 * Used by the API tests, the matching evaluation and the benchmarks.
 */
export async function startStack(options: StackOptions = {}): Promise<AppStack> {
  const [database, searchHandle] = await Promise.all([openStackDatabase(), openStackSearch(options)]);
  const db = database.value;
  const search = searchHandle.value;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'techmatch-test-'));
  const config = stackConfig({
    DATA_DIR: dataDir,
    MEILI_INDEX_PREFIX: `t${randomUUID().slice(0, 8)}_`,
    ...options.config,
  });
  const io = createRealtimeServer((token) => services.sessions.resolve(token));
  const services = createServices({
    connection: db.connection,
    logger: silentLogger,
    io,
    search,
    dataDir,
    indexPrefix: config.MEILI_INDEX_PREFIX,
  });
  await services.init();
  const app = createApp({
    config,
    logger: silentLogger,
    services,
    health: {
      database: () => db.health(),
      search: () => searchHealth(search, services.searchSync),
      realtime: () => realtimeHealth(io),
      ...options.health,
    },
  });

  return {
    app,
    services,
    io,
    db,
    search,
    dataDir,
    async synced() {
      await services.searchSync.drain();
      await services.jobs.drain();
    },
    async reset() {
      const collections = await db.connection.db?.collections();
      await Promise.all((collections ?? []).map((collection) => collection.deleteMany({})));
      for (const index of Object.values(services.indexes)) {
        await search.client.index(index).deleteAllDocuments().waitTask();
      }
    },
    async close() {
      await services.stopBackgroundWork();
      await closeRealtime(io);
      await database.stop();
      await searchHandle.stop();
    },
  };
}
