import type { Config } from '../config.js';
import { connectDatabase, type Database } from './database.js';
import { embeddedInstance } from './embedded-instance.js';
import type { Logger } from './logger.js';

/** MongoDB at `MONGODB_URI`, or the embedded MongoDB-compatible service for `DATA_DIR`. */
export async function openDatabase(
  config: Config,
  logger: Logger,
): Promise<{ db: Database; close(): Promise<void> }> {
  if (config.MONGODB_URI) {
    const db = await connectDatabase(config.MONGODB_URI, 'external', logger);
    return { db, close: () => db.close() };
  }
  const instance = await embeddedInstance('mongo', config.DATA_DIR, [], logger);
  const db = await connectDatabase(instance.url, 'embedded', logger);
  return {
    db,
    async close() {
      await db.close();
      await instance.release();
    },
  };
}
