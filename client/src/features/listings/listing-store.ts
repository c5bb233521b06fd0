import type { ListingStatus, ReviewDecision } from '@techmatch/shared';
import { ref, type Ref } from 'vue';
import { errorCode } from '../../app/api.js';
import { newestLoads } from '../../ui/newest.js';
import { pagedList } from '../../ui/paged-list.js';
import type { ListingApi, SearchParams } from './listing-api.js';

/** Re-exported: the feature views take it from here. */
export { errorCode };

/** What the lifecycle buttons need from a kind's store (both kind stores have it). */
export interface ListingOperations {
  submit(id: string): Promise<unknown>;
  close(id: string): Promise<unknown>;
  remove(id: string): Promise<void>;
  review(id: string, decision: ReviewDecision): Promise<unknown>;
}

/**
 * The state and operations a listing kind's Pinia store holds: the current search, the listing on screen,
 * the signed-in user's own listings, and the lifecycle. Used inside a setup store per kind.
 */
export function listingStore<L extends { id: string; status: ListingStatus }, R, I>(
  endpoints: ListingApi<L, R, I>,
) {
  const results = ref(null) as Ref<R | null>;
  const searching = ref(false);
  const searchError = ref<string | null>(null);
  const searchNewest = newestLoads(searching);

  /** Runs a search; an answer that arrives after a newer search started is dropped. */
  async function search(params: SearchParams): Promise<void> {
    searchError.value = null;
    try {
      const answer = await searchNewest(() => endpoints.search(params));
      if (answer) results.value = answer.value;
    } catch (error) {
      searchError.value = errorCode(error);
      results.value = null;
    }
  }

  const current = ref(null) as Ref<L | null>;
  const loadingCurrent = ref(false);
  const currentError = ref<string | null>(null);
  const loadNewest = newestLoads(loadingCurrent);

  /** Loads one listing; going from one listing to another quickly never shows the first one's answer. */
  async function load(id: string): Promise<L | null> {
    currentError.value = null;
    if (current.value?.id !== id) current.value = null;
    try {
      const loaded = await loadNewest(() => endpoints.get(id));
      if (loaded) current.value = loaded.value;
    } catch (error) {
      currentError.value = errorCode(error);
      current.value = null;
    }
    return current.value;
  }

  const mine = pagedList({ status: '' as ListingStatus | '', page: 1 }, (filters) => endpoints.mine(filters));

  /** Puts a changed listing wherever it is shown. */
  function changed(listing: L): L {
    if (current.value?.id === listing.id) current.value = listing;
    const page = mine.page.value;
    if (page) page.items = page.items.map((item) => (item.id === listing.id ? listing : item)) as never;
    return listing;
  }

  const save = async (id: string | null, input: I) =>
    changed(id ? await endpoints.update(id, input) : await endpoints.create(input));
  const submit = async (id: string) => changed(await endpoints.submit(id));
  const close = async (id: string) => changed(await endpoints.close(id));
  const review = async (id: string, decision: ReviewDecision) =>
    changed(await endpoints.review(id, decision));

  async function remove(id: string): Promise<void> {
    await endpoints.remove(id);
    if (current.value?.id === id) current.value = null;
    if (mine.page.value) await mine.load();
  }

  /** After a review decision arrives live: refetch what is on screen of this listing. */
  async function refreshAfterReview(id: string): Promise<void> {
    await Promise.all([current.value?.id === id ? load(id) : null, mine.page.value ? mine.load() : null]);
  }

  return {
    results,
    searching,
    searchError,
    search,
    current,
    loadingCurrent,
    currentError,
    load,
    mine,
    save,
    submit,
    close,
    review,
    remove,
    refreshAfterReview,
  };
}
