import { Long } from 'bson';
import { MongoCommandError, type Doc } from '../errors.js';
import { compareValues } from '../compare.js';
import { EMPTY_ARRAY, valueKey, valuesAtPath } from '../keys.js';
import { findMatches, findSorted, projectForWire } from '../engine/query.js';
import { stringComparer } from '../engine/sort.js';

import type { CommandContext, CommandHandler } from './context.js';
import { evalOptions, namespace } from './read-options.js';

const FIND_FIELDS = [
  'filter',
  'sort',
  'projection',
  'hint',
  'skip',
  'limit',
  'batchSize',
  'singleBatch',
  'collation',
  'let',
  'allowDiskUse',
  'noCursorTimeout',
  'allowPartialResults',
  'oplogReplay',
  'readOnce',
];

function find(ctx: CommandContext): Doc {
  const args = ctx.args.check({
    accepted: FIND_FIELDS,
    unsupported: ['min', 'max', 'returnKey', 'showRecordId', 'tailable', 'awaitData'],
  });
  const coll = args.collectionName();
  const collection = ctx.state.catalog.collection(ctx.db, coll);
  const filter = args.doc('filter') ?? {};
  const options = evalOptions(args);
  const skip = args.nonNegative('skip') ?? 0;
  const limit = args.nonNegative('limit') || undefined;
  const { sort, natural } = splitNaturalSort(args.doc('sort'));
  const keep = limit === undefined ? undefined : skip + limit;
  let docs: Doc[];
  if (sort) docs = findSorted(collection, filter, sort, options, keep);
  else if (natural === -1) docs = findMatches(collection, filter, options).reverse();
  else docs = findMatches(collection, filter, options, keep);
  docs = docs.slice(skip, keep);
  const output = projectForWire(collection, docs, args.doc('projection'), filter, options);
  const batchSize = args.nonNegative('batchSize');
  return ctx.state.cursors.firstBatch(namespace(ctx.db, coll), output, {
    ...(batchSize !== undefined && { batchSize }),
    singleBatch: args.bool('singleBatch') ?? false,
  });
}

/** `$natural` orders by insertion, which is the order documents are kept in. */
function splitNaturalSort(sort: Doc | undefined): { sort: Doc | undefined; natural: number | undefined } {
  if (!sort || !('$natural' in sort))
    return { sort: sort && Object.keys(sort).length ? sort : undefined, natural: undefined };
  const { $natural, ...rest } = sort;
  return { sort: Object.keys(rest).length ? rest : undefined, natural: $natural as number };
}

function getMore(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['collection', 'batchSize', 'term', 'lastKnownCommittedOpTime'] });
  const id = args.number('getMore');
  if (id === undefined)
    throw new MongoCommandError(14, "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
  const batchSize = args.nonNegative('batchSize') || undefined;
  return ctx.state.cursors.getMore(id, args.string('collection') ?? '', batchSize);
}

function killCursors(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['cursors'] });
  const { killed, notFound } = ctx.state.cursors.kill(args.array<number>('cursors') ?? []);
  const asLongs = (ids: number[]) => ids.map((id) => Long.fromNumber(id));
  return {
    cursorsKilled: asLongs(killed),
    cursorsNotFound: asLongs(notFound),
    cursorsAlive: [],
    cursorsUnknown: [],
    ok: 1,
  };
}

function count(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['query', 'limit', 'skip', 'hint', 'collation', 'fields'] });
  const collection = ctx.state.catalog.collection(ctx.db, args.collectionName());
  const query = args.doc('query') ?? {};
  const matched =
    Object.keys(query).length === 0
      ? (collection?.size ?? 0)
      : findMatches(collection, query, evalOptions(args)).length;
  const skip = args.nonNegative('skip') ?? 0;
  const limit = Math.abs(args.number('limit') ?? 0) || Number.POSITIVE_INFINITY;
  return { n: Math.min(Math.max(matched - skip, 0), limit), ok: 1 };
}

/** Distinct values of a field; arrays contribute their elements, as in MongoDB, sorted in BSON order. */
function distinct(ctx: CommandContext): Doc {
  const args = ctx.args.check({ accepted: ['key', 'query', 'collation', 'hint'] });
  const key = args.string('key');
  if (key === undefined)
    throw new MongoCommandError(40414, "BSON field 'distinct.key' is missing but a required field");
  const options = evalOptions(args);
  const collection = ctx.state.catalog.collection(ctx.db, args.collectionName());
  const seen = new Map<string, unknown>();
  for (const doc of findMatches(collection, args.doc('query') ?? {}, options)) {
    for (const value of valuesAtPath(doc, key)) {
      if (value !== undefined && value !== EMPTY_ARRAY) seen.set(valueKey(value), value);
    }
  }
  const strings = stringComparer(options.collation);
  return { values: [...seen.values()].sort((a, b) => compareValues(a, b, strings)), ok: 1 };
}

export const findCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct };
