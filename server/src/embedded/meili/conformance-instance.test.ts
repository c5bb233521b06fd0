import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { apiError, startHarness, succeeded } from './test-harness.js';

let meili: MeiliHarness;
beforeAll(async () => {
  meili = await startHarness();
});
afterAll(() => meili.close());

describe('instance routes', () => {
  it('reports the Meilisearch version docker-compose pins and is healthy without a key', async () => {
    expect((await meili.client.getVersion()).pkgVersion).toBe('1.50.0');
    expect(await new Meilisearch({ host: meili.url }).health()).toEqual({ status: 'available' });
  });

  it('lists index stats in /stats', async () => {
    const uid = meili.uid('stats');
    await succeeded(
      meili.client.index(uid).addDocuments([
        { id: 1, title: 'a' },
        { id: 2, title: 'b', extra: true },
      ]),
    );
    const stats = await meili.client.getStats();
    expect(stats.indexes[uid]).toMatchObject({
      numberOfDocuments: 2,
      isIndexing: false,
      fieldDistribution: { id: 2, title: 2, extra: 1 },
    });
  });
});

describe('API keys', () => {
  it('derives the default search and admin keys from the master key', async () => {
    const { results } = await meili.client.getKeys();
    const search = results.find((key) => key.name === 'Default Search API Key');
    const admin = results.find((key) => key.name === 'Default Admin API Key');
    expect(search).toMatchObject({ actions: ['search'], indexes: ['*'], expiresAt: null });
    expect(admin).toMatchObject({ actions: ['*'], indexes: ['*'] });
    expect(search!.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a missing header with 401 and a wrong key with 403', async () => {
    const anonymous = await apiError(new Meilisearch({ host: meili.url }).getIndexes());
    expect(anonymous).toMatchObject({ code: 'missing_authorization_header', type: 'auth', status: 401 });
    const wrong = await apiError(new Meilisearch({ host: meili.url, apiKey: 'nope' }).getIndexes());
    expect(wrong).toMatchObject({ code: 'invalid_api_key', type: 'auth', status: 403 });
    expect(wrong.link).toBe('https://docs.meilisearch.com/errors#invalid_api_key');
  });

  it('lets the search key search but not write', async () => {
    const uid = meili.uid('keys');
    await succeeded(meili.client.index(uid).addDocuments([{ id: 1, title: 'hello world' }]));
    const { results } = await meili.client.getKeys();
    const searchKey = results.find((key) => key.name === 'Default Search API Key')!.key;
    const searcher = new Meilisearch({ host: meili.url, apiKey: searchKey });
    expect((await searcher.index(uid).search('hello')).hits).toHaveLength(1);
    expect(await apiError(searcher.index(uid).addDocuments([{ id: 2 }]))).toMatchObject({
      code: 'invalid_api_key',
      status: 403,
    });
  });

  it('creates, scopes, updates and deletes keys', async () => {
    const allowed = meili.uid('scoped');
    const other = meili.uid('other');
    await succeeded(meili.client.index(allowed).addDocuments([{ id: 1, t: 'x' }]));
    await succeeded(meili.client.index(other).addDocuments([{ id: 1, t: 'x' }]));
    const key = await meili.client.createKey({
      name: 'scoped',
      description: 'test',
      actions: ['search', 'documents.get'],
      indexes: [allowed],
      expiresAt: null,
    });
    expect(key).toMatchObject({ name: 'scoped', actions: ['search', 'documents.get'], indexes: [allowed] });
    const scoped = new Meilisearch({ host: meili.url, apiKey: key.key });
    expect((await scoped.index(allowed).getDocument(1)).t).toBe('x');
    expect(await apiError(scoped.index(other).search('x'))).toMatchObject({ code: 'invalid_api_key' });
    expect((await meili.client.updateKey(key.uid, { name: 'renamed' })).name).toBe('renamed');
    expect((await meili.client.getKey(key.key)).uid).toBe(key.uid);
    await meili.client.deleteKey(key.uid);
    expect(await apiError(meili.client.getKey(key.uid))).toMatchObject({
      code: 'api_key_not_found',
      status: 404,
    });
    expect(await apiError(scoped.index(allowed).search('x'))).toMatchObject({ code: 'invalid_api_key' });
  });
});

describe('indexes', () => {
  it('creates, gets, lists, updates the primary key and deletes an index', async () => {
    const uid = meili.uid('crud');
    const task = await succeeded(meili.client.createIndex(uid, { primaryKey: 'sku' }));
    expect(task).toMatchObject({ type: 'indexCreation', indexUid: uid, details: { primaryKey: 'sku' } });
    expect(await meili.client.index(uid).getRawInfo()).toMatchObject({ uid, primaryKey: 'sku' });
    expect((await meili.client.getIndexes({ limit: 1000 })).results.map((i) => i.uid)).toContain(uid);
    await succeeded(meili.client.updateIndex(uid, { primaryKey: 'code' }));
    expect(await meili.client.index(uid).fetchPrimaryKey()).toBe('code');
    const duplicate = await meili.client.createIndex(uid).waitTask({ interval: 10 });
    expect(duplicate.status).toBe('failed');
    expect(duplicate.error).toMatchObject({ code: 'index_already_exists', type: 'invalid_request' });
    await succeeded(meili.client.deleteIndex(uid));
    expect(await apiError(meili.client.index(uid).getRawInfo())).toMatchObject({
      code: 'index_not_found',
      status: 404,
      message: `Index \`${uid}\` not found.`,
    });
  });

  it('rejects an invalid index uid', async () => {
    expect(await apiError(meili.client.createIndex('bad uid!'))).toMatchObject({
      code: 'invalid_index_uid',
      status: 400,
    });
  });

  it('swaps two indexes', async () => {
    const a = meili.uid('swap_a');
    const b = meili.uid('swap_b');
    await succeeded(meili.client.index(a).addDocuments([{ id: 1, name: 'in a' }]));
    await succeeded(meili.client.index(b).addDocuments([{ id: 1, name: 'in b' }]));
    await succeeded(meili.client.swapIndexes([{ indexes: [a, b], rename: false }]));
    expect((await meili.client.index(a).getDocument(1)).name).toBe('in b');
    expect(
      await apiError(
        meili.client.swapIndexes([
          { indexes: [a, b], rename: false },
          { indexes: [a, meili.uid('c')], rename: false },
        ]),
      ),
    ).toMatchObject({
      code: 'invalid_swap_duplicate_index_found',
    });
  });
});

describe('tasks', () => {
  it('answers writes with a five-key enqueued summary and processes them in order', async () => {
    const uid = meili.uid('tasks');
    const first = await meili.client.index(uid).addDocuments([{ id: 1 }]);
    const second = await meili.client.index(uid).updateSettings({ filterableAttributes: ['id'] });
    expect(Object.keys(first).sort()).toEqual(['enqueuedAt', 'indexUid', 'status', 'taskUid', 'type']);
    expect(first).toMatchObject({ status: 'enqueued', type: 'documentAdditionOrUpdate', indexUid: uid });
    const done = await meili.client.tasks.waitForTask(second.taskUid, { interval: 10 });
    const earlier = await meili.client.tasks.getTask(first.taskUid);
    expect(done.status).toBe('succeeded');
    expect(Date.parse(earlier.finishedAt!)).toBeLessThanOrEqual(Date.parse(done.startedAt!));
    expect(done.duration).toMatch(/^PT\d+(\.\d+)?S$/);
  });

  it('returns a failed task with the real error object', async () => {
    const task = await meili.client
      .index(meili.uid('nopk'))
      .addDocuments([{ name: 'no id here' }])
      .waitTask({ interval: 10 });
    expect(task.status).toBe('failed');
    expect(task.error).toMatchObject({
      code: 'index_primary_key_no_candidate_found',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#index_primary_key_no_candidate_found',
    });
  });

  it('filters and pages /tasks, newest first', async () => {
    const uid = meili.uid('tasklist');
    for (let i = 0; i < 3; i++) await succeeded(meili.client.index(uid).addDocuments([{ id: i }]));
    const page = await meili.client.tasks.getTasks({ indexUids: [uid], limit: 2 });
    expect(page.results).toHaveLength(2);
    expect(page.total).toBe(3);
    expect(page.results[0]!.uid).toBeGreaterThan(page.results[1]!.uid);
    expect(page.next).toBeLessThan(page.results[1]!.uid);
    const byStatus = await meili.client.tasks.getTasks({ indexUids: [uid], statuses: ['failed'] });
    expect(byStatus.results).toEqual([]);
    expect(await apiError(meili.client.tasks.getTasks({ statuses: ['nope' as never] }))).toMatchObject({
      code: 'invalid_task_statuses',
    });
    expect(await apiError(meili.client.tasks.getTask(987654321))).toMatchObject({
      code: 'task_not_found',
      status: 404,
    });
  });

  it('needs a filter to cancel or delete tasks, and deletes finished ones', async () => {
    expect(await apiError(meili.client.tasks.deleteTasks({}))).toMatchObject({
      code: 'missing_task_filters',
    });
    const uid = meili.uid('deltasks');
    const added = await succeeded(meili.client.index(uid).addDocuments([{ id: 1 }]));
    const deletion = await meili.client.tasks.deleteTasks({ uids: [added.uid] }).waitTask({ interval: 10 });
    expect(deletion).toMatchObject({
      type: 'taskDeletion',
      status: 'succeeded',
      details: { deletedTasks: 1 },
    });
    expect(await apiError(meili.client.tasks.getTask(added.uid))).toMatchObject({ code: 'task_not_found' });
    const cancel = await meili.client.tasks.cancelTasks({ uids: [added.uid] }).waitTask({ interval: 10 });
    expect(cancel).toMatchObject({ type: 'taskCancelation', status: 'succeeded' });
  });
});
