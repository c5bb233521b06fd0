import type { Page } from '@techmatch/shared';
import { reactive, ref, type UnwrapRef } from 'vue';

/** Filters, the current page and loading state of a server-paginated list; for use inside Pinia stores. */
export function pagedList<F extends { page: number }, T>(
  initial: F,
  fetchPage: (filters: F) => Promise<Page<T>>,
) {
  const filters = reactive(initial);
  const page = ref<Page<T> | null>(null);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      page.value = (await fetchPage(filters as F)) as UnwrapRef<Page<T>>;
    } finally {
      loading.value = false;
    }
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    filters.page = 1;
    return load();
  }

  return { filters, page, loading, load, search };
}
