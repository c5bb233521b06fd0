import type { Index } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliHarness } from './test-harness.js';
import { apiError, startHarness, succeeded } from './test-harness.js';

let meili: MeiliHarness;
let books: Index;
beforeAll(async () => {
  meili = await startHarness();
  books = meili.client.index(meili.uid('books'));
  await succeeded(
    books.updateSettings({
      searchableAttributes: ['title', 'overview', 'genre'],
      filterableAttributes: ['genre', 'price', 'year', 'tags', 'note', 'author'],
      sortableAttributes: ['price', 'title', 'year'],
    }),
  );
  await succeeded(
    books.addDocuments([
      {
        id: 1,
        title: 'Alice In Wonderland',
        overview: 'A girl falls down a rabbit hole',
        genre: 'fantasy',
        price: 10,
        year: 1865,
        tags: ['classic', 'kids'],
        note: null,
        author: 'Carroll',
      },
      {
        id: 2,
        title: 'Pride and Prejudice',
        overview: 'Elizabeth Bennet meets Mr Darcy',
        genre: 'romance',
        price: 12.5,
        year: 1813,
        tags: ['classic'],
        note: '',
        author: 'Austen',
      },
      {
        id: 3,
        title: 'Le Petit Prince',
        overview: 'A pilot meets a little prince',
        genre: 'fantasy',
        price: 8,
        year: 1943,
        tags: [],
        author: 'Saint-Exupéry',
      },
      {
        id: 4,
        title: 'The Hobbit',
        overview: 'Bilbo goes there and back again with dwarves',
        genre: 'Fantasy',
        price: 15,
        year: 1937,
        tags: ['adventure'],
        note: 'signed',
      },
      {
        id: 5,
        title: 'Harry Potter and the Half-Blood Prince',
        overview: 'The sixth year at Hogwarts',
        genre: 'fantasy',
        price: 20,
        year: 2005,
        tags: ['kids'],
        author: 'Rowling',
      },
      {
        id: 6,
        title: 'A Prince of Persia',
        overview: 'Sands of time and a prince',
        genre: 'adventure',
        year: 2003,
      },
    ]),
  );
});
afterAll(() => meili.close());

const ids = (hits: readonly Record<string, unknown>[]) => hits.map((hit) => hit.id);
const filtered = async (filter: string | (string | string[])[]) =>
  ids((await books.search('', { filter, sort: ['year:asc'] })).hits);

