import {
  AchievementSearchQuerySchema,
  NeedSearchQuerySchema,
  SAVED_SEARCHES_MAX,
  type SavedSearch,
  type SavedSearchInput,
} from '@techmatch/shared';
import type { Meilisearch } from 'meilisearch';
import { requireActor, type RequestContext } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { ListingEventPayload } from '../../platform/events.js';
import { searchAchievements } from '../achievements/achievement.search.js';
import type { NotificationService } from '../notifications/notification.service.js';
import { searchNeeds } from '../needs/need.search.js';
import type { SavedSearchDoc, SavedSearchModel } from './saved-search.model.js';

interface SavedSearchDeps {
  searches: SavedSearchModel;
  client: Meilisearch;
  indexes: { achievements: string; needs: string };
  notifications: NotificationService;
  /** The listing must be in the index before the saved queries can find it. */
  searchSync: { drain(): Promise<void>; state: { lastError: string | null } };
}

function presentSavedSearch(doc: SavedSearchDoc): SavedSearch {
  return {
    id: doc._id.toHexString(),
    type: doc.type,
    name: doc.name,
    query: doc.query,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** Searches users keep, and the alert when a newly published listing would appear in one of them. */
export function savedSearchService({
  searches,
  client,
  indexes,
  notifications,
  searchSync,
}: SavedSearchDeps) {
  async function list(ctx: RequestContext): Promise<SavedSearch[]> {
    const actor = requireActor(ctx);
    const docs = await searches.find({ userId: actor.id }).sort({ createdAt: -1 }).lean<SavedSearchDoc[]>();
    return docs.map(presentSavedSearch);
  }

  async function create(ctx: RequestContext, input: SavedSearchInput): Promise<SavedSearch> {
    const actor = requireActor(ctx);
    if ((await searches.countDocuments({ userId: actor.id })) >= SAVED_SEARCHES_MAX) {
      throw new AppError('TOO_MANY_SAVED_SEARCHES');
    }
    const doc = await searches.create({
      userId: actor.id,
      type: input.type,
      name: input.name,
      query: input.query,
    });
    return presentSavedSearch(doc.toObject<SavedSearchDoc>());
  }

  async function remove(ctx: RequestContext, id: string): Promise<void> {
    const actor = requireActor(ctx);
    const result = await searches.deleteOne({ _id: id, userId: actor.id });
    if (result.deletedCount === 0) throw new AppError('NOT_FOUND');
  }

  /** Whether the saved query finds this listing, asked of the search engine with the listing pinned by id. */
  async function finds(search: SavedSearchDoc, listingId: string): Promise<boolean> {
    const base = { sort: 'relevance', page: 1, pageSize: 1 };
    if (search.type === 'achievement') {
      const query = AchievementSearchQuerySchema.parse({ ...search.query, ...base });
      return (await searchAchievements(client, indexes.achievements, query, listingId)).total > 0;
    }
    const query = NeedSearchQuerySchema.parse({ ...search.query, ...base });
    return (await searchNeeds(client, indexes.needs, query, false, listingId)).total > 0;
  }

  /** A listing was published: alert the owners of the saved searches that now find it (a background job). */
  async function alertFor(eventId: string, listing: ListingEventPayload): Promise<void> {
    await searchSync.drain();
    // Search is down: fail, so that the outbox delivers this event again later.
    if (searchSync.state.lastError) throw new Error(`search not synced: ${searchSync.state.lastError}`);
    const cursor = searches
      .find({ type: listing.type, userId: { $ne: listing.ownerId } })
      .lean<SavedSearchDoc[]>()
      .cursor();
    for await (const search of cursor) {
      if (!(await finds(search as SavedSearchDoc, listing.listingId))) continue;
      await notifications.notify([search.userId.toHexString()], {
        type: 'saved_search_hit',
        params: { name: search.name, title: listing.title, kind: listing.type },
        link: `/${listing.type === 'achievement' ? 'achievements' : 'needs'}/${listing.listingId}`,
        key: `${eventId}:${search._id.toHexString()}`,
      });
    }
  }

  return { list, create, remove, alertFor };
}
export type SavedSearchService = ReturnType<typeof savedSearchService>;
