// `npm run reindex`: rebuilds every search index from MongoDB (the source of truth).
import { loadConfig } from '../config.js';
import { createLogger } from '../platform/logger.js';
import { openDatabase } from '../platform/open-database.js';
import { createRealtimeServer } from '../platform/realtime.js';
import { openSearch } from '../platform/search.js';
import { createServices } from '../services.js';

const config = loadConfig();
const logger = createLogger({ LOG_LEVEL: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
const { db, close } = await openDatabase(config, logger);
const search = await openSearch(config, logger);
const services = createServices({
  connection: db.connection,
  logger,
  io: createRealtimeServer(() => Promise.resolve(null)),
  search,
  dataDir: config.DATA_DIR,
  indexPrefix: config.MEILI_INDEX_PREFIX,
});
try {
  await services.init();
  const started = performance.now();
  await services.searchSync.reindexAll();
  if (services.searchSync.state.lastError) throw new Error(services.searchSync.state.lastError);
  const counts = await Promise.all(
    Object.values(services.indexes).map(
      async (uid) => `${uid}: ${(await search.client.index(uid).getStats()).numberOfDocuments}`,
    ),
  );
  process.stdout.write(
    `Reindexed in ${((performance.now() - started) / 1000).toFixed(1)} s (${counts.join(', ')})\n`,
  );
} catch (error) {
  process.stderr.write(`Reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await close();
  await search.close();
}
