import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestTarget, type TestTarget } from './test-support.js';

let target: TestTarget;
let connection: Connection;

const orgSchema = new Schema({ name: { type: String, required: true, unique: true } });
const userSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, unique: [true, 'email already registered'] },
    name: { type: String, required: true, maxlength: 40 },
    role: { type: String, enum: ['researcher', 'firm', 'staff'], default: 'researcher' },
    org: { type: Schema.Types.ObjectId, ref: 'Org' },
  },
  { timestamps: true },
);
const achievementSchema = new Schema(
  {
    title: { type: String, required: true },
    field: { type: String, required: true },
    county: String,
    priceFen: { type: Number, min: 0 },
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    coauthors: [{ type: Schema.Types.ObjectId, ref: 'User' }],
    status: { type: String, default: 'draft' },
    royalty: Schema.Types.Decimal128,
  },
  { timestamps: true },
);
achievementSchema.index({ status: 1, createdAt: -1 });
const applicationSchema = new Schema({ need: Number, team: String, note: String });
applicationSchema.index({ need: 1, team: 1 }, { unique: true });

const models = () => ({
  Org: connection.model('Org', orgSchema),
  User: connection.model('User', userSchema),
  Achievement: connection.model('Achievement', achievementSchema),
  Application: connection.model('Application', applicationSchema),
});

beforeAll(async () => {
  target = await startTestTarget('mongoose');
  connection = await mongoose.createConnection(target.url, { dbName: target.dbName }).asPromise();
  await Promise.all(Object.values(models()).map((model) => model.init()));
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
  await target.close();
});

beforeEach(async () => {
  const { Org, User, Achievement, Application } = models();
  await Promise.all([
    Org.deleteMany({}),
    User.deleteMany({}),
    Achievement.deleteMany({}),
    Application.deleteMany({}),
  ]);
});

async function seed() {
  const { Org, User, Achievement } = models();
  const org = await Org.create({ name: 'Youjiang University' });
  const alice = await User.create({ email: 'Alice@Example.com', name: 'Alice', org: org._id });
  const bob = await User.create({ email: 'bob@example.com', name: 'Bob', role: 'firm' });
  const achievement = await Achievement.create({
    title: 'Red mud dealkalisation',
    field: 'new-materials',
    priceFen: 1_000_000,
    owner: alice._id,
    coauthors: [bob._id],
  });
  return { org, alice, bob, achievement };
}

describe('models and indexes', () => {
  it('creates the schema indexes and tolerates a second init', async () => {
    const { User, Achievement } = models();
    await User.init();
    const indexes = await Achievement.listIndexes();
    expect(indexes.map((index) => index.name)).toContain('status_1_createdAt_-1');
    expect((await User.listIndexes()).find((index) => index.name === 'email_1')).toMatchObject({
      unique: true,
    });
  });

  it('synchronises indexes, dropping ones the schema no longer declares', async () => {
    const { Achievement } = models();
    await Achievement.collection.createIndex({ title: 1 });
    const dropped = await Achievement.syncIndexes();
    expect(dropped).toEqual(['title_1']);
    expect((await Achievement.listIndexes()).map((index) => index.name)).not.toContain('title_1');
  });

  it('validates documents before they are written', async () => {
    const { User } = models();
    await expect(User.create({ email: 'x@y.z' })).rejects.toThrow(/name: Path `name` is required/);
    await expect(User.create({ email: 'x@y.z', name: 'X', role: 'king' as 'staff' })).rejects.toThrow(
      /is not a valid enum value/,
    );
    expect(await User.countDocuments()).toBe(0);
  });

  it('reports a duplicate unique key, with the schema message where one is declared', async () => {
    const { Org, User, Application } = models();
    await seed();
    await expect(User.create({ email: 'alice@example.com', name: 'Again' })).rejects.toThrow(
      'email already registered',
    );
    await expect(Org.create({ name: 'Youjiang University' })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { name: 1 },
      keyValue: { name: 'Youjiang University' },
    });
    await Application.create({ need: 1, team: 'a' });
    await expect(Application.create({ need: 1, team: 'a' })).rejects.toMatchObject({ code: 11000 });
  });
});

