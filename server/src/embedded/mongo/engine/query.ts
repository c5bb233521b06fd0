import { Query, type Context } from 'mingo';
import type { CollationSpec, Options } from 'mingo/types';
import { MongoCommandError, type Doc } from '../errors.js';
import { compareValues, type StringComparer } from '../compare.js';
import { valuesAtPath } from '../keys.js';
import { isPlainObject, restoreFidelity } from '../values.js';
import type { Collection } from './collection.js';
import { candidatesFromIndexes } from './planner.js';

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

const isSimpleCollation = (collation: CollationSpec | undefined): boolean =>
  collation === undefined || collation.locale === 'simple';

/** The documents of `collection` that match `filter`, found through an index when one applies. */
export function findMatches(collection: Collection | undefined, filter: Doc, options: EvalOptions): Doc[] {
  if (!collection) return [];
  const fold = collationFold(options.collation);
  const planned = fold ? undefined : candidatesFromIndexes(collection, filter);
  if (planned?.exact) return planned.docs;
  const criteria = fold ? (collate(filter, fold) as Doc) : filter;
  const query = Object.keys(filter).length > 0 ? new Query(criteria, mingoOptions(options)) : undefined;
  const source = planned?.docs ?? collection.docs();
  const matches: Doc[] = [];

  for (const doc of source)
    if (!query || query.test(fold ? (collate(doc, fold) as Doc) : doc)) matches.push(doc);
  return matches;
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

export function stringComparer(collation: CollationSpec | undefined): StringComparer | undefined {
  if (isSimpleCollation(collation) || !collation) return undefined;
  const sensitivity = ({ 1: 'base', 2: 'accent' } as const)[collation.strength as 1 | 2] ?? 'variant';
  const collator = new Intl.Collator(collation.locale, {
    sensitivity,
    numeric: collation.numericOrdering ?? false,
    caseFirst: collation.caseFirst === 'off' || !collation.caseFirst ? 'false' : collation.caseFirst,
  });
  return collator.compare;
}

interface SortField {
  path: string;
  direction: 1 | -1;
}

export function parseSort(spec: Doc): SortField[] {
  return Object.entries(spec).map(([path, direction]) => {
    if (direction !== 1 && direction !== -1) {
      throw new MongoCommandError(
        15975,
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    }
    return { path, direction };
  });
}

/**
 * Orders documents as MongoDB does: an array field sorts by its smallest element ascending and its largest
 * descending; types order by BSON type. With `keep`, only the first `keep` documents are fully ordered.
 */
export function sortDocs(docs: Doc[], spec: Doc, collation?: CollationSpec, keep?: number): Doc[] {
  const fields = parseSort(spec);
  const strings = stringComparer(collation);
  const keyed = docs.map((doc) => ({ doc, keys: fields.map((field) => sortKey(doc, field, strings)) }));
  const order = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    for (let i = 0; i < fields.length; i++) {
      const result = compareValues(a.keys[i], b.keys[i], strings) * (fields[i]?.direction ?? 1);
      if (result !== 0) return result;
    }
    return 0;
  };
  const sorted = keep !== undefined && keep * 8 < keyed.length ? topK(keyed, keep, order) : keyed.sort(order);
  return sorted.map((entry) => entry.doc);
}

function sortKey(doc: Doc, { path, direction }: SortField, strings: StringComparer | undefined): unknown {
  const values = valuesAtPath(doc, path).map((value) => value ?? null);
  let best = values[0];
  for (const value of values.slice(1)) {
    if (compareValues(value, best, strings) * direction < 0) best = value;
  }
  return best;
}

/** The `k` smallest items in order, keeping the input order among equals, in O(n log k). */
function topK<T>(items: T[], k: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && order(item, best[k - 1] as T) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (order(item, best[mid] as T) < 0) high = mid;
      else low = mid + 1;
    }
    best.splice(low, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
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
