import { SavedSearchSchema, type SavedSearch, type SavedSearchInput } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { api } from '../../app/api.js';
import { errorCode } from '../listings/listing-store.js';

const savedSearchApi = {
  list: () => api.get('/saved-searches', z.array(SavedSearchSchema)),
  create: (input: SavedSearchInput) => api.post('/saved-searches', SavedSearchSchema, input),
  remove: (id: string) => api.delete(`/saved-searches/${id}`, z.undefined()),
};

/** The searches a user keeps, each alerting them when a newly published listing would appear in it. */
export const useSavedSearchesStore = defineStore('saved-searches', () => {
  const items = ref<SavedSearch[] | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = await savedSearchApi.list();
      error.value = null;
    } catch (e) {
      error.value = errorCode(e);
    } finally {
      loading.value = false;
    }
  }

  async function save(input: SavedSearchInput): Promise<SavedSearch> {
    const saved = await savedSearchApi.create(input);
    items.value = items.value ? [saved, ...items.value] : null;
    return saved;
  }

  async function remove(id: string): Promise<void> {
    await savedSearchApi.remove(id);
    items.value = items.value?.filter((s) => s.id !== id) ?? null;
  }

  return { items, loading, error, load, save, remove };
});
