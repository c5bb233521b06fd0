import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DashboardSnapshot } from '@techmatch/shared';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEmbeddedService } from '../../platform/embedded.js';
import { startAppProcess, type AppProcess } from '../../test/app-process.js';
import { anonymous, signIn, TEST_PASSWORD, type TestClient } from '../../test/clients.js';
import {
  buildContractInput,
  registrationNumber,
  registrationOn,
  THIS_YEAR,
} from '../../test/contract-factories.js';
import { connectSocket, record } from '../../test/realtime.js';
import { silentLogger } from '../../test/stack.js';
import { hashPassword } from '../accounts/password.js';
import { userModel } from '../accounts/user.model.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A free TCP port on localhost. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A real redis-server on its own port, without persistence. */
async function startRedis(): Promise<string> {
  const port = await freePort();
  const redis = spawn('/usr/bin/redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  cleanups.push(async () => redis.kill());
  await new Promise((resolve) => setTimeout(resolve, 300));
  return `redis://127.0.0.1:${port}`;
}

let env: Record<string, string>;

/** One embedded MongoDB and Meilisearch for every app process here, and a staff account in it. */
beforeAll(async () => {
  const masterKey = randomUUID();
  const meili = await launchEmbeddedService(
    'meili',
    ['--data', mkdtempSync(path.join(tmpdir(), 'meili-cluster-')), '--master-key', masterKey],
    silentLogger,
  );
  const mongo = await launchEmbeddedService('mongo', [], silentLogger);
  cleanups.push(
    () => meili.stop(),
    () => mongo.stop(),
  );
  env = { MONGODB_URI: `${mongo.url}/cluster`, MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey };
  const connection = await mongoose.createConnection(env.MONGODB_URI ?? '').asPromise();
  await userModel(connection).create({
    email: 'staff@cluster.cn',
    passwordHash: await hashPassword(TEST_PASSWORD),
    name: '登记员',
    role: 'staff',
  });
  await connection.close();
}, 60_000);

async function app(extra: Record<string, string> = {}): Promise<AppProcess> {
  const started = await startAppProcess({ ...env, ...extra });
  cleanups.push(() => started.kill());
  return started;
}

async function register(staff: TestClient, amountFen: number, number = registrationNumber()) {
  const draft = await staff.post('/api/contracts', buildContractInput({ contractAmountFen: amountFen }));
  return staff.post(`/api/contracts/${draft.body.id}/register`, registrationOn(number));
}

const counter = async (url: string) =>
  ((await anonymous(url).get(`/api/dashboard?year=${THIS_YEAR}`)).body as DashboardSnapshot).statistics;

describe('several app nodes with Redis', () => {
  it('moves the counter on a dashboard connected to node B when node A registers a contract', async () => {
    const redisUrl = await startRedis();
    const [a, b] = await Promise.all([app({ REDIS_URL: redisUrl }), app({ REDIS_URL: redisUrl })]);
    const watcher = await connectSocket(b.url, null);
    cleanups.push(async () => watcher.disconnect());
    const joined = await watcher.emitWithAck('dashboard:join', {});
    const before = joined.ok ? joined.snapshot.statistics.amountFen : NaN;
    const snapshots = record(watcher, 'dashboard:snapshot');
    const feed = record(watcher, 'dashboard:feed');

    const res = await register(await signIn(a.url, 'staff@cluster.cn'), 1_234_567_89);
    expect(res.status).toBe(200);
    await expect
      .poll(() => snapshots.at(-1)?.statistics.amountFen, { timeout: 5000 })
      .toBe(before + 1_234_567_89);
    expect(feed.map((entry) => entry.id)).toContain(res.body.id);
    expect((await counter(b.url)).amountFen).toBe(before + 1_234_567_89);
  }, 90_000);
});

describe('kill -9 during a burst of registrations', () => {
  it('counts, after the restart, exactly what the database holds as registered', async () => {
    let node = await app();
    const staff = await signIn(node.url, 'staff@cluster.cn');
    const drafts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        staff.post(
          '/api/contracts',
          buildContractInput({ contractAmountFen: 5_000_00 + i, techTransactionAmountFen: 5_000_00 }),
        ),
      ),
    );
    let answered = 0;
    const burst = drafts.map((draft) =>
      staff
        .post(`/api/contracts/${draft.body.id}/register`, registrationOn())
        .then((res) => (answered += res.status === 200 ? 1 : 0))
        .catch(() => undefined),
    );
    await expect.poll(() => answered, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(10);
    await node.kill('SIGKILL');
    await Promise.all(burst);

    node = await app();
    const restarted = await signIn(node.url, 'staff@cluster.cn');
    const held = await restarted.get(`/api/contracts?status=registered&year=${THIS_YEAR}&pageSize=1`);
    expect(held.body.totals.count).toBeGreaterThanOrEqual(answered);
    const counted = await counter(node.url);
    expect(counted).toMatchObject({
      amountFen: held.body.totals.contractAmountFen,
      contractCount: held.body.totals.count,
    });
  }, 120_000);
});