describe('filter grammar', () => {
  it('supports every comparison operator', async () => {
    expect(await filtered('genre = fantasy')).toEqual([1, 4, 3, 5]);
    expect(await filtered('genre != fantasy')).toEqual([2, 6]);
    expect(await filtered('price > 12.5')).toEqual([4, 5]);
    expect(await filtered('price >= 12.5')).toEqual([2, 4, 5]);
    expect(await filtered('price < 10')).toEqual([3]);
    expect(await filtered('price <= 10')).toEqual([1, 3]);
    expect(await filtered('year 1900 TO 2003')).toEqual([4, 3, 6]);
    expect(await filtered('author = "Austen"')).toEqual([2]);
  });

  it('answers numeric ranges over repeated values exactly, before and after more documents arrive', async () => {
    const scores = meili.client.index(meili.uid('scores'));
    await succeeded(scores.updateSettings({ filterableAttributes: ['score'] }));
    const batch = (from: number) =>
      Array.from({ length: 120 }, (_, i) => ({ id: from + i, score: ((from + i) * 7) % 17 }));
    const checks: [string, (score: number) => boolean][] = [
      ['score < 5', (v) => v < 5],
      ['score <= 5', (v) => v <= 5],
      ['score > 12', (v) => v > 12],
      ['score >= 12', (v) => v >= 12],
      ['score 3 TO 3', (v) => v === 3],
      ['score 4 TO 9', (v) => v >= 4 && v <= 9],
      ['score > 16', () => false],
      ['score < 0', () => false],
    ];
    const documents = [];
    for (const from of [0, 1000]) {
      documents.push(...batch(from));
      await succeeded(scores.addDocuments(batch(from)));
      for (const [filter, keep] of checks) {
        const { hits } = await scores.search('', { filter, limit: 1000 });
        const expected = documents.filter((d) => keep(d.score)).map((d) => d.id);
        expect(
          ids(hits).sort((a, b) => Number(a) - Number(b)),
          filter,
        ).toEqual(expected);
      }
    }
  });

  it('supports IN, EXISTS, IS NULL, IS EMPTY and their negations', async () => {
    expect(await filtered('author IN [Austen, Rowling]')).toEqual([2, 5]);
    expect(await filtered('author NOT IN [Austen, Rowling, ]')).toEqual([1, 4, 3, 6]);
    expect(await filtered('author EXISTS')).toEqual([2, 1, 3, 5]);
    expect(await filtered('author NOT EXISTS')).toEqual([4, 6]);
    expect(await filtered('note IS NULL')).toEqual([1]);
    expect(await filtered('note IS NOT NULL')).toEqual([2, 4, 3, 6, 5]);
    expect(await filtered('tags IS EMPTY OR note IS EMPTY')).toEqual([2, 3]);
    expect(await filtered('tags IS NOT EMPTY')).toEqual([2, 1, 4, 6, 5]);
    expect(await filtered('tags = kids')).toEqual([1, 5]);
  });

  it('combines with AND, OR, NOT, parentheses and the array form', async () => {
    expect(await filtered('genre = fantasy AND (price < 10 OR year > 2000)')).toEqual([3, 5]);
    expect(await filtered('NOT genre = fantasy AND year > 1900')).toEqual([6]);
    expect(await filtered('NOT NOT tags = classic')).toEqual([2, 1]);
    expect(await filtered(['genre = fantasy', ['price = 8', 'price = 20']])).toEqual([3, 5]);
    expect(await filtered('author = "Saint-Exupéry"')).toEqual([3]);
  });

  it('reports bad syntax with the column range and the filter', async () => {
    const error = await apiError(books.search('', { filter: 'genre = fantasy AND' }));
    expect(error).toMatchObject({ code: 'invalid_search_filter', type: 'invalid_request', status: 400 });
    expect(error.message).toMatch(/\n\d+:\d+ genre = fantasy AND$/);
    const unclosed = await apiError(books.search('', { filter: '(genre = fantasy' }));
    expect(unclosed.message).toContain('missing the following closing delimiter: `)`');
  });

  it('rejects filtering on an undeclared attribute', async () => {
    const error = await apiError(books.search('', { filter: 'title = Emma' }));
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message).toContain('Attribute `title` is not filterable');
    expect(error.message).toMatch(/\n1:6 title = Emma$/);
  });
});

