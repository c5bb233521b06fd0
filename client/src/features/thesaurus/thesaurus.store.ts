import {
  ThesaurusEntrySchema,
  type ThesaurusEntry,
  type ThesaurusEntryInput,
  type ThesaurusKind,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { z } from 'zod';
import { api, queryString } from '../../app/api.js';
import { newestLoads } from '../../ui/newest.js';
import { errorCode } from '../listings/listing-store.js';

const thesaurusApi = {
  list: (filters: { kind: ThesaurusKind | ''; q: string }) =>
    api.get(`/thesaurus${queryString(filters)}`, z.array(ThesaurusEntrySchema)),
  create: (input: ThesaurusEntryInput) => api.post('/thesaurus', ThesaurusEntrySchema, input),
  update: (id: string, input: ThesaurusEntryInput) =>
    api.put(`/thesaurus/${id}`, ThesaurusEntrySchema, input),
  remove: (id: string) => api.delete(`/thesaurus/${id}`, z.undefined()),
};

/** The bureau's thesaurus: synonym groups, plain-language expansions and domain terms. */
export const useThesaurusStore = defineStore('thesaurus', () => {
  const entries = ref<ThesaurusEntry[] | null>(null);
  const filters = reactive<{ kind: ThesaurusKind | ''; q: string }>({ kind: '', q: '' });
  const loading = ref(false);
  const error = ref<string | null>(null);
  const loadNewest = newestLoads(loading);

  /** Lists the entries the filters select; typing in the filter starts loads that can answer out of order. */
  async function load(): Promise<void> {
    try {
      const loaded = await loadNewest(() => thesaurusApi.list(filters));
      if (!loaded) return;
      entries.value = loaded.value;
      error.value = null;
    } catch (e) {
      error.value = errorCode(e);
    }
  }

  async function save(input: ThesaurusEntryInput, id?: string): Promise<ThesaurusEntry> {
    const saved = id ? await thesaurusApi.update(id, input) : await thesaurusApi.create(input);
    await load();
    return saved;
  }

  async function remove(id: string): Promise<void> {
    await thesaurusApi.remove(id);
    entries.value = entries.value?.filter((e) => e.id !== id) ?? null;
  }

  return { entries, filters, loading, error, load, save, remove };
});
