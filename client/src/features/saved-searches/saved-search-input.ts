import type { ListingType, SavedSearchInput } from '@techmatch/shared';

/** What a saved search keeps of the current search: the text and filters, not the page or the order. */
export function savedSearchInput(
  type: ListingType,
  name: string,
  search: Record<string, unknown>,
): SavedSearchInput {
  const query = Object.fromEntries(
    Object.entries(search).filter(
      ([key, value]) => !['page', 'pageSize', 'sort'].includes(key) && value !== undefined && value !== '',
    ),
  );
  return { type, name: name.trim(), query } as SavedSearchInput;
}