describe('queries', () => {
  it('populates single and array references', async () => {
    const { Achievement } = models();
    await seed();
    const found = await Achievement.findOne({ field: 'new-materials' })
      .populate<{ owner: { name: string } }>('owner')
      .populate<{ coauthors: { name: string }[] }>('coauthors');
    expect(found?.owner.name).toBe('Alice');
    expect(found?.coauthors.map((user) => user.name)).toEqual(['Bob']);
  });

  it('returns plain objects with lean, keeping ObjectIds and dates', async () => {
    const { User } = models();
    const { alice } = await seed();
    const lean = await User.findById(alice._id).lean();
    expect(lean?.email).toBe('alice@example.com');
    expect(lean?._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(lean?.createdAt).toBeInstanceOf(Date);
  });

  it('paginates by creation date with skip, limit and countDocuments', async () => {
    const { Achievement } = models();
    const { alice } = await seed();
    await Achievement.deleteMany({});
    const base = Date.UTC(2024, 0, 1);
    await Achievement.insertMany(
      Array.from({ length: 25 }, (_, i) => ({
        title: `t${i}`,
        field: i % 2 ? 'energy' : 'aluminium',
        owner: alice._id,
        status: 'published',
        createdAt: new Date(base + i * 60_000),
      })),
    );
    const page = await Achievement.find({ status: 'published' })
      .sort({ createdAt: -1 })
      .skip(10)
      .limit(10)
      .lean();
    expect(page.map((doc) => doc.title)).toEqual(Array.from({ length: 10 }, (_, i) => `t${14 - i}`));
    expect(await Achievement.countDocuments({ status: 'published', field: 'energy' })).toBe(12);
    expect(await Achievement.exists({ title: 't3' })).toMatchObject({
      _id: expect.any(mongoose.Types.ObjectId),
    });
  });

  it('streams a cursor across batches', async () => {
    const { Application } = models();
    await Application.insertMany(Array.from({ length: 230 }, (_, i) => ({ need: i, team: 't' })));
    let count = 0;
    for await (const doc of Application.find().sort({ need: 1 }).batchSize(50).cursor()) {
      expect(doc.need).toBe(count);
      count += 1;
    }
    expect(count).toBe(230);
  });

  it('returns distinct values and aggregates statistics', async () => {
    const { Achievement } = models();
    const { alice } = await seed();
    await Achievement.insertMany([
      { title: 'a', field: 'energy', county: 'Tianyang', priceFen: 500, owner: alice._id },
      { title: 'b', field: 'energy', county: 'Tianyang', priceFen: 700, owner: alice._id },
    ]);
    expect((await Achievement.distinct('field')).sort()).toEqual(['energy', 'new-materials']);
    const stats = await Achievement.aggregate<{ _id: string; total: number; n: number }>([
      { $match: { field: 'energy' } },
      { $group: { _id: '$county', total: { $sum: '$priceFen' }, n: { $sum: 1 } } },
    ]);
    expect(stats).toEqual([{ _id: 'Tianyang', total: 1200, n: 2 }]);
  });
});

describe('writes', () => {
  it('updates with findOneAndUpdate (new, upsert, validators) and keeps timestamps current', async () => {
    const { User } = models();
    const { bob } = await seed();
    const before = bob.updatedAt as Date;
    const updated = await User.findOneAndUpdate({ _id: bob._id }, { name: 'Robert' }, { new: true });
    expect(updated?.name).toBe('Robert');
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    const upserted = await User.findOneAndUpdate(
      { email: 'carol@example.com' },
      { name: 'Carol' },
      { new: true, upsert: true, runValidators: true },
    );
    expect(upserted?.email).toBe('carol@example.com');
    await expect(
      User.findOneAndUpdate({ _id: bob._id }, { role: 'king' as 'staff' }, { runValidators: true }),
    ).rejects.toThrow(/is not a valid enum value/);
  });

  it('saves changes made to a loaded document', async () => {
    const { Achievement } = models();
    const { achievement } = await seed();
    const loaded = await Achievement.findById(achievement._id);
    if (!loaded) throw new Error('not found');
    loaded.status = 'published';
    loaded.royalty = mongoose.Types.Decimal128.fromString('0.125');
    await loaded.save();
    const reread = await Achievement.findById(achievement._id).lean();
    expect(reread?.status).toBe('published');
    expect(reread?.royalty?.toString()).toBe('0.125');
  });

  it('inserts many, ordered stopping at a duplicate and unordered going on', async () => {
    const { Application } = models();
    await expect(
      Application.insertMany([
        { need: 1, team: 'a' },
        { need: 1, team: 'a' },
        { need: 2, team: 'a' },
      ]),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await Application.countDocuments()).toBe(1);
    const failure = await Application.insertMany(
      [
        { need: 3, team: 'a' },
        { need: 1, team: 'a' },
        { need: 4, team: 'a' },
      ],
      { ordered: false },
    ).catch((e: unknown) => e);
    const error = failure as { insertedDocs: unknown[]; writeErrors: unknown[] };

    expect(error.insertedDocs).toHaveLength(2);
    expect(error.writeErrors).toHaveLength(1);
    expect(await Application.countDocuments()).toBe(3);
  });

  it('runs a bulkWrite of mixed operations', async () => {
    const { Application } = models();
    await Application.create([
      { need: 1, team: 'a' },
      { need: 2, team: 'a' },
    ]);
    const result = await Application.bulkWrite([
      { insertOne: { document: { need: 3, team: 'a' } } },
      { updateOne: { filter: { need: 1 }, update: { note: 'first' } } },
      { deleteOne: { filter: { need: 2 } } },
      { updateOne: { filter: { need: 9 }, update: { team: 'z' }, upsert: true } },
    ]);
    expect(result).toMatchObject({ insertedCount: 1, modifiedCount: 1, deletedCount: 1, upsertedCount: 1 });
    expect((await Application.find().sort({ need: 1 }).lean()).map((doc) => doc.need)).toEqual([1, 3, 9]);
  });

  it('updates and deletes many', async () => {
    const { User } = models();
    await seed();
    expect(await User.updateMany({}, { role: 'staff' })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await User.deleteMany({ role: 'staff' })).toMatchObject({ deletedCount: 2 });
  });
});
