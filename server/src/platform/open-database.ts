import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { connectDatabase, type Database } from './database.js';
import { launchEmbeddedService } from './embedded.js';
import type { Logger } from './logger.js';

interface RunningEmbedded {
  url: string;
  pid: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The embedded database another process (a running app) already serves from this data directory. */
function runningInstance(stateFile: string): RunningEmbedded | null {
  if (!existsSync(stateFile)) return null;
  try {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as RunningEmbedded;
    return isAlive(state.pid) ? state : null;
  } catch {
    return null;
  }
}

/**
 * MongoDB at `MONGODB_URI`; otherwise the embedded service for `DATA_DIR`: the one a running app already
 * serves (so `npm run admin:create` works while `npm start` runs), or a new one launched here.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
): Promise<{ db: Database; close(): Promise<void> }> {
  if (config.MONGODB_URI) {
    const db = await connectDatabase(config.MONGODB_URI, 'external', logger);
    return { db, close: () => db.close() };
  }
  const dataDir = path.resolve(config.DATA_DIR, 'mongo');
  const stateFile = path.resolve(config.DATA_DIR, 'embedded-mongo.json');
  const shared = runningInstance(stateFile);
  if (shared) {
    const db = await connectDatabase(shared.url, 'embedded', logger);
    return { db, close: () => db.close() };
  }
  mkdirSync(dataDir, { recursive: true });
  const embedded = await launchEmbeddedService('mongo', ['--data', dataDir], logger);
  writeFileSync(stateFile, JSON.stringify({ url: embedded.url, pid: process.pid }));
  const db = await connectDatabase(embedded.url, 'embedded', logger);
  return {
    db,
    async close() {
      await db.close();
      await embedded.stop();
      rmSync(stateFile, { force: true });
    },
  };
}
