/**
 * `npm run bench:matching [-- --achievements N --needs M]`: the matching engine against a large marketplace,
 * in-process on the embedded stack. Loads N generated published achievements (default 100,000) through the
 * models and the search sync (the index mapping the app uses), then prints, for M generated needs: match
 * computation latency per need (p50/p95/p99; target p95 ≤ 150 ms) and the throughput of the background
 * recompute that stores matches (items/s).
 */
import { parseArgs } from 'node:util';
import { Types } from 'mongoose';
import type { NeedDoc } from '../../server/src/modules/needs/need.model.js';
import { startStack } from '../../server/src/stack.js';
import { generateAchievements, generateNeeds, type ListingBase } from '../generate/listings.js';
import { measure, percentile, residentMb } from './load.js';

const { values } = parseArgs({
  options: {
    achievements: { type: 'string', default: '100000' },
    needs: { type: 'string', default: '200' },
  },
});
const ACHIEVEMENTS = Number(values.achievements);
const NEEDS = Number(values.needs);
const BATCH = 2_000;

const stack = await startStack({ config: { LOG_LEVEL: 'warn' } });
const { models, searchSync, matching, matchStore } = stack.services;

/** The fields every published listing carries, owned by a handful of organisations. */
const owners = Array.from({ length: 20 }, () => ({
  organisationId: new Types.ObjectId(),
  ownerId: new Types.ObjectId(),
}));
function published(record: ListingBase, i: number, organisationName: string) {
  return {
    ...owners[i % owners.length],
    title: record.title,
    field: record.field,
    keywords: record.keywords.slice(0, 10),
    organisationName,
    status: 'published',
    publishedAt: new Date(record.createdAt),
    contactName: '基准测试',
    contactPhone: '13800000000',
    contactEmail: 'bench@example.cn',
    searchDirty: true,
    searchVersion: 1,
  };
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

try {
  let t0 = performance.now();
  const achievements = generateAchievements(ACHIEVEMENTS, 7);
  await insertInBatches(
    achievements.map((a, i) => ({
      ...published(a, i, a.institution),
      summary: a.summary,
      maturity: a.maturity,
      ipType: '发明专利',
      transferModes: a.transferModes,
      askingPriceFen: a.priceFen,
    })),
    (batch) => models.achievements.insertMany(batch, { lean: true }),
  );
  const needs = generateNeeds(NEEDS, 11);
  await insertInBatches(
    needs.map((n, i) => ({
      ...published(n, i, n.firm),
      description: n.summary,
      county: n.county,
      budgetFen: n.budgetFen,
      kind: 'general',
      challenge: null,
      deadline: null,
    })),
    (batch) => models.needs.insertMany(batch, { lean: true }),
  );
  const inserted = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await searchSync.drain();
  const indexed = (performance.now() - t0) / 1000;
  console.log(
    `Loaded ${ACHIEVEMENTS.toLocaleString('en')} achievements and ${NEEDS} needs: MongoDB ${inserted.toFixed(1)} s, ` +
      `search index ${indexed.toFixed(1)} s (RSS ${residentMb().toFixed(0)} MB)`,
  );

  const needDocs = await models.needs.find({}).lean<NeedDoc[]>();
  // Warm-up: the first queries build the engine's per-index structures.
  for (const need of needDocs.slice(0, 5)) await matching.achievementsFor(need, 20);

  const latencies: number[] = [];
  let withCandidates = 0;
  for (const need of needDocs) {
    const started = performance.now();
    const { candidates } = await matching.achievementsFor(need, 20);
    latencies.push(performance.now() - started);
    if (candidates.length > 0) withCandidates += 1;
  }
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `\nMatch computation, one need → ${ACHIEVEMENTS.toLocaleString('en')} achievements (${needDocs.length} needs, sequential):`,
  );
  console.log(
    `  p50 ${ms(percentile(latencies, 50))}   p95 ${ms(percentile(latencies, 95))}   p99 ${ms(percentile(latencies, 99))}` +
      `   max ${ms(latencies.at(-1) ?? 0)}   (${withCandidates}/${needDocs.length} needs found candidates; target p95 ≤ 150 ms)`,
  );

  const recompute = await measure(needDocs.length, 1, (i) =>
    matchStore.recompute('need', needDocs[i]?._id.toHexString() ?? ''),
  );
  const stored = await models.matches.countDocuments();
  console.log(
    `\nBackground recompute (compute + store + alert), one worker: ${recompute.perSecond.toFixed(1)} items/s` +
      `   p50 ${ms(recompute.p50)}   p95 ${ms(recompute.p95)}   (${stored} matches stored)`,
  );
  console.log(`RSS ${residentMb().toFixed(0)} MB`);
} finally {
  await stack.close();
}
