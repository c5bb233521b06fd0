import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { apiError, startHarness, succeeded } from './test-harness.js';

let meili: MeiliHarness;
beforeAll(async () => {
  meili = await startHarness();
});
afterAll(() => meili.close());

describe('settings', () => {
  it('returns the v1.50 defaults', async () => {
    const index = meili.client.index(meili.uid('defaults'));
    await succeeded(index.addDocuments([{ id: 1 }]));
    const settings = await index.getSettings();
    expect(settings).toMatchObject({
      displayedAttributes: ['*'],
      searchableAttributes: ['*'],
      filterableAttributes: [],
      sortableAttributes: [],
      rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness'],
      stopWords: [],
      nonSeparatorTokens: [],
      separatorTokens: [],
      dictionary: [],
      synonyms: {},
      distinctAttribute: null,
      proximityPrecision: 'byWord',
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
        disableOnWords: [],
        disableOnAttributes: [],
        disableOnNumbers: false,
      },
      faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
      pagination: { maxTotalHits: 1000 },
      searchCutoffMs: null,
      facetSearch: true,
      prefixSearch: 'indexingTime',
    });
  });

  it('round-trips every supported setting and resets them', async () => {
    const index = meili.client.index(meili.uid('roundtrip'));
    const update = {
      displayedAttributes: ['title', 'year'],
      searchableAttributes: ['title', 'overview'],
      filterableAttributes: ['genre', 'year'],
      sortableAttributes: ['year', 'title'],
      rankingRules: [
        'words',
        'typo',
        'sort',
        'proximity',
        'attributeRank',
        'wordPosition',
        'exactness',
        'year:desc',
      ],
      stopWords: ['the', 'a'],
      synonyms: { 赤泥: ['拜耳法残渣'], 拜耳法残渣: ['赤泥'] },
      distinctAttribute: 'genre',
      typoTolerance: { minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnWords: ['potter'] },
      pagination: { maxTotalHits: 500 },
      faceting: { maxValuesPerFacet: 5, sortFacetValuesBy: { genre: 'count' as const } },
      dictionary: ['拜耳法赤泥', '搅拌摩擦焊'],
      searchCutoffMs: 150,
    };
    const task = await succeeded(index.updateSettings(update));
    expect(task.type).toBe('settingsUpdate');
    const settings = await index.getSettings();
    expect(settings).toMatchObject({
      ...update,
      sortableAttributes: ['title', 'year'],
      stopWords: ['a', 'the'],
      typoTolerance: {
        enabled: true,
        minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
        disableOnWords: ['potter'],
      },
      faceting: { maxValuesPerFacet: 5, sortFacetValuesBy: { '*': 'alpha', genre: 'count' } },
    });
    expect(await index.getSynonyms()).toEqual(update.synonyms);
    await succeeded(index.resetSynonyms());
    expect(await index.getSynonyms()).toEqual({});
    await succeeded(index.updateRankingRules(['exactness', 'words']));
    expect(await index.getRankingRules()).toEqual(['exactness', 'words']);
    await succeeded(index.resetSettings());
    expect((await index.getSettings()).rankingRules).toEqual([
      'words',
      'typo',
      'proximity',
      'attributeRank',
      'sort',
      'wordPosition',
      'exactness',
    ]);
    expect(await index.getFilterableAttributes()).toEqual([]);
  });

  it('accepts the granular filterable-attributes form', async () => {
    const index = meili.client.index(meili.uid('granular'));
    const rule = {
      attributePatterns: ['price'],
      features: { facetSearch: false, filter: { equality: true, comparison: true } },
    };
    await succeeded(index.updateFilterableAttributes([rule]));
    expect(await index.getFilterableAttributes()).toEqual([rule]);
  });

  it('rejects invalid settings with the invalid_settings_* codes', async () => {
    const index = meili.client.index(meili.uid('invalid'));
    expect(await apiError(index.updateRankingRules(['nonsense']))).toMatchObject({
      code: 'invalid_settings_ranking_rules',
      status: 400,
    });
    expect(await apiError(index.updateSearchCutoffMs(-1 as never))).toMatchObject({
      code: 'invalid_settings_search_cutoff_ms',
    });
    expect(await apiError(index.updateSettings({ unknown: true } as never))).toMatchObject({
      code: 'bad_request',
    });
    expect(
      await apiError(
        index.updateLocalizedAttributes([{ attributePatterns: ['a'], locales: ['xx' as never] }]),
      ),
    ).toMatchObject({
      code: 'invalid_settings_localized_attributes',
    });
    const badTypos = await index
      .updateTypoTolerance({ minWordSizeForTypos: { oneTypo: 8, twoTypos: 4 } })
      .waitTask({ interval: 10 });
    expect(badTypos.error).toMatchObject({ code: 'invalid_settings_typo_tolerance' });
  });
});
