import type { ServiceHealth } from '@techmatch/shared';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from './logger.js';

export interface Database {
  connection: Connection;
  mode: 'embedded' | 'external';
  health(): Promise<ServiceHealth>;
  close(): Promise<void>;
}

/** The database name used when the connection string names none. */
const DEFAULT_DB_NAME = 'techmatch';

/**
 * Connects a dedicated Mongoose connection (not the global one), so that several apps can live in one
 * process in tests, and models are registered per connection.
 */
export async function connectDatabase(
  uri: string,
  mode: Database['mode'],
  logger: Logger,
  dbName?: string,
): Promise<Database> {
  const connection = mongoose.createConnection(uri, {
    dbName:
      dbName ?? (new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.slice(1) || DEFAULT_DB_NAME),
    serverSelectionTimeoutMS: 10_000,
    autoIndex: true,
    autoCreate: true,
  });
  await connection.asPromise();
  let closing = false;
  connection.on('disconnected', () => {
    if (!closing) logger.warn('database disconnected');
  });
  connection.on('reconnected', () => logger.info('database reconnected'));
  logger.info({ mode, db: connection.name }, 'database connected');

  return {
    connection,
    mode,
    async health() {
      try {
        await connection.db?.admin().ping();
        return { mode, state: 'up' };
      } catch (error) {
        return { mode, state: 'down', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => {
      closing = true;
      return connection.close();
    },
  };
}
