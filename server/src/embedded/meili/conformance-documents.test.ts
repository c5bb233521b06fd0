import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { apiError, startHarness, succeeded } from './test-harness.js';

let meili: MeiliHarness;
beforeAll(async () => {
  meili = await startHarness();
});
afterAll(() => meili.close());

const books = [
  { id: 1, title: 'Alice In Wonderland', genre: 'fantasy', price: 10, tags: ['classic', 'kids'] },
  { id: 2, title: 'Pride and Prejudice', genre: 'romance', price: 12, tags: ['classic'] },
  { id: 3, title: 'Le Petit Prince', genre: 'fantasy', price: 8, tags: [] },
];

describe('documents', () => {
  it('infers the primary key, adds, replaces and partially updates documents', async () => {
    const index = meili.client.index(meili.uid('docs'));
    const added = await succeeded(index.addDocuments(books));
    expect(added.details).toMatchObject({ receivedDocuments: 3, indexedDocuments: 3 });
    expect(await index.fetchPrimaryKey()).toBe('id');
    await succeeded(index.addDocuments([{ id: 2, title: 'Emma' }]));
    expect(await index.getDocument(2)).toEqual({ id: 2, title: 'Emma' });
    await succeeded(index.updateDocuments([{ id: 1, price: 11 }]));
    expect(await index.getDocument(1)).toEqual({ ...books[0], price: 11 });
    expect(await index.getDocument('1', { fields: ['title'] })).toEqual({ title: 'Alice In Wonderland' });
  });

  it('lists documents with offset, limit, fields and filter', async () => {
    const index = meili.client.index(meili.uid('list'));
    await succeeded(index.updateFilterableAttributes(['genre']));
    await succeeded(index.addDocuments(books));
    const page = await index.getDocuments({ offset: 1, limit: 1, fields: ['id'] });
    expect(page).toMatchObject({ offset: 1, limit: 1, total: 3 });
    expect(page.results).toEqual([{ id: 2 }]);
    const fantasy = await index.getDocuments({ filter: 'genre = fantasy', fields: ['id'] });
    expect(fantasy.results.map((d) => d.id)).toEqual([1, 3]);
    expect(fantasy.total).toBe(2);
    const byIds = await index.getDocuments({ ids: ['3', '1'] as never, fields: ['id'] });
    expect(byIds.results.map((d) => d.id).sort()).toEqual([1, 3]);
  });

  it('deletes one, a batch, by filter and all documents', async () => {
    const index = meili.client.index(meili.uid('delete'));
    await succeeded(index.updateFilterableAttributes(['genre']));
    await succeeded(index.addDocuments([...books, { id: 4, title: 'x', genre: 'horror' }]));
    await succeeded(index.deleteDocument(4));
    expect(await apiError(index.getDocument(4))).toMatchObject({ code: 'document_not_found', status: 404 });
    const batch = await succeeded(index.deleteDocuments([1, 99]));
    expect(batch.details).toMatchObject({ providedIds: 2, deletedDocuments: 1 });
    const byFilter = await succeeded(index.deleteDocuments({ filter: 'genre = romance' }));
    expect(byFilter.details).toMatchObject({ deletedDocuments: 1 });
    expect((await index.getDocuments()).results.map((d) => d.id)).toEqual([3]);
    await succeeded(index.deleteAllDocuments());
    expect((await index.getDocuments()).total).toBe(0);
  });

  it('fails the task for missing, invalid and ambiguous ids, as Meilisearch does', async () => {
    const index = meili.client.index(meili.uid('ids'));
    await succeeded(index.addDocuments([{ id: 1 }]));
    const missing = await index.addDocuments([{ title: 'no id' }]).waitTask({ interval: 10 });
    expect(missing.error).toMatchObject({ code: 'missing_document_id' });
    const invalid = await index.addDocuments([{ id: 'not valid!' }]).waitTask({ interval: 10 });
    expect(invalid.error).toMatchObject({ code: 'invalid_document_id' });
    const floating = await index.addDocuments([{ id: 1.5 }]).waitTask({ interval: 10 });
    expect(floating.error).toMatchObject({ code: 'invalid_document_id' });
    const several = await meili.client
      .index(meili.uid('ids2'))
      .addDocuments([{ id: 1, product_id: 2 }])
      .waitTask({ interval: 10 });
    expect(several.error).toMatchObject({ code: 'index_primary_key_multiple_candidates_found' });
    const otherKey = await index
      .addDocuments([{ sku: 'a' }], { primaryKey: 'sku' })
      .waitTask({ interval: 10 });
    expect(otherKey.error).toMatchObject({ code: 'index_primary_key_already_exists' });
    expect((await index.getDocuments()).total).toBe(1);
  });

  it('accepts NDJSON and CSV payloads', async () => {
    const index = meili.client.index(meili.uid('formats'));
    await succeeded(
      index.addDocumentsFromString('{"id":1,"name":"a"}\n{"id":2,"name":"b"}\n', 'application/x-ndjson'),
    );
    await succeeded(index.addDocumentsFromString('id:number,name,score:number\n3,c,1.5\n', 'text/csv'));
    expect(await index.getDocument(3)).toEqual({ id: 3, name: 'c', score: 1.5 });
    expect((await index.getDocuments()).total).toBe(3);
  });

  it('reports a missing index and bad JSON with Meilisearch errors', async () => {
    expect(await apiError(meili.client.index(meili.uid('nothing')).getDocuments())).toMatchObject({
      code: 'index_not_found',
      status: 404,
    });
    const response = await fetch(`${meili.url}/indexes/${meili.uid('bad')}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
      body: '[{"id": 1,',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'malformed_payload', type: 'invalid_request' });
  });
});
