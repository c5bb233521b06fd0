import {
  STRONG_MATCH_SCORE,
  type ListingMatches,
  type ListingType,
  type MatchView,
  type OwnerMatchAction,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { newestLoads } from '../../ui/newest.js';
import { pagedList } from '../../ui/paged-list.js';
import { errorCode } from '../listings/listing-store.js';
import { matchApi } from './match-api.js';

/** A listing's matches (its detail page's tab), the user's own matches, and the bureau's matchmaking board. */
export const useMatchesStore = defineStore('matches', () => {
  const listing = ref<ListingMatches | null>(null);
  const listingKey = ref<string | null>(null);
  const loadingListing = ref(false);
  const listingError = ref<string | null>(null);
  const showDismissed = ref(false);
  /** Counts the owner's stars and dismissals: each one makes the server recompute the listing's matches. */
  const judgements = ref(0);

  const mine = pagedList({ page: 1 }, (filters) => matchApi.mine(filters));
  const board = pagedList({ page: 1, minScore: STRONG_MATCH_SCORE, field: '', county: '' }, (filters) =>
    matchApi.board(filters),
  );
  const listError = ref<string | null>(null);

  /** A star, a dismissal, the switch and the polling each load the listing's matches again. */
  const loadNewestListing = newestLoads(loadingListing);

  async function loadListing(type: ListingType, id: string): Promise<void> {
    const key = `${type}:${id}`;
    if (listingKey.value !== key) listing.value = null;
    listingKey.value = key;
    try {
      const loaded = await loadNewestListing(() => matchApi.forListing(type, id, showDismissed.value));
      if (!loaded) return;
      listing.value = loaded.value;
      listingError.value = null;
    } catch (error) {
      listingError.value = errorCode(error);
    }
  }

  async function loadList(list: typeof mine | typeof board): Promise<void> {
    try {
      await list.load();
      listError.value = null;
    } catch (error) {
      listError.value = errorCode(error);
    }
  }

  /** Puts the server's new view of a match everywhere it is shown. */
  function replace(updated: MatchView): void {
    for (const items of [listing.value?.items, mine.page.value?.items, board.page.value?.items]) {
      const index = items?.findIndex((m) => m.id === updated.id) ?? -1;
      if (items && index >= 0) items.splice(index, 1, updated);
    }
  }

  /** Stars or dismisses; a dismissed match leaves the lists that hide dismissed ones. */
  async function act(match: MatchView, action: OwnerMatchAction): Promise<MatchView> {
    const updated = await matchApi.act(match.id, action);
    judgements.value += 1;
    replace(updated);
    if (updated.dismissed && !showDismissed.value && listing.value) {
      listing.value.items = listing.value.items.filter((m) => m.id !== updated.id);
    }
    if (updated.dismissed && mine.page.value) {
      mine.page.value.items = mine.page.value.items.filter((m) => m.id !== updated.id);
    }
    return updated;
  }

  /** Staff take a pair in hand as brokers: it leaves the board. */
  async function handle(match: MatchView): Promise<void> {
    const updated = await matchApi.handle(match.id);
    replace(updated);
    if (board.page.value) board.page.value.items = board.page.value.items.filter((m) => m.id !== match.id);
  }

  return {
    listing,
    loadingListing,
    listingError,
    showDismissed,
    judgements,
    mine,
    board,
    listError,
    loadListing,
    loadMine: () => loadList(mine),
    loadBoard: () => loadList(board),
    act,
    handle,
  };
});
