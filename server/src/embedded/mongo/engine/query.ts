import { Query, type Context } from 'mingo';
import type { CollationSpec, Options } from 'mingo/types';
import { MongoCommandError, type Doc } from '../errors.js';
import { isPlainObject, restoreFidelity } from '../values.js';
import type { Collection } from './collection.js';
import { candidatesFromIndexes } from './planner.js';
import { isSimpleCollation, parseSort, sortDocs } from './sort.js';

/** What a read or write carries besides its filter: collation and `let` variables. */
export interface EvalOptions {
  collation?: CollationSpec | undefined;
  variables?: Doc | undefined;
  context?: Context | undefined;
  collectionResolver?: ((name: string) => Doc[]) | undefined;
}

/** Scripts arrive as BSON Code, which mingo cannot run, so `$where`/`$function` are refused. */
export function mingoOptions(options: EvalOptions): Partial<Options> {
  const result: Partial<Options> = { scriptEnabled: false };
  return Object.assign(
    result,
    options.collation && { collation: options.collation },
    options.variables && { variables: options.variables },
    options.context && { context: options.context },
    options.collectionResolver && { collectionResolver: options.collectionResolver },
  );
}

/**
 * The documents of `collection` that match `filter`, found through an index when one applies; with `keep`,
 * only the first `keep` found.
 */
export function findMatches(
  collection: Collection | undefined,
  filter: Doc,
  options: EvalOptions,
  keep?: number,
): Doc[] {
  if (!collection) return [];
  const planned = collationFold(options.collation) ? undefined : candidatesFromIndexes(collection, filter);
  if (planned?.exact) return planned.docs.slice(0, keep);
  return takeMatching(planned?.docs ?? collection.docs(), matcher(filter, options), keep);
}

/**
 * The matches of `filter` in `sort` order; with `keep`, at least the first `keep` of them. A sort on one
 * field that `_id` or an index keeps in order, for a filter no equality index answers, walks that order and
 * stops after `keep` matches instead of sorting every match.
 */
export function findSorted(
  collection: Collection | undefined,
  filter: Doc,
  sort: Doc,
  options: EvalOptions,
  keep?: number,
): Doc[] {
  const order = collection && orderedScan(collection, filter, sort, options);
  if (!order) return sortDocs(findMatches(collection, filter, options), sort, options.collation, keep);
  return takeMatching(order, matcher(filter, options), keep);
}

function takeMatching(
  source: Iterable<Doc>,
  test: ((doc: Doc) => boolean) | undefined,
  keep?: number,
): Doc[] {
  const matches: Doc[] = [];
  for (const doc of source) {
    if (matches.length === keep) break;
    if (!test || test(doc)) matches.push(doc);
  }
  return matches;
}

/** The mingo test for `filter`, or none for an empty filter. */
function matcher(filter: Doc, options: EvalOptions): ((doc: Doc) => boolean) | undefined {
  if (Object.keys(filter).length === 0) return undefined;
  const fold = collationFold(options.collation);
  const query = new Query(fold ? (collate(filter, fold) as Doc) : filter, mingoOptions(options));
  return fold ? (doc) => query.test(collate(doc, fold) as Doc) : (doc) => query.test(doc);
}

function orderedScan(
  collection: Collection,
  filter: Doc,
  sort: Doc,
  options: EvalOptions,
): Iterable<Doc> | undefined {
  const [field, ...others] = parseSort(sort);
  if (!field || others.length > 0 || !isSimpleCollation(options.collation)) return undefined;
  const order = collection.orderOf(field.path);
  if (!order || candidatesFromIndexes(collection, filter)) return undefined;
  return order.scan(field.direction);
}

/**
 * Mingo honours a collation only when sorting. For matching, strings are compared through a fold: lower
 * case for strength 2, and without accents for strength 1, applied alike to the filter and the documents.
 */
function collationFold(collation: CollationSpec | undefined): ((text: string) => string) | undefined {
  const strength = collation?.strength ?? 3;
  if (!collation || isSimpleCollation(collation) || strength >= 3) return undefined;
  const lower = (text: string): string => text.toLocaleLowerCase(collation.locale);
  return strength === 1 ? (text) => lower(text.normalize('NFD').replace(/\p{M}/gu, '')) : lower;
}

/** Operator arguments that are not compared strings, and so are not folded. */
const UNFOLDED_OPERATORS = new Set(['$regex', '$options', '$type']);

function collate(value: unknown, fold: (text: string) => string): unknown {
  if (typeof value === 'string') return fold(value);
  if (Array.isArray(value)) return value.map((item) => collate(item, fold));
  if (!isPlainObject(value)) return value;
  const result: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = UNFOLDED_OPERATORS.has(key) ? item : collate(item, fold);
  }
  return result;
}

/** Applies a projection to stored documents and returns them in wire form, ready to serialise. */
export function projectForWire(
  collection: Collection | undefined,
  docs: Doc[],
  projection: Doc | undefined,
  filter: Doc,
  options: EvalOptions,
): Doc[] {
  if (!collection) return docs;
  if (!projection || Object.keys(projection).length === 0) return docs.map((doc) => collection.wireForm(doc));
  const positional = Object.keys(projection).some((path) => path.endsWith('.$'));
  const query = new Query(positional ? filter : {}, mingoOptions(options));
  const projected = query.find<Doc>(docs, projection).all();
  if (projected.length !== docs.length) {
    throw new MongoCommandError(
      51246,
      "positional operator '.$' couldn't find a matching element in the array",
    );
  }
  return projected.map((view, i) => {
    const source = docs[i] as Doc;
    const wire = collection.wireForm(source);
    if (wire === source) return view;
    return restoreFidelity(view, projectQuietly(wire, projection)).wire ?? view;
  });
}

function projectQuietly(doc: Doc, projection: Doc): Doc | undefined {
  try {
    return new Query({}, { scriptEnabled: false }).find<Doc>([doc], projection).all()[0];
  } catch {
    return undefined;
  }
}
