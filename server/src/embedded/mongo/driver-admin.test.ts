import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useDriverFixture } from './driver-fixture.js';

const fixture = useDriverFixture('driver_admin');
const coll = (name: string) => fixture.coll(name);

describe('handshake and administration', () => {
  it('answers hello as a writable standalone that supports sessions', async () => {
    const hello = await fixture.db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true, maxBsonObjectSize: 16 * 1024 * 1024 });
    expect(hello['maxWireVersion']).toBeGreaterThanOrEqual(17);
    expect(hello['logicalSessionTimeoutMinutes']).toEqual(expect.any(Number));
  });

  it('answers ping, buildInfo and serverStatus', async () => {
    expect(await fixture.db.admin().ping()).toMatchObject({ ok: 1 });
    const info = await fixture.db.admin().buildInfo();
    expect(info['version']).toMatch(/^\d+\.\d+\.\d+/);
    expect(info['versionArray']).toEqual(expect.arrayContaining([expect.any(Number)]));
    const status = await fixture.db.admin().serverStatus();
    expect(status).toMatchObject({
      ok: 1,
      version: info['version'],
      connections: { current: expect.any(Number) },
    });
  });

  it("reports the server process's CPU time under serverStatus.extra_info, as mongod does on Linux", async () => {
    const cpuMicros = async () => {
      const { extra_info: info } = await fixture.db.admin().serverStatus();
      return Number(info['user_time_us']) + Number(info['system_time_us']);
    };
    const before = await cpuMicros();
    await coll('busy').insertMany(Array.from({ length: 2_000 }, (_, i) => ({ i, text: 'x'.repeat(200) })));
    await coll('busy').find({ text: /y/ }).toArray();
    expect(before).toBeGreaterThan(0);
    expect(await cpuMicros()).toBeGreaterThan(before);
  });

  it('lists databases and collections, and refuses to create an existing collection', async () => {
    await fixture.db.createCollection('listed');
    await coll('other').insertOne({ a: 1 });
    const names = (await fixture.db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['listed', 'other']);
    expect((await fixture.db.listCollections({ name: 'other' }).toArray())[0]).toMatchObject({
      type: 'collection',
    });
    const databases = await fixture.db.admin().listDatabases();
    expect(databases.databases.map((d) => d.name)).toContain(fixture.target.dbName);
    await expect(fixture.db.createCollection('listed')).rejects.toMatchObject({
      code: 48,
      codeName: 'NamespaceExists',
    });
  });

  it('enforces a collection validator with DocumentValidationFailure', async () => {
    await fixture.db.createCollection('checked', { validator: { qty: { $gte: 0 } } });
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
    expect(await fixture.db.listCollections({ name: 'gone' }).toArray()).toEqual([]);
    await coll('kept').insertOne({});
    await fixture.db.dropDatabase();
    expect(await fixture.db.listCollections().toArray()).toEqual([]);
  });

  it('answers an unknown command with CommandNotFound', async () => {
    await expect(fixture.db.command({ frobnicate: 1 })).rejects.toMatchObject({
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
