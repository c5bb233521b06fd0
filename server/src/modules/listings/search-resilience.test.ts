import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { launchEmbeddedService, type EmbeddedService } from '../../platform/embedded.js';
import { startAppProcess, type AppProcess } from '../../test/app-process.js';
import { anonymous, createAccount, signIn, TEST_PASSWORD, type TestClient } from '../../test/clients.js';
import { buildAchievementInput } from '../../test/factories.js';
import { silentLogger, startTestStack, type TestStack } from '../../test/stack.js';
import { hashPassword } from '../accounts/password.js';
import { userModel } from '../accounts/user.model.js';
import { organisationModel } from '../organisations/organisation.model.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function meiliOn(dataDir: string, masterKey: string, port?: string): Promise<EmbeddedService> {
  const args = ['--data', dataDir, '--master-key', masterKey, ...(port ? ['--port', port] : [])];
  const meili = await launchEmbeddedService('meili', args, silentLogger);
  cleanups.push(() => meili.stop());
  return meili;
}

async function postAndSubmit(owner: TestClient, title: string): Promise<string> {
  const created = await owner.post('/api/achievements', buildAchievementInput({ title }));
  expect(created.status).toBe(201);
  expect((await owner.post(`/api/achievements/${created.body.id}/submit`)).status).toBe(200);
  return created.body.id as string;
}

const searchIds = async (target: Parameters<typeof anonymous>[0], q: string) =>
  ((await anonymous(target).get(`/api/achievements/search?q=${encodeURIComponent(q)}`)).body.hits ?? []).map(
    (h: { id: string }) => h.id,
  );

describe('search outage', () => {
  it('keeps posting and reviewing working while search is down, answers 503, and converges after it returns', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'meili-outage-'));
    const masterKey = randomUUID();
    const meili = await meiliOn(dataDir, masterKey);
    const port = new URL(meili.url).port;
    const stack: TestStack = await startTestStack({ search: { url: meili.url, apiKey: masterKey } });
    cleanups.push(() => stack.close());
    stack.services.startBackgroundWork();
    const researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
    const staff = await createAccount(stack.app, stack.services, { role: 'staff' });

    const before = await postAndSubmit(researcher.client, '赤泥铁回收磁选技术');
    await staff.client.post(`/api/achievements/${before}/review`, { decision: 'published' });
    await stack.synced();
    expect(await searchIds(stack.app, '磁选')).toEqual([before]);

    await meili.stop();
    const during = await postAndSubmit(researcher.client, '赤泥磁选铁精矿提质工艺');
    expect(
      (await staff.client.post(`/api/achievements/${during}/review`, { decision: 'published' })).status,
    ).toBe(200);
    expect((await researcher.client.post(`/api/achievements/${before}/close`)).status).toBe(200);
    const search = await anonymous(stack.app).get('/api/achievements/search?q=磁选');
    expect(search.status).toBe(503);
    expect(search.body.error.code).toBe('SEARCH_UNAVAILABLE');
    const health = await anonymous(stack.app).get('/api/health');
    expect(health.body.services.search.state).toBe('down');

    await meiliOn(dataDir, masterKey, port);
    await expect
      .poll(() => searchIds(stack.app, '磁选'), { timeout: 15_000, interval: 500 })
      .toEqual([during]);
    expect((await anonymous(stack.app).get('/api/health')).body.services.search.state).toBe('up');
  }, 60_000);
});

describe('crash between the database write and the index update', () => {
  it('indexes the listing after the app restarts', async () => {
    const masterKey = randomUUID();
    const meili = await meiliOn(mkdtempSync(path.join(tmpdir(), 'meili-crash-')), masterKey);
    const mongo = await launchEmbeddedService('mongo', [], silentLogger);
    cleanups.push(() => mongo.stop());
    const mongoUri = `${mongo.url}/crashtest`;
    const env = { MONGODB_URI: mongoUri, MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey };

    const connection = await mongoose.createConnection(mongoUri).asPromise();
    cleanups.push(() => connection.close());
    const org = await organisationModel(connection).create({
      name: '崩溃测试大学',
      kind: 'university',
      creditCode: '91451000MA5NAT1E57',
      contactName: '张三',
      contactPhone: '13800000000',
      contactEmail: 'crash@example.cn',
      verification: { status: 'verified' },
    });
    const passwordHash = await hashPassword(TEST_PASSWORD);
    await userModel(connection).create([
      { email: 'r@crash.cn', passwordHash, name: '研究员', role: 'researcher', organisationId: org._id },
      { email: 's@crash.cn', passwordHash, name: '审核员', role: 'staff' },
    ]);

    let app: AppProcess = await startAppProcess(env);
    cleanups.push(() => app.kill());
    const id = await postAndSubmit(await signIn(app.url, 'r@crash.cn'), '赤泥选铁尾矿制备陶粒技术');

    // Freeze the search service so the app's index update hangs after the database write, then kill the app.
    process.kill(meili.pid ?? 0, 'SIGSTOP');
    const approved = await (
      await signIn(app.url, 's@crash.cn')
    ).post(`/api/achievements/${id}/review`, {
      decision: 'published',
    });
    expect(approved.status).toBe(200);
    await app.kill('SIGKILL');
    process.kill(meili.pid ?? 0, 'SIGCONT');

    const index = new Meilisearch({ host: meili.url, apiKey: masterKey }).index('achievements');
    expect((await index.search('陶粒')).hits).toEqual([]);

    app = await startAppProcess(env);
    await expect.poll(() => searchIds(app.url, '陶粒'), { timeout: 15_000, interval: 500 }).toEqual([id]);
  }, 60_000);
});
