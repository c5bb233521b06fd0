import { AchievementSearchQuerySchema, FEN_PER_WAN, NeedSearchQuerySchema } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { activeFilters, routeFromSearch, searchFromRoute } from './search-query.js';

describe('search ⇄ URL', () => {
  it('reads a shared link into the API query, with defaults for what it does not say', () => {
    const search = searchFromRoute(AchievementSearchQuerySchema, {
      q: '芒果',
      field: '现代特色农林',
      priceMaxFen: String(50 * FEN_PER_WAN),
      page: '2',
    });
    expect(search).toEqual({
      q: '芒果',
      field: '现代特色农林',
      priceMaxFen: 50 * FEN_PER_WAN,
      sort: 'relevance',
      page: 2,
      pageSize: 10,
    });
  });

  it('drops only the parameters that are not valid, keeping the rest of the search', () => {
    const search = searchFromRoute(NeedSearchQuerySchema, {
      q: ['赤泥', 'ignored'],
      county: '不存在县',
      kind: 'challenge',
      budgetMinFen: '-3',
      sort: 'cheapest',
      page: 'two',
      openOn: '2026-13-45',
    });
    expect(search).toEqual({ q: '赤泥', kind: 'challenge', sort: 'relevance', page: 1, pageSize: 10 });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const search = searchFromRoute(AchievementSearchQuerySchema, {});
    expect(routeFromSearch(AchievementSearchQuerySchema, search)).toEqual({});
    const narrowed = {
      ...search,
      q: '铝',
      maturity: '中试' as const,
      negotiable: 'exclude' as const,
      page: 3,
    };
    const query = routeFromSearch(AchievementSearchQuerySchema, narrowed);
    expect(query).toEqual({ q: '铝', maturity: '中试', negotiable: 'exclude', page: '3' });
    expect(searchFromRoute(AchievementSearchQuerySchema, query as Record<string, string>)).toEqual(narrowed);
  });

  it('leaves out what the page presets itself', () => {
    const search = { ...searchFromRoute(NeedSearchQuerySchema, {}), kind: 'challenge' as const, q: '尾渣' };
    expect(routeFromSearch(NeedSearchQuerySchema, search, ['kind'])).toEqual({ q: '尾渣' });
  });

  it('counts the narrowing filters, not the text, order or page', () => {
    const search = { q: '铝', sort: 'newest', page: 2, pageSize: 10, field: '生态铝', kind: 'challenge' };
    expect(activeFilters(search, ['kind'])).toEqual([['field', '生态铝']]);
  });
});
