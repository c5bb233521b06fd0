import { SavedSearchInputSchema } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { savedSearchInput } from './saved-search-input.js';

describe('saving the current search', () => {
  it('keeps the text and filters but not the page or the order, and the API schema accepts it', () => {
    const input = savedSearchInput('need', ' 赤泥 ', {
      q: '赤泥',
      county: '平果市',
      kind: 'challenge',
      page: 3,
      pageSize: 20,
      sort: 'newest',
      field: '',
    });
    expect(input).toEqual({
      type: 'need',
      name: '赤泥',
      query: { q: '赤泥', county: '平果市', kind: 'challenge' },
    });
    expect(SavedSearchInputSchema.safeParse(input).success).toBe(true);
  });
});
