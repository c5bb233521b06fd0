import type { CollationSpec } from 'mingo/types';
import { MongoCommandError, type Doc } from '../errors.js';
import { compareValues, type StringComparer } from '../compare.js';
import { ARRAY_ON_PATH, scalarAtPath, valuesAtPath } from '../keys.js';

export const isSimpleCollation = (collation: CollationSpec | undefined): boolean =>
  collation === undefined || collation.locale === 'simple';

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
  const scalar = scalarAtPath(doc, path);
  if (scalar !== ARRAY_ON_PATH) return scalar ?? null;
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
