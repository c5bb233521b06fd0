import { Context } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulator from 'mingo/operators/accumulator';
import * as expression from 'mingo/operators/expression';
import * as pipeline from 'mingo/operators/pipeline';
import * as projection from 'mingo/operators/projection';
import * as query from 'mingo/operators/query';
import * as window from 'mingo/operators/window';

import type { Options } from 'mingo/types';
import { cloneDeep } from 'mingo/util';
import { MongoCommandError, notSupported, unrecognizedStage, type Doc } from '../errors.js';
import { isPlainObject } from '../values.js';
import type { Catalog } from './catalog.js';
import { findMatches, mingoOptions, type EvalOptions } from './query.js';
import { sortDocs } from './sort.js';

/** Stages mingo implements and this server lets through ($out is handled here, after the pipeline). */
const MINGO_STAGES = new Set(
  '$addFields $bucket $bucketAuto $count $densify $documents $facet $fill $graphLookup $group $limit $lookup $match $project $redact $replaceRoot $replaceWith $sample $set $setWindowFields $skip $sort $sortByCount $unionWith $unset $unwind'.split(
    ' ',
  ),
);

/** Real MongoDB stages that cannot work here, answered with an error instead of a wrong result. */
const REFUSED_STAGES = new Set(
  '$merge $geoNear $search $searchMeta $vectorSearch $listSearchIndexes $collStats $indexStats $currentOp $listSessions $listLocalSessions $planCacheStats $queryStats $shardedDataDistribution $changeStreamSplitLargeEvent'.split(
    ' ',
  ),
);

/** Stages that may write into nested objects of their input (mingo copies only the top level). */
const MUTATING_STAGES = ['$addFields', '$set', '$setWindowFields', '$fill', '$densify'];

/**
 * All of mingo's operators, with two stages corrected: `$sort` gets MongoDB's BSON ordering and array rules
 * instead of mingo's JS-type ordering; `$lookup` on an array `localField` loses the `undefined` entries mingo
 * leaves in the joined array for elements that matched nothing. (Mingo's default entry point merges its own
 * operators over any given ones, hence a complete context used with the base Aggregator.)
 */
const AGGREGATION_CONTEXT = Context.init({
  accumulator,
  expression,
  projection,
  query,
  window,
  pipeline: {
    ...pipeline,
    $sort: (coll: Iterator, spec: Doc, options: Options): Iterator =>
      Lazy(sortDocs(coll.collect() as Doc[], spec, options.collation)),
    $lookup: (coll: Iterator, spec: Doc, options: Options): Iterator =>
      pipeline
        .$lookup(coll, spec as unknown as Parameters<typeof pipeline.$lookup>[1], options)
        .map((doc: Doc) => withoutMissingMatches(doc, spec['as'])),
  },
});

function withoutMissingMatches(doc: Doc, as: unknown): Doc {
  const joined = typeof as === 'string' ? doc[as] : undefined;
  if (!Array.isArray(joined) || !joined.includes(undefined)) return doc;
  return { ...doc, [as as string]: joined.filter((match) => match !== undefined) };
}

export interface PipelineTarget {
  catalog: Catalog;
  db: string;
  /** Undefined for `aggregate: 1`, whose pipeline starts with `$documents`. */
  collection: string | undefined;
}

export interface PipelineResult {
  docs: Doc[];
  /** The collection named by a final `$out`, which the caller replaces with `docs`. */
  out?: string;
}

export function runPipeline(
  target: PipelineTarget,
  pipeline: unknown[],
  options: EvalOptions,
): PipelineResult {
  const stages = pipeline.map(checkStage);
  if (stages.slice(0, -1).some((stage) => '$out' in stage)) {
    throw new MongoCommandError(40601, '$out can only be the final stage in the pipeline');
  }
  const last = stages.at(-1);
  const out = last && '$out' in last ? outTarget(last['$out'], target.db) : undefined;
  const body = out === undefined ? stages : stages.slice(0, -1);
  const mutates = containsKey(body, MUTATING_STAGES);
  const { source, rest } = sourceDocs(target, body, options);
  const resolver = (name: string): Doc[] => {
    const docs = [...(target.catalog.collection(target.db, name)?.docs() ?? [])];
    return mutates ? docs.map((doc) => cloneDeep(doc) as Doc) : docs;
  };
  const aggregator = new Aggregator(
    rest,
    mingoOptions({ ...options, context: AGGREGATION_CONTEXT, collectionResolver: resolver }),
  );
  const input = mutates ? source.map((doc) => cloneDeep(doc) as Doc) : source;
  const docs = aggregator.run(input) as Doc[];
  return out === undefined ? { docs } : { docs, out };
}

/** A leading `$match` is answered through the indexes instead of by mingo. */
function sourceDocs(
  target: PipelineTarget,
  stages: Doc[],
  options: EvalOptions,
): { source: Doc[]; rest: Doc[] } {
  if (target.collection === undefined) return { source: [], rest: stages };
  const collection = target.catalog.collection(target.db, target.collection);
  const first = stages[0];
  if (first && '$match' in first) {
    return { source: findMatches(collection, first['$match'] as Doc, options), rest: stages.slice(1) };
  }
  return { source: collection ? [...collection.docs()] : [], rest: stages };
}

function checkStage(stage: unknown): Doc {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
    throw new MongoCommandError(
      40323,
      'A pipeline stage specification object must contain exactly one field.',
    );
  }
  const name = Object.keys(stage)[0] as string;
  if (name === '$changeStream') {
    throw new MongoCommandError(40573, 'The $changeStream stage is only supported on replica sets');
  }
  if (REFUSED_STAGES.has(name)) throw notSupported(`The ${name} stage`);
  if (!MINGO_STAGES.has(name) && name !== '$out') throw unrecognizedStage(name);
  return stage;
}

function outTarget(spec: unknown, db: string): string {
  if (typeof spec === 'string') return spec;
  if (isPlainObject(spec) && spec['db'] === db && typeof spec['coll'] === 'string') return spec['coll'];
  throw notSupported('$out to another database');
}

function containsKey(value: unknown, keys: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((item) => containsKey(item, keys));
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, item]) => keys.includes(key) || containsKey(item, keys));
}
