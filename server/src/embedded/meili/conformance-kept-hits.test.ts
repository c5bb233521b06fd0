import type { Index, SearchParams } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { startHarness, succeeded } from './test-harness.js';

// Each index keeps the hits a query ranked until the index changes: asked again, a query must answer exactly as
// a fresh ranking does (searches with a score threshold always rank afresh, so they serve as the reference).

let meili: MeiliHarness;
beforeAll(async () => {
  meili = await startHarness();
});
afterAll(() => meili.close());

const ids = (hits: readonly Record<string, unknown>[]) => hits.map((hit) => hit.id);

describe('a query asked again', () => {
  const words = ['rabbit', 'rabit', 'hole', 'garden', 'rabbits', 'carrot'];
  /** Notes carrying the word in different fields, positions, forms and typos, so every rule has work. */
  const notes = Array.from({ length: 60 }, (_, i) => ({
    id: i,
    title: [words[i % 6], words[(i * 7) % 6], words[(i * 5) % 6]].slice(0, 1 + (i % 3)).join(' '),
    body: Array.from({ length: 1 + (i % 9) }, (_, j) => words[(i + j * 3) % 6]).join(' '),
    group: i % 4,
  }));
  /** In group 7 `carrot` is the more frequent word, in the whole index `hole` is (the frequency strategy). */
  const skewed = [
    ...Array.from({ length: 5 }, (_, i) => ({ id: 200 + i, title: 'carrot', body: '', group: 7 })),
    { id: 210, title: 'hole', body: '', group: 7 },
    { id: 211, title: 'hole carrot', body: '', group: 7 },
    ...Array.from({ length: 12 }, (_, i) => ({ id: 220 + i, title: 'hole', body: '', group: 8 })),
    // The only `carrot` one typo away: a bucket of its own early, which a search without scores leaves unranked.
    { id: 240, title: 'carot', body: '', group: 9 },
  ];
  let index: Index;
  beforeAll(async () => {
    index = meili.client.index(meili.uid('notes'));
    await succeeded(
      index.updateSettings({ searchableAttributes: ['title', 'body'], filterableAttributes: ['group'] }),
    );
    await succeeded(index.addDocuments([...notes, ...skewed]));
  });

  /** The same search with a threshold every hit passes: ranked afresh every time, the reference. */
  const reference = (q: string, params: SearchParams) =>
    index.search(q, { ...params, rankingScoreThreshold: 0 });
  const variants: SearchParams[] = [
    { limit: 30 },
    { showRankingScore: true, limit: 25 },
    { filter: 'group IN [1, 2]', showRankingScore: true },
    { offset: 7, limit: 9, showRankingScoreDetails: true },
    { page: 2, hitsPerPage: 6, filter: 'group != 0', matchingStrategy: 'all' },
    { filter: 'group = 3', matchingStrategy: 'frequency', showRankingScore: true },
  ];

  const queries = ['rabbit', 'garden rabbit', 'rabbit hol'].flatMap((q) =>
    variants.map((v) => [q, v] as const),
  );
  queries.push(['hole carrot', { filter: 'group = 7', matchingStrategy: 'frequency' }]);

  it('answers as it did the first time, for any filter, window and matching strategy', async () => {
    for (let round = 0; round < 3; round++) {
      for (const [q, params] of queries) {
        const answer = await index.search(q, params);
        const expected = await reference(q, params);
        expect(answer.hits.length, JSON.stringify([q, params])).toBeGreaterThan(0);
        expect({ ...answer, processingTimeMs: 0 }).toEqual({ ...expected, processingTimeMs: 0 });
      }
    }
  });

  it('ranks again for a score what it ranked before without one', async () => {
    const everyHit = { limit: 100, showRankingScore: true };
    expect(ids((await index.search('carrot', { limit: 100 })).hits)).toContain(240);
    expect((await index.search('carrot', everyHit)).hits).toEqual((await reference('carrot', everyHit)).hits);
  });

  it('sees the documents written since', async () => {
    await index.search('rabbit');
    await index.search('rabbit');
    await succeeded(index.addDocuments([{ id: 100, title: 'rabbit', body: 'rabbit', group: 9 }]));
    expect(ids((await index.search('rabbit', { filter: 'group = 9' })).hits)).toEqual([100]);
    const everyHit = { limit: 100, showRankingScore: true };
    expect((await index.search('rabbit', everyHit)).hits).toEqual((await reference('rabbit', everyHit)).hits);
    await succeeded(index.deleteDocument(100));
    expect((await index.search('rabbit', { filter: 'group = 9' })).hits).toEqual([]);
  });
});
