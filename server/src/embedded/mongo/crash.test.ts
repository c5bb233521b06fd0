import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startMongoServer } from './index.js';
import { startCliProcess, type AnyDoc } from './test-support.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedded-mongo-crash-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WRITERS = 16;
const KILL_AFTER_ACKNOWLEDGED = 600;

/** A document that can tell whether it was stored whole: its digest covers its other fields. */
function makeDocument(id: number): AnyDoc {
  const body = `${id}:`.padEnd(800 + (id % 700), String.fromCharCode(97 + (id % 26)));
  return { _id: id, body, tags: [id % 3, id % 5], digest: digestOf(id, body) };
}

const digestOf = (id: number, body: string): string =>
  createHash('sha256').update(`${id}|${body}`).digest('hex');

it('keeps every acknowledged insert, and no partial document, when the server is killed with SIGKILL', async () => {
  const server = await startCliProcess(['--data', dir]);
  const client = new MongoClient(server.url, { maxPoolSize: WRITERS, serverSelectionTimeoutMS: 1000 });
  const items = client.db('crash').collection<AnyDoc>('items');
  const acknowledged = new Set<number>();
  let nextId = 0;
  const writer = async (batched: boolean): Promise<void> => {
    for (;;) {
      const ids = Array.from({ length: batched ? 10 : 1 }, () => nextId++);
      try {
        await items.insertMany(ids.map(makeDocument));
      } catch {
        return;
      }
      ids.forEach((id) => acknowledged.add(id));
      if (acknowledged.size >= KILL_AFTER_ACKNOWLEDGED && !server.child.killed) server.child.kill('SIGKILL');
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i % 4 === 0)));
  expect(await server.exited).toBeNull();
  await client.close(true);

  const restarted = await startMongoServer({ dataDir: dir });
  const reader = await MongoClient.connect(restarted.url);
  const stored = await reader.db('crash').collection<AnyDoc>('items').find().toArray();
  await reader.close();
  await restarted.close();

  const storedIds = new Set(stored.map((doc) => doc._id as number));
  expect([...acknowledged].filter((id) => !storedIds.has(id))).toEqual([]);
  for (const doc of stored) expect(doc).toEqual(makeDocument(doc._id as number));
  expect(nextId).toBeGreaterThan(acknowledged.size);
});
