import type { ListingStatus } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.js';
import type { ListingApi, SearchParams } from './listing-api.js';
import { listingStore } from './listing-store.js';

type Listing = { id: string; status: ListingStatus };
type Result = { hits: string[] };

/** An API whose searches and reads answer only when the test says so, in any order. */
function fakeApi() {
  const pending: { params: SearchParams; answer(r: Result): void; fail(e: unknown): void }[] = [];
  const reads: { id: string; answer(l: Listing): void }[] = [];
  const api = {
    search: (params: SearchParams) =>
      new Promise<Result>((answer, fail) => pending.push({ params, answer, fail })),
    get: (id: string) => new Promise<Listing>((answer) => reads.push({ id, answer })),
  } as ListingApi<Listing, Result, unknown>;
  return { api, pending, reads };
}

describe('listing store search', () => {
  it('keeps the answer of the latest search when an older one arrives last', async () => {
    const { api, pending } = fakeApi();
    const store = listingStore(api);
    const first = store.search({ q: '铝' });
    const second = store.search({ q: '铝合金' });
    pending[1]?.answer({ hits: ['newer'] });
    await second;
    pending[0]?.answer({ hits: ['older'] });
    await first;
    expect(store.results.value).toEqual({ hits: ['newer'] });
    expect(store.searching.value).toBe(false);
  });

  it('reports an unavailable search by its code and drops stale results', async () => {
    const { api, pending } = fakeApi();
    const store = listingStore(api);
    const ok = store.search({ q: '' });
    pending[0]?.answer({ hits: ['a'] });
    await ok;
    const failed = store.search({ q: '赤泥' });
    pending[1]?.fail(new ApiError('SEARCH_UNAVAILABLE', 503, 'down'));
    await failed;
    expect(store.searchError.value).toBe('SEARCH_UNAVAILABLE');
    expect(store.results.value).toBeNull();
    const retried = store.search({ q: '赤泥' });
    expect(store.searchError.value).toBeNull();
    pending[2]?.answer({ hits: ['b'] });
    await retried;
    expect(store.results.value).toEqual({ hits: ['b'] });
  });
});

describe('listing store detail', () => {
  it('shows the listing last opened when the one opened before it answers later', async () => {
    const { api, reads } = fakeApi();
    const store = listingStore(api);
    const first = store.load('a');
    const second = store.load('b');
    reads[1]?.answer({ id: 'b', status: 'published' });
    await second;
    reads[0]?.answer({ id: 'a', status: 'published' });
    await first;
    expect(store.current.value?.id).toBe('b');
    expect(store.loadingCurrent.value).toBe(false);
  });
});