describe('sort, facets and pagination', () => {
  it('sorts by numbers and strings, documents without the field last', async () => {
    expect(ids((await books.search('', { sort: ['price:desc'] })).hits)).toEqual([5, 4, 2, 1, 3, 6]);
    expect(ids((await books.search('', { sort: ['title:asc'] })).hits)).toEqual([6, 1, 5, 3, 2, 4]);
    expect(await apiError(books.search('', { sort: ['author:asc'] }))).toMatchObject({
      code: 'invalid_search_sort',
    });
  });

  it('returns facet distributions and numeric stats for the matching documents', async () => {
    const result = await books.search('prince', { facets: ['genre', 'price'] });
    expect(result.facetDistribution?.genre).toEqual({ adventure: 1, fantasy: 2 });
    expect(result.facetStats?.price).toEqual({ min: 8, max: 20 });
    expect(await apiError(books.search('', { facets: ['title'] }))).toMatchObject({
      code: 'invalid_search_facets',
    });
  });

  it('counts facet values alike over few and many matching documents, and after more arrive', async () => {
    const parts = meili.client.index(meili.uid('parts'));
    await succeeded(parts.updateSettings({ filterableAttributes: ['kind', 'tag', 'size', 'id'] }));
    const part = (i: number) => ({
      id: i,
      kind: `k${i % 3}`,
      tag: [`t${i % 40}`, `t${(i * 7) % 40}`],
      size: i % 5,
    });
    const countsOf = (docs: ReturnType<typeof part>[], pick: (d: ReturnType<typeof part>) => unknown[]) => {
      const counts: Record<string, number> = {};
      for (const doc of docs)
        for (const value of new Set(pick(doc))) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
      return counts;
    };
    let docs = Array.from({ length: 600 }, (_, i) => part(i));
    for (const batch of [docs, Array.from({ length: 300 }, (_, i) => part(600 + i))]) {
      if (batch !== docs) docs = [...docs, ...batch];
      await succeeded(parts.addDocuments(batch));
      for (const [filter, keep] of [
        [undefined, () => true],
        ['size = 1', (d: ReturnType<typeof part>) => d.size === 1],
        ['id < 4', (d: ReturnType<typeof part>) => d.id < 4],
      ] as const) {
        const matching = docs.filter(keep);
        const { facetDistribution } = await parts.search('', { filter, facets: ['kind', 'tag', 'size'] });
        expect(facetDistribution).toEqual({
          kind: countsOf(matching, (d) => [d.kind]),
          tag: countsOf(matching, (d) => d.tag),
          size: countsOf(matching, (d) => [d.size]),
        });
      }
    }
  });

  it('computes offset/limit and page/hitsPerPage totals', async () => {
    const window = await books.search('', { offset: 4, limit: 10 });
    expect(window).toMatchObject({ offset: 4, limit: 10, estimatedTotalHits: 6 });
    expect(window.hits).toHaveLength(2);
    expect(window).not.toHaveProperty('totalHits');
    const page = await books.search('', { page: 2, hitsPerPage: 4 });
    expect(page).toMatchObject({ page: 2, hitsPerPage: 4, totalHits: 6, totalPages: 2 });
    expect(page.hits).toHaveLength(2);
    expect(page).not.toHaveProperty('estimatedTotalHits');
    expect((await books.search('', { page: 0 })).hits).toEqual([]);
    expect(await books.search('', { hitsPerPage: 0 })).toMatchObject({
      hits: [],
      totalPages: 0,
      totalHits: 6,
    });
  });

  it('caps totals at pagination.maxTotalHits', async () => {
    const index = meili.client.index(meili.uid('capped'));
    await succeeded(index.updatePagination({ maxTotalHits: 3 }));
    await succeeded(index.addDocuments(Array.from({ length: 10 }, (_, id) => ({ id }))));
    expect(await index.search('', { limit: 20 })).toMatchObject({ estimatedTotalHits: 3 });
    expect((await index.search('', { limit: 20 })).hits).toHaveLength(3);
  });
});

describe('relevance', () => {
  it('ranks documents matching more query words first', async () => {
    const { hits } = await books.search('prince persia');
    expect(hits[0]!.id).toBe(6);
    expect(ids(hits).sort()).toEqual([3, 5, 6]);
  });

  it('keeps only documents with every word under matchingStrategy all', async () => {
    expect(ids((await books.search('prince persia', { matchingStrategy: 'all' })).hits)).toEqual([6]);
  });

  it('matches the last word as a prefix and tolerates typos by word length', async () => {
    expect(ids((await books.search('wonder')).hits)).toEqual([1]);
    expect(ids((await books.search('prejudise')).hits)).toEqual([2]);
    expect(ids((await books.search('pirde ')).hits)).toEqual([2]);
    expect((await books.search('bride ')).hits).toEqual([]);
    expect(ids((await books.search('hobit ')).hits)).toEqual([4]);
    expect((await books.search('hobt ')).hits).toEqual([]);
  });

  it('ranks a title match above an overview match (attribute rank)', async () => {
    const { hits } = await books.search('prince', { attributesToRetrieve: ['id'] });
    expect(hits.slice(0, 3).map((hit) => hit.id)).toEqual(expect.arrayContaining([3, 5, 6]));
  });

  it('returns ranking scores in [0, 1], best first, and applies rankingScoreThreshold', async () => {
    const { hits } = await books.search('prince', { showRankingScore: true });
    const scores = hits.map((hit) => hit._rankingScore!);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const strict = await books.search('prince', { rankingScoreThreshold: scores[0]! });
    expect(strict.hits.length).toBeLessThan(hits.length);
    expect((await books.search('', { showRankingScore: true })).hits[0]!._rankingScore).toBe(1);
  });

  it('supports phrases, negations and attributesToSearchOn', async () => {
    expect(ids((await books.search('"little prince"')).hits)).toEqual([3]);
    expect(ids((await books.search('prince -persia')).hits).sort()).toEqual([3, 5]);
    expect(ids((await books.search('fantasy', { attributesToSearchOn: ['title'] })).hits)).toEqual([]);
    expect(await apiError(books.search('x', { attributesToSearchOn: ['author'] }))).toMatchObject({
      code: 'invalid_search_attributes_to_search_on',
    });
  });

  it('only considers the first ten query words', async () => {
    const tenWords = 'sands of time and a prince persia sands time prince';
    expect(ids((await books.search(tenWords, { matchingStrategy: 'all' })).hits)).toEqual([6]);
    expect(ids((await books.search(`${tenWords} zzzzzz`, { matchingStrategy: 'all' })).hits)).toEqual([6]);
  });
});

