import { MongoBulkWriteError } from 'mongodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDriverFixture } from './driver-fixture.js';

const fixture = useDriverFixture('driver_bulk');
const coll = (name: string) => fixture.coll(name);

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
