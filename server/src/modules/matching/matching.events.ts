import type { EventBus } from '../../platform/events.js';
import type { SearchSync } from '../../platform/search-sync.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';
import type { ThesaurusService } from '../thesaurus/thesaurus.service.js';
import type { JobQueue } from '../../platform/job-queue.js';
import { matchRunId, type MatchSide } from './match.model.js';
import type { MatchStore } from './match-store.js';
import { thesaurusSettings } from '../thesaurus/thesaurus.settings.js';
import { setDomainWords } from './text-analysis.js';

interface MatchingEventDeps {
  bus: EventBus;
  jobs: JobQueue;
  store: MatchStore;
  thesaurus: ThesaurusService;
  searchSync: SearchSync;
  needs: NeedModel;
  achievements: AchievementModel;
}

/** The background job that (re)computes one listing's matches. */
export const RECOMPUTE = 'match.recompute';

/** Queues (once per listing: the key is its match run) a background recomputation of a listing's matches. */
export async function enqueueRecompute(jobs: JobQueue, type: MatchSide, listingId: string): Promise<void> {
  await jobs.enqueue(RECOMPUTE, matchRunId(type, listingId), { type, listingId });
  jobs.kick();
}

/** Loads the thesaurus's words into the segmenter, so key terms are cut the way the index cuts them. */
export async function learnThesaurusWords(thesaurus: ThesaurusService): Promise<void> {
  const content = await thesaurus.content();
  setDomainWords(thesaurusSettings(content).dictionary ?? []);
}

/**
 * Matches follow their listings: publication computes them, any other change recomputes (which clears a
 * listing that left the marketplace). A thesaurus edit reapplies the index settings and recomputes everything,
 * in the background.
 */
export function registerMatchingEvents(deps: MatchingEventDeps): void {
  const { bus, jobs } = deps;
  jobs.handle(RECOMPUTE, async ({ type, listingId }) => {
    // Both indexes must hold what MongoDB holds (and exist, on a first start) before the other side is searched.
    await deps.searchSync.drain();
    return deps.store.recompute(type as MatchSide, listingId ?? '');
  });
  const follow = ({ payload }: { payload: { type: MatchSide; listingId: string } }) =>
    enqueueRecompute(jobs, payload.type, payload.listingId);
  bus.on('listing.reviewed', follow);
  bus.on('listing.changed', follow);
  bus.on('thesaurus.changed', async () => {
    await learnThesaurusWords(deps.thesaurus);
    await deps.searchSync.applySettings();
    for (const [type, model] of [
      ['need', deps.needs],
      ['achievement', deps.achievements],
    ] as const) {
      const ids = await (model as NeedModel).find({ status: 'published' }, { _id: 1 }).lean();
      const items = ids.map(({ _id }) => ({
        key: matchRunId(type, _id.toHexString()),
        payload: { type, listingId: _id.toHexString() },
      }));
      await jobs.enqueueMany(RECOMPUTE, items);
    }
    jobs.kick();
  });
}
