import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal128, Long, MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from './engine/catalog.js';
import { startMongoServer } from './index.js';
import type { Logger } from './logger.js';
import { DurableStore } from './storage/durable-store.js';
import type { AnyDoc } from './test-support.js';

let dir: string;
let logged: { level: string; msg: string; fields?: Record<string, unknown> }[];
const logger: Logger = (level, msg, fields) => logged.push({ level, msg, ...(fields && { fields }) });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedded-mongo-'));
  logged = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `work` against a server on the data directory, then stops it. */
async function withServer<T>(work: (client: MongoClient) => Promise<T>): Promise<T> {
  const server = await startMongoServer({ dataDir: dir, logger });
  const client = await MongoClient.connect(server.url);
  try {
    return await work(client);
  } finally {
    await client.close();
    await server.close();
  }
}

const journalPath = async (): Promise<string> => {
  const name = (await readdir(dir)).find((file) => file.startsWith('journal-'));
  if (!name) throw new Error('no journal');
  return join(dir, name);
};

describe('durable storage', () => {
  it('keeps documents, types, indexes and deletions across a restart', async () => {
    await withServer(async (client) => {
      const users = client.db('app').collection<AnyDoc>('users');
      await users.createIndex({ email: 1 }, { unique: true });
      await users.insertMany([
        {
          _id: 1,
          email: 'a',
          long: Long.fromString('12345678901234567'),
          price: Decimal128.fromString('9.99'),
        },
        { _id: 2, email: 'b' },
        { _id: 3, email: 'c' },
      ]);
      await users.updateOne({ _id: 2 }, { $set: { name: 'Bee' } });
      await users.deleteOne({ _id: 3 });
      await client.db('app').collection('scratch').insertOne({});
      await client.db('app').collection('scratch').drop();
    });
    await withServer(async (client) => {
      const users = client.db('app').collection<AnyDoc>('users');
      expect(await users.find({}, { promoteValues: false }).toArray()).toEqual([
        {
          _id: expect.anything(),
          email: 'a',
          long: Long.fromString('12345678901234567'),
          price: Decimal128.fromString('9.99'),
        },
        { _id: expect.anything(), email: 'b', name: 'Bee' },
      ]);
      await expect(users.insertOne({ email: 'a' })).rejects.toMatchObject({ code: 11000 });
      expect((await client.db('app').listCollections().toArray()).map((c) => c.name)).toEqual(['users']);
    });
  });

  it('compacts the journal into a snapshot when it restarts', async () => {
    await withServer((client) =>
      client
        .db('app')
        .collection<AnyDoc>('c')
        .insertMany([{ n: 1 }, { n: 2 }]),
    );
    await withServer(async () => undefined);
    const files = (await readdir(dir)).filter((file) => file !== 'LOCK').sort();
    expect(files).toEqual([
      expect.stringMatching(/^journal-0+2\.log$/),
      expect.stringMatching(/^snapshot-0+2\.bin$/),
    ]);
    expect((await stat(join(dir, files[0] ?? ''))).size).toBe(0);
  });

  it('cuts off a torn journal tail with a warning and keeps every whole record', async () => {
    await withServer((client) =>
      client
        .db('app')
        .collection<AnyDoc>('c')
        .insertMany([{ _id: 1 }, { _id: 2 }]),
    );
    const journal = await journalPath();
    const intact = (await stat(journal)).size;
    await appendFile(journal, Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 5]));
    const ids = await withServer(async (client) =>
      (await client.db('app').collection<AnyDoc>('c').find().toArray()).map((d) => d._id),
    );
    expect(ids).toEqual([1, 2]);
    const warning = logged.find((entry) => entry.msg.includes('journal tail is damaged'));
    expect(warning?.fields).toMatchObject({ offset: intact, discardedBytes: 9, reason: 'truncated record' });
  });

  it('drops a record whose checksum does not match, and what follows it', async () => {
    await withServer(async (client) => {
      await client.db('app').collection<AnyDoc>('c').insertOne({ _id: 1, v: 'first' });
      await client.db('app').collection<AnyDoc>('c').insertOne({ _id: 2, v: 'second' });
    });
    const journal = await journalPath();
    const bytes = await readFile(journal);
    const flipped = bytes.lastIndexOf(Buffer.from('second'));
    bytes[flipped] = 'S'.charCodeAt(0);
    await writeFile(journal, bytes);
    const docs = await withServer((client) => client.db('app').collection<AnyDoc>('c').find().toArray());
    expect(docs).toEqual([{ _id: 1, v: 'first' }]);
    expect(logged.some((entry) => entry.fields?.['reason'] === 'checksum mismatch')).toBe(true);
  });

  it('refuses a data directory another live process holds', async () => {
    await writeFile(join(dir, 'LOCK'), `${process.ppid}\n`);
    await expect(startMongoServer({ dataDir: dir })).rejects.toThrow(/in use by process/);
  });

  it('compacts in the background once the journal grows, without losing writes', async () => {
    const catalog = new Catalog();
    const store = await DurableStore.open(dir, catalog, logger, { compactAfterBytes: 8 * 1024 });
    const collection = catalog.collectionForWrite('app', 'c');
    for (let i = 0; i < 300; i++) {
      collection.insert({ view: { _id: i, text: 'x'.repeat(100) }, wire: undefined });
      if (i % 50 === 0) await store.durable();
    }
    await store.durable();
    await store.close();
    expect(logged.some((entry) => entry.msg === 'journal compacted')).toBe(true);
    const reopened = new Catalog();
    const again = await DurableStore.open(dir, reopened, logger);
    expect(reopened.collection('app', 'c')?.size).toBe(300);
    await again.close();
  });
});
