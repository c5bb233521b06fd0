import { MongoBulkWriteError, MongoClient, MongoServerError, type Db } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestTarget, type AnyDoc, type TestTarget } from './test-support.js';

let target: TestTarget;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  target = await startTestTarget('driver_admin');
  client = await MongoClient.connect(target.url);
  db = client.db(target.dbName);
});

afterAll(async () => {
  await db.dropDatabase();
  await client.close();
  await target.close();
});

beforeEach(async () => {
  await db.dropDatabase();
});

const coll = (name: string) => db.collection<AnyDoc>(name);

describe('handshake and administration', () => {
  it('answers hello as a writable standalone that supports sessions', async () => {
    const hello = await db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, maxBsonObjectSize: 16 * 1024 * 1024 });
    expect(hello['maxWireVersion']).toBeGreaterThanOrEqual(17);
    expect(hello['logicalSessionTimeoutMinutes']).toEqual(expect.any(Number));
  });

  it('answers ping, buildInfo and serverStatus', async () => {
    expect(await db.admin().ping()).toMatchObject({ ok: 1 });
    const info = await db.admin().buildInfo();
    expect(info['version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(info['versionArray']).toEqual(expect.arrayContaining([expect.any(Number)]));
    const status = await db.admin().serverStatus();
    expect(status).toMatchObject({
      ok: 1,
      version: info['version'],
      connections: { current: expect.any(Number) },
    });
  });

  it('lists databases and collections, and refuses to create an existing collection', async () => {
    await db.createCollection('listed');
    await coll('other').insertOne({ a: 1 });
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    expect(names).toEqual(['listed', 'other']);
    expect((await db.listCollections({ name: 'other' }).toArray())[0]).toMatchObject({ type: 'collection' });
    const databases = await db.admin().listDatabases();
    expect(databases.databases.map((d) => d.name)).toContain(target.dbName);
    await expect(db.createCollection('listed')).rejects.toMatchObject({
      code: 48,
      codeName: 'NamespaceExists',
    });
  });

  it('enforces a collection validator with DocumentValidationFailure', async () => {
    await db.createCollection('checked', { validator: { qty: { $gte: 0 } } });
    await coll('checked').insertOne({ qty: 1 });
    await expect(coll('checked').insertOne({ qty: -1 })).rejects.toMatchObject({ code: 121 });
    await expect(coll('checked').updateOne({ qty: 1 }, { $set: { qty: -5 } })).rejects.toMatchObject({
      code: 121,
    });
    await coll('checked').insertOne({ qty: -2 }, { bypassDocumentValidation: true });
    expect(await coll('checked').countDocuments()).toBe(2);
  });

  it('drops collections and databases', async () => {
    await coll('gone').insertOne({});
    await coll('gone').drop();
    expect(await db.listCollections({ name: 'gone' }).toArray()).toEqual([]);
    await coll('kept').insertOne({});
    await db.dropDatabase();
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it('answers an unknown command with CommandNotFound', async () => {
    await expect(db.command({ frobnicate: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
    });
  });
});

describe('indexes', () => {
  it('creates, lists and drops indexes', async () => {
    const name = await coll('users').createIndex({ email: 1 }, { unique: true });
    expect(name).toBe('email_1');
    await coll('users').createIndex({ org: 1, createdAt: -1 });
    const indexes = await coll('users').listIndexes().toArray();
    expect(indexes.map((index) => index['name'])).toEqual(['_id_', 'email_1', 'org_1_createdAt_-1']);
    expect(indexes[1]).toMatchObject({ key: { email: 1 }, unique: true });
    await coll('users').dropIndex('email_1');
    expect((await coll('users').listIndexes().toArray()).map((index) => index['name'])).toEqual([
      '_id_',
      'org_1_createdAt_-1',
    ]);
  });

  it('reports missing collections and indexes with their codes', async () => {
    await expect(coll('nowhere').listIndexes().toArray()).rejects.toMatchObject({
      code: 26,
      codeName: 'NamespaceNotFound',
    });
    await coll('users').insertOne({});
    await expect(coll('users').dropIndex('nope_1')).rejects.toMatchObject({
      code: 27,
      codeName: 'IndexNotFound',
    });
    await expect(coll('users').dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
  });

  it('refuses conflicting index definitions', async () => {
    await coll('users').createIndex({ email: 1 }, { name: 'by_email' });
    await expect(coll('users').createIndex({ email: 1 }, { name: 'other_name' })).rejects.toMatchObject({
      code: 85,
    });
    await expect(coll('users').createIndex({ phone: 1 }, { name: 'by_email' })).rejects.toMatchObject({
      code: 86,
    });
  });

  it('enforces unique indexes with the duplicate key error shape', async () => {
    await coll('users').createIndex({ email: 1 }, { unique: true });
    await coll('users').insertOne({ email: 'a@b.c' });
    const error = await coll('users')
      .insertOne({ email: 'a@b.c' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@b.c' } });
    expect((error as Error).message).toMatch(
      /^E11000 duplicate key error collection: .*\.users index: email_1 dup key: \{ email: "a@b\.c" \}/,
    );
    await coll('users').insertOne({ email: 'other' });
    await expect(
      coll('users').updateOne({ email: 'other' }, { $set: { email: 'a@b.c' } }),
    ).rejects.toMatchObject({ code: 11000 });
    await expect(
      coll('users').findOneAndUpdate({ email: 'new' }, { $set: { email: 'a@b.c' } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 11000, keyValue: { email: 'a@b.c' } });
  });

  it('enforces compound, sparse and partial unique indexes as MongoDB does', async () => {
    await coll('apps').createIndex({ need: 1, team: 1 }, { unique: true });
    await coll('apps').insertMany([
      { need: 1, team: 'a' },
      { need: 1, team: 'b' },
    ]);
    await expect(coll('apps').insertOne({ need: 1, team: 'a' })).rejects.toMatchObject({
      code: 11000,
      keyValue: { need: 1, team: 'a' },
    });

    await coll('sparse').createIndex({ code: 1 }, { unique: true, sparse: true });
    await coll('sparse').insertMany([{ x: 1 }, { x: 2 }]);
    await coll('plain').createIndex({ code: 1 }, { unique: true });
    await coll('plain').insertOne({ x: 1 });
    await expect(coll('plain').insertOne({ x: 2 })).rejects.toMatchObject({
      code: 11000,
      keyValue: { code: null },
    });

    await coll('partial').createIndex(
      { email: 1 },
      { unique: true, partialFilterExpression: { active: true } },
    );
    await coll('partial').insertMany([
      { email: 'e', active: false },
      { email: 'e', active: true },
    ]);
    await expect(coll('partial').insertOne({ email: 'e', active: true })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('fails to build a unique index over duplicate data', async () => {
    await coll('dups').insertMany([{ k: 1 }, { k: 1 }]);
    await expect(coll('dups').createIndex({ k: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await coll('dups').listIndexes().toArray()).map((index) => index['name'])).toEqual(['_id_']);
  });

  it('treats each array element as a key of a unique index', async () => {
    await coll('tags').createIndex({ tags: 1 }, { unique: true });
    await coll('tags').insertOne({ tags: ['a', 'b', 'a'] });
    await expect(coll('tags').insertOne({ tags: ['c', 'b'] })).rejects.toMatchObject({
      code: 11000,
      keyValue: { tags: 'b' },
    });
  });
});

describe('bulk writes', () => {
  beforeEach(async () => {
    await coll('bulk').createIndex({ k: 1 }, { unique: true });
  });

  it('stops an ordered insertMany at the first duplicate', async () => {
    const error = await coll('bulk')
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoBulkWriteError);
    expect((error as MongoBulkWriteError).insertedCount).toBe(1);
    expect((error as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);
    expect(await coll('bulk').countDocuments()).toBe(1);
  });

  it('continues an unordered insertMany past every duplicate', async () => {
    const error = (await coll('bulk')
      .insertMany([{ k: 1 }, { k: 1 }, { k: 2 }, { k: 2 }, { k: 3 }], { ordered: false })
      .catch((e: unknown) => e)) as MongoBulkWriteError;
    expect(error.insertedCount).toBe(3);
    expect([error.writeErrors].flat().map((e) => e.index)).toEqual([1, 3]);
  });

  it('reports every kind of operation of a mixed bulkWrite', async () => {
    await coll('bulk').insertMany([
      { k: 1, v: 0 },
      { k: 2, v: 0 },
    ]);
    const result = await coll('bulk').bulkWrite([
      { insertOne: { document: { k: 3 } } },
      { updateOne: { filter: { k: 1 }, update: { $set: { v: 1 } } } },
      { updateMany: { filter: { k: { $gte: 2 } }, update: { $inc: { v: 5 } } } },
      { updateOne: { filter: { k: 9 }, update: { $set: { v: 9 } }, upsert: true } },
      { replaceOne: { filter: { k: 2 }, replacement: { k: 2, replaced: true } } },
      { deleteOne: { filter: { k: 3 } } },
    ]);
    expect(result).toMatchObject({
      insertedCount: 1,
      matchedCount: 4,
      modifiedCount: 4,
      upsertedCount: 1,
      deletedCount: 1,
    });
    expect(
      await coll('bulk')
        .find({}, { projection: { _id: 0 } })
        .sort({ k: 1 })
        .toArray(),
    ).toEqual([
      { k: 1, v: 1 },
      { k: 2, replaced: true },
      { k: 9, v: 9 },
    ]);
  });
});

describe('counting, distinct and aggregation', () => {
  beforeEach(async () => {
    await coll('deals').insertMany([
      { _id: 1, field: 'aluminium', county: 'A', amount: 100, tags: ['x', 'y'] },
      { _id: 2, field: 'aluminium', county: 'B', amount: 250, tags: ['y'] },
      { _id: 3, field: 'energy', county: 'A', amount: 50, tags: [] },
      { _id: 4, field: 'energy', county: 'A', amount: 75 },
    ]);
    await coll('counties').insertMany([
      { _id: 'A', name: 'Youjiang' },
      { _id: 'B', name: 'Tianyang' },
    ]);
  });

  it('counts documents and estimates the collection size', async () => {
    expect(await coll('deals').countDocuments({ field: 'energy' })).toBe(2);
    expect(await coll('deals').countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await coll('deals').countDocuments({ amount: { $gt: 1000 } })).toBe(0);
    expect(await coll('deals').estimatedDocumentCount()).toBe(4);
  });

  it('returns distinct values, unwinding arrays', async () => {
    expect((await coll('deals').distinct('field')).sort()).toEqual(['aluminium', 'energy']);
    expect((await coll('deals').distinct('tags', { county: 'A' })).sort()).toEqual(['x', 'y']);
  });

  it('groups, sorts, projects and counts', async () => {
    const totals = await coll('deals')
      .aggregate([
        { $match: { amount: { $gte: 50 } } },
        { $group: { _id: '$field', total: { $sum: '$amount' }, deals: { $sum: 1 } } },
        { $sort: { total: -1 } },
        { $project: { _id: 0, field: '$_id', total: 1, deals: 1 } },
      ])
      .toArray();
    expect(totals).toEqual([
      { total: 350, deals: 2, field: 'aluminium' },
      { total: 125, deals: 2, field: 'energy' },
    ]);
    expect(
      await coll('deals')
        .aggregate([{ $match: { county: 'A' } }, { $count: 'n' }])
        .toArray(),
    ).toEqual([{ n: 3 }]);
  });

  it('joins, unwinds, adds fields, skips, limits and facets', async () => {
    const joined = await coll('deals')
      .aggregate([
        { $lookup: { from: 'counties', localField: 'county', foreignField: '_id', as: 'place' } },
        { $unwind: '$place' },
        { $addFields: { place: '$place.name' } },
        { $sort: { _id: 1 } },
        { $skip: 1 },
        { $limit: 2 },
        { $project: { _id: 1, place: 1 } },
      ])
      .toArray();
    expect(joined).toEqual([
      { _id: 2, place: 'Tianyang' },
      { _id: 3, place: 'Youjiang' },
    ]);
    const [facets] = await coll('deals')
      .aggregate([
        {
          $facet: {
            big: [{ $match: { amount: { $gte: 100 } } }, { $count: 'n' }],
            tags: [{ $unwind: '$tags' }, { $sortByCount: '$tags' }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({
      big: [{ n: 2 }],
      tags: [
        { _id: 'y', count: 2 },
        { _id: 'x', count: 1 },
      ],
    });
    expect((await coll('deals').findOne({ _id: 1 }))?.['place']).toBeUndefined();
  });

  it('joins array fields element by element and sorts in BSON order, as find does', async () => {
    await coll('projects').insertOne({ _id: 'p', counties: ['A', 'Z', 'B'] });
    const [project] = await coll('projects')
      .aggregate([
        { $lookup: { from: 'counties', localField: 'counties', foreignField: '_id', as: 'places' } },
      ])
      .toArray();
    expect((project?.['places'] as { _id: string }[]).map((place) => place._id).sort()).toEqual(['A', 'B']);
    await coll('mixed').insertMany([
      { _id: 1, v: [1, 10] },
      { _id: 2, v: 5 },
      { _id: 3, v: 'text' },
      { _id: 4, v: null },
    ]);
    const descending = await coll('mixed')
      .aggregate([{ $sort: { v: -1 } }])
      .toArray();
    expect(descending.map((doc) => doc._id)).toEqual([3, 1, 2, 4]);
  });

  it('refuses unknown pipeline stages', async () => {
    await expect(
      coll('deals')
        .aggregate([{ $frobnicate: {} }])
        .toArray(),
    ).rejects.toMatchObject({ code: 40324 });
  });
});
