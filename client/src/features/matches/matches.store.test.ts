import type { ListingMatches } from '@techmatch/shared';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matchApi } from './match-api.js';
import { useMatchesStore } from './matches.store.js';

const answer = (state: ListingMatches['state']) =>
  ({ state, items: [], keyTerms: [] }) as unknown as ListingMatches;

describe('matches store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.restoreAllMocks());

  it('shows the answer to the latest load when an earlier one arrives after it', async () => {
    const replies: ((value: ListingMatches) => void)[] = [];
    vi.spyOn(matchApi, 'forListing').mockImplementation(
      () => new Promise<ListingMatches>((resolve) => replies.push(resolve)),
    );
    const store = useMatchesStore();
    const beforeStar = store.loadListing('need', 'n1');
    const afterStar = store.loadListing('need', 'n1');

    replies[1]?.(answer('computing'));
    await afterStar;
    replies[0]?.(answer('ready'));
    await beforeStar;

    expect(store.listing?.state).toBe('computing');
    expect(store.loadingListing).toBe(false);
  });
});
