import type { Ref } from 'vue';

/** What a load of the series brings back: its value, or nothing when a newer load started meanwhile. */
export type Newest<T> = { value: T } | undefined;

/**
 * A series of loads of one thing (a list under changing filters, a detail page, a reloaded tab). Loads can
 * answer out of order; only the newest one lands: its value is returned, its error is thrown, and it alone ends
 * `loading`. An older load returns nothing and its error is dropped.
 */
export function newestLoads(loading: Ref<boolean>) {
  let newest = 0;
  return async function load<T>(fetch: () => Promise<T>): Promise<Newest<T>> {
    const ticket = ++newest;
    loading.value = true;
    try {
      const value = await fetch();
      return ticket === newest ? { value } : undefined;
    } catch (error) {
      if (ticket === newest) throw error;
      return undefined;
    } finally {
      if (ticket === newest) loading.value = false;
    }
  };
}
