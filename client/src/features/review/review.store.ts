import type { ListingType } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { pagedList } from '../../ui/paged-list.js';
import { achievementApi, needApi } from '../listings/listing-api.js';
import { errorCode } from '../listings/listing-store.js';

/** The bureau's review queues, oldest submission first (the API's order), one per listing kind. */
export const useReviewStore = defineStore('review', () => {
  const queues = {
    achievement: pagedList({ page: 1 }, (filters) => achievementApi.reviewQueue(filters)),
    need: pagedList({ page: 1 }, (filters) => needApi.reviewQueue(filters)),
  };
  const error = ref<string | null>(null);

  async function load(type: ListingType): Promise<void> {
    try {
      await queues[type].load();
      error.value = null;
    } catch (e) {
      error.value = errorCode(e);
    }
  }

  const loadAll = () => Promise.all([load('achievement'), load('need')]);

  return { ...queues, error, load, loadAll };
});