describe('formatting', () => {
  it('highlights and crops into _formatted, numbers as strings', async () => {
    const { hits } = await books.search('rabbit', {
      attributesToHighlight: ['*'],
      highlightPreTag: '[',
      highlightPostTag: ']',
      attributesToCrop: ['overview:3'],
      cropMarker: '~',
      showMatchesPosition: true,
    });
    const hit = hits[0]!;
    expect(hit._formatted).toMatchObject({ id: '1', price: '10', title: 'Alice In Wonderland' });
    const overview = String(hit._formatted!.overview);
    expect(overview).toMatch(/^~.*\[rabbit\]/);
    expect(
      overview
        .replace(/[~[\]]/g, '')
        .trim()
        .split(/\s+/),
    ).toHaveLength(3);
    expect(hit._matchesPosition).toEqual({ overview: [{ start: 20, length: 6 }] });
  });

  it('highlights only the typed prefix of a prefix match', async () => {
    const { hits } = await books.search('wond', { attributesToHighlight: ['title'] });
    expect(hits[0]!._formatted!.title).toBe('Alice In <em>Wond</em>erland');
  });
});

describe('distinct, synonyms, stop words and GET search', () => {
  it('returns one document per distinct value (compared like facet values)', async () => {
    const result = await books.search('', { distinct: 'genre', sort: ['year:asc'] });
    expect(ids(result.hits)).toEqual([2, 1, 6]);
  });

  it('applies synonyms and stop words', async () => {
    const index = meili.client.index(meili.uid('synonyms'));
    await succeeded(
      index.updateSettings({ synonyms: { tome: ['book'], 'big apple': ['new york'] }, stopWords: ['the'] }),
    );
    await succeeded(
      index.addDocuments([
        { id: 1, text: 'a good book' },
        { id: 2, text: 'welcome to new york' },
        { id: 3, text: 'the the the' },
      ]),
    );
    expect(ids((await index.search('tome')).hits)).toEqual([1]);
    expect(ids((await index.search('big apple')).hits)).toEqual([2]);
    expect(ids((await index.search('the book')).hits)).toEqual([1]);
  });

  it('serves the GET form of search', async () => {
    const result = await books.searchGet('prince', {
      filter: 'genre = fantasy',
      attributesToRetrieve: ['id'],
      limit: 1,
    });
    expect(result.hits).toHaveLength(1);
    expect(result.estimatedTotalHits).toBe(2);
  });
});

describe('multi-search', () => {
  it('runs queries on several indexes and names the failing one', async () => {
    const other = meili.uid('multi');
    await succeeded(meili.client.index(other).addDocuments([{ id: 1, title: 'prince of tennis' }]));
    const { results } = await meili.client.multiSearch({
      queries: [
        { indexUid: books.uid, q: 'prince', limit: 1 },
        { indexUid: other, q: 'tennis' },
      ],
    });
    expect(results.map((result) => result.indexUid)).toEqual([books.uid, other]);
    expect(results[0]!.hits).toHaveLength(1);
    expect(results[1]!.hits[0]!.id).toBe(1);
    const error = await apiError(
      meili.client.multiSearch({
        queries: [
          { indexUid: books.uid, q: 'x' },
          { indexUid: books.uid, filter: 'title = x' },
        ],
      }),
    );
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message.startsWith('Inside `.queries[1]`: ')).toBe(true);
  });
});
