import { Binary, Decimal128, Double, Int32, Long, MongoClient, ObjectId, UUID } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDriverFixture } from './driver-fixture.js';
import type { AnyDoc } from './test-support.js';

const fixture = useDriverFixture('driver_crud');
const items = () => fixture.coll('items');

describe('insert and find', () => {
  it('finds with filter, projection, sort, skip and limit', async () => {
    await items().insertMany([1, 2, 3, 4, 5].map((n) => ({ _id: n, n, even: n % 2 === 0, tag: `t${n}` })));
    const found = await items()
      .find({ n: { $gte: 2 } }, { projection: { tag: 1 } })
      .sort({ n: -1 })
      .skip(1)
      .limit(2)
      .toArray();
    expect(found).toEqual([
      { _id: 4, tag: 't4' },
      { _id: 3, tag: 't3' },
    ]);
  });

  it('places a generated _id first and keeps the field order of the document', async () => {
    await items().insertOne({ b: 1, a: 2, _id: 'x' });
    const [doc] = await items().find({ _id: 'x' }).toArray();
    expect(Object.keys(doc ?? {})).toEqual(['_id', 'b', 'a']);
  });

  it('round-trips every BSON type it is given, exactly', async () => {
    const original = {
      _id: new ObjectId(),
      int: new Int32(7),
      long: Long.fromString('9007199254740993'),
      double: new Double(5),
      decimal: Decimal128.fromString('12345.678900'),
      date: new Date('2024-05-06T07:08:09.010Z'),
      binary: new Binary(Buffer.from([1, 2, 3]), 0),
      uuid: new UUID('0e7f4a2c-9b1d-4c53-8f5e-2d6a1b9c3e47'),
      nested: { list: [1, [2, { deep: new Double(1.5) }]], empty: {} },
    };
    await items().insertOne(original);
    const read = await items().findOne(
      { _id: original._id },
      { promoteValues: false, promoteBuffers: false },
    );
    expect(read).toEqual({
      ...original,
      int: new Int32(7),
      nested: { list: [new Int32(1), [new Int32(2), { deep: new Double(1.5) }]], empty: {} },
    });
    expect(read?.['long']).toBeInstanceOf(Long);
    expect(read?.['double']).toBeInstanceOf(Double);
  });

  it('keeps the BSON types of untouched fields through an update', async () => {
    await items().insertOne({
      _id: 1,
      long: Long.fromNumber(3),
      decimal: Decimal128.fromString('1.10'),
      n: 1,
    });
    await items().updateOne({ _id: 1 }, { $inc: { n: 1 }, $set: { placed: Long.fromNumber(8) } });
    const read = await items().findOne({ _id: 1 }, { promoteValues: false });
    expect(read?.['long']).toEqual(Long.fromNumber(3));
    expect(read?.['decimal']).toEqual(Decimal128.fromString('1.10'));
    expect(read?.['placed']).toEqual(Long.fromNumber(8));
    expect(read?.['n']).toEqual(new Int32(2));
  });

  it('matches numbers of every BSON type by value', async () => {
    await items().insertMany([
      { _id: 1, v: new Int32(5) },
      { _id: 2, v: Long.fromNumber(5) },
      { _id: 3, v: new Double(5) },
      { _id: 4, v: Decimal128.fromString('5') },
      { _id: 5, v: 6 },
    ]);
    const ids = (await items().find({ v: 5 }).toArray()).map((doc) => doc._id);
    expect(ids.sort()).toEqual([1, 2, 3, 4]);
    expect(await items().countDocuments({ v: { $gt: Decimal128.fromString('5.5') } })).toBe(1);
  });

  it('refuses an array _id', async () => {
    await expect(items().insertOne({ _id: [1, 2] as unknown as number })).rejects.toMatchObject({ code: 53 });
  });

  it('orders mixed types the way MongoDB compares BSON types', async () => {
    const oid = new ObjectId('650000000000000000000000');
    const values = [true, 'b', 2, null, { a: 1 }, new Date(0), oid, 1.5, [0, 9]];
    await items().insertMany(values.map((v, i) => ({ _id: i, v })));
    const ascending = (await items().find({}).sort({ v: 1, _id: 1 }).toArray()).map((doc) => doc['v']);
    expect(ascending).toEqual([null, [0, 9], 1.5, 2, 'b', { a: 1 }, oid, true, new Date(0)]);
    const descending = (await items().find({}).sort({ v: -1, _id: 1 }).toArray()).map((doc) => doc['v']);
    expect(descending.slice(-4)).toEqual([[0, 9], 2, 1.5, null]);
  });

  it('serves large results through getMore batches', async () => {
    await items().insertMany(Array.from({ length: 250 }, (_, i) => ({ _id: i })));
    const commands: string[] = [];
    const monitored = new MongoClient(fixture.target.url, { monitorCommands: true });
    monitored.on('commandStarted', (event) => commands.push(event.commandName));
    const all = await monitored
      .db(fixture.target.dbName)
      .collection<AnyDoc>('items')
      .find({})
      .batchSize(100)
      .toArray();
    await monitored.close();
    expect(all.map((doc) => doc._id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(commands.filter((name) => name === 'getMore')).toHaveLength(2);
  });

  it('reports an unknown or killed cursor as CursorNotFound', async () => {
    await items().insertMany([{ _id: 1 }, { _id: 2 }, { _id: 3 }]);
    const reply = await fixture.db.command({ find: 'items', batchSize: 1 }, { promoteLongs: false });
    const id = (reply['cursor'] as { id: Long }).id;
    expect(id).toBeInstanceOf(Long);
    const killed = await fixture.db.command({ killCursors: 'items', cursors: [id] }, { promoteLongs: false });
    expect(killed['cursorsKilled']).toEqual([id]);
    await expect(fixture.db.command({ getMore: id, collection: 'items' })).rejects.toMatchObject({
      code: 43,
    });
  });

  it('matches case-insensitively with a collation of strength 2', async () => {
    await items().insertMany([{ name: 'Alpha' }, { name: 'alpha' }, { name: 'beta' }]);
    const collation = { locale: 'en', strength: 2 as const };
    expect(await items().countDocuments({ name: 'ALPHA' }, { collation })).toBe(2);
  });
});

describe('update and delete', () => {
  beforeEach(async () => {
    await items().insertMany([
      {
        _id: 1,
        n: 1,
        grades: [80, 90, 95],
        items: [
          { k: 'a', q: 1 },
          { k: 'b', q: 2 },
        ],
      },
      { _id: 2, n: 2, grades: [70, 88] },
      { _id: 3, n: 3 },
    ]);
  });

  it('counts matched and modified documents, a same-value $set modifying nothing', async () => {
    const many = await items().updateMany({ n: { $gte: 2 } }, { $set: { flag: true } });
    expect(many).toMatchObject({ matchedCount: 2, modifiedCount: 2, upsertedCount: 0 });
    const same = await items().updateOne({ _id: 1 }, { $set: { n: 1 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('upserts from the filter equalities, $set and $setOnInsert', async () => {
    const result = await items().updateOne(
      { code: 'X', n: { $gt: 5 } },
      { $set: { name: 'new' }, $setOnInsert: { created: true } },
      { upsert: true },
    );
    expect(result.upsertedCount).toBe(1);
    const doc = await items().findOne({ _id: result.upsertedId ?? undefined });
    expect(doc).toEqual({ _id: result.upsertedId, code: 'X', name: 'new', created: true });
    await items().updateOne(
      { code: 'X' },
      { $set: { name: 'again' }, $setOnInsert: { created: false } },
      { upsert: true },
    );
    expect(await items().findOne({ code: 'X' })).toMatchObject({ name: 'again', created: true });
  });

  it('applies arrayFilters, the positional operator and pipeline updates', async () => {
    await items().updateOne(
      { _id: 1 },
      { $set: { 'grades.$[g]': 100 } },
      { arrayFilters: [{ g: { $gte: 90 } }] },
    );
    await items().updateOne({ _id: 1, 'items.k': 'b' }, { $inc: { 'items.$.q': 10 } });
    await items().updateOne({ _id: 2 }, [{ $set: { total: { $sum: '$grades' } } }]);
    expect(await items().findOne({ _id: 1 })).toMatchObject({
      grades: [80, 100, 100],
      items: [
        { k: 'a', q: 1 },
        { k: 'b', q: 12 },
      ],
    });
    expect(await items().findOne({ _id: 2 })).toMatchObject({ total: 158 });
  });

  it('replaces a document but never its _id', async () => {
    await items().replaceOne({ _id: 3 }, { replaced: true });
    expect(await items().findOne({ _id: 3 })).toEqual({ _id: 3, replaced: true });
    await expect(items().replaceOne({ _id: 3 }, { _id: 4, replaced: true })).rejects.toMatchObject({
      code: 66,
    });
  });

  it('refuses invalid updates with MongoDB error codes', async () => {
    await expect(items().updateOne({ _id: 1 }, { $set: { _id: 5 } })).rejects.toMatchObject({ code: 66 });
    await expect(items().updateOne({ _id: 1 }, { $set: { n: 1 }, $inc: { n: 1 } })).rejects.toMatchObject({
      code: 40,
    });
    await expect(items().updateOne({ _id: 1 }, { $foo: { n: 1 } } as never)).rejects.toMatchObject({
      code: 9,
    });
    await expect(items().updateOne({ _id: 3 }, { $inc: { missing: 'x' } } as never)).rejects.toMatchObject({
      code: 14,
    });
  });

  it('deletes one or many', async () => {
    expect((await items().deleteOne({ n: { $gte: 1 } })).deletedCount).toBe(1);
    expect((await items().deleteMany({ n: { $gte: 1 } })).deletedCount).toBe(2);
    expect(await items().countDocuments()).toBe(0);
  });

  it('finds and modifies one document: before/after, sort, projection, upsert, delete', async () => {
    const before = await items().findOneAndUpdate(
      {},
      { $inc: { n: 10 } },
      { sort: { n: -1 }, returnDocument: 'before' },
    );
    expect(before).toMatchObject({ _id: 3, n: 3 });
    const after = await items().findOneAndUpdate(
      { _id: 3 },
      { $inc: { n: 1 } },
      { returnDocument: 'after', projection: { n: 1, _id: 0 } },
    );
    expect(after).toEqual({ n: 14 });
    const upserted = await items().findOneAndUpdate(
      { _id: 9 },
      { $set: { made: true } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(upserted.value).toEqual({ _id: 9, made: true });
    expect(upserted.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: 9 });
    expect(await items().findOneAndDelete({ _id: 9 })).toEqual({ _id: 9, made: true });
    expect(await items().findOneAndReplace({ _id: 2 }, { r: 1 }, { returnDocument: 'after' })).toEqual({
      _id: 2,
      r: 1,
    });
    expect(await items().findOneAndUpdate({ _id: 42 }, { $set: { x: 1 } })).toBeNull();
  });

  it('delivers w:0 writes without a reply', async () => {
    const single = new MongoClient(fixture.target.url, { maxPoolSize: 1 });
    const coll = single.db(fixture.target.dbName).collection<AnyDoc>('items');
    await coll.insertOne({ _id: 77 }, { writeConcern: { w: 0 } });
    expect(await coll.findOne({ _id: 77 })).toEqual({ _id: 77 });
    await single.close();
  });
});
