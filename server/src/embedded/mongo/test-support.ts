import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
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

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  /** Every line written to stdout so far. */
  stdout: string[];
  exited: Promise<number | null>;
}

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI from its TypeScript source, as the app does in tests, and waits for its "ready" line. */
export function startCliProcess(args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'pipe' });
  const stdout: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'ready' && event.url) resolve({ child, url: event.url, stdout, exited });
    });
    void exited.then((code) => reject(new Error(`CLI exited with ${code} before it was ready`)));
  });
}
