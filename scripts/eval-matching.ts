// `npm run eval:matching [-- --data DIR] [--json]`: NDCG@10, recall@10 and MRR of the matching engine, a title-
// only baseline and an in-process BM25 reference, on a labelled data set loaded through the application.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { NeedDoc } from '../server/src/modules/needs/need.model.js';
import { startStack } from '../server/src/stack.js';
import { Bm25 } from './eval/bm25.js';
import { loadDataset, readDataset, type Dataset } from './eval/dataset.js';
import { mean, scoreRanking, type Scores } from './eval/metrics.js';

const DEFAULT_DATA = fileURLToPath(new URL('../../shared/data/matching-dev/', import.meta.url));
const { values } = parseArgs({
  options: { data: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const dataDir = values.data ?? DEFAULT_DATA;
if (!existsSync(dataDir)) {
  console.error(`No data set at ${dataDir}: pass --data DIR (achievements.json, needs.json, qrels.json).`);
  process.exit(2);
}

type Ranker = (needId: string) => Promise<string[]>;

interface Report extends Scores {
  byField: Record<string, Scores>;
}

async function evaluate(dataset: Dataset, rank: Ranker): Promise<Report> {
  const perNeed: { field: string; scores: Scores }[] = [];
  for (const need of dataset.needs) {
    perNeed.push({
      field: need.field,
      scores: scoreRanking(await rank(need.id), dataset.qrels[need.id] ?? {}),
    });
  }
  const fields = [...new Set(perNeed.map((n) => n.field))];
  return {
    ...mean(perNeed.map((n) => n.scores)),
    byField: Object.fromEntries(
      fields.map((f) => [f, mean(perNeed.filter((n) => n.field === f).map((n) => n.scores))]),
    ),
  };
}

const started = performance.now();
const dataset = readDataset(dataDir);
const stack = await startStack();
try {
  const platformIds = await loadDataset(stack.services, dataset);
  const datasetIds = new Map([...platformIds].map(([datasetId, platformId]) => [platformId, datasetId]));
  const toDataset = (ids: string[]) => ids.map((id) => datasetIds.get(id) ?? id);

  const engine: Ranker = async (needId) => {
    const need = await stack.services.models.needs.findById(platformIds.get(needId)).lean<NeedDoc>();
    if (!need) throw new Error(`need ${needId} was not loaded`);
    return toDataset((await stack.services.matching.achievementsFor(need, 10)).candidates.map((m) => m.id));
  };

  const baselineIndex = stack.search.client.index(`${stack.services.indexes.achievements}_baseline`);
  await baselineIndex
    .addDocuments(
      dataset.achievements.map(({ id, title, summary, keywords, field }) => ({
        id,
        title,
        summary,
        keywords,
        field,
      })),
    )
    .waitTask({ timeout: 60_000 });
  const needTitles = new Map(dataset.needs.map((n) => [n.id, n.title]));
  const baseline: Ranker = async (needId) =>
    (await baselineIndex.search(needTitles.get(needId) ?? '', { limit: 10 })).hits.map((h) => String(h.id));

  const bm25 = new Bm25(
    dataset.achievements.map((a) => ({ id: a.id, text: `${a.title} ${a.keywords.join(' ')} ${a.summary}` })),
  );
  const needTexts = new Map(dataset.needs.map((n) => [n.id, `${n.title} ${n.description}`]));
  const reference: Ranker = (needId) => Promise.resolve(bm25.rank(needTexts.get(needId) ?? ''));

  const report = {
    engine: await evaluate(dataset, engine),
    baseline: await evaluate(dataset, baseline),
    reference: await evaluate(dataset, reference),
  };
  const row = (name: string, s: Scores) =>
    `${name.padEnd(12)} ${s.ndcg10.toFixed(3).padStart(8)} ${s.recall10.toFixed(3).padStart(10)} ${s.mrr.toFixed(3).padStart(7)}`;
  console.log(
    `\nData set: ${dataDir} (${dataset.needs.length} needs, ${dataset.achievements.length} achievements)`,
  );
  console.log(
    `${'ranker'.padEnd(12)} ${'NDCG@10'.padStart(8)} ${'recall@10'.padStart(10)} ${'MRR'.padStart(7)}`,
  );
  for (const [name, scores] of Object.entries(report)) console.log(row(name, scores));
  console.log('\nengine by field (need field):');
  for (const [field, scores] of Object.entries(report.engine.byField)) console.log(row(field, scores));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (values.json) console.log(JSON.stringify(report));
} finally {
  await stack.close();
}
