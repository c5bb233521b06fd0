import type { Document, ObjectId } from 'mongodb';
import { startMongoServer, type MongoServerOptions } from './index.js';

/** Documents of any shape with `_id`s of any common type (the driver's default types assume ObjectId). */
export type AnyDoc = Document & { _id?: number | string | ObjectId };

/**
 * Where a conformance test file runs: the real MongoDB named by MONGODB_URI when it is set, otherwise a fresh
 * in-memory embedded server. Each file gets a database of its own, dropped by the test file when it is done.
 */
export interface TestTarget {
  url: string;
  dbName: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function startTestTarget(label: string, options: MongoServerOptions = {}): Promise<TestTarget> {
  const dbName = `conformance_${label}_${process.pid}_${Date.now().toString(36)}`;
  const external = process.env['MONGODB_URI'];
  if (external) return { url: external, dbName, embedded: false, close: () => Promise.resolve() };
  const server = await startMongoServer(options);
  return { url: server.url, dbName, embedded: true, close: () => server.close() };
}
