/**
 * `npm run bench:search`: listing search end to end (HTTP → Express → meilisearch client → embedded Meilisearch)
 * over 100,000 published listings, plus the time `npm run reindex` takes to rebuild both indexes from MongoDB.
 * The listings go into MongoDB in bulk and reach the index through the application's search sync, so the
 * index holds exactly what the real mapping code derives.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { daysFromToday, IP_TYPES, type Field } from '../../shared/src/index.js';
import { loadConfig } from '../../server/src/config.js';
import { startServer } from '../../server/src/server.js';
import {
  generateAchievements,
  generateNeeds,
  type AchievementRecord,
  type NeedRecord,
} from '../generate/listings.js';
import { formatSummary, measure } from './load.js';
import { QUERY_WORDS, queries } from './queries.js';

const ACHIEVEMENTS = Number(process.env.BENCH_ACHIEVEMENTS ?? 60_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 40_000);
const INSERT_BATCH = 5_000;
const SEARCHES = 4_000;
const CONCURRENCY = 16;
const TARGET_P95_MS = 50;

const FIELDS_SAMPLE: Field[] = ['生态铝', '新材料', '现代特色农林', '绿色建材', '电子信息'];
const COUNTIES_SAMPLE = ['平果市', '田东县', '德保县', '右江区', '靖西市'];
const TWO_CHARACTER_WORDS = QUERY_WORDS.filter((word) => word.length === 2);
const MULTI_WORD_QUERIES = queries(400).filter((q) => q.includes(' '));

const owner = {
  organisationId: '65f000000000000000000001',
  ownerId: '65f000000000000000000002',
  contactName: '压测联系人',
  contactPhone: '0776-2800000',
  contactEmail: 'bench@example.cn',
  status: 'published',
};

function achievementDoc(record: AchievementRecord, i: number) {
  return {
    ...owner,
    title: record.title,
    summary: record.summary,
    field: record.field,
    keywords: record.keywords,
    organisationName: record.institution,
    maturity: record.maturity,
    ipType: IP_TYPES[i % IP_TYPES.length],
    transferModes: record.transferModes,
    askingPriceFen: i % 7 === 0 ? null : record.priceFen,
    publishedAt: new Date(record.createdAt),
  };
}

function needDoc(record: NeedRecord, i: number) {
  const deadline = daysFromToday(30 + (i % 600));
  return {
    ...owner,
    title: record.title,
    description: record.summary,
    field: record.field,
    keywords: record.keywords,
    organisationName: record.firm,
    county: record.county,
    budgetFen: i % 9 === 0 ? null : record.budgetFen,
    deadline,
    kind: record.challenge ? 'challenge' : 'general',
    challenge: record.challenge
      ? {
          bountyFen: record.budgetFen,
          requirements: ['完成中试验证', '关键指标达到国内先进水平'],
          applicationDeadline: deadline,
          visibility: 'public',
        }
      : null,
    publishedAt: new Date(record.createdAt),
  };
}

async function insertInBatches<T>(
  model: { insertMany(docs: object[]): Promise<unknown> },
  records: T[],
  toDoc: (record: T, i: number) => object,
): Promise<void> {
  for (let start = 0; start < records.length; start += INSERT_BATCH) {
    await model.insertMany(records.slice(start, start + INSERT_BATCH).map((r, i) => toDoc(r, start + i)));
  }
}

/** The i-th request of a realistic mix: short and multi-word queries, browsing, filters, sorts and pages. */
function searchPath(i: number): string {
  const type = i % 5 < 3 ? 'achievements' : 'needs';
  const params = new URLSearchParams();
  const roll = (i * 7919) % 100;
  if (roll < 45) params.set('q', TWO_CHARACTER_WORDS[i % TWO_CHARACTER_WORDS.length] ?? '');
  else if (roll < 85) params.set('q', MULTI_WORD_QUERIES[i % MULTI_WORD_QUERIES.length] ?? '');
  if (i % 3 === 0) params.set('field', FIELDS_SAMPLE[i % FIELDS_SAMPLE.length] ?? '生态铝');
  if (type === 'needs' && i % 4 === 1)
    params.set('county', COUNTIES_SAMPLE[i % COUNTIES_SAMPLE.length] ?? '');
  if (type === 'achievements' && i % 6 === 2) params.set('maturity', '中试');
  if (i % 8 === 3) params.set('sort', 'newest');
  if (i % 11 === 5) params.set('sort', type === 'needs' ? 'price_desc' : 'price_asc');
  if (i % 5 === 4) params.set('page', String(2 + (i % 4)));
  return `/api/${type}/search?${params.toString()}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

// MONGODB_URI / MEILI_URL from the environment are honoured, to measure against real services.
const server = await startServer(
  loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-search-')),
  }),
  pino({ level: 'silent' }),
);
const { models, searchSync } = server.services;
try {
  console.log(`${ACHIEVEMENTS} achievements + ${NEEDS} needs; load average ${load()}`);
  let started = performance.now();
  await insertInBatches(models.achievements, generateAchievements(ACHIEVEMENTS, 11), achievementDoc);
  await insertInBatches(models.needs, generateNeeds(NEEDS, 12), needDoc);
  console.log(`insert into MongoDB                          ${seconds(performance.now() - started)}`);
  started = performance.now();
  await searchSync.drain();
  if (searchSync.state.lastError) throw new Error(`search sync failed: ${searchSync.state.lastError}`);
  console.log(`search sync into Meilisearch                 ${seconds(performance.now() - started)}`);

  let hits = 0;
  const run = () =>
    measure(SEARCHES, CONCURRENCY, async (i) => {
      const res = await fetch(`${server.url}${searchPath(i)}`);
      if (res.status !== 200) throw new Error(`${searchPath(i)}: ${res.status} ${await res.text()}`);
      hits += ((await res.json()) as { total: number }).total;
    });
  console.log(formatSummary(`GET search, cold (concurrency ${CONCURRENCY})`, await run()));
  hits = 0;
  const warm = await run();
  console.log(formatSummary(`GET search, warm (concurrency ${CONCURRENCY})`, warm));
  console.log(`average total per search: ${Math.round(hits / SEARCHES)}`);

  started = performance.now();
  await searchSync.reindexAll();
  if (searchSync.state.lastError) throw new Error(`reindex failed: ${searchSync.state.lastError}`);
  console.log(
    `reindex of ${ACHIEVEMENTS + NEEDS} listings (SearchSync.reindexAll)  ${seconds(performance.now() - started)}`,
  );
  console.log(
    `target: p95 <= ${TARGET_P95_MS} ms (warm ${warm.p95.toFixed(1)} ms: ${warm.p95 <= TARGET_P95_MS ? 'met' : 'missed'}); load average now ${load()}`,
  );
} finally {
  await server.close();
}
