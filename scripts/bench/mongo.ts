// `npm run bench:mongo`: the embedded MongoDB as the app runs it (a child process, durable on disk), driven from
// this process through the official driver and Mongoose, beside an in-process Map + mingo baseline that has no
// protocol, no BSON and no disk. BENCH_SECONDS sets each timed window (default 3). Each rate says how busy this
// process and the server were: on a 2-core machine a figure with the client near 100% of a core is the client's.
// The script runs with --expose-gc: each figure starts after a full collection, so the garbage the bench itself
// leaves (100,000 generated listings, the baseline's maps) is not collected inside the next timed window.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';

import { join } from 'node:path';
import { Query } from 'mingo';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { startCliProcess } from '../../server/src/embedded/mongo/test-support.js';
import { countFilter, listing, listingSchema } from './mongo-fixtures.js';
import { WireClient } from './mongo-wire-client.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 3);
const WARMUP_SECONDS = 1;

function print(label: string, value: number, unit: string, baseline?: number, note = ''): void {
  const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));
  const versus =
    baseline === undefined
      ? ''
      : `   (Map/mingo baseline ${format(baseline)} ${unit}; ratio ${(value / baseline).toFixed(4)})`;
  console.log(`${label.padEnd(62)}${format(value).padStart(9)} ${unit}${versus}${note}`);
}

/** Operations per second, and how busy this (client) process and the server were meanwhile. */
interface Rate {
  perSecond: number;
  /** CPU time used per second of the timed window: 1 is one core kept busy. */
  clientCores: number;
  serverCores: number;
}

function printRate(label: string, rate: Rate, baseline: number): void {
  const percent = (cores: number) => `${Math.round(cores * 100)}%`;
  const cpu = `   [CPU: client ${percent(rate.clientCores)}, server ${percent(rate.serverCores)} of a core]`;
  print(label, rate.perSecond, 'ops/s', baseline, cpu);
}

/** CPU microseconds used so far by this process and by the server (mongod's `serverStatus.extra_info`). */
async function cpuMicros(admin: MongoClient): Promise<{ client: number; server: number }> {
  const { user, system } = process.cpuUsage();
  const status = await admin.db('admin').command({ serverStatus: 1 });
  const info = status['extra_info'] as { user_time_us: number; system_time_us: number };
  return { client: user + system, server: Number(info.user_time_us) + Number(info.system_time_us) };
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `op` from `concurrency` loops: an untimed warm-up, then the timed window. */
async function rate(
  admin: MongoClient,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<Rate> {
  let done = 0;
  const run = async (seconds: number): Promise<number> => {
    const deadline = Date.now() + seconds * 1000;
    const [before, started] = [done, performance.now()];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) await op(done++);
      }),
    );
    return (done - before) / ((performance.now() - started) / 1000);
  };
  collectGarbage();
  await run(WARMUP_SECONDS);
  const [cpuBefore, started] = [await cpuMicros(admin), performance.now()];
  const perSecond = await run(SECONDS);
  const [cpuAfter, micros] = [await cpuMicros(admin), (performance.now() - started) * 1000];
  return {
    perSecond,
    clientCores: (cpuAfter.client - cpuBefore.client) / micros,
    serverCores: (cpuAfter.server - cpuBefore.server) / micros,
  };
}

function baselineRate(op: (i: number) => unknown): number {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  while (performance.now() < deadline) op(done++);
  return done / SECONDS;
}

/** Median of five runs, in milliseconds. */
async function medianMs(op: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await op();
    runs.push(performance.now() - started);
  }
  return runs.sort((a, b) => a - b)[2] ?? 0;
}

/** Documents are made before the timed window, so the figure is the database's, not the generator's. */
function listings(from: number, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => listing(from + i));
}

