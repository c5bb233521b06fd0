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
/** The engine asked again after its first page was judged: ids starred and dismissed, in dataset ids. */
type JudgedRanker = (
  needId: string,
  judged: { relevant: string[]; irrelevant: string[] },
) => Promise<string[]>;

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

/**
 * Relevance feedback, measured on the residual collection: a simulated owner stars the first answer (grade ≥ 2)
 * and dismisses the first non-answer (grade 0) of the engine's first page; both are then removed from the
 * rankings and the judgements, so the figures compare the rest of the ranking without and with that feedback.
 */
async function evaluateFeedback(
  dataset: Dataset,
  rank: JudgedRanker,
): Promise<{ without: Scores; with: Scores; judgedNeeds: number }> {
  const without: Scores[] = [];
  const withFeedback: Scores[] = [];
  for (const need of dataset.needs) {
    const grades = dataset.qrels[need.id] ?? {};
    const first = await rank(need.id, { relevant: [], irrelevant: [] });
    const page = first.slice(0, 10);
    const starred = page.find((id) => (grades[id] ?? 0) >= 2);
    const dismissed = page.find((id) => (grades[id] ?? 0) === 0);
    if (!starred && !dismissed) continue;
    const judged = { relevant: starred ? [starred] : [], irrelevant: dismissed ? [dismissed] : [] };
    const seen = new Set([...judged.relevant, ...judged.irrelevant]);
    const residual = Object.fromEntries(Object.entries(grades).filter(([id]) => !seen.has(id)));
    const unseen = (ranking: string[]) => ranking.filter((id) => !seen.has(id));
    without.push(scoreRanking(unseen(first), residual));
    withFeedback.push(scoreRanking(unseen(await rank(need.id, judged)), residual));
  }
  return { without: mean(without), with: mean(withFeedback), judgedNeeds: without.length };
}

const started = performance.now();
const dataset = readDataset(dataDir);
const stack = await startStack();
try {
  const platformIds = await loadDataset(stack.services, dataset);
  const datasetIds = new Map([...platformIds].map(([datasetId, platformId]) => [platformId, datasetId]));
  const toDataset = (ids: string[]) => ids.map((id) => datasetIds.get(id) ?? id);

  const toPlatform = (ids: string[]) => ids.map((id) => platformIds.get(id) ?? id);
  const engineWith =
    (limit: number): JudgedRanker =>
    async (needId, judged) => {
      const need = await stack.services.models.needs.findById(platformIds.get(needId)).lean<NeedDoc>();
      if (!need) throw new Error(`need ${needId} was not loaded`);
      const inPlatform = { relevant: toPlatform(judged.relevant), irrelevant: toPlatform(judged.irrelevant) };
      const { candidates } = await stack.services.matching.achievementsFor(need, limit, inPlatform);
      return toDataset(candidates.map((m) => m.id));
    };
  const engine: Ranker = (needId) => engineWith(10)(needId, { relevant: [], irrelevant: [] });

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
  const feedback = await evaluateFeedback(dataset, engineWith(12));
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
  console.log(
    `\nafter one star and one dismissal on the first page (${feedback.judgedNeeds} needs; judged listings removed):`,
  );
  console.log(row('without', feedback.without));
  console.log(row('with', feedback.with));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (values.json) console.log(JSON.stringify({ ...report, feedback }));
} finally {
  await stack.close();
}
