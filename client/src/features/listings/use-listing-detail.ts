import { watch } from 'vue';
import type { Ref } from 'vue';

interface DetailStore<L> {
  current: L | null;
  loadingCurrent: boolean;
  currentError: string | null;
  load(id: string): Promise<L | null>;
}

/** Loads the listing a detail page shows, again whenever its id changes; `load` retries. */
export function useListingDetail<L>(store: DetailStore<L>, id: Ref<string> | (() => string)) {
  const load = () => store.load(typeof id === 'function' ? id() : id.value);
  watch(id, load, { immediate: true });
  return { load };
}
