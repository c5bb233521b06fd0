import type { Page } from '@techmatch/shared';
import { reactive, ref, type UnwrapRef } from 'vue';
import { errorCode } from '../app/api.js';
import { newestLoads } from './newest.js';

/** Filters, the current page and loading state of a server-paginated list; for use inside Pinia stores. */
export function pagedList<F extends { page: number }, T>(
  initial: F,
  fetchPage: (filters: F) => Promise<Page<T>>,
) {
  const filters = reactive(initial);
  const page = ref<Page<T> | null>(null);
  const loading = ref(false);
  const loadNewest = newestLoads(loading);

  /** Loads the page the filters name; an answer that arrives after a newer load started is dropped. */
  async function load(): Promise<void> {
    const loaded = await loadNewest(() => fetchPage(filters as F));
    if (loaded) page.value = loaded.value as UnwrapRef<Page<T>>;
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    filters.page = 1;
    return load();
  }

  return { filters, page, loading, load, search };
}

/** A page showing a paged list: its load error (a stable code) and a search that goes back to the first page. */
export function usePagedView(list: { filters: { page: number }; load(): Promise<void> }) {
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    error.value = null;
    await list.load().catch((e: unknown) => (error.value = errorCode(e)));
  }

  function search(): Promise<void> {
    list.filters.page = 1;
    return load();
  }

  return { error, load, search };
}
