import { update as mingoUpdate, updateOne as mingoUpdateOne } from 'mingo';
import type { Modifier, PipelineStage } from 'mingo/updater';
import { cloneDeep } from 'mingo/util';
import { MongoCommandError, type Doc } from '../errors.js';
import { valueKey } from '../keys.js';
import {
  hasExoticNumbers,
  ingest,
  isPlainObject,
  restoreFidelity,
  withoutKey,
  type Ingested,
} from '../values.js';
import { formatValue } from './format.js';
import { mingoOptions, type EvalOptions } from './query.js';

/**
 * One update statement (from `update` or `findAndModify`). `update` is the view form that mingo evaluates;
 * `wireUpdate` is the same document as received, used to keep the BSON types of the values it places.
 */
export interface UpdateStatement {
  filter: Doc;
  update: Doc | Doc[];
  wireUpdate: Doc | Doc[];
  arrayFilters?: Doc[] | undefined;
  options: EvalOptions;
}

export type UpdateKind = 'replacement' | 'operators' | 'pipeline';

export function updateKind(update: Doc | Doc[]): UpdateKind {
  if (Array.isArray(update)) return 'pipeline';
  const keys = Object.keys(update);
  if (keys[0]?.startsWith('$')) return 'operators';
  const dollar = keys.find((key) => key.startsWith('$'));
  if (dollar) {
    throw new MongoCommandError(
      52,
      `The dollar ($) prefixed field '${dollar}' in '${dollar}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
    );
  }
  return 'replacement';
}

/** Operators that only place values, so they can be replayed on the wire form to keep BSON number types. */
const PLACING_OPERATORS = new Set(['$set', '$setOnInsert', '$unset', '$rename', '$push', '$addToSet']);

/**
 * Applies an update to a stored document. Returns the new document, or undefined when nothing changed
 * (MongoDB then reports the document as matched but not modified).
 */
export function applyUpdate(current: Ingested, statement: UpdateStatement): Ingested | undefined {
  const kind = updateKind(statement.update);
  if (kind === 'replacement') return replaceDocument(current, statement);
  if (kind === 'pipeline') return applyPipeline(current, statement);
  const id = current.view['_id'];
  const modifier = forExistingDocument(statement.update as Doc, id);
  const wireModifier = forExistingDocument(statement.wireUpdate as Doc, id);
  return applyOperators(current, modifier, wireModifier, statement);
}

export function applyOperators(
  current: Ingested,
  modifier: Doc,
  wireModifier: Doc,
  statement: UpdateStatement,
): Ingested | undefined {
  const next = cloneDeep(current.view) as Doc;
  const condition = usesPositional(modifier) ? statement.filter : {};
  const changed = mingoUpdate(next, modifier as Modifier<Doc>, statement.arrayFilters, condition, {
    cloneMode: 'deep',
    queryOptions: mingoOptions(statement.options),
  });
  if (changed.length === 0) return undefined;
  if (!current.wire && !hasExoticNumbers(wireModifier)) return { view: next, wire: undefined };
  return restoreFidelity(next, placeOnWireForm(current.wire ?? current.view, wireModifier, statement));
}

/**
 * Mingo re-tests the condition it is given before updating; the document already matched, so the filter is
 * only passed when the positional `$` needs it to find the array element.
 */
function usesPositional(modifier: Doc): boolean {
  return Object.values(modifier).some(
    (fields) => isPlainObject(fields) && Object.keys(fields).some((path) => /(^|\.)\$(\.|$)/.test(path)),
  );
}

/** Replays the placing operators on the wire form; a failure only means fewer number types are kept. */
function placeOnWireForm(wire: Doc, wireModifier: Doc, statement: UpdateStatement): Doc | undefined {
  const placing = Object.fromEntries(
    Object.entries(wireModifier).filter(([op]) => PLACING_OPERATORS.has(op)),
  );
  const shadow = cloneDeep(wire) as Doc;
  try {
    mingoUpdate(shadow, placing as Modifier<Doc>, statement.arrayFilters, {}, { cloneMode: 'deep' });
    return shadow;
  } catch {
    return wire;
  }
}

export function applyPipeline(current: Ingested, statement: UpdateStatement): Ingested | undefined {
  const documents = [cloneDeep(current.view) as Doc];
  const pipeline = statement.update as PipelineStage[];
  const result = mingoUpdateOne(documents, {}, pipeline, {}, mingoOptions(statement.options));
  const next = documents[0] as Doc;
  if (result.modifiedCount === 0) return undefined;
  assertSameId(current.view['_id'], next['_id']);
  return restoreFidelity(next, current.wire);
}

function replaceDocument(current: Ingested, statement: UpdateStatement): Ingested | undefined {
  const replacement = statement.update as Doc;
  const id = current.view['_id'];
  if ('_id' in replacement) assertSameId(id, replacement['_id']);
  const wireId = current.wire?.['_id'] ?? id;
  const next = ingest({ _id: wireId, ...withoutKey(statement.wireUpdate as Doc, '_id') });
  const unchanged = !next.wire && !current.wire && valueKey(next.view) === valueKey(current.view);
  return unchanged ? undefined : next;
}

function assertSameId(before: unknown, after: unknown): void {
  if (valueKey(before) === valueKey(after)) return;
  throw new MongoCommandError(
    66,
    `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(after)}`,
  );
}

/**
 * `$setOnInsert` only applies to upserts. MongoDB also accepts `$set: {_id: <same value>}`, which mingo
 * refuses as a write to `_id`, so that no-op is dropped.
 */
function forExistingDocument(modifier: Doc, id: unknown): Doc {
  const result = withoutKey(modifier, '$setOnInsert');
  const set = result['$set'] as Doc | undefined;
  if (!set || !('_id' in set) || valueKey(set['_id']) !== valueKey(id)) return result;
  return { ...result, $set: withoutKey(set, '_id') };
}
