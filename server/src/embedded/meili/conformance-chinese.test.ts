import type { Index } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { startHarness, succeeded } from './test-harness.js';

let meili: MeiliHarness;
let listings: Index;
beforeAll(async () => {
  meili = await startHarness();
  listings = meili.client.index(meili.uid('listings'));
  await succeeded(
    listings.updateSettings({ searchableAttributes: ['title', 'summary'], filterableAttributes: ['field'] }),
  );
  await succeeded(
    listings.addDocuments([
      { id: 'a1', title: '铝合金型材深加工技术', summary: '提高铝合金型材的成品率', field: '生态铝' },
      {
        id: 'a2',
        title: '拜耳法赤泥综合利用',
        summary: '从赤泥中回收铁和钪，尾渣制备路基材料',
        field: '新材料',
      },
      { id: 'a3', title: '赤泥基胶凝材料', summary: '以赤泥为原料的低碳建材', field: '绿色建材' },
      { id: 'a4', title: '芒果保鲜技术', summary: '延长芒果贮藏期', field: '现代特色农林' },
      { id: 'a5', title: '电解铝节能降耗', summary: '降低吨铝直流电耗，赤泥不在本项目范围', field: '生态铝' },
    ]),
  );
});
afterAll(() => meili.close());

const ids = (hits: readonly Record<string, unknown>[]) => hits.map((hit) => hit.id);

describe('Chinese text', () => {
  it('finds documents where jieba segments the text into the queried word', async () => {
    expect(ids((await listings.search('铝合金')).hits)).toEqual(['a1']);
    expect(ids((await listings.search('型材')).hits)).toEqual(['a1']);
    expect(ids((await listings.search('综合利用')).hits)).toEqual(['a2']);
    expect(ids((await listings.search('芒果')).hits)).toEqual(['a4']);
  });

  it('ranks title matches first and combines Chinese queries with filters', async () => {
    const { hits } = await listings.search('赤泥');
    expect(ids(hits).slice(0, 2).sort()).toEqual(['a2', 'a3']);
    expect(ids(hits)).toContain('a5');
    expect(ids((await listings.search('赤泥', { filter: 'field = 生态铝' })).hits)).toEqual(['a5']);
  });

  it('highlights Chinese words', async () => {
    const { hits } = await listings.search('芒果', { attributesToHighlight: ['title'] });
    expect(hits[0]!._formatted!.title).toBe('<em>芒果</em>保鲜技术');
  });

  it('keeps dictionary words whole, as Meilisearch does with its dictionary setting', async () => {
    const index = meili.client.index(meili.uid('dictionary'));
    await succeeded(index.addDocuments([{ id: 1, title: '搅拌摩擦焊接头性能' }]));
    const highlighted = async (q: string) =>
      (await index.search(q, { attributesToHighlight: ['title'] })).hits[0]?._formatted?.title;
    expect(ids((await index.search('摩擦')).hits)).toEqual([1]);
    expect(await highlighted('摩擦')).toBe('搅拌<em>摩擦</em>焊接头性能');
    await succeeded(index.updateDictionary(['搅拌摩擦焊']));
    expect((await index.search('摩擦')).hits).toEqual([]);
    expect(ids((await index.search('搅拌摩擦焊')).hits)).toEqual([1]);
    expect(await highlighted('搅拌摩擦焊')).toBe('<em>搅拌摩擦焊</em>接头性能');
  });

  it('applies Chinese synonyms, including multi-word ones', async () => {
    const index = meili.client.index(meili.uid('synonyms'));
    await succeeded(index.updateSynonyms({ 赤泥: ['拜耳法残渣'], 拜耳法残渣: ['赤泥'] }));
    await succeeded(
      index.addDocuments([
        { id: 1, title: '赤泥脱碱' },
        { id: 2, title: '拜耳法残渣处置' },
      ]),
    );
    expect(ids((await index.search('赤泥')).hits).sort()).toEqual([1, 2]);
    expect(ids((await index.search('拜耳法残渣')).hits).sort()).toEqual([1, 2]);
  });
});