async function insertFigures(url: string, admin: MongoClient): Promise<void> {
  const map = new Map<string, unknown>();
  const pending = listings(0, 200_000);
  const next = (i: number) => pending[i % pending.length] as Record<string, unknown>;
  const baseline = baselineRate((i) => map.set(`k${i}`, { ...next(i) }));
  const single = await MongoClient.connect(url);
  const one = single.db('bench').collection('inserts');
  printRate(
    'insertOne, 1 client, acknowledged + fsync',
    await rate(admin, 1, (i) => one.insertOne({ ...next(i) })),
    baseline,
  );
  const clients = await Promise.all(Array.from({ length: 16 }, () => MongoClient.connect(url)));
  const collections = clients.map((client) => client.db('bench').collection('inserts'));
  const many = await rate(admin, 16, (i) => (collections[i % 16] ?? one).insertOne({ ...next(i + 100_000) }));
  printRate('insertOne, 16 clients, acknowledged + fsync (group commit)', many, baseline);
  await Promise.all([single, ...clients].map((client) => client.close()));
  const wires = await Promise.all(Array.from({ length: 16 }, () => WireClient.connect(url)));
  const insert = (i: number) => ({ insert: 'inserts', documents: [{ ...next(i + 150_000) }], $db: 'bench' });
  const raw = await rate(admin, 16, (i) => (wires[i % 16] as WireClient).command(insert(i)));
  printRate('  same, 16 bare OP_MSG connections (server capacity)', raw, baseline);
  wires.forEach((wire) => wire.close());
}

/** The in-process baseline for lookups; its map is garbage once measured, so it does not slow the client. */
function lookupBaseline(size: number, code: (i: number) => string): number {
  const byCode = new Map(listings(0, size).map((doc) => [doc['code'], doc]));
  return baselineRate((i) => byCode.get(code(i)));
}

async function lookupFigures(
  url: string,
  admin: MongoClient,
  Listing: mongoose.Model<unknown>,
  size: number,
): Promise<void> {
  const code = (i: number) => `ACH-${String((i * 7919) % size).padStart(7, '0')}`;
  const baseline = lookupBaseline(size, code);
  const label = `Mongoose findOne({code}).lean(), unique index, ${size / 1000}k`;
  const findOne = (i: number) => Listing.findOne({ code: code(i) }).lean();
  printRate(`${label}, 1 conn`, await rate(admin, 1, findOne), baseline);
  printRate(`${label}, 8 conns`, await rate(admin, 8, findOne), baseline);
  const wires = await Promise.all(Array.from({ length: 8 }, () => WireClient.connect(url)));
  const find = (i: number) => ({
    find: 'listings',
    filter: { code: code(i) },
    limit: 1,
    singleBatch: true,
    $db: 'bench',
  });
  const raw = await rate(admin, 8, (i) => (wires[i % 8] as WireClient).command(find(i)));
  printRate('  same find, 8 bare OP_MSG connections (server capacity)', raw, baseline);
  wires.forEach((wire) => wire.close());
}

async function countFigure(Listing: mongoose.Model<unknown>, size: number): Promise<void> {
  const docs = listings(0, size);
  const query = new Query(countFilter);
  const baseline = await medianMs(() => docs.filter((doc) => query.test(doc)).length);
  const elapsed = await medianMs(() => Listing.countDocuments(countFilter));
  print(`Mongoose countDocuments(filter, no index), ${size / 1000}k docs`, elapsed, 'ms', baseline);
}

async function load(client: MongoClient, from: number, to: number): Promise<void> {
  for (let next = from; next < to; next += 1000) {
    await client.db('bench').collection('listings').insertMany(listings(next, 1000));
  }
}

/** Figures depend on what else the machine runs; the load average says how much that was. */
function machineLoad(): string {
  const [one] = loadavg();
  return `load average ${one?.toFixed(2)} on ${availableParallelism()} cores`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-mongo-'));
  const server = await startCliProcess(['--data', dir]);
  console.log(`embedded MongoDB ${server.url}: child process, data in ${dir}`);
  console.log(`${SECONDS}s per figure after a ${WARMUP_SECONDS}s warm-up; ${machineLoad()}\n`);
  const client = await MongoClient.connect(server.url);
  const connection = await mongoose
    .createConnection(server.url, { dbName: 'bench', maxPoolSize: 8 })
    .asPromise();
  try {
    await insertFigures(server.url, client);
    const Listing = connection.model('Listing', listingSchema) as unknown as mongoose.Model<unknown>;
    await Listing.init();
    for (const [from, size] of [
      [0, 10_000],
      [10_000, 100_000],
    ] as const) {
      await load(client, from, size);
      await lookupFigures(server.url, client, Listing, size);
      await countFigure(Listing, size);
    }
    const status = await client.db('admin').command({ serverStatus: 1 });
    const resident = (status['mem'] as { resident: number }).resident;
    print('server resident memory, 100k listings loaded (+ inserts above)', resident, 'MiB');
    console.log(`\nat the end: ${machineLoad()}`);
  } finally {
    await connection.close();
    await client.close();
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
