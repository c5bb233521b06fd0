import type { Page } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { pagedList } from './paged-list.js';

describe('paged list', () => {
  it('shows the page of the latest filters when an earlier load answers after it', async () => {
    const replies: ((page: Page<string>) => void)[] = [];
    const list = pagedList({ page: 1, field: '' }, () => new Promise<Page<string>>((r) => replies.push(r)));
    const page = (items: string[]) => ({ items, total: items.length, page: 1, pageSize: 20, totalPages: 1 });

    list.filters.field = '生态铝';
    const first = list.search();
    list.filters.field = '新材料';
    const second = list.search();
    replies[1]?.(page(['新材料 listing']));
    await second;
    replies[0]?.(page(['生态铝 listing']));
    await first;

    expect(list.page.value?.items).toEqual(['新材料 listing']);
    expect(list.loading.value).toBe(false);
  });
});
